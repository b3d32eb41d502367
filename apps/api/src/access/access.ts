/**
 * Access is decided here, deny by default. Services ask `authorize` (403 for an action outside the
 * actor's role or scope) and scope their reads with the rules of `scope.ts` (`staffWhere`, … — a
 * record outside the actor's scope is 404: its existence is not revealed). Route hooks only
 * authenticate. The checks below combine the two for the records the features share.
 */
import { type Permission, permissionsOf, type Role } from '@portal/contracts';
import type { Db, Tx } from '../db/client.ts';
import { ForbiddenError, NotFoundError } from '../shared/errors.ts';
import * as repo from './access.repository.ts';
import type { Actor } from './actor.ts';
import { allows, authorize, type Refusal, type Target } from './authorize.ts';
import { careerRecordsWhere, staffWhere, supervisedStaffWhere, today } from './scope.ts';

export { allows, authorize, type Refusal, type Target } from './authorize.ts';
export {
  careerRecordsWhere,
  directSupervisorSql,
  inForce,
  managedTrainingWhere,
  ojtSessionWhere,
  oneOnOneWhere,
  staffWhere,
  supervisedStaffWhere,
  today,
  trainingApplicationWhere,
} from './scope.ts';

type Client = Db | Tx;

const BUREAU_ROLES = ['bureau-officer', 'bureau-promoter'];
const EXECUTIVE_ROLES = ['chief', 'deputy'];

/** The actor from what the session query read (`access.repository.ts`'s `sessionActor`). */
export function actorOf(row: repo.StaffActorRow & { sessionId: string }): Actor {
  const bureauIds = row.holdings
    .filter((h) => h.orgUnitId && BUREAU_ROLES.includes(h.code))
    .map((h) => h.orgUnitId as string);
  const roles: Role[] = ['staff'];
  if (row.teamPaths.length || row.overrideStaffIds.length) roles.push('supervisor');
  if (bureauIds.length) roles.push('bureau_officer');
  if (row.systemRoles.includes('hr_admin')) roles.push('hr_admin');
  if (row.holdings.some((h) => EXECUTIVE_ROLES.includes(h.code))) roles.push('executive');
  return {
    staffId: row.staffId,
    sessionId: row.sessionId,
    roles,
    permissions: new Set(permissionsOf(roles)),
    teamPaths: row.teamPaths,
    overrideStaffIds: row.overrideStaffIds,
    bureauIds,
  };
}

/** The session and its actor as of today, in one statement. */
export function findSessionActor(db: Client, sessionId: string) {
  return repo.sessionActor(db, sessionId, today());
}

/** The actor a person would be today, outside a session; `null` when unknown or disabled. */
export async function loadActor(db: Client, staffId: string, sessionId: string): Promise<Actor | null> {
  const row = await repo.staffActor(db, staffId, today());
  return row && !row.disabled ? actorOf({ ...row, sessionId }) : null;
}

/** Whether the actor's roles grant the permission (whatever the target). */
export function can(actor: Actor, permission: Permission): boolean {
  return allows(actor, permission);
}

/** 404 unless the actor may see this person. */
export async function assertStaffVisible(db: Client, actor: Actor, staffId: string): Promise<void> {
  const found = await repo.staffAmong(db, staffWhere(actor), [staffId]);
  if (!found.size) throw new NotFoundError('No such staff member.', 'staff_not_found');
}

/**
 * 404 unless the actor may see the person; then 403 unless they may read the person's career records
 * (the person, their supervisors, their bureau officer, HR — not executives as such).
 */
export async function assertCareerRecordsVisible(db: Client, actor: Actor, staffId: string): Promise<void> {
  // Where the directory and the career records reach the same people, one look decides (404).
  if (can(actor, 'career:read:any') === can(actor, 'staff:read:any')) {
    const found = await repo.staffAmong(db, careerRecordsWhere(actor), [staffId]);
    if (!found.size) throw new NotFoundError('No such staff member.', 'staff_not_found');
    return;
  }
  await assertStaffVisible(db, actor, staffId);
  const found = await repo.staffAmong(db, careerRecordsWhere(actor), [staffId]);
  if (!found.size) {
    throw new ForbiddenError(
      'Career records are for the person, their supervisors, their bureau officer and HR.',
      'career_records_restricted',
    );
  }
}

/** Of these people, the ones the actor supervises (team or override; never themselves), in one query. */
export async function supervisedAmong(db: Client, actor: Actor, staffIds: readonly string[]) {
  const team = supervisedStaffWhere(actor);
  if (!team) return new Set<string>();
  return repo.staffAmong(db, team, staffIds);
}

