/**
 * Access is decided here, deny by default. Services call `require` (403 for an action outside the
 * actor's role) and scope their reads with `staffWhere` / `assertStaffVisible` (a record outside the
 * actor's scope is 404: its existence is not revealed). Route hooks only authenticate.
 */
import { type Permission, permissionsOf, type Role } from '@portal/contracts';
import type { Db, Tx } from '../db/client.ts';
import type { Prisma } from '../generated/prisma/client.ts';
import { ForbiddenError, NotFoundError } from '../shared/errors.ts';
import type { Actor } from './actor.ts';

/** Today as a date (the dates of posts are calendar dates, in the city's time zone). */
export function today(now = new Date()): Date {
  const ymd = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tokyo' }).format(now);
  return new Date(`${ymd}T00:00:00Z`);
}

/** A dated row (post, holding, override) in force today. */
export function inForce(day = today()) {
  return { startsOn: { lte: day }, OR: [{ endsOn: null }, { endsOn: { gte: day } }] };
}

export async function loadActor(db: Db, staffId: string, sessionId: string): Promise<Actor | null> {
  const day = today();
  const staff = await db.staff.findUnique({
    where: { id: staffId },
    select: {
      disabledAt: true,
      systemRoles: true,
      assignments: {
        where: { ...inForce(day), isHead: true },
        select: { orgUnit: { select: { path: true } } },
      },
      supervising: { where: inForce(day), select: { staffId: true } },
      holdings: {
        where: inForce(day),
        select: { orgUnitId: true, promotionRole: { select: { code: true } } },
      },
    },
  });
  if (!staff || staff.disabledAt) return null;
  const teamPaths = staff.assignments.map((a) => a.orgUnit.path);
  const overrideStaffIds = staff.supervising.map((s) => s.staffId);
  const bureauIds = staff.holdings
    .filter((h) => h.orgUnitId && ['bureau-officer', 'bureau-promoter'].includes(h.promotionRole.code))
    .map((h) => h.orgUnitId as string);
  const roles: Role[] = ['staff'];
  if (teamPaths.length || overrideStaffIds.length) roles.push('supervisor');
  if (bureauIds.length) roles.push('bureau_officer');
  if (staff.systemRoles.includes('hr_admin')) roles.push('hr_admin');
  if (staff.holdings.some((h) => ['chief', 'deputy'].includes(h.promotionRole.code))) roles.push('executive');
  return {
    staffId,
    sessionId,
    roles,
    permissions: new Set(permissionsOf(roles)),
    teamPaths,
    overrideStaffIds,
    bureauIds,
  };
}

export function can(actor: Actor, permission: Permission): boolean {
  return actor.permissions.has(permission);
}

/** 403 unless the actor's roles grant the permission. */
export function require(actor: Actor, ...anyOf: Permission[]): void {
  if (!anyOf.some((p) => actor.permissions.has(p))) throw new ForbiddenError();
}

/** The people the actor may see: self; their team; their bureau; everyone for HR and executives. */
export function staffWhere(actor: Actor, day = today()): Prisma.StaffWhereInput {
  if (can(actor, 'staff:read:any')) return {};
  const or: Prisma.StaffWhereInput[] = [{ id: actor.staffId }];
  if (can(actor, 'staff:read:team')) {
    if (actor.teamPaths.length) {
      or.push({
        assignments: {
          some: {
            ...inForce(day),
            orgUnit: { OR: actor.teamPaths.map((p) => ({ path: { startsWith: p } })) },
          },
        },
      });
    }
    if (actor.overrideStaffIds.length) or.push({ id: { in: actor.overrideStaffIds } });
  }
  if (can(actor, 'staff:read:bureau') && actor.bureauIds.length) {
    or.push({ assignments: { some: { ...inForce(day), orgUnit: { bureauId: { in: actor.bureauIds } } } } });
  }
  return { OR: or };
}

/** 404 unless the actor may see this person. */
export async function assertStaffVisible(db: Db, actor: Actor, staffId: string): Promise<void> {
  const found = await db.staff.findFirst({
    where: { AND: [{ id: staffId }, staffWhere(actor)] },
    select: { id: true },
  });
  if (!found) throw new NotFoundError('No such staff member.', 'staff_not_found');
}

/** Whether the actor supervises this person (their team or an explicit override), not counting themselves. */
export async function isSupervisorOf(db: Db, actor: Actor, staffId: string): Promise<boolean> {
  if (staffId === actor.staffId) return false;
  if (actor.overrideStaffIds.includes(staffId)) return true;
  if (!actor.teamPaths.length) return false;
  const found = await db.assignment.findFirst({
    where: {
      staffId,
      ...inForce(),
      orgUnit: { OR: actor.teamPaths.map((p) => ({ path: { startsWith: p } })) },
    },
    select: { id: true },
  });
  return found !== null;
}

