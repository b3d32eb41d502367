/**
 * The scope rules, written once, in the two forms the code needs: Prisma `where` builders for the
 * repositories' queries and SQL fragments for raw queries (the team dashboard, rollups). A rule that
 * changes here changes for every list, record check and figure.
 */

import { Prisma } from '../generated/prisma/client.ts';
import type { Actor } from './actor.ts';

/** Formatting a date in the city's time zone; built once (constructing one per call is costly). */
const TOKYO_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tokyo' });

/**
 * The day of the last minute asked about: a day begins on a minute, so the day is formatted once a
 * minute rather than on every call (a request asks several times; formatting costs more than the rest).
 */
let lastDay = { minute: Number.NaN, day: 0 };

/** Today as a date (the dates of posts are calendar dates, in the city's time zone). */
export function today(now = new Date()): Date {
  const minute = Math.floor(now.getTime() / 60_000);
  if (minute !== lastDay.minute) {
    lastDay = { minute, day: Date.parse(`${TOKYO_DAY.format(now)}T00:00:00Z`) };
  }
  return new Date(lastDay.day);
}

/** A dated row (post, holding, override) in force on `day`. */
export function inForce(day = today()) {
  return { startsOn: { lte: day }, OR: [{ endsOn: null }, { endsOn: { gte: day } }] };
}

/** The same rule in SQL, for the row alias `t` (`"startsOn"`/`"endsOn"` columns) and a date expression. */
export function inForceSql(t: string, day: Prisma.Sql): Prisma.Sql {
  const a = Prisma.raw(t);
  return Prisma.sql`${a}."startsOn" <= ${day} AND (${a}."endsOn" IS NULL OR ${a}."endsOn" >= ${day})`;
}

/**
 * "Which post counts" for each person on `day` — the SQL function `posts_on` (migration
 * 20261130070500_counting_post), the one definition the rollups and the queries share: a FROM item with
 * `"staffId"`, `"assignmentId"`, `"orgUnitId"`, `"gradeId"`, `"isHead"`.
 */
export function countingPostsSql(day: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`"posts_on"(${day})`;
}

// --- the team rule ----------------------------------------------------------------------------------
// A person is in the actor's team when a post of theirs in force lies in (or under) a unit the actor
// heads, or when an explicit supervisor override in force names them. The actor is never in their own team.

type TeamOf = Pick<Actor, 'staffId' | 'teamPaths' | 'overrideStaffIds'>;

/** Posts in force under the units the actor heads; `null` when the actor heads none. */
export function teamPostWhere(
  actor: Pick<Actor, 'teamPaths'>,
  day = today(),
): Prisma.AssignmentWhereInput | null {
  if (!actor.teamPaths.length) return null;
  return { ...inForce(day), orgUnit: { OR: actor.teamPaths.map((p) => ({ path: { startsWith: p } })) } };
}

/** The people the actor supervises on `day` (team or override, never themselves); `null` when none. */
export function supervisedStaffWhere(actor: TeamOf, day = today()): Prisma.StaffWhereInput | null {
  const or: Prisma.StaffWhereInput[] = [];
  const posts = teamPostWhere(actor, day);
  if (posts) or.push({ assignments: { some: posts } });
  if (actor.overrideStaffIds.length) or.push({ id: { in: actor.overrideStaffIds } });
  return or.length ? { AND: [{ OR: or }, { id: { not: actor.staffId } }] } : null;
}

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** The units the actor heads and those under them, as `LIKE` patterns of their paths. */
const teamPatterns = (actor: Pick<Actor, 'teamPaths'>) => actor.teamPaths.map((p) => `${escapeLike(p)}%`);

/**
 * The team rule in SQL: whether post `a` (an `assignment` row alias) lies under a unit the actor heads
 * on `day`. Joins nothing: the unit's path is looked up by the post's unit.
 */
