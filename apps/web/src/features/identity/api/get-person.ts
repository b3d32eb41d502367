import { StaffDetail } from '@portal/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiFetch } from '../../../shared/api/api-client.ts';
import { identityKeys } from './keys.ts';

/** `GET /api/staff/{id}`: one person; 404 when there is none or the reader may not see them. */
export function getPerson(id: string, signal?: AbortSignal): Promise<StaffDetail> {
  return apiFetch(`/api/staff/${encodeURIComponent(id)}`, {
    schema: StaffDetail,
    ...(signal ? { signal } : {}),
  });
}

export function personQueryOptions(id: string) {
  return queryOptions({
    queryKey: identityKeys.person(id),
    queryFn: ({ signal }) => getPerson(id, signal),
  });
}

export function usePerson(id: string) {
  return useQuery(personQueryOptions(id));
}