/** Whether the actor supervises this person (their team or an explicit override), not counting themselves. */
export async function isSupervisorOf(db: Client, actor: Actor, staffId: string): Promise<boolean> {
  return (await supervisedAmong(db, actor, [staffId])).has(staffId);
}

/**
 * 404 unless every person is visible to the actor; then 403 unless the actor holds `permission` and
 * supervises every one of them (a supervisor acts for their own staff only).
 */
export async function assertSupervisorOfAll(
  db: Client,
  actor: Actor,
  staffIds: readonly string[],
  permission: Permission,
): Promise<void> {
  const visible = await repo.staffAmong(db, staffWhere(actor), staffIds);
  if (visible.size !== new Set(staffIds).size) {
    throw new NotFoundError('No such staff member.', 'staff_not_found');
  }
  authorize(actor, permission);
  const supervised = await supervisedAmong(db, actor, staffIds);
  for (const id of staffIds) authorize(actor, permission, { supervised: supervised.has(id) });
}

/**
 * For a correction or a deletion of an OJT session the actor can see (the caller found it through
 * `ojtSessionWhere`, else 404): 403 unless the actor may log OJT, logged this one, and still supervises
 * the trainee. A session passed on to a new supervisor stays as the old one wrote it.
 */
export async function assertOjtSessionLogger(
  db: Client,
  actor: Actor,
  session: { traineeId: string; supervisorId: string },
): Promise<void> {
  await assertWriterWhoSupervises(db, actor, 'ojt:create:team', {
    writerId: session.supervisorId,
    staffId: session.traineeId,
    refusal: { code: 'not_logger', message: 'Only the supervisor who logged the session may change it.' },
  });
}

/**
 * A supervisor's record about a person is changed only by the supervisor who wrote it, while they still
 * supervise the person: 403 unless the actor holds `permission`, wrote it (else `refusal`) and supervises.
 */
async function assertWriterWhoSupervises(
  db: Client,
  actor: Actor,
  permission: Permission,
  record: { writerId: string; staffId: string; refusal: Refusal },
): Promise<void> {
  authorize(actor, permission);
  authorize(actor, permission, { supervised: record.writerId === actor.staffId }, record.refusal);
  authorize(actor, permission, { supervised: await isSupervisorOf(db, actor, record.staffId) });
}

/** Of these sessions, the ones the actor may correct (`assertOjtSessionLogger`), in one query at most. */
export async function ojtSessionsEditable(
  db: Client,
  actor: Actor,
  sessions: readonly { id: string; traineeId: string; supervisorId: string }[],
): Promise<Set<string>> {
  if (!allows(actor, 'ojt:create:team')) return new Set();
  const mine = sessions.filter((s) => s.supervisorId === actor.staffId);
  if (!mine.length) return new Set();
  const supervised = await supervisedAmong(db, actor, [...new Set(mine.map((s) => s.traineeId))]);
  return new Set(mine.filter((s) => supervised.has(s.traineeId)).map((s) => s.id));
}

/** 404 unless the actor may see the person; then 403 unless it is the actor themself, holding `permission`. */
export async function assertSelfWrite(db: Client, actor: Actor, staffId: string, permission: Permission) {
  await assertStaffVisible(db, actor, staffId);
  authorize(actor, permission, { person: staffId });
}

/** 404 unless the actor may see the person; then 403 unless the actor supervises them, holding `permission`. */
export async function assertSupervisorOf(db: Client, actor: Actor, staffId: string, permission: Permission) {
  await assertStaffVisible(db, actor, staffId);
  authorize(actor, permission);
  authorize(actor, permission, { supervised: await isSupervisorOf(db, actor, staffId) });
}

/** The permissions that manage courses, and the target a course is for them (a bureau owns only its 部門別研修). */
export const MANAGE_TRAINING = [
  'training:manage:any',
  'training:manage:bureau',
] as const satisfies Permission[];
export function trainingTarget(training: { kind: string; ownerBureauId: string | null }): Target {
  return { bureau: training.kind === 'departmental' ? training.ownerBureauId : null };
}

/** Whether the actor manages a course: HR any; a bureau officer their own bureau's 部門別研修. */
export function canManageTraining(
  actor: Actor,
  training: { kind: string; ownerBureauId: string | null },
): boolean {
  return (
    allows(actor, 'training:manage:any') ||
    allows(actor, 'training:manage:bureau', {
      bureau: training.kind === 'departmental' ? training.ownerBureauId : null,
    })
  );
}