export function teamPostSql(actor: Pick<Actor, 'teamPaths'>, a: string, day: Prisma.Sql): Prisma.Sql {
  if (!actor.teamPaths.length) return Prisma.sql`false`;
  const alias = Prisma.raw(a);
  return Prisma.sql`(${inForceSql(a, day)} AND EXISTS (
    SELECT 1 FROM "org_unit" tu WHERE tu.id = ${alias}."orgUnitId" AND tu.path LIKE ANY(${teamPatterns(actor)}::text[])))`;
}

/** The team rule in SQL for a staff id expression: supervised on `day`, by post or override, not the actor. */
export function supervisedSql(actor: TeamOf, staffId: Prisma.Sql, day: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`(${staffId} <> ${actor.staffId}::uuid AND (
    ${staffId} = ANY(${actor.overrideStaffIds}::uuid[])
    OR EXISTS (SELECT 1 FROM "assignment" ta WHERE ta."staffId" = ${staffId} AND ${teamPostSql(actor, 'ta', day)})))`;
}

/**
 * The team rule in SQL as a FROM item: the ids (`id`) of everyone the actor supervises on `day` — a post
 * under a unit they head, or an override — never the actor. For the team's rollups (OJT, 1on1s).
 */
export function teamMembersSql(actor: TeamOf, day: Prisma.Sql): Prisma.Sql {
  // from the units under those headed to their posts (by index), not from every post in the city
  const posts = actor.teamPaths.length
    ? Prisma.sql`SELECT ta."staffId" AS id FROM "org_unit" tu JOIN "assignment" ta ON ta."orgUnitId" = tu.id
                  WHERE tu.path LIKE ANY(${teamPatterns(actor)}::text[])
                    AND ${inForceSql('ta', day)}`
    : Prisma.sql`SELECT NULL::uuid AS id WHERE false`;
  return Prisma.sql`(SELECT tm.id FROM (
      ${posts}
      UNION
      SELECT o.id FROM unnest(${actor.overrideStaffIds}::uuid[]) AS o(id)
    ) tm WHERE tm.id <> ${actor.staffId}::uuid)`;
}

// --- who and what the actor may see ---------------------------------------------------------------

const has = (actor: Pick<Actor, 'permissions'>, p: Parameters<Actor['permissions']['has']>[0]) =>
  actor.permissions.has(p);

/** The people the actor may see: self; their team; their bureau; everyone for HR and executives. */
export function staffWhere(actor: Actor, day = today()): Prisma.StaffWhereInput {
  if (has(actor, 'staff:read:any')) return {};
  return nearStaffWhere(actor, day);
}

/**
 * The people whose career records (plans, drafts, versions, timeline, career path, self-development)
 * the actor may read: self, their team, their bureau, and city-wide only with `career:read:any` (HR).
 * Executives see everyone in the directory, but not these.
 */
export function careerRecordsWhere(actor: Actor, day = today()): Prisma.StaffWhereInput {
  if (has(actor, 'career:read:any')) return {};
  return nearStaffWhere(actor, day);
}

/** Self, the team (units headed and overrides), the bureau served. */
function nearStaffWhere(actor: Actor, day: Date): Prisma.StaffWhereInput {
  const or: Prisma.StaffWhereInput[] = [{ id: actor.staffId }];
  if (has(actor, 'staff:read:team')) {
    const team = supervisedStaffWhere(actor, day);
    if (team) or.push(team);
  }
  if (has(actor, 'staff:read:bureau') && actor.bureauIds.length) {
    or.push({ assignments: { some: { ...inForce(day), orgUnit: { bureauId: { in: actor.bureauIds } } } } });
  }
  return { OR: or };
}

/** OJT sessions the actor may see: those of the people they may see, and those they gave. */
export function ojtSessionWhere(actor: Actor): Prisma.OjtSessionWhereInput {
  if (has(actor, 'staff:read:any')) return {};
  return { OR: [{ trainee: staffWhere(actor) }, { supervisorId: actor.staffId }] };
}

/** The courses the actor manages, as a where; `null` when none. */
export function managedTrainingWhere(actor: Actor): Prisma.TrainingWhereInput | null {
  if (has(actor, 'training:manage:any')) return {};
  if (has(actor, 'training:manage:bureau') && actor.bureauIds.length) {
    return { kind: 'departmental', ownerBureauId: { in: actor.bureauIds } };
  }
  return null;
}

