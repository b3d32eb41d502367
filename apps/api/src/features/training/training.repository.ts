/**
 * The only place that talks to Prisma for training. Capacity is kept with conditional updates of
 * `training_session.acceptedCount` (`… WHERE acceptedCount < capacity`), so concurrent acceptances
 * serialise on the session's row and can never overbook.
 */
import { inForce } from '../../access/access.ts';
import type { Db, Tx } from '../../db/client.ts';
import type { Prisma } from '../../generated/prisma/client.ts';

/** The query shapes the feature's use cases compose (scope rules come from `access/scope.ts`). */
export type TrainingWhere = Prisma.TrainingWhereInput;
export type SessionWhere = Prisma.TrainingSessionWhereInput;
export type ApplicationWhere = Prisma.TrainingApplicationWhereInput;
export type ApplicationOrder = Prisma.TrainingApplicationOrderByWithRelationInput;
export type ApplicationChange = Prisma.TrainingApplicationUpdateManyMutationInput;

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

const unitSelect = { id: true, code: true, kind: true, nameJa: true, nameEn: true } as const;
const gradeSelect = { id: true, code: true, rank: true, nameJa: true, nameEn: true } as const;

/** What an application row needs, a function so that "current post" means today at query time. */
export const applicationSelect = () =>
  ({
    id: true,
    staffId: true,
    status: true,
    assigned: true,
    fiscalYear: true,
    reason: true,
    supervisorId: true,
    supervisorDecidedAt: true,
    supervisorReason: true,
    hrDecidedById: true,
    hrDecidedAt: true,
    hrReason: true,
    waitlistedAt: true,
    attendance: true,
    completed: true,
    completedOn: true,
    version: true,
    createdAt: true,
    updatedAt: true,
    session: {
      select: {
        id: true,
        startsAt: true,
        endsAt: true,
        venue: true,
        online: true,
        applicationDeadline: true,
        status: true,
        training: {
          select: {
            id: true,
            code: true,
            titleJa: true,
            titleEn: true,
            kind: true,
            hours: true,
            ownerBureauId: true,
            targetGradeIds: true,
            targetJobFamilyIds: true,
          },
        },
      },
    },
    staff: {
      select: {
        id: true,
        jobFamilyId: true,
        nameJa: true,
        nameEn: true,
        employeeNumber: true,
        assignments: {
          where: inForce(),
          orderBy: { startsOn: 'desc' },
          take: 1,
          select: { orgUnit: { select: unitSelect }, grade: { select: gradeSelect } },
        },
      },
    },
    feedback: { select: { satisfaction: true, usefulness: true, comment: true, createdAt: true } },
    practiceReport: {
      select: {
        body: true,
        submittedAt: true,
        confirmedById: true,
        confirmedAt: true,
        supervisorComment: true,
      },
    },
  }) as const satisfies Prisma.TrainingApplicationSelect;
export type ApplicationRow = Prisma.TrainingApplicationGetPayload<{
  select: ReturnType<typeof applicationSelect>;
}>;

/** Statuses that hold a place in a session (or a claim to one). */
export const ACTIVE_STATUSES = ['applied', 'approved', 'accepted', 'waitlisted'] as const;

/** Takes one seat if one is free; false when the session is full. */
async function takeSeat(tx: Tx, sessionId: string): Promise<boolean> {
  const n = await tx.$executeRaw`
    UPDATE training_session SET "acceptedCount" = "acceptedCount" + 1, "updatedAt" = now()
     WHERE id = ${sessionId}::uuid AND "acceptedCount" < capacity`;
  return n === 1;
}

