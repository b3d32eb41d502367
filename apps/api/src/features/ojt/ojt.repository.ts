/**
 * The only place that talks to the database for OJT: sessions, 年間OJT計画, and the team dashboard's
 * one aggregate query over the `ojt_staff_year` rollup (kept by a trigger on `ojt_session`).
 */
import {
  OJT_DEFAULT_INTERVAL_DAYS,
  ONE_ON_ONE_DEFAULT_INTERVAL_DAYS,
  type TeamDashboardQuery,
} from '@portal/contracts';
import { countingPostsSql, teamMembersSql } from '../../access/scope.ts';
import type { Db, Tx } from '../../db/client.ts';
import { Prisma } from '../../generated/prisma/client.ts';

/** The query shapes the feature's use cases compose (scope rules come from `access/scope.ts`). */
export type OjtSessionWhere = Prisma.OjtSessionWhereInput;

const person = { select: { id: true, nameJa: true, nameEn: true } } as const;

export const sessionSelect = {
  id: true,
  traineeId: true,
  supervisorId: true,
  occurredOn: true,
  fiscalYear: true,
  minutes: true,
  method: true,
  topic: true,
  notes: true,
  staffImageIds: true,
  initiativeIds: true,
  batchId: true,
  acknowledgedAt: true,
  reflection: true,
  createdAt: true,
  updatedAt: true,
  trainee: person,
  supervisor: person,
} as const satisfies Prisma.OjtSessionSelect;

export type SessionRow = Prisma.OjtSessionGetPayload<{ select: typeof sessionSelect }>;

export const planSelect = {
  id: true,
  staffId: true,
  fiscalYear: true,
  authorId: true,
  goals: true,
  plannedSessions: true,
  plannedMinutes: true,
  frequencyNote: true,
  staffImageIds: true,
  initiativeIds: true,
  version: true,
  updatedAt: true,
} as const satisfies Prisma.OjtPlanSelect;

export type PlanRow = Prisma.OjtPlanGetPayload<{ select: typeof planSelect }>;

/** One row of the team dashboard, as the query returns it (json: dates are strings). */
export type TeamRow = {
  id: string;
  nameJa: string;
  nameEn: string;
  nameKana: string;
  employeeNumber: string;
  unitId: string | null;
  unitCode: string | null;
  unitKind: 'bureau' | 'ward' | 'department' | 'division' | 'section' | null;
  unitNameJa: string | null;
  unitNameEn: string | null;
  gradeNameJa: string | null;
  gradeNameEn: string | null;
  sessions: number;
  minutes: number;
  plannedSessions: number;
  plannedMinutes: number;
  hasPlan: boolean;
  lastOn: string | null;
  daysSinceLast: number | null;
  intervalDays: number;
  overdue: boolean;
  unacknowledged: number;
  careerStatus: 'draft' | 'submitted' | 'changes_requested' | 'commented' | null;
  submittedAt: string | null;
  selfDevPending: number;
  oneOnOneLastOn: string | null;
  oneOnOneDaysSince: number | null;
  oneOnOneIntervalDays: number;
  oneOnOneOverdue: boolean;
};

export type TeamTotals = {
  members: number;
  sessions: number;
  minutes: number;
  withPlan: number;
  overdue: number;
  careerPlansSubmitted: number;
  selfDevelopmentPending: number;
  oneOnOneOverdue: number;
  filtered: number;
};

const ORDER: Record<TeamDashboardQuery['sort'], string> = {
  name: 'r."nameKana" #, r."employeeNumber"',
  unit: 'r."unitPath" # NULLS LAST, r."nameKana"',
  sessions: 'r.sessions #, r."nameKana"',
  minutes: 'r.minutes #, r."nameKana"',
  // sessions against the plan; people without a planned count last
  progress: 'r.progress # NULLS LAST, r."nameKana"',
  // by days since the last session: the longest wait first when descending; never-had first
  lastOn: 'r."lastOn" # NULLS FIRST, r."nameKana"',
  careerPlan: 'r."careerRank" #, r."nameKana"',
  selfDevelopment: 'r."selfDevPending" #, r."nameKana"',
  // by the last 1on1, as lastOn: the longest wait first when descending; never-had first
  oneOnOne: 'r."oneOnOneLastOn" # NULLS FIRST, r."nameKana"',
};

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * `where` with every filter on the trainee (`trainee: { …people… }`) replaced by the ids of those people,
 * read first (one statement each; the scope has one). The same sessions: every session has its trainee.
 */
