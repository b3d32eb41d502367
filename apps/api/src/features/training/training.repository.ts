/**
 * The training feature's data access: the catalogue and its sessions here, the applications in
 * `training-application.repository.ts`, bulk enrolment in `training-assignment.repository.ts`. Every
 * function takes the client it runs on (the pool, or the write's transaction): a read that forgot the
 * transaction does not compile.
 */
import { inForce } from '../../access/access.ts';
import { type Db, sqlRows, type Tx } from '../../db/client.ts';
import type { Prisma } from '../../generated/prisma/client.ts';
import { pageOf } from '../../shared/page.ts';
import { ACTIVE_STATUSES, applicationRepository } from './training-application.repository.ts';
import { assignmentRepository } from './training-assignment.repository.ts';

export {
  ACTIVE_STATUSES,
  type ApplicationChange,
  type ApplicationOrder,
  type ApplicationRow,
  type ApplicationWhere,
  applicationSelect,
} from './training-application.repository.ts';

/** The query shapes the feature's use cases compose (scope rules come from `access/scope.ts`). */
export type TrainingWhere = Prisma.TrainingWhereInput;
export type SessionWhere = Prisma.TrainingSessionWhereInput;

type Client = Db | Tx;

export const trainingSelect = {
  id: true,
  code: true,
  titleJa: true,
  titleEn: true,
  descriptionJa: true,
  descriptionEn: true,
  kind: true,
  ownerBureauId: true,
  targetGradeIds: true,
  targetJobFamilyIds: true,
  hours: true,
  staffImageIds: true,
  initiativeIds: true,
  fiscalYears: true,
  mandatory: true,
  active: true,
  version: true,
} as const satisfies Prisma.TrainingSelect;
export type TrainingRow = Prisma.TrainingGetPayload<{ select: typeof trainingSelect }>;

export const sessionSelect = {
  id: true,
  trainingId: true,
  fiscalYear: true,
  startsAt: true,
  endsAt: true,
  venue: true,
  online: true,
  capacity: true,
  acceptedCount: true,
  applicationDeadline: true,
  status: true,
  version: true,
} as const satisfies Prisma.TrainingSessionSelect;
export type SessionRow = Prisma.TrainingSessionGetPayload<{ select: typeof sessionSelect }>;

/** The catalogue's order (active courses first, by kind and code) and the sessions' (by start). */
const TRAINING_ORDER = [
  { active: 'desc' },
  { kind: 'asc' },
  { code: 'asc' },
] as const satisfies Prisma.TrainingOrderByWithRelationInput[];
const SESSION_ORDER = [
  { startsAt: 'asc' },
  { id: 'asc' },
] as const satisfies Prisma.TrainingSessionOrderByWithRelationInput[];

export const unitSelect = { id: true, code: true, kind: true, nameJa: true, nameEn: true } as const;
export const gradeSelect = { id: true, code: true, rank: true, nameJa: true, nameEn: true } as const;

type Lookups = {
  grades: {
    id: string;
    code: string;
    rank: number;
    nameJa: string;
    nameEn: string;
    retiredAt: string | null;
  }[];
  jobFamilies: { id: string; code: string; nameJa: string; nameEn: string; retiredAt: string | null }[];
};

/** The grades by rank and the job families in their order: read by every page of the catalogue. */
const LOOKUPS_SQL = `
SELECT COALESCE((SELECT json_agg(json_build_object('id', g."id", 'code', g."code", 'rank', g."rank", 'nameJa', g."nameJa",
                                                   'nameEn', g."nameEn", 'retiredAt', g."retiredAt") ORDER BY g."rank")
                   FROM "grade" g), '[]'::json) AS "grades",
       COALESCE((SELECT json_agg(json_build_object('id', j."id", 'code', j."code", 'nameJa', j."nameJa",
                                                   'nameEn', j."nameEn", 'retiredAt', j."retiredAt")
                                 ORDER BY j."position", j."code")
                   FROM "job_family" j), '[]'::json) AS "jobFamilies"`;

/** A course's columns as written (the code apart). */
export type TrainingColumns = Omit<Prisma.TrainingCreateInput, 'id' | 'code' | 'version'>;
export type SessionColumns = {
  trainingId: string;
  fiscalYear: number;
  startsAt: Date;
  endsAt: Date;
  venue: string | null;
  online: boolean;
  capacity: number;
  applicationDeadline: Date;
};

