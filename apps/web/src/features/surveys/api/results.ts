import { SurveyResponseRate, SurveyResults } from '@portal/contracts';
import { useQuery } from '@tanstack/react-query';
import { apiFetch } from '../../../shared/api/api-client.ts';
import { surveyKeys } from './keys.ts';

export type ResultsParams = { groupBy: string; orgUnitId: string };

export const resultsQuery = (p: ResultsParams) =>
  new URLSearchParams({
    ...(p.groupBy ? { groupBy: p.groupBy } : {}),
    ...(p.orgUnitId ? { orgUnitId: p.orgUnitId } : {}),
  }).toString();

/** `GET /api/surveys/{id}/results?groupBy=&orgUnitId=`: figures only where k is reached. */
export function useResults(id: string, p: ResultsParams) {
  const q = resultsQuery(p);
  return useQuery({
    queryKey: surveyKeys.results(id, q),
    queryFn: ({ signal }) =>
      apiFetch(`/api/surveys/${encodeURIComponent(id)}/results?${q}`, { schema: SurveyResults, signal }),
  });
}

/** `GET /api/surveys/{id}/response-rate?groupBy=&orgUnitId=`: counts only. */
export function useResponseRate(id: string, p: ResultsParams) {
  const q = resultsQuery(p);
  return useQuery({
    queryKey: surveyKeys.rate(id, q),
    queryFn: ({ signal }) =>
      apiFetch(`/api/surveys/${encodeURIComponent(id)}/response-rate?${q}`, {
        schema: SurveyResponseRate,
        signal,
      }),
  });
}
