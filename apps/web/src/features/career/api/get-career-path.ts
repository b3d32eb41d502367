import { CareerPath } from '@portal/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiFetch } from '../../../shared/api/api-client.ts';
import { careerKeys, staffPath } from './keys.ts';

/** `GET /api/staff/{id}/career-path`: the grade ladder with its 階層別研修 and the person's progress. */
export function getCareerPath(staffId: string, signal?: AbortSignal) {
  return apiFetch(`${staffPath(staffId)}/career-path`, { schema: CareerPath, ...(signal ? { signal } : {}) });
}

export function careerPathQueryOptions(staffId: string) {
  return queryOptions({
    queryKey: careerKeys.path(staffId),
    queryFn: ({ signal }) => getCareerPath(staffId, signal),
  });
}

export function useCareerPath(staffId: string) {
  return useQuery(careerPathQueryOptions(staffId));
}