/** Training applications the actor may see: their own, their staff's, and those to courses they manage. */
export function trainingApplicationWhere(actor: Actor): Prisma.TrainingApplicationWhereInput {
  if (has(actor, 'training:manage:any')) return {};
  const or: Prisma.TrainingApplicationWhereInput[] = [{ staffId: actor.staffId }];
  const team = has(actor, 'training:approve:team') ? supervisedStaffWhere(actor) : null;
  if (team) or.push({ staff: team });
  const managed = managedTrainingWhere(actor);
  if (managed) or.push({ session: { training: managed } });
  return { OR: or };
}

/**
 * 1on1 records the actor may see: the person's own, those they wrote, those of the people they
 * supervise today (by post or override), and every one for HR. Bureau officers and executives as such
 * see none: a 1on1 is a conversation between a person and their supervisors. (The author's private
 * notes are another matter: only the author reads them, whoever else sees the record.)
 */
export function oneOnOneWhere(actor: Actor, day = today()): Prisma.OneOnOneWhereInput {
  if (has(actor, 'one-on-one:read:any')) return {};
  const or: Prisma.OneOnOneWhereInput[] = [{ staffId: actor.staffId }, { authorId: actor.staffId }];
  const team = has(actor, 'one-on-one:write:team') ? supervisedStaffWhere(actor, day) : null;
  if (team) or.push({ staff: team });
  return { OR: or };
}

// --- the 所属長 --------------------------------------------------------------------------------------
// A person's 所属長 is their nearest supervisor: the supervisor an override in force names, or else the
// head of the nearest unit at or above a post of theirs in force that has a head (never the person).
// The team rule above reaches every head up the chain; the 所属長 is one of them (decision 048).

/**
 * The people whose 所属長 `actorId` is on `day`, as a FROM item of ids (`id`): those an override in
 * force names them supervisor of, and those with a post in force at or under a unit the actor heads
 * with no other head in a unit between (their own headship aside) and no override. It starts from the
 * actor's headships, so it costs what their part of the tree holds, not what the city does.
 */
export function directReportsSql(actorId: string, day: Prisma.Sql): Prisma.Sql {
  const actor = Prisma.sql`${actorId}::uuid`;
  return Prisma.sql`(SELECT dr.id FROM (
      SELECT dp."staffId" AS id
        FROM "assignment" dh
        JOIN "org_unit" dhu ON dhu.id = dh."orgUnitId"
        JOIN "org_unit" dpu ON starts_with(dpu.path, dhu.path)
        JOIN "assignment" dp ON dp."orgUnitId" = dpu.id
       WHERE dh."staffId" = ${actor} AND dh."isHead" AND ${inForceSql('dh', day)}
         AND ${inForceSql('dp', day)} AND dp."staffId" <> ${actor}
         AND NOT EXISTS (
           SELECT 1 FROM "assignment" nh
            WHERE nh."isHead" AND nh."staffId" <> dp."staffId" AND ${inForceSql('nh', day)}
              AND nh."orgUnitId" = ANY(array_remove(string_to_array(substr(dpu.path, length(dhu.path) + 1), '/'), '')::uuid[]))
         AND NOT EXISTS (
           SELECT 1 FROM "supervisor_override" dso2 WHERE dso2."staffId" = dp."staffId" AND ${inForceSql('dso2', day)})
      UNION
      SELECT dso."staffId" FROM "supervisor_override" dso
       WHERE dso."supervisorId" = ${actor} AND dso."staffId" <> ${actor} AND ${inForceSql('dso', day)}
    ) dr)`;
}

/** Whether `actorId` is the 所属長 of the person `staffId` (an SQL expression) on `day`. */
export function directSupervisorSql(actorId: string, staffId: Prisma.Sql, day: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`(${staffId} IN ${directReportsSql(actorId, day)})`;
}
