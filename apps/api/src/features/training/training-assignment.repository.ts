/**
 * 一括指名: the courses, sessions and people a bulk enrolment concerns, its batch, and undoing it.
 * Seats are taken and given back through the application repository's conditional updates.
 */
import { inForce } from '../../access/access.ts';
import type { Db, Tx } from '../../db/client.ts';
import { pageOf } from '../../shared/page.ts';

type Client = Db | Tx;

export type AssignmentBatchNew = {
  sessionId: string;
  actorId: string;
  gradeIds: string[];
  matched: number;
  accepted: number;
  waitlisted: number;
  skipped: number;
};

export type AssignedApplication = {
  staffId: string;
  status: 'accepted' | 'waitlisted';
  waitlistedAt: Date | null;
};

export const assignmentRepository = {
  /** The course with what managing it and its target need. */
  manageableTraining(id: string, client: Client) {
    return client.training.findUnique({
      where: { id },
      select: {
        id: true,
        kind: true,
        ownerBureauId: true,
        active: true,
        targetGradeIds: true,
        targetJobFamilyIds: true,
      },
    });
  },

  /** The session a bulk enrolment fills, and which of the grades named exist. */
  async assignmentTarget(sessionId: string, gradeIds: readonly string[], client: Client) {
    const [session, grades] = await Promise.all([
      client.trainingSession.findUnique({
        where: { id: sessionId },
        select: {
          id: true,
          trainingId: true,
          status: true,
          fiscalYear: true,
          capacity: true,
          acceptedCount: true,
        },
      }),
      client.grade.findMany({ where: { id: { in: [...gradeIds] } }, select: { id: true } }),
    ]);
    return { session, knownGradeIds: new Set(grades.map((g) => g.id)) };
  },

  /**
   * Everyone now in the grades, in employee-number order, and of them those already applied to the
   * session or who have completed the course.
   */
  async candidates(
    t: { trainingId: string; sessionId: string },
    gradeIds: readonly string[],
    client: Client,
  ) {
    const people = await client.staff.findMany({
      where: { disabledAt: null, assignments: { some: { ...inForce(), gradeId: { in: [...gradeIds] } } } },
      select: {
        id: true,
        employeeNumber: true,
        jobFamilyId: true,
        assignments: {
          where: { ...inForce(), gradeId: { in: [...gradeIds] } },
          take: 1,
          orderBy: { startsOn: 'desc' },
          select: { gradeId: true },
        },
      },
      orderBy: { employeeNumber: 'asc' },
    });
    const taken = await client.trainingApplication.findMany({
      where: {
        staffId: { in: people.map((p) => p.id) },
        OR: [{ sessionId: t.sessionId }, { completed: true, session: { trainingId: t.trainingId } }],
      },
      select: { staffId: true },
    });
    return { people, taken: new Set(taken.map((x) => x.staffId)) };
  },

  /**
   * The batch (when anyone is enrolled) and its applications, decided by the batch's actor at
   * `decidedAt`: the batch's id and who was enrolled how.
   */
  async enrol(
    tx: Tx,
    batch: AssignmentBatchNew,
    session: { id: string; fiscalYear: number },
    rows: AssignedApplication[],
    decidedAt: Date,
  ) {
    if (!rows.length) return { batchId: null, enrolled: [] };
    const created = await tx.trainingAssignmentBatch.create({ data: batch, select: { id: true } });
    const enrolled = await tx.trainingApplication.createManyAndReturn({
      select: { id: true, staffId: true, status: true },
      data: rows.map((r) => ({
        sessionId: session.id,
        staffId: r.staffId,
        fiscalYear: session.fiscalYear,
        assigned: true,
        batchId: created.id,
        status: r.status,
        hrDecidedById: batch.actorId,
        hrDecidedAt: decidedAt,
        waitlistedAt: r.waitlistedAt,
      })),
    });
    return { batchId: created.id, enrolled };
  },

  /** The course's title and the session's start, for the notices. */
  async sessionCourse(tx: Tx, sessionId: string) {
    const s = await tx.trainingSession.findUniqueOrThrow({
      where: { id: sessionId },
      select: { startsAt: true, trainingId: true, training: { select: { titleJa: true, titleEn: true } } },
    });
    return { trainingId: s.trainingId, startsAt: s.startsAt, ...s.training };
  },

  /** A page of a course's batches, newest first, with the names of who enrolled and of the grades. */
  async pageBatches(trainingId: string, page: number, pageSize: number, client: Client) {
    const where = { session: { trainingId } };
    const { items: rows, total } = await pageOf(page, pageSize, {
      rows: (window) =>
        client.trainingAssignmentBatch.findMany({
          where,
          orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
          ...window,
          select: {
            id: true,
            actorId: true,
            gradeIds: true,
            matched: true,
            accepted: true,
            waitlisted: true,
            skipped: true,
            createdAt: true,
            undoneAt: true,
            undoneCount: true,
            session: { select: { id: true, startsAt: true, endsAt: true, status: true } },
          },
        }),
      count: () => client.trainingAssignmentBatch.count({ where }),
    });
    const [actors, grades] = await Promise.all([
      client.staff.findMany({
        where: { id: { in: [...new Set(rows.map((r) => r.actorId))] } },
        select: { id: true, nameJa: true, nameEn: true },
      }),
      client.grade.findMany({
        where: { id: { in: [...new Set(rows.flatMap((r) => r.gradeIds))] } },
        select: { id: true, code: true, rank: true, nameJa: true, nameEn: true },
      }),
    ]);
    return { rows, total, actors, grades };
  },

  findBatch(id: string, client: Client) {
    return client.trainingAssignmentBatch.findUnique({
      where: { id },
      select: { id: true, undoneAt: true, session: { select: { id: true, trainingId: true, status: true } } },
    });
  },

  /**
   * Undoes a batch: marks it first, conditionally, so two undos at once cannot both run (null: it was
   * undone already); removes its enrolments nobody has acted on since (still accepted or waiting, no
   * attendance). Returns how many seats that freed, how many went (and whose) and how many stay.
   */
  async undoBatch(tx: Tx, batchId: string, by: string) {
    const marked = await tx.trainingAssignmentBatch.updateMany({
      where: { id: batchId, undoneAt: null },
      data: { undoneAt: new Date(), undoneById: by },
    });
    if (marked.count === 0) return null;
    const untouched = {
      batchId,
      assigned: true,
      attendance: null,
      status: { in: ['accepted' as const, 'waitlisted' as const] },
    };
    const freed = await tx.trainingApplication.count({ where: { ...untouched, status: 'accepted' } });
    const gone = await tx.trainingApplication.findMany({
      where: untouched,
      select: { id: true, staffId: true },
    });
    const removed = await tx.trainingApplication.deleteMany({
      where: { ...untouched, id: { in: gone.map((g) => g.id) } },
    });
    const kept = await tx.trainingApplication.count({ where: { batchId } });
    await tx.trainingAssignmentBatch.update({ where: { id: batchId }, data: { undoneCount: removed.count } });
    return { freed, removed: removed.count, kept, gone };
  },
};
