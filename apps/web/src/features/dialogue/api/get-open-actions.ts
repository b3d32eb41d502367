import type { OpenOneOnOneActionPage } from '@portal/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiFetch } from '../../../shared/api/api-client.ts';
import { dialogueKeys } from './keys.ts';

/** `GET /api/one-on-one-actions`: open actions on the reader's side (owned, or of 1on1s they wrote), due first. */
export function getOpenActions(signal?: AbortSignal): Promise<OpenOneOnOneActionPage> {
  // Typed, not parsed: the start page reads it (decision 037).
  return apiFetch<OpenOneOnOneActionPage>('/api/one-on-one-actions?pageSize=50', signal ? { signal } : {});
}

export function openActionsQueryOptions() {
  return queryOptions({
    queryKey: dialogueKeys.openActions(),
    queryFn: ({ signal }) => getOpenActions(signal),
  });
}

export function useOpenActions() {
  return useQuery(openActionsQueryOptions());
}
