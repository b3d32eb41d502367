/**
 * Training applications: reads, the guarded changes of their steps, and the seats. Capacity is kept
 * with conditional updates of `training_session.acceptedCount` (`… WHERE acceptedCount < capacity`),
 * so concurrent acceptances serialise on the session's row and can never overbook.
 */
import { inForce } from '../../access/access.ts';
import type { Db, Tx } from '../../db/client.ts';
import type { Prisma } from '../../generated/prisma/client.ts';
import { pageOf } from '../../shared/page.ts';

export type ApplicationWhere = Prisma.TrainingApplicationWhereInput;
export type ApplicationOrder = Prisma.TrainingApplicationOrderByWithRelationInput;
export type ApplicationChange = Prisma.TrainingApplicationUpdateManyMutationInput;
/** The columns an application (re)starts with when a person applies. */
export type ApplicationStart = Omit<
  Prisma.TrainingApplicationUncheckedCreateInput,
  'id' | 'sessionId' | 'staffId'
>;

type Client = Db | Tx;

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
        capacity: true,
        acceptedCount: true,
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

export const applicationRepository = {
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

  pageApplications(
    where: ApplicationWhere,
    orderBy: ApplicationOrder[],
    page: number,
    pageSize: number,
    client: Client,
  ) {
    return pageOf(page, pageSize, {
      rows: (w) => client.trainingApplication.findMany({ where, select: applicationSelect(), orderBy, ...w }),
      count: () => client.trainingApplication.count({ where }),
    });
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

  /** What a step on an application checks, if `scope` (the reader's, `access/scope.ts`) lets them see it. */
  visibleApplication(id: string, scope: ApplicationWhere, client: Client) {
    return client.trainingApplication.findFirst({
      where: { AND: [{ id }, scope] },
      select: {
        id: true,
        staffId: true,
        sessionId: true,
        status: true,
        version: true,
        attendance: true,
        completed: true,
        session: {
          select: {
            applicationDeadline: true,
            endsAt: true,
            capacity: true,
            status: true,
            training: {
              select: { kind: true, ownerBureauId: true, targetGradeIds: true, targetJobFamilyIds: true },
            },
          },
        },
        staff: {
          select: {
            jobFamilyId: true,
            assignments: {
              where: inForce(),
              orderBy: { startsOn: 'desc' },
              take: 1,
              select: { gradeId: true },
            },
          },
        },
        feedback: { select: { applicationId: true } },
        practiceReport: { select: { confirmedAt: true } },
      },
    });
  },

  /** A person's application to a session, if any. */
  applicationTo(sessionId: string, staffId: string, client: Client) {
    return client.trainingApplication.findUnique({
      where: { sessionId_staffId: { sessionId, staffId } },
      select: { id: true, status: true, attendance: true, completed: true, version: true },
    });
  },

  /** A new application, or a withdrawn one started again (its version raised). */
  startApplication(
    tx: Tx,
    existingId: string | null,
    key: { sessionId: string; staffId: string },
    data: ApplicationStart,
  ) {
    return existingId
      ? tx.trainingApplication.update({
          where: { id: existingId },
          data: { ...data, version: { increment: 1 } },
          select: { id: true },
        })
      : tx.trainingApplication.create({ data: { ...data, ...key }, select: { id: true } });
  },

  /** A step's change, guarded by the status and version read: 0 when either moved (the caller's 409). */
  async changeApplication(
    tx: Tx,
    guard: { id: string; status: ApplicationRow['status']; version: number },
    data: ApplicationChange,
  ): Promise<number> {
    const n = await tx.trainingApplication.updateMany({
      where: guard,
      data: { ...data, version: { increment: 1 } },
    });
    return n.count;
  },

  /** Of these applications, those to the session, with what attendance recording checks. */
  attendanceOf(sessionId: string, ids: readonly string[], client: Client) {
    return client.trainingApplication.findMany({
      where: { id: { in: [...ids] }, sessionId },
      select: { id: true, status: true, version: true, attendance: true, completed: true },
    });
  },

  async createFeedback(
    tx: Tx,
    applicationId: string,
    input: { satisfaction: number; usefulness: number; comment: string },
  ): Promise<void> {
    await tx.trainingFeedback.create({ data: { applicationId, ...input } });
  },

  async createPracticeReport(tx: Tx, applicationId: string, body: string): Promise<void> {
    await tx.practiceReport.create({ data: { applicationId, body } });
  },

  /** Confirms a report not yet confirmed: 0 when it was already (or is not there). */
  async confirmPracticeReport(
    tx: Tx,
    applicationId: string,
    by: { confirmedById: string; supervisorComment: string | null },
  ): Promise<number> {
    const n = await tx.practiceReport.updateMany({
      where: { applicationId, confirmedAt: null },
      data: { confirmedAt: new Date(), ...by },
    });
    return n.count;
  },

  /** What a notice about these applications names: the person and the course. */
  noticeRows(tx: Tx, ids: readonly string[]) {
    return tx.trainingApplication.findMany({
      where: { id: { in: [...ids] } },
      select: {
        id: true,
        staffId: true,
        staff: { select: { nameJa: true, nameEn: true } },
        session: {
          select: {
            startsAt: true,
            training: { select: { titleJa: true, titleEn: true, ownerBureauId: true } },
          },
        },
      },
    });
  },
};
