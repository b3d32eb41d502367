import { useOjtSessions } from '../../ojt/api/get-ojt-sessions.ts';
import { useApplications } from '../../training/api/applications.ts';
import type { ActionCount } from '../lib/next-actions.ts';

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
  const approvals = useApplications('inbox=supervisor&pageSize=1', wanted.has('trainingApprovals'));
  const acceptance = useApplications('inbox=acceptance&pageSize=1', wanted.has('trainingAcceptance'));
  const ojt = useOjtSessions(
    { staffId, acknowledged: false, page: 1, pageSize: 1 },
    { enabled: wanted.has('ojtToAcknowledge') && Boolean(staffId) },
  );
  const counts: Partial<Record<ActionCount, number>> = {};
  if (approvals.data && !approvals.isError) counts.trainingApprovals = approvals.data.total;
  if (acceptance.data && !acceptance.isError) counts.trainingAcceptance = acceptance.data.total;
  if (ojt.data && !ojt.isError) counts.ojtToAcknowledge = ojt.data.total;
  return counts;
}
