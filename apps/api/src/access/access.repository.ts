/**
 * The queries access decisions need. `sessionActor` reads a session and everything its actor needs
 * (system roles, the units they head, the people an override gives them, their 推進体制 holdings) in
 * one statement, so authenticating a request costs one round trip (two when the session is touched);
 * it and `staffActor` go straight through the pg pool as prepared statements (decision 054).
 */
import { type Db, sqlRowsOf, type Tx } from '../db/client.ts';
import { Prisma } from '../generated/prisma/client.ts';
import { directSupervisorSql, inForce, inForceSql } from './scope.ts';

type Client = Db | Tx;

export type SessionActorRow = {
  sessionId: string;
  staffId: string;
  expiresAt: Date;
  lastSeenAt: Date;
  /** `full`, or a sign-in waiting for its second factor (`mfa`) or for TOTP enrolment (`enrol`) */
  stage: string;
  disabled: boolean;
  systemRoles: string[];
  teamPaths: string[];
  overrideStaffIds: string[];
  holdings: { orgUnitId: string | null; code: string }[];
};

/** What the actor is made of, for the person `staffId` (an SQL expression) on the date `d`. */
function actorFacts(staffId: Prisma.Sql, d: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`st."disabledAt" IS NOT NULL AS disabled,
           st."systemRoles"::text[] AS "systemRoles",
           ARRAY(SELECT u.path FROM "assignment" a JOIN "org_unit" u ON u.id = a."orgUnitId"
                  WHERE a."staffId" = ${staffId} AND a."isHead" AND ${inForceSql('a', d)}) AS "teamPaths",
           ARRAY(SELECT o."staffId"::text FROM "supervisor_override" o
                  WHERE o."supervisorId" = ${staffId} AND ${inForceSql('o', d)}) AS "overrideStaffIds",
           COALESCE((SELECT json_agg(json_build_object('orgUnitId', h."orgUnitId", 'code', r.code))
                       FROM "promotion_role_holding" h JOIN "promotion_role" r ON r.id = h."promotionRoleId"
                      WHERE h."staffId" = ${staffId} AND ${inForceSql('h', d)}), '[]'::json) AS holdings`;
}

const dateOf = (day: Date) => Prisma.sql`${day.toISOString().slice(0, 10)}::date`;

/** The session `id` and its actor's facts on `day`, in one statement; `null` when no such session. */
export async function sessionActor(db: Client, id: string, day: Date): Promise<SessionActorRow | null> {
  const rows = await sqlRowsOf<SessionActorRow>(
    db,
    Prisma.sql`
    SELECT s.id AS "sessionId", s."staffId", s."expiresAt", s."lastSeenAt", s.stage,
           ${actorFacts(Prisma.sql`s."staffId"`, dateOf(day))}
      FROM "session" s JOIN "staff" st ON st.id = s."staffId"
     WHERE s.id = ${id}`,
  );
  return rows[0] ?? null;
}

export type StaffActorRow = Omit<SessionActorRow, 'sessionId' | 'expiresAt' | 'lastSeenAt' | 'stage'>;

/** A person's actor facts on `day` without a session (sign-in decisions), in one statement. */
export async function staffActor(db: Client, staffId: string, day: Date): Promise<StaffActorRow | null> {
  const rows = await sqlRowsOf<StaffActorRow>(
    db,
    Prisma.sql`
    SELECT st.id AS "staffId", ${actorFacts(Prisma.sql`st.id`, dateOf(day))}
      FROM "staff" st WHERE st.id = ${staffId}::uuid`,
  );
  return rows[0] ?? null;
}

/** Of these people, the ones matching `where` (the actor's scope, or their team). */
export async function staffAmong(
  db: Client,
  where: Prisma.StaffWhereInput,
  staffIds: readonly string[],
): Promise<Set<string>> {
  if (!staffIds.length) return new Set();
  const rows = await db.staff.findMany({
    where: { AND: [{ id: { in: [...new Set(staffIds)] } }, where] },
    select: { id: true },
  });
  return new Set(rows.map((r) => r.id));
}

/** Whether anyone supervises this person today: the head of a unit above (or of) theirs, or an override. */
export async function hasSupervisor(db: Client, staffId: string, day: Date): Promise<boolean> {
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

/** Of these people, the ones whose 所属長 the actor is on `day` (`directSupervisorSql`), in one statement. */
export async function directlySupervised(
  db: Client,
  actorId: string,
  staffIds: readonly string[],
  day: Date,
): Promise<Set<string>> {
  if (!staffIds.length) return new Set();
  const rows = await db.$queryRaw<{ id: string }[]>`
    SELECT p.id::text AS id FROM unnest(${[...new Set(staffIds)]}::uuid[]) AS p(id)
     WHERE ${directSupervisorSql(actorId, Prisma.sql`p.id`, dateOf(day))}`;
  return new Set(rows.map((r) => r.id));
}
