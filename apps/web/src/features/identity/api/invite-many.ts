import {
  type AccountFilter,
  type BulkInvitationRequest,
  BulkInvitationResult,
  type Invitation,
} from '@portal/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ApiError, apiFetch, toApiError } from '../../../shared/api/api-client.ts';
import { getStaffList } from './get-staff-list.ts';
import { identityKeys } from './keys.ts';

/** How the invitations reach people: by mail (where it is on), printed letters, or a CSV of links. */
export type InvitationDelivery = 'mail' | 'pdf' | 'csv';

export type BulkInvitationOutcome =
  | { delivery: 'mail'; items: Invitation[] }
  | { delivery: 'pdf' | 'csv'; count: number; file: Blob; fileName: string };

/** `POST /api/invitations[?format=pdf|csv]` (HR): one invitation each; letters come back as a file. */
export async function inviteMany(
  request: BulkInvitationRequest,
  delivery: InvitationDelivery,
): Promise<BulkInvitationOutcome> {
  if (delivery === 'mail') {
    const result = await apiFetch('/api/invitations', {
      method: 'POST',
      json: request,
      schema: BulkInvitationResult,
    });
    return { delivery, items: result.items };
  }
  let response: Response;
  try {
    response = await fetch(`/api/invitations?format=${delivery}`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: {
        'content-type': 'application/json',
        accept: 'application/pdf, text/csv, application/problem+json',
      },
      body: JSON.stringify(request),
    });
  } catch (cause) {
    throw new ApiError({ status: 0, code: 'network', message: 'Network error', cause });
  }
  if (!response.ok) throw await toApiError(response);
  return {
    delivery,
    count: Number(response.headers.get('x-invitation-count') ?? '0'),
    file: await response.blob(),
    fileName: delivery === 'pdf' ? 'invitations.pdf' : 'invitations.csv',
  };
}

export function useInviteMany() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { request: BulkInvitationRequest; delivery: InvitationDelivery }) =>
      inviteMany(input.request, input.delivery),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: identityKeys.staff() }),
  });
}

/** How many people a list filter holds (one row asked for; the total is what counts). */
async function countOf(filter: { orgUnitId?: string; account?: AccountFilter }, signal?: AbortSignal) {
  const page = await getStaffList({ ...filter, page: 1, pageSize: 1 }, signal);
  return page.total;
}

/**
 * The head count of a bulk invitation before it is sent, by the same rules as the API: enabled people
 * of the unit (those with a password too: the link lets them set a new one), or enabled people without
 * a password (a live invitation is renewed).
 */
export async function headCount(
  request: { orgUnitId: string } | { withoutAccount: true },
  signal?: AbortSignal,
): Promise<{ total: number; renewed: number; active: number }> {
  if ('orgUnitId' in request) {
    const [all, disabled, invited, active] = await Promise.all([
      countOf({ orgUnitId: request.orgUnitId }, signal),
      countOf({ orgUnitId: request.orgUnitId, account: 'disabled' }, signal),
      countOf({ orgUnitId: request.orgUnitId, account: 'invited' }, signal),
      countOf({ orgUnitId: request.orgUnitId, account: 'active' }, signal),
    ]);
    return { total: all - disabled, renewed: invited, active };
  }
  const [none, invited] = await Promise.all([
    countOf({ account: 'none' }, signal),
    countOf({ account: 'invited' }, signal),
  ]);
  return { total: none + invited, renewed: invited, active: 0 };
}
