import { OneOnOne } from '@portal/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiFetch } from '../../../shared/api/api-client.ts';
import { dialogueKeys } from './keys.ts';

/** `GET /api/one-on-ones/{id}`: one record; its private notes only when the reader wrote it. */
export function getOneOnOne(id: string, signal?: AbortSignal): Promise<OneOnOne> {
  return apiFetch(`/api/one-on-ones/${encodeURIComponent(id)}`, {
    schema: OneOnOne,
    ...(signal ? { signal } : {}),
  });
}

export function oneOnOneQueryOptions(id: string) {
  return queryOptions({
    queryKey: dialogueKeys.record(id),
    queryFn: ({ signal }) => getOneOnOne(id, signal),
  });
}

export function useOneOnOne(id: string) {
  return useQuery(oneOnOneQueryOptions(id));
}