/** Whether anyone supervises this person today: the head of a unit above (or of) theirs, or an override. */
export function hasSupervisor(db: Client, staffId: string): Promise<boolean> {
  return repo.hasSupervisor(db, staffId, today());
}

// --- 推進計画 and rollout dashboards ---------------------------------------------------------------

/** HR sees every period; everyone else only published ones (a draft or one under review is 404). */
export function assertPlanPeriodVisible(actor: Actor, status: 'draft' | 'review' | 'published'): void {
  if (status !== 'published' && !allows(actor, 'plan:edit:any')) {
    throw new NotFoundError('No such plan period.', 'plan_period_not_found');
  }
}

/** HR enters any KPI's actuals; a bureau officer those of the KPIs their own 局・区 owns. */
export function canEnterKpiActual(actor: Actor, kpi: { ownerBureauId: string | null }): boolean {
  return allows(actor, 'plan:edit:any') || allows(actor, 'kpi:actual:bureau', { bureau: kpi.ownerBureauId });
}

/**
 * A unit's dashboard: HR and executives any unit; a bureau officer the units of their own 局・区 (another
 * bureau's unit is 404); everyone else 403.
 */
export function assertDashboardUnitVisible(actor: Actor, unit: { bureauId: string | null }): void {
  if (allows(actor, 'dashboard:read:any')) return;
  authorize(actor, 'dashboard:read:bureau');
  if (!allows(actor, 'dashboard:read:bureau', { bureau: unit.bureauId })) {
    throw new NotFoundError('No such org unit.', 'org_unit_not_found');
  }
}

// --- 1on1 / 面談 records --------------------------------------------------------------------------

/**
 * 404 unless the actor may read this person's 1on1 records: the person, their supervisors, HR (and a
 * person HR cannot find does not exist). Bureau officers and executives get 404, as for any record out
 * of their scope.
 */
export async function assertOneOnOnesVisible(db: Client, actor: Actor, staffId: string): Promise<void> {
  if (allows(actor, 'one-on-one:read:any')) return assertStaffVisible(db, actor, staffId);
  if (staffId === actor.staffId) return;
  if (allows(actor, 'one-on-one:write:team') && (await isSupervisorOf(db, actor, staffId))) return;
  throw new NotFoundError('No such staff member.', 'staff_not_found');
}

/**
 * For a correction or a deletion of a 1on1 the actor can see (the caller found it through
 * `oneOnOneWhere`, else 404): 403 unless the actor may record 1on1s, wrote this one, and still
 * supervises the person (decision 009's rule, as for OJT sessions).
 */
export async function assertOneOnOneAuthor(
  db: Client,
  actor: Actor,
  record: { staffId: string; authorId: string },
): Promise<void> {
  await assertWriterWhoSupervises(db, actor, 'one-on-one:write:team', {
    writerId: record.authorId,
    staffId: record.staffId,
    refusal: { code: 'not_author', message: 'Only the supervisor who recorded the 1on1 may change it.' },
  });
}

// --- 自己申告 --------------------------------------------------------------------------------------

/** Whether the actor is this person's 所属長 today (their nearest supervisor; `scope.ts`). */
export async function isDirectSupervisorOf(db: Client, actor: Actor, staffId: string): Promise<boolean> {
  if (actor.staffId === staffId || !allows(actor, 'self-declaration:interview:team')) return false;
  return (await repo.directlySupervised(db, actor.staffId, [staffId], today())).has(staffId);
}

/**
 * Who reads a person's 自己申告: the person, their 所属長 and HR. Anyone else — the person's other
 * supervisors up the chain, bureau officers, executives — gets 404, as for a record out of scope.
 * The answer says which of the three the actor is, for the 配慮事項 and the actions.
 */
export async function assertSelfDeclarationReader(
  db: Client,
  actor: Actor,
  staffId: string,
): Promise<{ self: boolean; directSupervisor: boolean; hr: boolean }> {
  const self = actor.staffId === staffId;
  const hr = allows(actor, 'self-declaration:manage:any');
  const directSupervisor = !self && (await isDirectSupervisorOf(db, actor, staffId));
  if (!self && !hr && !directSupervisor) {
    throw new NotFoundError('No such self-declaration.', 'self_declaration_not_found');
  }
  if (hr && !self && !directSupervisor) await assertStaffVisible(db, actor, staffId);
  return { self, directSupervisor, hr };
}