const catalogueRepository = {
  /** Grades and job families are small reference tables: read whole, once per request. */
  /** Every grade and job family (with when it was retired, an ISO instant or `null`), in one named statement. */
  async lookups(client: Client): Promise<Lookups> {
    const [row] = await sqlRows<Lookups>(client, LOOKUPS_SQL);
    return row ?? { grades: [], jobFamilies: [] };
  },

  /** Of these grades, job families and unit, those that exist (the unit with its kind) and those retired. */
  async known(client: Client, ids: { gradeIds: string[]; jobFamilyIds: string[]; unitId?: string | null }) {
    const [grades, jobFamilies, unit] = await Promise.all([
      ids.gradeIds.length
        ? client.grade.findMany({
            where: { id: { in: ids.gradeIds } },
            select: { id: true, retiredAt: true },
          })
        : [],
      ids.jobFamilyIds.length
        ? client.jobFamily.findMany({
            where: { id: { in: ids.jobFamilyIds } },
            select: { id: true, retiredAt: true },
          })
        : [],
      ids.unitId ? client.orgUnit.findUnique({ where: { id: ids.unitId }, select: { kind: true } }) : null,
    ]);
    return {
      gradeIds: new Set(grades.map((g) => g.id)),
      jobFamilyIds: new Set(jobFamilies.map((j) => j.id)),
      retiredGradeIds: new Set(grades.filter((g) => g.retiredAt).map((g) => g.id)),
      retiredJobFamilyIds: new Set(jobFamilies.filter((j) => j.retiredAt).map((j) => j.id)),
      unit,
    };
  },

  bureaus(client: Client) {
    return client.orgUnit.findMany({
      where: { kind: { in: ['bureau', 'ward'] }, validTo: null },
      select: unitSelect,
      orderBy: [{ kind: 'asc' }, { position: 'asc' }],
    });
  },

  async offeredFiscalYears(client: Client): Promise<number[]> {
    const rows = await client.$queryRaw<{ fy: number }[]>`
      SELECT DISTINCT unnest("fiscalYears") AS fy FROM training ORDER BY fy`;
    return rows.map((r) => Number(r.fy));
  },

  units(ids: readonly string[], client: Client) {
    if (!ids.length) return Promise.resolve([]);
    return client.orgUnit.findMany({
      where: { id: { in: [...new Set(ids)] } },
      select: { ...unitSelect, bureauId: true },
    });
  },

  people(ids: readonly string[], client: Client) {
    if (!ids.length) return Promise.resolve([]);
    return client.staff.findMany({
      where: { id: { in: [...new Set(ids)] } },
      select: { id: true, nameJa: true, nameEn: true },
    });
  },

  findTraining(id: string, client: Client) {
    return client.training.findUnique({ where: { id }, select: trainingSelect });
  },

  async codeTaken(tx: Tx, code: string): Promise<boolean> {
    return (await tx.training.findUnique({ where: { code }, select: { id: true } })) !== null;
  },

  createTraining(tx: Tx, code: string, columns: TrainingColumns) {
    return tx.training.create({ data: { code, ...columns }, select: { id: true } });
  },

  /** A versioned change: 0 when the version moved (the caller's 409). */
  async updateTraining(tx: Tx, id: string, version: number, code: string, columns: TrainingColumns) {
    const n = await tx.training.updateMany({
      where: { id, version },
      data: { code, ...columns, version: { increment: 1 } },
    });
    return n.count;
  },

  pageTrainings(where: TrainingWhere, page: number, pageSize: number, client: Client) {
    return pageOf(page, pageSize, {
      rows: (w) => client.training.findMany({ where, select: trainingSelect, orderBy: TRAINING_ORDER, ...w }),
      count: () => client.training.count({ where }),
    });
  },

  findTrainings(where: TrainingWhere, take: number, client: Client) {
    return client.training.findMany({
      where,
      select: trainingSelect,
      orderBy: [{ kind: 'asc' }, { code: 'asc' }],
      take,
    });
  },

  /** Sessions not yet started, for the catalogue's "next session" (one query for a page of courses). */
  upcomingSessions(trainingIds: readonly string[], now: Date, client: Client) {
    if (!trainingIds.length) return Promise.resolve([]);
    return client.trainingSession.findMany({
      where: { trainingId: { in: [...trainingIds] }, startsAt: { gt: now }, status: 'scheduled' },
      select: sessionSelect,
      orderBy: { startsAt: 'asc' },
    });
  },

  /** A person's applications to these courses: what the catalogue shows as "my progress". */
  applicationsOf(staffId: string, trainingIds: readonly string[], client: Client) {
    if (!trainingIds.length) return Promise.resolve([]);
    return client.trainingApplication.findMany({
      where: { staffId, session: { trainingId: { in: [...trainingIds] } } },
      select: { status: true, completed: true, session: { select: { trainingId: true, endsAt: true } } },
    });
  },

  /** The survey's averages per course, aggregated in SQL. */
  async feedbackSummary(trainingIds: readonly string[], client: Client) {
    if (!trainingIds.length) return [];
    return client.$queryRaw<
      { trainingId: string; count: number; satisfaction: number; usefulness: number }[]
    >`SELECT s."trainingId" AS "trainingId", count(*)::int AS count,
             avg(f.satisfaction)::float8 AS satisfaction, avg(f.usefulness)::float8 AS usefulness
        FROM training_feedback f
        JOIN training_application a ON a.id = f."applicationId"
        JOIN training_session s ON s.id = a."sessionId"
       WHERE s."trainingId" = ANY(${[...trainingIds]}::uuid[])
       GROUP BY s."trainingId"`;
  },

  pageSessions(where: SessionWhere, page: number, pageSize: number, client: Client) {
    return pageOf(page, pageSize, {
      rows: (w) =>
        client.trainingSession.findMany({ where, select: sessionSelect, orderBy: SESSION_ORDER, ...w }),
      count: () => client.trainingSession.count({ where }),
    });
  },

  findSession(id: string, client: Client) {
    return client.trainingSession.findUnique({
      where: { id },
      select: { ...sessionSelect, training: { select: trainingSelect } },
    });
  },

  createSession(tx: Tx, data: SessionColumns) {
    return tx.trainingSession.create({ data, select: { id: true } });
  },

  /**
   * A versioned change of a session that never takes its capacity below the seats taken: 0 when the
   * version moved or the seats outgrew it (the caller's 409). The applications' 年度 follows the
   * session's (their rollups follow through the trigger).
   */
  async updateSession(
    tx: Tx,
    id: string,
    version: number,
    s: Omit<SessionColumns, 'trainingId' | 'applicationDeadline'> & {
      applicationDeadline: string;
      status: string;
    },
  ): Promise<number> {
    const n = await tx.$executeRaw`
      UPDATE training_session
         SET "startsAt" = ${s.startsAt}, "endsAt" = ${s.endsAt}, venue = ${s.venue},
             online = ${s.online}, capacity = ${s.capacity},
             "applicationDeadline" = ${s.applicationDeadline}::date,
             status = ${s.status}::"TrainingSessionStatus",
             "fiscalYear" = ${s.fiscalYear}, version = version + 1, "updatedAt" = now()
       WHERE id = ${id}::uuid AND version = ${version} AND "acceptedCount" <= ${s.capacity}`;
    if (n === 1) {
      await tx.trainingApplication.updateMany({
        where: { sessionId: id, NOT: { fiscalYear: s.fiscalYear } },
        data: { fiscalYear: s.fiscalYear },
      });
    }
    return n;
  },

  /** Applications per session and status, in one grouped query. */
  async statusCounts(sessionIds: readonly string[], client: Client) {
    if (!sessionIds.length) return [];
    const rows = await client.trainingApplication.groupBy({
      by: ['sessionId', 'status'],
      where: { sessionId: { in: [...sessionIds] } },
      _count: { _all: true },
    });
    return rows.map((r) => ({ sessionId: r.sessionId, status: r.status, count: r._count._all }));
  },

  /** A person's application to each of these sessions. */
  myApplications(staffId: string, sessionIds: readonly string[], client: Client) {
    if (!sessionIds.length) return Promise.resolve([]);
    return client.trainingApplication.findMany({
      where: { staffId, sessionId: { in: [...sessionIds] } },
      select: {
        id: true,
        sessionId: true,
        status: true,
        attendance: true,
        completed: true,
        version: true,
        waitlistedAt: true,
      },
    });
  },

  /** The actor's career plan links for a 年度 (else their latest plan): what "recommended" leans on. */
  careerPlanLinks(staffId: string, fiscalYear: number, client: Client) {
    return client.careerPlan.findFirst({
      where: { staffId, fiscalYear: { lte: fiscalYear } },
      orderBy: { fiscalYear: 'desc' },
      select: { staffImageIds: true, initiativeIds: true },
    });
  },

  /** The person's current post (grade, unit) and job family. */
  currentPost(staffId: string, client: Client) {
    return client.staff.findUnique({
      where: { id: staffId },
      select: {
        jobFamilyId: true,
        assignments: {
          where: inForce(),
          orderBy: { startsOn: 'desc' },
          take: 1,
          select: { grade: { select: gradeSelect } },
        },
      },
    });
  },

  /** Courses a person has completed or is in the middle of (an active application). */
  async takenTrainingIds(staffId: string, now: Date, client: Client) {
    const rows = await client.trainingApplication.findMany({
      where: {
        staffId,
        OR: [{ completed: true }, { status: { in: [...ACTIVE_STATUSES] }, session: { endsAt: { gt: now } } }],
      },
      select: { session: { select: { trainingId: true } } },
    });
    return new Set(rows.map((r) => r.session.trainingId));
  },
};

/** The feature's repository: the pool it reads on by default, and every query of the feature. */
export function createTrainingRepository(db: Db) {
  return { db, ...catalogueRepository, ...applicationRepository, ...assignmentRepository };
}

export type TrainingRepository = ReturnType<typeof createTrainingRepository>;
