import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiFetch } from '../../../shared/api/api-client.ts';
import { type OjtSessionFilters, ojtKeys } from '../../ojt/api/keys.ts';
import { ojtSessionsSearch } from '../../ojt/api/search.ts';
import { trainingKeys } from '../../training/api/keys.ts';
import type { ActionCount } from '../lib/next-actions.ts';

/**
 * The `total` of a one-row page. Typed, not parsed: the start page reads it, and the list pages that
 * share these query keys parse the same answer (decision 037).
 */
function countQuery(queryKey: readonly unknown[], path: string, enabled: boolean) {
  return queryOptions({
    queryKey,
    queryFn: ({ signal }) => apiFetch<{ total: number }>(path, { signal }),
    enabled,
  });
}

/**
 * How much waits for the reader, one small query each (`pageSize=1`, the `total` only), asked for
 * only when the reader has the action: training applications to approve (`inbox=supervisor`), to
 * accept (`inbox=acceptance`), and OJT sessions received and not yet confirmed. A count that fails to
 * load is left out: the start page stays quiet.
 */
export function useWaitingCounts(
  wanted: ReadonlySet<ActionCount>,
  staffId: string | undefined,
): Partial<Record<ActionCount, number>> {
  const approvalsParams = 'inbox=supervisor&pageSize=1';
  const acceptanceParams = 'inbox=acceptance&pageSize=1';
  const ojtFilters: OjtSessionFilters = { staffId, acknowledged: false, page: 1, pageSize: 1 };
  const approvals = useQuery(
    countQuery(
      trainingKeys.applications(approvalsParams),
      `/api/applications?${approvalsParams}`,
      wanted.has('trainingApprovals'),
    ),
  );
  const acceptance = useQuery(
    countQuery(
      trainingKeys.applications(acceptanceParams),
      `/api/applications?${acceptanceParams}`,
      wanted.has('trainingAcceptance'),
    ),
  );
  const ojt = useQuery(
    countQuery(
      ojtKeys.sessions(ojtFilters),
      `/api/ojt-sessions?${ojtSessionsSearch(ojtFilters)}`,
      wanted.has('ojtToAcknowledge') && Boolean(staffId),
    ),
  );
  const counts: Partial<Record<ActionCount, number>> = {};
  if (approvals.data && !approvals.isError) counts.trainingApprovals = approvals.data.total;
  if (acceptance.data && !acceptance.isError) counts.trainingAcceptance = acceptance.data.total;
  if (ojt.data && !ojt.isError) counts.ojtToAcknowledge = ojt.data.total;
  return counts;
}
