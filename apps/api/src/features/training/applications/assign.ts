/**
 * 一括指名: HR or the owning bureau enrols everyone of some grades in a session at once (idempotent),
 * after a preview of the head count against the seats; each enrolment is kept as a batch that can be
 * undone while the session is still ahead.
 */
import {
  type PageQuery,
  type TrainingAssignmentBatchPage,
  type TrainingAssignmentPreview,
  type TrainingAssignmentRequest,
  type TrainingAssignmentResult,
  type TrainingAssignmentUndoResult,
  trainingTargetMisses,
} from '@portal/contracts';
import {
  authorize,
  canManageTraining,
  inForce,
  MANAGE_TRAINING,
  trainingTarget,
} from '../../../access/access.ts';
import type { Actor, RequestMeta } from '../../../access/actor.ts';
import type { Db, Tx } from '../../../db/client.ts';
import { BadRequestError, ConflictError, type FieldError, NotFoundError } from '../../../shared/errors.ts';
import { write } from '../../../shared/write.ts';
import { recordAudit } from '../../audit/audit.writer.ts';
import { tellEnrolled, tellEnrolmentsUndone } from '../../notifications/enrolment.ts';
import type { ApplicationContext } from './context.ts';
import { tellApplications } from './notices.ts';

/**
 * Bulk enrolment of everyone of some grades (mandatory 階層別研修): accepted up to capacity, the
 * rest on the waiting list in employee-number order. People already applied to the session, or
 * who have completed the course, are skipped.
 */
type Target = {
  training: { id: string; targetGradeIds: string[]; targetJobFamilyIds: string[] };
  session: { id: string; fiscalYear: number; capacity: number; acceptedCount: number };
};

/** The course's title and the session's start, for the notices. */
async function courseOf(tx: Tx, sessionId: string) {
  const s = await tx.trainingSession.findUniqueOrThrow({
    where: { id: sessionId },
    select: { startsAt: true, trainingId: true, training: { select: { titleJa: true, titleEn: true } } },
  });
  return { trainingId: s.trainingId, startsAt: s.startsAt, ...s.training };
}

/** The course and session an assignment concerns, checked: 404 / 403 / 400 naming the field / 409. */
async function target(
  ctx: ApplicationContext,
  actor: Actor,
  trainingId: string,
  input: TrainingAssignmentRequest,
): Promise<Target> {
  const { db } = ctx;
  const training = await manageable(db, actor, trainingId);
  const [session, grades] = await Promise.all([
    db.trainingSession.findUnique({
      where: { id: input.sessionId },
      select: {
        id: true,
        trainingId: true,
        status: true,
        fiscalYear: true,
        capacity: true,
        acceptedCount: true,
      },
    }),
    db.grade.findMany({ where: { id: { in: input.gradeIds } }, select: { id: true } }),
  ]);
  const errors: FieldError[] = [];
  if (!session || session.trainingId !== trainingId) {
    errors.push({ field: 'body.sessionId', message: 'not a session of this course' });
  }
  const known = new Set(grades.map((g) => g.id));
  input.gradeIds.forEach((id, i) => {
    if (!known.has(id)) errors.push({ field: `body.gradeIds.${i}`, message: 'not a grade' });
  });
  if (errors.length || !session) throw new BadRequestError('Some fields are invalid.', errors);
  if (session.status !== 'scheduled') {
    throw new ConflictError('The session is not scheduled.', 'session_not_scheduled');
  }
  return { training, session };
}

/** The course, if the actor manages it: 404 when it is not there for them, 403 when they may not. */
async function manageable(db: Db, actor: Actor, trainingId: string) {
  const training = await db.training.findUnique({
    where: { id: trainingId },
    select: {
      id: true,
      kind: true,
      ownerBureauId: true,
      active: true,
      targetGradeIds: true,
      targetJobFamilyIds: true,
    },
  });
  if (!training || (!training.active && !canManageTraining(actor, training))) {
    throw new NotFoundError('No such course.', 'training_not_found');
  }
  authorize(actor, MANAGE_TRAINING, trainingTarget(training), {
    message: 'Only HR, or the owning bureau, enrols people.',
    code: 'not_training_manager',
  });
  return training;
}