async function traineesAsIds(
  where: Prisma.OjtSessionWhereInput,
  client: Db | Tx,
): Promise<Prisma.OjtSessionWhereInput> {
  const lookups: Promise<unknown>[] = [];
  const walk = (w: Prisma.OjtSessionWhereInput): Prisma.OjtSessionWhereInput => {
    const out: Prisma.OjtSessionWhereInput = { ...w };
    for (const key of ['AND', 'OR', 'NOT'] as const) {
      const part = w[key];
      if (part === undefined) continue;
      (out as Record<string, unknown>)[key] = Array.isArray(part) ? part.map(walk) : walk(part);
    }
    const trainee = w.trainee;
    if (!trainee || 'is' in trainee || 'isNot' in trainee) return out;
    delete out.trainee;
    const ids: Prisma.OjtSessionWhereInput = {};
    lookups.push(
      client.staff
        .findMany({ where: trainee as Prisma.StaffWhereInput, select: { id: true } })
        .then((rows) => {
          ids.traineeId = { in: rows.map((r) => r.id) };
        }),
    );
    return { AND: [out, ids] };
  };
  const rewritten = walk(where);
  await Promise.all(lookups);
  return rewritten;
}

/** OJT's queries; each takes the client it runs on (the pool, or the write's transaction). */
export function createOjtRepository() {
  return {
    findSession(where: Prisma.OjtSessionWhereInput, client: Db | Tx) {
      return client.ojtSession.findFirst({ where, select: sessionSelect });
    },

    /**
     * A page of sessions and their total. The people a filter on the trainee names (the scope's "people
     * the actor may see", `access/scope.ts`) are read first, as ids: an `OR` across the join to the trainee
     * can only be answered by reading every session, ids by the indexes on the trainee and the supervisor
     * (decision 039). A page that is not full ends the list, so its total needs no count.
     */
    async pageSessions(where: Prisma.OjtSessionWhereInput, page: number, pageSize: number, client: Db | Tx) {
      const byIds = await traineesAsIds(where, client);
      const items = await client.ojtSession.findMany({
        where: byIds,
        select: sessionSelect,
        orderBy: [{ occurredOn: 'desc' }, { createdAt: 'desc' }, { id: 'desc' }],
        skip: (page - 1) * pageSize,
        take: pageSize,
      });
      const ended = items.length < pageSize && (items.length > 0 || page === 1);
      const total = ended
        ? (page - 1) * pageSize + items.length
        : await client.ojtSession.count({ where: byIds });
      return { items, total };
    },

    /** Inserts the sessions (one statement) and reads them back in the order given. */
    async createSessions(tx: Tx, rows: Prisma.OjtSessionCreateManyInput[]): Promise<SessionRow[]> {
      await tx.ojtSession.createMany({ data: rows });
      const ids = rows.map((r) => r.id as string);
      const found = await tx.ojtSession.findMany({ where: { id: { in: ids } }, select: sessionSelect });
      const byId = new Map(found.map((s) => [s.id, s]));
      return ids.flatMap((id) => byId.get(id) ?? []);
    },

    acknowledge(tx: Tx, id: string, data: { acknowledgedAt: Date; reflection?: string | null }) {
      return tx.ojtSession.update({ where: { id }, data, select: sessionSelect });
    },

    sessionById(client: Db | Tx, id: string) {
      return client.ojtSession.findUnique({ where: { id }, select: sessionSelect });
    },

    /** The conditional update of a correction: 0 rows when someone changed the session first. */
    updateSession(tx: Tx, id: string, updatedAt: Date, data: Prisma.OjtSessionUncheckedUpdateManyInput) {
      return tx.ojtSession.updateMany({ where: { id, updatedAt }, data });
    },

    /** Deletes the session while it is unacknowledged: 0 rows otherwise. */
    deleteUnacknowledged(tx: Tx, id: string) {
      return tx.ojtSession.deleteMany({ where: { id, acknowledgedAt: null } });
    },

    person(id: string, client: Db | Tx) {
      return client.staff.findUnique({ where: { id }, select: person.select });
    },

    plan(client: Db | Tx, staffId: string, fiscalYear: number) {
      return client.ojtPlan.findUnique({
        where: { staffId_fiscalYear: { staffId, fiscalYear } },
        select: planSelect,
      });
    },

    staffYear(staffId: string, fiscalYear: number, client: Db | Tx) {
      return client.ojtStaffYear.findUnique({ where: { staffId_fiscalYear: { staffId, fiscalYear } } });
    },

    createPlan(tx: Tx, data: Prisma.OjtPlanUncheckedCreateInput) {
      return tx.ojtPlan.create({ data, select: planSelect });
    },

    /** The conditional update of a versioned plan: 0 rows when someone saved first. */
    updatePlan(tx: Tx, id: string, version: number, data: Prisma.OjtPlanUncheckedUpdateManyInput) {
      return tx.ojtPlan.updateMany({ where: { id, version }, data: { ...data, version: { increment: 1 } } });
    },

    /**
     * The team dashboard in one statement: the team (everyone in force under the units the actor
     * heads, and their overrides; never themselves), each with this 年度's rollup, plan, career-plan
     * status and pending self-development requests; the totals of the whole team; one sorted page.
     */
    async teamDashboard(
      client: Db | Tx,
      input: {
        actorId: string;
        teamPaths: string[];
        overrideStaffIds: string[];
        fiscalYear: number;
        /** The day the figures are taken at (today, or the last day of a past 年度) */
        asOf: string;
        fyStart: string;
        query: TeamDashboardQuery;
      },
    ): Promise<{ items: TeamRow[]; totals: TeamTotals }> {
      const { actorId, teamPaths, overrideStaffIds, fiscalYear, asOf, fyStart, query } = input;
      const day = Prisma.sql`${asOf}::date`;
      const filters: Prisma.Sql[] = [];
      if (query.q) {
        const like = `%${escapeLike(query.q)}%`;
        filters.push(
          Prisma.sql`(r."nameJa" ILIKE ${like} OR r."nameKana" ILIKE ${like} OR r."nameEn" ILIKE ${like} OR r."employeeNumber" LIKE ${`${escapeLike(query.q)}%`})`,
        );
      }
      if (query.overdueOnly) filters.push(Prisma.sql`r.overdue`);
      const where = filters.length ? Prisma.sql`WHERE ${Prisma.join(filters, ' AND ')}` : Prisma.empty;
      const direction = query.order === 'desc' ? 'DESC' : 'ASC';
      const orderBy = Prisma.raw(ORDER[query.sort].replaceAll('#', direction));
      const offset = (query.page - 1) * query.pageSize;

      const [result] = await client.$queryRaw<{ items: TeamRow[] | null; totals: TeamTotals }[]>`
        WITH members AS (
          -- the team (access/scope.ts), each shown in the post that counts
          SELECT s.id, s."nameJa", s."nameEn", s."nameKana", s."employeeNumber", cur."orgUnitId", cur."gradeId"
            FROM ${teamMembersSql({ staffId: actorId, teamPaths, overrideStaffIds }, day)} t
            JOIN "staff" s ON s.id = t.id
            -- one person's post each (LIMIT 1 keeps it a look-up per member, not a sort of the city's posts)
            LEFT JOIN LATERAL (SELECT p."orgUnitId", p."gradeId" FROM ${countingPostsSql(day)} p
                                WHERE p."staffId" = t.id LIMIT 1) cur ON true
           WHERE s."disabledAt" IS NULL
        ),
        pending AS (
          SELECT d."staffId", count(*)::int AS n
            FROM "self_development_record" d JOIN members m ON m.id = d."staffId"
           WHERE d."supportStatus" = 'pending'
           GROUP BY d."staffId"
        ),
        base AS (
          SELECT m.id, m."nameJa", m."nameEn", m."nameKana", m."employeeNumber",
                 u.id AS "unitId", u.code AS "unitCode", u.kind::text AS "unitKind", u."nameJa" AS "unitNameJa",
                 u."nameEn" AS "unitNameEn", u.path AS "unitPath",
                 g."nameJa" AS "gradeNameJa", g."nameEn" AS "gradeNameEn",
                 COALESCE(y.sessions, 0) AS sessions, COALESCE(y.minutes, 0) AS minutes,
                 COALESCE(p."plannedSessions", 0) AS "plannedSessions",
                 COALESCE(p."plannedMinutes", 0) AS "plannedMinutes",
                 p.id IS NOT NULL AS "hasPlan",
                 CASE WHEN y."lastOn" IS NULL THEN py."lastOn"
                      WHEN py."lastOn" IS NULL THEN y."lastOn"
                      ELSE GREATEST(y."lastOn", py."lastOn") END AS "lastOn",
                 CASE WHEN COALESCE(p."plannedSessions", 0) > 0 THEN ceil(365.0 / p."plannedSessions")::int
                      ELSE ${OJT_DEFAULT_INTERVAL_DAYS}::int END AS "intervalDays",
                 cp.status::text AS "careerStatus", cp."submittedAt",
                 COALESCE(pd.n, 0) AS "selfDevPending",
                 oo."lastOn" AS "oneOnOneLastOn",
                 COALESCE(
                   (SELECT c."intervalDays" FROM "one_on_one_cadence" c WHERE c."supervisorId" = ${actorId}::uuid),
                   ${ONE_ON_ONE_DEFAULT_INTERVAL_DAYS}::int
                 ) AS "oneOnOneIntervalDays"
            FROM members m
            LEFT JOIN "org_unit" u ON u.id = m."orgUnitId"
            LEFT JOIN "grade" g ON g.id = m."gradeId"
            LEFT JOIN "ojt_staff_year" y ON y."staffId" = m.id AND y."fiscalYear" = ${fiscalYear}
            LEFT JOIN "ojt_staff_year" py ON py."staffId" = m.id AND py."fiscalYear" = ${fiscalYear - 1}
            LEFT JOIN "ojt_plan" p ON p."staffId" = m.id AND p."fiscalYear" = ${fiscalYear}
            LEFT JOIN "career_plan" cp ON cp."staffId" = m.id AND cp."fiscalYear" = ${fiscalYear}
            LEFT JOIN pending pd ON pd."staffId" = m.id
            -- the last 1on1 held up to this 年度, from the rollup (one_on_one_staff_year)
            LEFT JOIN LATERAL (
              SELECT max(z."lastOn") AS "lastOn" FROM "one_on_one_staff_year" z
               WHERE z."staffId" = m.id AND z."fiscalYear" <= ${fiscalYear} AND z."lastOn" <= ${day}
            ) oo ON true
        ),
        r AS (
          SELECT b.*,
                 CASE WHEN b."lastOn" IS NULL THEN NULL ELSE (${day} - b."lastOn")::int END AS "daysSinceLast",
                 (CASE WHEN b."lastOn" IS NULL THEN ${day} - ${fyStart}::date ELSE ${day} - b."lastOn" END)
                   > b."intervalDays" AS overdue,
                 CASE WHEN b."plannedSessions" > 0 THEN b.sessions::float / b."plannedSessions" END AS progress,
                 CASE b."careerStatus" WHEN 'submitted' THEN 4 WHEN 'changes_requested' THEN 3
                      WHEN 'draft' THEN 2 WHEN 'commented' THEN 1 ELSE 0 END AS "careerRank",
                 CASE WHEN b."oneOnOneLastOn" IS NULL THEN NULL ELSE (${day} - b."oneOnOneLastOn")::int END
                   AS "oneOnOneDaysSince",
                 (CASE WHEN b."oneOnOneLastOn" IS NULL THEN ${day} - ${fyStart}::date ELSE ${day} - b."oneOnOneLastOn" END)
                   > b."oneOnOneIntervalDays" AS "oneOnOneOverdue"
            FROM base b
        )
        SELECT
          (SELECT json_agg(x ORDER BY x.n) FROM (
             SELECT pg.*, ua.n AS unacknowledged
               FROM (
                 SELECT r.id, r."nameJa", r."nameEn", r."nameKana", r."employeeNumber", r."unitId", r."unitCode",
                        r."unitKind", r."unitNameJa", r."unitNameEn", r."gradeNameJa", r."gradeNameEn", r.sessions,
                        r.minutes, r."plannedSessions", r."plannedMinutes", r."hasPlan", r."lastOn",
                        r."daysSinceLast", r."intervalDays", r.overdue, r."careerStatus", r."submittedAt",
                        r."selfDevPending", r."oneOnOneLastOn", r."oneOnOneDaysSince", r."oneOnOneIntervalDays",
                        r."oneOnOneOverdue", row_number() OVER (ORDER BY ${orderBy}) AS n
                   FROM r ${where}
                  ORDER BY ${orderBy}
                  LIMIT ${query.pageSize} OFFSET ${offset}
               ) pg
               -- only for the page's people: sessions they have not acknowledged (not kept in the rollup)
               CROSS JOIN LATERAL (
                 SELECT count(*)::int AS n FROM "ojt_session" o
                  WHERE o."traineeId" = pg.id AND o."fiscalYear" = ${fiscalYear} AND o."acknowledgedAt" IS NULL
               ) ua
          ) x) AS items,
          (SELECT json_build_object(
             'members', count(*),
             'sessions', COALESCE(sum(r.sessions), 0),
             'minutes', COALESCE(sum(r.minutes), 0),
             'withPlan', count(*) FILTER (WHERE r."hasPlan"),
             'overdue', count(*) FILTER (WHERE r.overdue),
             'careerPlansSubmitted', count(*) FILTER (WHERE r."careerStatus" = 'submitted'),
             'selfDevelopmentPending', COALESCE(sum(r."selfDevPending"), 0),
             'oneOnOneOverdue', count(*) FILTER (WHERE r."oneOnOneOverdue"),
             'filtered', (SELECT count(*) FROM r ${where})
           ) FROM r) AS totals`;
      return { items: result?.items ?? [], totals: result?.totals as TeamTotals };
    },
  };
}

export type OjtRepository = ReturnType<typeof createOjtRepository>;
