import { Training, TrainingSessionPage } from '@portal/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiFetch } from '../../../shared/api/api-client.ts';
import { trainingKeys } from './keys.ts';

/** `GET /api/trainings/{id}` */
export function trainingQueryOptions(id: string) {
  return queryOptions({
    queryKey: trainingKeys.detail(id),
    queryFn: ({ signal }) => apiFetch(`/api/trainings/${id}`, { schema: Training, signal }),
  });
}

export function useTraining(id: string) {
  return useQuery(trainingQueryOptions(id));
}

/** `GET /api/trainings/{id}/sessions`: every session of the course (a course has a handful a year). */
export function sessionsQueryOptions(trainingId: string) {
  return queryOptions({
    queryKey: trainingKeys.sessions(trainingId),
    queryFn: ({ signal }) =>
      apiFetch(`/api/trainings/${trainingId}/sessions?pageSize=100`, { schema: TrainingSessionPage, signal }),
  });
}

/** An empty id (no course chosen yet) asks for nothing. */
export function useTrainingSessions(trainingId: string) {
  return useQuery({ ...sessionsQueryOptions(trainingId), enabled: trainingId !== '' });
}
