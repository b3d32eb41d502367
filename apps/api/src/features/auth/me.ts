/** Who the actor is and what they may do: `GET /api/me`. */
import type { AccountState, Me } from '@portal/contracts';
import type { Actor } from '../../access/actor.ts';
import type { Db } from '../../db/client.ts';
import type { StaffService } from '../staff/staff.service.ts';
import { sessionExpiry, unitsByPathOrId } from './me.repository.ts';

export async function me(
  deps: { db: Db; staff: StaffService; idleTimeoutSeconds: number },
  actor: Actor,
  account: AccountState,
): Promise<Me> {
  const [staff, units, expiresAt] = await Promise.all([
    deps.staff.detail(actor.staffId),
    unitsByPathOrId(deps.db, actor.teamPaths, actor.bureauIds),
    sessionExpiry(deps.db, actor.sessionId),
  ]);
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
    session: { expiresAt: expiresAt.toISOString(), idleTimeoutSeconds: deps.idleTimeoutSeconds },
    account,
  };
}