/** Of these people, the ones the actor supervises (team or override; never themselves), in one query. */
export async function supervisedAmong(
  db: Db,
  actor: Actor,
  staffIds: readonly string[],
): Promise<Set<string>> {
  const others = staffIds.filter((id) => id !== actor.staffId);
  const found = new Set(others.filter((id) => actor.overrideStaffIds.includes(id)));
  const rest = others.filter((id) => !found.has(id));
  if (rest.length && actor.teamPaths.length) {
    const rows = await db.assignment.findMany({
      where: {
        staffId: { in: rest },
        ...inForce(),
        orgUnit: { OR: actor.teamPaths.map((p) => ({ path: { startsWith: p } })) },
      },
      select: { staffId: true },
    });
    for (const r of rows) found.add(r.staffId);
  }
  return found;
}

/**
 * 404 unless every person is visible to the actor; then 403 unless the actor holds `permission` and
 * supervises every one of them (a supervisor acts for their own staff only).
 */
export async function assertSupervisorOfAll(
  db: Db,
  actor: Actor,
  staffIds: readonly string[],
  permission: Permission,
): Promise<void> {
  const visible = await db.staff.findMany({
    where: { AND: [{ id: { in: [...staffIds] } }, staffWhere(actor)] },
    select: { id: true },
  });
  if (visible.length !== new Set(staffIds).size) {
    throw new NotFoundError('No such staff member.', 'staff_not_found');
  }
  require(actor, permission);
  const supervised = await supervisedAmong(db, actor, staffIds);
  if (staffIds.some((id) => !supervised.has(id))) {
    throw new ForbiddenError('Only the person’s supervisor may do this.', 'not_supervisor');
  }
}

/** OJT sessions the actor may see: those of the people they may see, and those they gave. */
export function ojtSessionWhere(actor: Actor): Prisma.OjtSessionWhereInput {
  if (can(actor, 'staff:read:any')) return {};
  return { OR: [{ trainee: staffWhere(actor) }, { supervisorId: actor.staffId }] };
}

/**
 * For a correction or a deletion of an OJT session the actor can see (the caller found it through
 * `ojtSessionWhere`, else 404): 403 unless the actor may log OJT, logged this one, and still supervises
 * the trainee. A session passed on to a new supervisor stays as the old one wrote it.
 */
export async function assertOjtSessionLogger(
  db: Db,
  actor: Actor,
  session: { traineeId: string; supervisorId: string },
): Promise<void> {
  require(actor, 'ojt:create:team');
  if (session.supervisorId !== actor.staffId) {
    throw new ForbiddenError('Only the supervisor who logged the session may change it.', 'not_logger');
  }
  if (!(await isSupervisorOf(db, actor, session.traineeId))) {
    throw new ForbiddenError('Only the person’s supervisor may do this.', 'not_supervisor');
  }
}

/** Of these sessions, the ones the actor may correct (`assertOjtSessionLogger`), in one query at most. */
export async function ojtSessionsEditable(
  db: Db,
  actor: Actor,
  sessions: readonly { id: string; traineeId: string; supervisorId: string }[],
): Promise<Set<string>> {
  if (!can(actor, 'ojt:create:team')) return new Set();
  const mine = sessions.filter((s) => s.supervisorId === actor.staffId);
  if (!mine.length) return new Set();
  const supervised = await supervisedAmong(db, actor, [...new Set(mine.map((s) => s.traineeId))]);
  return new Set(mine.filter((s) => supervised.has(s.traineeId)).map((s) => s.id));
}

/** 404 unless the actor may see the person; then 403 unless it is the actor themself, holding `permission`. */
export async function assertSelfWrite(db: Db, actor: Actor, staffId: string, permission: Permission) {
  await assertStaffVisible(db, actor, staffId);
  require(actor, permission);
  if (staffId !== actor.staffId) throw new ForbiddenError('Only the person may do this.', 'not_self');
}

/** 404 unless the actor may see the person; then 403 unless the actor supervises them, holding `permission`. */
export async function assertSupervisorOf(db: Db, actor: Actor, staffId: string, permission: Permission) {
  await assertStaffVisible(db, actor, staffId);
  require(actor, permission);
  if (!(await isSupervisorOf(db, actor, staffId))) {
    throw new ForbiddenError('Only the person’s supervisor may do this.', 'not_supervisor');
  }
}

