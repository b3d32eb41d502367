import { PopulationCount } from '@portal/contracts';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { apiFetch } from '../../../shared/api/api-client.ts';
import { surveyKeys } from './keys.ts';

export type SurveyPopulationDraft = {
  bureauIds: string[];
  gradeIds: string[];
  youngOnly: boolean;
  opensOn: string;
  closesOn: string;
};

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * `GET /api/surveys/population-count`: how many people the population holds on the day a round in
 * this window would take it (HR). A window not fully typed yet is left out (counted today).
 */
export function getSurveyPopulationCount(
  p: SurveyPopulationDraft,
  signal?: AbortSignal,
): Promise<PopulationCount> {
  const query = new URLSearchParams({
    bureauIds: p.bureauIds.join(','),
    gradeIds: p.gradeIds.join(','),
    youngOnly: String(p.youngOnly),
  });
  if (ISO_DAY.test(p.opensOn) && ISO_DAY.test(p.closesOn) && p.opensOn <= p.closesOn) {
    query.set('opensOn', p.opensOn);
    query.set('closesOn', p.closesOn);
  }
  return apiFetch(`/api/surveys/population-count?${query}`, {
    schema: PopulationCount,
    ...(signal ? { signal } : {}),
  });
}

export function surveyPopulationCountQueryOptions(p: SurveyPopulationDraft) {
  return queryOptions({
    queryKey: [...surveyKeys.all, 'population-count', p],
    queryFn: ({ signal }) => getSurveyPopulationCount(p, signal),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}

export function useSurveyPopulationCount(p: SurveyPopulationDraft, enabled = true) {
  return useQuery({ ...surveyPopulationCountQueryOptions(p), enabled });
}
