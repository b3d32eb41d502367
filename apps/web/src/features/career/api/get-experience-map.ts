import { ExperienceMap } from '@portal/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiFetch } from '../../../shared/api/api-client.ts';
import { careerKeys, staffPath } from './keys.ts';

/** `GET /api/staff/{id}/experience-map`: the 局・区, fields (部) and grades served, with years. */
export function getExperienceMap(staffId: string, signal?: AbortSignal) {
  return apiFetch(`${staffPath(staffId)}/experience-map`, {
    schema: ExperienceMap,
    ...(signal ? { signal } : {}),
  });
}

export function experienceMapQueryOptions(staffId: string) {
  return queryOptions({
    queryKey: careerKeys.experience(staffId),
    queryFn: ({ signal }) => getExperienceMap(staffId, signal),
  });
}

export function useExperienceMap(staffId: string) {
  return useQuery(experienceMapQueryOptions(staffId));
}