/** Everyone now in the grades, in employee-number order, and those of them to skip. */
async function candidates(client: Db | Tx, t: Target, gradeIds: string[]) {
  const people = await client.staff.findMany({
    where: { disabledAt: null, assignments: { some: { ...inForce(), gradeId: { in: gradeIds } } } },
    select: {
      id: true,
      employeeNumber: true,
      jobFamilyId: true,
      assignments: {
        where: { ...inForce(), gradeId: { in: gradeIds } },
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
      OR: [{ sessionId: t.session.id }, { completed: true, session: { trainingId: t.training.id } }],
    },
    select: { staffId: true },
  });
  const skip = new Set(taken.map((x) => x.staffId));
  return { people, skip, enrol: people.filter((p) => !skip.has(p.id)) };
}

/** What the assignment would do, without doing it: the head count against the seats left. */
export async function previewAssignment(
  ctx: ApplicationContext,
  actor: Actor,
  trainingId: string,
  input: TrainingAssignmentRequest,
): Promise<TrainingAssignmentPreview> {
  const t = await target(ctx, actor, trainingId, input);
  const { people, skip, enrol } = await candidates(ctx.db, t, input.gradeIds);
  const seatsLeft = Math.max(0, t.session.capacity - t.session.acceptedCount);
  const accepted = Math.min(seatsLeft, enrol.length);
  const targets = { gradeIds: t.training.targetGradeIds, jobFamilyIds: t.training.targetJobFamilyIds };
  const outside = enrol.filter(
    (p) =>
      trainingTargetMisses(targets, {
        gradeId: p.assignments[0]?.gradeId ?? null,
        jobFamilyId: p.jobFamilyId,
      }).length > 0,
  );
  return {
    matched: people.length,
    outsideTarget: outside.length,
    skipped: skip.size,
    toEnrol: enrol.length,
    capacity: t.session.capacity,
    acceptedCount: t.session.acceptedCount,
    seatsLeft,
    accepted,
    waitlisted: enrol.length - accepted,
  };
}

/**
 * Bulk enrolment of everyone of some grades (mandatory 階層別研修): accepted up to capacity, the
 * rest on the waiting list in employee-number order. People already applied to the session, or
 * who have completed the course, are skipped.
 */
export async function assign(
  ctx: ApplicationContext,
  actor: Actor,
  trainingId: string,
  input: TrainingAssignmentRequest,
  meta: RequestMeta,
  key: string | undefined,
): Promise<{ body: TrainingAssignmentResult; replayed: boolean }> {
  const { db, repo } = ctx;
  const t = await target(ctx, actor, trainingId, input);
  const { session } = t;
  return write(db, {
    actorId: actor.staffId,
    idempotency: { operation: `training.assignment.create:${trainingId}`, key: key, body: input },
    run: async (tx) => {
      const { people, skip, enrol } = await candidates(tx, t, input.gradeIds);
      const seats = await repo.takeSeats(tx, session.id, enrol.length);
      const now = Date.now();
      const counts = {
        matched: people.length,
        accepted: seats,
        waitlisted: enrol.length - seats,
        skipped: skip.size,
      };
      const batch = enrol.length
        ? await tx.trainingAssignmentBatch.create({
            data: { sessionId: session.id, actorId: actor.staffId, gradeIds: input.gradeIds, ...counts },
            select: { id: true },
          })
        : null;
      const enrolled = await tx.trainingApplication.createManyAndReturn({
        select: { id: true, staffId: true, status: true },
        data: enrol.map((p, i) => ({
          sessionId: session.id,
          staffId: p.id,
          fiscalYear: session.fiscalYear,
          assigned: true,
          batchId: batch?.id ?? null,
          status: i < seats ? ('accepted' as const) : ('waitlisted' as const),
          hrDecidedById: actor.staffId,
          hrDecidedAt: new Date(now),
          // a distinct instant each, so the waiting list keeps the employee-number order
          waitlistedAt: i < seats ? null : new Date(now + i),
        })),
      });
      if (enrolled.length) await tellEnrolled(tx, enrolled, await courseOf(tx, session.id), actor.staffId);
      const body = { ...counts, batchId: batch?.id ?? null };
      await recordAudit(tx, {
        actorId: actor.staffId,
        action: 'training.assign',
        entityType: 'training_session',
        entityId: session.id,
        after: { ...input, ...body },
        meta,
      });
      return { status: 200, body };
    },
  });
}

/** The course's bulk enrolments, newest first: who enrolled whom when, and whether it can be undone. */
export async function listAssignmentBatches(
  ctx: ApplicationContext,
  actor: Actor,
  trainingId: string,
  query: PageQuery,
): Promise<TrainingAssignmentBatchPage> {
  const { db } = ctx;
  await manageable(db, actor, trainingId);
  const where = { session: { trainingId } };
  const [rows, total] = await Promise.all([
    db.trainingAssignmentBatch.findMany({
      where,
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
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
    db.trainingAssignmentBatch.count({ where }),
  ]);
  const [actors, grades] = await Promise.all([
    db.staff.findMany({
      where: { id: { in: [...new Set(rows.map((r) => r.actorId))] } },
      select: { id: true, nameJa: true, nameEn: true },
    }),
    db.grade.findMany({
      where: { id: { in: [...new Set(rows.flatMap((r) => r.gradeIds))] } },
      select: { id: true, code: true, rank: true, nameJa: true, nameEn: true },
    }),
  ]);
  const actorOf = new Map(actors.map((a) => [a.id, a]));
  const gradeOf = new Map(grades.map((g) => [g.id, g]));
  return {
    items: rows.map((r) => {
      const a = actorOf.get(r.actorId);
      return {
        id: r.id,
        session: {
          id: r.session.id,
          startsAt: r.session.startsAt.toISOString(),
          endsAt: r.session.endsAt.toISOString(),
        },
        actor: a ? { id: a.id, name: { ja: a.nameJa, en: a.nameEn } } : null,
        grades: r.gradeIds.flatMap((id) => {
          const g = gradeOf.get(id);
          return g ? [{ id: g.id, code: g.code, rank: g.rank, name: { ja: g.nameJa, en: g.nameEn } }] : [];
        }),
        matched: r.matched,
        accepted: r.accepted,
        waitlisted: r.waitlisted,
        skipped: r.skipped,
        createdAt: r.createdAt.toISOString(),
        undoneAt: r.undoneAt?.toISOString() ?? null,
        undoneCount: r.undoneCount,
        undoable: !r.undoneAt && r.session.status === 'scheduled',
      };
    }),
    page: query.page,
    pageSize: query.pageSize,
    total,
  };
}

/**
 * Undoes a bulk enrolment: removes the batch's enrolments nobody has acted on since (still accepted or
 * waiting, no attendance), gives the freed seats to the waiting list in order, and marks the batch
 * undone. Once only, and only while the session is still scheduled.
 */
export async function undoAssignmentBatch(
  ctx: ApplicationContext,
  actor: Actor,
  batchId: string,
  meta: RequestMeta,
): Promise<TrainingAssignmentUndoResult> {
  const { db, repo } = ctx;
  const batch = await db.trainingAssignmentBatch.findUnique({
    where: { id: batchId },
    select: { id: true, undoneAt: true, session: { select: { id: true, trainingId: true, status: true } } },
  });
  if (!batch) throw new NotFoundError('No such enrolment batch.', 'batch_not_found');
  await manageable(db, actor, batch.session.trainingId).catch((e: unknown) => {
    // a batch of a course the actor cannot see is not there for them either
    if (e instanceof NotFoundError) throw new NotFoundError('No such enrolment batch.', 'batch_not_found');
    throw e;
  });
  if (batch.undoneAt) throw new ConflictError('The enrolment batch was undone already.', 'batch_undone');
  if (batch.session.status !== 'scheduled') {
    throw new ConflictError('The session is not scheduled.', 'session_not_scheduled');
  }
  const sessionId = batch.session.id;
  const { body } = await write(db, {
    actorId: actor.staffId,
    meta,
    what: 'enrolment batch',
    run: async (tx) => {
      // the batch is marked first, conditionally, so two undos at once cannot both run
      const marked = await tx.trainingAssignmentBatch.updateMany({
        where: { id: batch.id, undoneAt: null },
        data: { undoneAt: new Date(), undoneById: actor.staffId },
      });
      if (marked.count === 0) {
        throw new ConflictError('The enrolment batch was undone already.', 'batch_undone');
      }
      const untouched = {
        batchId: batch.id,
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
      if (gone.length) await tellEnrolmentsUndone(tx, gone, await courseOf(tx, sessionId), actor.staffId);
      const kept = await tx.trainingApplication.count({ where: { batchId: batch.id } });
      await repo.releaseSeats(tx, sessionId, freed);
      const promoted = await repo.promoteWaitlisted(tx, sessionId, actor.staffId);
      await tellApplications(tx, 'training.application.promoted', promoted, actor.staffId);
      await tx.trainingAssignmentBatch.update({
        where: { id: batch.id },
        data: { undoneCount: removed.count },
      });
      const result = { removed: removed.count, kept, promoted: promoted.length };
      return {
        body: result,
        audit: {
          action: 'training.assign.undo',
          entityType: 'training_session',
          entityId: sessionId,
          after: { batchId: batch.id, ...result },
        },
      };
    },
  });
  return body;
}