/** Whether the actor manages a course: HR any; a bureau officer their own bureau's 部門別研修. */
export function canManageTraining(
  actor: Actor,
  training: { kind: string; ownerBureauId: string | null },
): boolean {
  if (can(actor, 'training:manage:any')) return true;
  return (
    can(actor, 'training:manage:bureau') &&
    training.kind === 'departmental' &&
    training.ownerBureauId !== null &&
    actor.bureauIds.includes(training.ownerBureauId)
  );
}

/** The courses the actor manages, as a where; `null` when none. */
export function managedTrainingWhere(actor: Actor): Prisma.TrainingWhereInput | null {
  if (can(actor, 'training:manage:any')) return {};
  if (can(actor, 'training:manage:bureau') && actor.bureauIds.length) {
    return { kind: 'departmental', ownerBureauId: { in: actor.bureauIds } };
  }
  return null;
}

/** The people the actor supervises today (team or override, never themselves), as a where; `null` when none. */
export function supervisedStaffWhere(actor: Actor, day = today()): Prisma.StaffWhereInput | null {
  const or: Prisma.StaffWhereInput[] = [];
  if (actor.teamPaths.length) {
    or.push({
      assignments: {
        some: { ...inForce(day), orgUnit: { OR: actor.teamPaths.map((p) => ({ path: { startsWith: p } })) } },
      },
    });
  }
  if (actor.overrideStaffIds.length) or.push({ id: { in: actor.overrideStaffIds } });
  return or.length ? { AND: [{ OR: or }, { id: { not: actor.staffId } }] } : null;
}

/** Training applications the actor may see: their own, their staff's, and those to courses they manage. */
export function trainingApplicationWhere(actor: Actor): Prisma.TrainingApplicationWhereInput {
  if (can(actor, 'training:manage:any')) return {};
  const or: Prisma.TrainingApplicationWhereInput[] = [{ staffId: actor.staffId }];
  const team = can(actor, 'training:approve:team') ? supervisedStaffWhere(actor) : null;
  if (team) or.push({ staff: team });
  const managed = managedTrainingWhere(actor);
  if (managed) or.push({ session: { training: managed } });
  return { OR: or };
}

/** Whether anyone supervises this person today: the head of a unit above (or of) theirs, or an override. */
export async function hasSupervisor(db: Db | Tx, staffId: string): Promise<boolean> {
  const day = today();
  const [posts, override] = await Promise.all([
    db.assignment.findMany({
      where: { staffId, ...inForce(day) },
      select: { orgUnit: { select: { path: true } } },
    }),
    db.supervisorOverride.findFirst({ where: { staffId, ...inForce(day) }, select: { id: true } }),
  ]);
  if (override) return true;
  const unitIds = [...new Set(posts.flatMap((p) => p.orgUnit.path.split('/').filter(Boolean)))];
  if (!unitIds.length) return false;
  const head = await db.assignment.findFirst({
    where: { ...inForce(day), isHead: true, orgUnitId: { in: unitIds }, staffId: { not: staffId } },
    select: { id: true },
  });
  return head !== null;
}

// --- 推進計画 and rollout dashboards ---------------------------------------------------------------

/** HR sees every period; everyone else only published ones (a draft or one under review is 404). */
export function assertPlanPeriodVisible(actor: Actor, status: 'draft' | 'review' | 'published'): void {
  if (status !== 'published' && !can(actor, 'plan:edit:any')) {
    throw new NotFoundError('No such plan period.', 'plan_period_not_found');
  }
}

/** HR enters any KPI's actuals; a bureau officer those of the KPIs their own 局・区 owns. */
export function canEnterKpiActual(actor: Actor, kpi: { ownerBureauId: string | null }): boolean {
  if (can(actor, 'plan:edit:any')) return true;
  return (
    can(actor, 'kpi:actual:bureau') &&
    kpi.ownerBureauId !== null &&
    actor.bureauIds.includes(kpi.ownerBureauId)
  );
}

/**
 * A unit's dashboard: HR and executives any unit; a bureau officer the units of their own 局・区 (another
 * bureau's unit is 404); everyone else 403.
 */
export function assertDashboardUnitVisible(actor: Actor, unit: { bureauId: string | null }): void {
  if (can(actor, 'dashboard:read:any')) return;
  require(actor, 'dashboard:read:bureau');
  if (!unit.bureauId || !actor.bureauIds.includes(unit.bureauId)) {
    throw new NotFoundError('No such org unit.', 'org_unit_not_found');
  }
}
