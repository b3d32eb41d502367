import { GradeList } from '@portal/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiFetch } from '../../../shared/api/api-client.ts';
import { identityKeys } from './keys.ts';

/** `GET /api/grades`: the grades (職位), low to high. */
export function getGrades(signal?: AbortSignal): Promise<GradeList> {
  return apiFetch('/api/grades', { schema: GradeList, ...(signal ? { signal } : {}) });
}

export function gradesQueryOptions() {
  return queryOptions({
    queryKey: identityKeys.grades(),
    queryFn: ({ signal }) => getGrades(signal),
    staleTime: 30 * 60_000,
  });
}

export function useGrades() {
  return useQuery(gradesQueryOptions());
}