export function createTrainingRepository(db: Db) {
  return {
    db,

    /** Grades and job families are small reference tables: read whole, once per request. */
    async lookups(client: Client) {
      const [grades, jobFamilies] = await Promise.all([
        client.grade.findMany({ select: gradeSelect, orderBy: { rank: 'asc' } }),
        client.jobFamily.findMany({ select: { id: true, code: true, nameJa: true, nameEn: true } }),
      ]);
      return { grades, jobFamilies };
    },

    bureaus() {
      return db.orgUnit.findMany({
        where: { kind: { in: ['bureau', 'ward'] }, validTo: null },
        select: unitSelect,
        orderBy: [{ kind: 'asc' }, { position: 'asc' }],
      });
    },

    async offeredFiscalYears(): Promise<number[]> {
      const rows = await db.$queryRaw<{ fy: number }[]>`
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

    async pageTrainings(where: Prisma.TrainingWhereInput, page: number, pageSize: number) {
      const [items, total] = await Promise.all([
        db.training.findMany({
          where,
          select: trainingSelect,
          orderBy: [{ active: 'desc' }, { kind: 'asc' }, { code: 'asc' }],
          skip: (page - 1) * pageSize,
          take: pageSize,
        }),
        db.training.count({ where }),
      ]);
      return { items, total };
    },

    findTrainings(where: Prisma.TrainingWhereInput, take: number) {
      return db.training.findMany({
        where,
        select: trainingSelect,
        orderBy: [{ kind: 'asc' }, { code: 'asc' }],
        take,
      });
    },

    /** Sessions not yet started, for the catalogue's "next session" (one query for a page of courses). */
    upcomingSessions(trainingIds: readonly string[], now: Date) {
      if (!trainingIds.length) return Promise.resolve([]);
      return db.trainingSession.findMany({
        where: { trainingId: { in: [...trainingIds] }, startsAt: { gt: now }, status: 'scheduled' },
        select: sessionSelect,
        orderBy: { startsAt: 'asc' },
      });
    },

    /** A person's applications to these courses: what the catalogue shows as "my progress". */
    applicationsOf(staffId: string, trainingIds: readonly string[]) {
      if (!trainingIds.length) return Promise.resolve([]);
      return db.trainingApplication.findMany({
        where: { staffId, session: { trainingId: { in: [...trainingIds] } } },
        select: { status: true, completed: true, session: { select: { trainingId: true, endsAt: true } } },
      });
    },

    /** The survey's averages per course, aggregated in SQL. */
    async feedbackSummary(trainingIds: readonly string[]) {
      if (!trainingIds.length) return [];
      return db.$queryRaw<
        { trainingId: string; count: number; satisfaction: number; usefulness: number }[]
      >`SELECT s."trainingId" AS "trainingId", count(*)::int AS count,
               avg(f.satisfaction)::float8 AS satisfaction, avg(f.usefulness)::float8 AS usefulness
          FROM training_feedback f
          JOIN training_application a ON a.id = f."applicationId"
          JOIN training_session s ON s.id = a."sessionId"
         WHERE s."trainingId" = ANY(${[...trainingIds]}::uuid[])
         GROUP BY s."trainingId"`;
    },

    async pageSessions(where: Prisma.TrainingSessionWhereInput, page: number, pageSize: number) {
      const [items, total] = await Promise.all([
        db.trainingSession.findMany({
          where,
          select: sessionSelect,
          orderBy: [{ startsAt: 'asc' }, { id: 'asc' }],
          skip: (page - 1) * pageSize,
          take: pageSize,
        }),
        db.trainingSession.count({ where }),
      ]);
      return { items, total };
    },

    findSession(id: string, client: Client) {
      return client.trainingSession.findUnique({
        where: { id },
        select: { ...sessionSelect, training: { select: trainingSelect } },
      });
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
    myApplications(staffId: string, sessionIds: readonly string[]) {
      if (!sessionIds.length) return Promise.resolve([]);
      return db.trainingApplication.findMany({
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

    /** Places on the waiting list (1 = next to move up) of these applications, by window function. */
    async waitlistPositions(applicationIds: readonly string[], client: Client): Promise<Map<string, number>> {
      if (!applicationIds.length) return new Map();
      const rows = await client.$queryRaw<{ id: string; position: number }[]>`
        SELECT id, position FROM (
          SELECT a.id, row_number() OVER (PARTITION BY a."sessionId" ORDER BY a."waitlistedAt", a.id)::int AS position
            FROM training_application a
           WHERE a.status = 'waitlisted'
             AND a."sessionId" IN (SELECT "sessionId" FROM training_application WHERE id = ANY(${[...applicationIds]}::uuid[]))
        ) w
        WHERE id = ANY(${[...applicationIds]}::uuid[])`;
      return new Map(rows.map((r) => [r.id, r.position]));
    },

    findApplication(id: string, client: Client) {
      return client.trainingApplication.findUnique({ where: { id }, select: applicationSelect() });
    },

    async pageApplications(
      where: Prisma.TrainingApplicationWhereInput,
      orderBy: Prisma.TrainingApplicationOrderByWithRelationInput[],
      page: number,
      pageSize: number,
    ) {
      const [items, total] = await Promise.all([
        db.trainingApplication.findMany({
          where,
          select: applicationSelect(),
          orderBy,
          skip: (page - 1) * pageSize,
          take: pageSize,
        }),
        db.trainingApplication.count({ where }),
      ]);
      return { items, total };
    },

    sessionApplications(sessionId: string, client: Client) {
      return client.trainingApplication.findMany({
        where: { sessionId, status: { not: 'withdrawn' } },
        select: applicationSelect(),
        orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      });
    },

    /** Of these people, those the actor supervises (given the where of the actor's staff). */
    async supervisedIds(where: Prisma.StaffWhereInput | null, staffIds: readonly string[], client: Client) {
      if (!where || !staffIds.length) return new Set<string>();
      const rows = await client.staff.findMany({
        where: { AND: [{ id: { in: [...new Set(staffIds)] } }, where] },
        select: { id: true },
      });
      return new Set(rows.map((r) => r.id));
    },

    takeSeat,

    /** Takes up to `wanted` seats at once; returns how many it got. */
    async takeSeats(tx: Tx, sessionId: string, wanted: number): Promise<number> {
      if (wanted <= 0) return 0;
      const rows = await tx.$queryRaw<{ taken: number }[]>`
        WITH old AS (SELECT "acceptedCount", capacity FROM training_session WHERE id = ${sessionId}::uuid FOR UPDATE)
        UPDATE training_session t
           SET "acceptedCount" = LEAST(old.capacity, old."acceptedCount" + ${wanted}::int), "updatedAt" = now()
          FROM old
         WHERE t.id = ${sessionId}::uuid
        RETURNING (t."acceptedCount" - old."acceptedCount")::int AS taken`;
      return rows[0]?.taken ?? 0;
    },

    /**
     * Attendance and completion for many accepted applications in one statement; each row guarded by
     * the version read, when given. Returns how many rows it changed.
     */
    recordAttendance(
      tx: Tx,
      sessionId: string,
      rows: { applicationId: string; attendance: string; completed: boolean; version?: number | undefined }[],
      completedOn: Date,
    ): Promise<number> {
      return tx.$executeRaw`
        UPDATE training_application a
           SET attendance = v.attendance::"AttendanceStatus",
               completed = v.completed,
               "completedOn" = CASE WHEN v.completed THEN ${completedOn}::date ELSE NULL END,
               version = a.version + 1,
               "updatedAt" = now()
          FROM unnest(
                 ${rows.map((r) => r.applicationId)}::uuid[],
                 ${rows.map((r) => r.attendance)}::text[],
                 ${rows.map((r) => r.completed)}::boolean[],
                 ${rows.map((r) => r.version ?? null)}::int[]
               ) AS v(id, attendance, completed, version)
         WHERE a.id = v.id AND a."sessionId" = ${sessionId}::uuid AND a.status = 'accepted'
           AND (v.version IS NULL OR a.version = v.version)`;
    },

    /** Gives back `n` seats at once (an undone bulk enrolment). */
    async releaseSeats(tx: Tx, sessionId: string, n: number): Promise<void> {
      if (n <= 0) return;
      await tx.$executeRaw`
        UPDATE training_session SET "acceptedCount" = GREATEST("acceptedCount" - ${n}::int, 0), "updatedAt" = now()
         WHERE id = ${sessionId}::uuid`;
    },

    async freeSeat(tx: Tx, sessionId: string): Promise<void> {
      await tx.$executeRaw`
        UPDATE training_session SET "acceptedCount" = GREATEST("acceptedCount" - 1, 0), "updatedAt" = now()
         WHERE id = ${sessionId}::uuid`;
    },

    /**
     * Moves the waiting list up while seats are free, in order: each promotion takes a seat with the
     * same conditional update. Returns the ids promoted.
     */
    async promoteWaitlisted(tx: Tx, sessionId: string, decidedById: string | null): Promise<string[]> {
      const promoted: string[] = [];
      for (;;) {
        const next = await tx.$queryRaw<{ id: string }[]>`
          SELECT id FROM training_application
           WHERE "sessionId" = ${sessionId}::uuid AND status = 'waitlisted'
           ORDER BY "waitlistedAt", id
           LIMIT 1
           FOR UPDATE`;
        const id = next[0]?.id;
        if (!id) break;
        if (!(await takeSeat(tx, sessionId))) break;
        await tx.trainingApplication.update({
          where: { id },
          data: {
            status: 'accepted',
            waitlistedAt: null,
            hrDecidedAt: new Date(),
            ...(decidedById ? { hrDecidedById: decidedById } : {}),
            version: { increment: 1 },
          },
        });
        promoted.push(id);
      }
      return promoted;
    },

    /** The actor's career plan links for a 年度 (else their latest plan): what "recommended" leans on. */
    careerPlanLinks(staffId: string, fiscalYear: number) {
      return db.careerPlan.findFirst({
        where: { staffId, fiscalYear: { lte: fiscalYear } },
        orderBy: { fiscalYear: 'desc' },
        select: { staffImageIds: true, initiativeIds: true },
      });
    },

    /** The person's current post (grade, unit) and job family. */
    currentPost(staffId: string) {
      return db.staff.findUnique({
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
    async takenTrainingIds(staffId: string, now: Date) {
      const rows = await db.trainingApplication.findMany({
        where: {
          staffId,
          OR: [
            { completed: true },
            { status: { in: [...ACTIVE_STATUSES] }, session: { endsAt: { gt: now } } },
          ],
        },
        select: { session: { select: { trainingId: true } } },
      });
      return new Set(rows.map((r) => r.session.trainingId));
    },
  };
}

export type TrainingRepository = ReturnType<typeof createTrainingRepository>;
