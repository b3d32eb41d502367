import { TrainingOptions, TrainingPage, TrainingRecommendations } from '@portal/contracts';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { apiFetch } from '../../../shared/api/api-client.ts';
import { trainingKeys } from './keys.ts';

const withSignal = (signal?: AbortSignal) => (signal ? { signal } : {});

/** `GET /api/trainings?…`: one page of the catalogue; `params` is the query string the page built. */
export function getTrainings(params: string, signal?: AbortSignal): Promise<TrainingPage> {
  return apiFetch(`/api/trainings?${params}`, { schema: TrainingPage, ...withSignal(signal) });
}

export function trainingsQueryOptions(params: string) {
  return queryOptions({
    queryKey: trainingKeys.list(params),
    queryFn: ({ signal }) => getTrainings(params, signal),
    placeholderData: keepPreviousData,
  });
}

export function useTrainings(params: string) {
  return useQuery(trainingsQueryOptions(params));
}

/** `GET /api/trainings/recommended`: courses for my grade and career plan that I have not taken. */
export function recommendedQueryOptions() {
  return queryOptions({
    queryKey: trainingKeys.recommended(),
    queryFn: ({ signal }) =>
      apiFetch('/api/trainings/recommended', { schema: TrainingRecommendations, ...withSignal(signal) }),
  });
}

export function useRecommendedTrainings() {
  return useQuery(recommendedQueryOptions());
}

/** `GET /api/trainings/options`: grades, job families, bureaus and 年度 for filters and the editor. */
export function trainingOptionsQueryOptions() {
  return queryOptions({
    queryKey: trainingKeys.options(),
    queryFn: ({ signal }) =>
      apiFetch('/api/trainings/options', { schema: TrainingOptions, ...withSignal(signal) }),
    staleTime: 10 * 60_000,
  });
}

export function useTrainingOptions() {
  return useQuery(trainingOptionsQueryOptions());
}
