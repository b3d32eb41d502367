/**
 * Who is told: the people a feature's notice goes to, found in the transaction of the write.
 * - a person's supervisor: an override in force, else the head of the nearest unit above (or of) their
 *   post who is not themselves — the one who approves, not every head up the line;
 * - HR: the HR administrators (not disabled);
 * - a bureau's officers: the holders of its 局区人材育成責任者 / 統括人材育成推進員 roles in force.
 */
import { inForce, today } from '../../access/scope.ts';
import type { Db, Tx } from '../../db/client.ts';

type Client = Db | Tx;

const BUREAU_ROLES = ['bureau-officer', 'bureau-promoter'];

/** Each person's supervisors (usually one), in three statements whatever the number of people. */
export async function supervisorsOf(
  client: Client,
  staffIds: readonly string[],
  day = today(),
): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  const ids = [...new Set(staffIds)];
  if (!ids.length) return out;
  const [overrides, posts] = await Promise.all([
    client.supervisorOverride.findMany({
      where: { staffId: { in: ids }, ...inForce(day), supervisor: { disabledAt: null } },
      select: { staffId: true, supervisorId: true },
    }),
    client.assignment.findMany({
      where: { staffId: { in: ids }, ...inForce(day) },
      select: { staffId: true, orgUnit: { select: { path: true } } },
    }),
  ]);
  for (const o of overrides) out.set(o.staffId, [...(out.get(o.staffId) ?? []), o.supervisorId]);
  const pending = posts.filter((p) => !out.has(p.staffId));
  const unitIds = [...new Set(pending.flatMap((p) => p.orgUnit.path.split('/').filter(Boolean)))];
  if (!unitIds.length) return out;
  const heads = await client.assignment.findMany({
    where: { ...inForce(day), isHead: true, orgUnitId: { in: unitIds }, staff: { disabledAt: null } },
    select: { staffId: true, orgUnitId: true },
  });
  const headsOf = new Map<string, string[]>();
  for (const h of heads) headsOf.set(h.orgUnitId, [...(headsOf.get(h.orgUnitId) ?? []), h.staffId]);
  for (const p of pending) {
    const chain = p.orgUnit.path.split('/').filter(Boolean).reverse();
    for (const unit of chain) {
      const found = (headsOf.get(unit) ?? []).filter((id) => id !== p.staffId);
      if (found.length) {
        out.set(p.staffId, [...new Set([...(out.get(p.staffId) ?? []), ...found])]);
        break;
      }
    }
  }
  return out;
}

export async function hrAdmins(client: Client): Promise<string[]> {
  const rows = await client.staff.findMany({
    where: { systemRoles: { has: 'hr_admin' }, disabledAt: null },
    select: { id: true },
  });
  return rows.map((r) => r.id);
}

/** The officers of each of these 局・区. */
export async function bureauOfficers(
  client: Client,
  bureauIds: readonly string[],
  day = today(),
): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (!bureauIds.length) return out;
  const rows = await client.promotionRoleHolding.findMany({
    where: {
      orgUnitId: { in: [...new Set(bureauIds)] },
      promotionRole: { code: { in: BUREAU_ROLES } },
      staff: { disabledAt: null },
      ...inForce(day),
    },
    select: { staffId: true, orgUnitId: true },
  });
  for (const r of rows) {
    if (r.orgUnitId) out.set(r.orgUnitId, [...new Set([...(out.get(r.orgUnitId) ?? []), r.staffId])]);
  }
  return out;
}

/**
 * Who handles a course's applications: the owning bureau's officers for a 部門別研修 (HR when the
 * bureau has none), HR for the others.
 */
export async function courseManagers(client: Client, ownerBureauId: string | null): Promise<string[]> {
  if (ownerBureauId) {
    const officers = (await bureauOfficers(client, [ownerBureauId])).get(ownerBureauId) ?? [];
    if (officers.length) return officers;
  }
  return hrAdmins(client);
}

/** Names and course titles for the texts: a name and a title, in both languages. */
export async function namesOf(
  client: Client,
  staffIds: readonly string[],
): Promise<Map<string, { name: string; nameEn: string }>> {
  if (!staffIds.length) return new Map();
  const rows = await client.staff.findMany({
    where: { id: { in: [...new Set(staffIds)] } },
    select: { id: true, nameJa: true, nameEn: true },
  });
  return new Map(rows.map((r) => [r.id, { name: r.nameJa, nameEn: r.nameEn }]));
}
