/** Who the actor is and what they may do: `GET /api/me`. */
import type { AccountState, Me } from '@portal/contracts';
import type { Actor } from '../../access/actor.ts';
import type { StaffService } from '../staff/staff.service.ts';

/**
 * The session's expiry comes with the actor (authentication read it); the account's TOTP state with the
 * person's record; the units headed and bureaus served in the same statement as the record.
 */
export async function me(
  deps: { staff: StaffService; idleTimeoutSeconds: number },
  actor: Actor,
  session: { expiresAt: Date; account: (mfaEnabled: boolean) => AccountState },
): Promise<Me> {
  const {
    detail: { account: own, ...staff },
    units,
  } = await deps.staff.own(actor.staffId, { paths: actor.teamPaths, ids: actor.bureauIds });
  const ref = (u: (typeof units)[number]) => ({
    id: u.id,
    code: u.code,
    kind: u.kind,
    name: { ja: u.nameJa, en: u.nameEn },
  });
  return {
    staff,
    roles: actor.roles,
    permissions: [...actor.permissions],
    teamUnits: units.filter((u) => actor.teamPaths.includes(u.path)).map(ref),
    bureaus: units.filter((u) => actor.bureauIds.includes(u.id)).map(ref),
    session: { expiresAt: session.expiresAt.toISOString(), idleTimeoutSeconds: deps.idleTimeoutSeconds },
    account: session.account(own?.mfa ?? false),
  };
}
