/**
 * 一括指名: HR or the owning bureau enrols everyone of some grades in a session at once (idempotent),
 * after a preview of the head count against the seats; each enrolment is kept as a batch that can be
 * undone while the session is still ahead.
 */
import {
  type TrainingAssignmentPreview,
  type TrainingAssignmentRequest,
  type TrainingAssignmentResult,
  trainingTargetMisses,
} from '@portal/contracts';
import { authorize, canManageTraining, MANAGE_TRAINING, trainingTarget } from '../../../access/access.ts';
import type { Actor, RequestMeta } from '../../../access/actor.ts';
import type { Db, Tx } from '../../../db/client.ts';
import { BadRequestError, ConflictError, type FieldError, NotFoundError } from '../../../shared/errors.ts';
import { write } from '../../../shared/write.ts';
import { tellEnrolled } from '../../notifications/enrolment.ts';
import type { ApplicationContext } from './context.ts';

/**
 * Bulk enrolment of everyone of some grades (mandatory 階層別研修): accepted up to capacity, the
 * rest on the waiting list in employee-number order. People already applied to the session, or
 * who have completed the course, are skipped.
 */
type Target = {
  training: { id: string; targetGradeIds: string[]; targetJobFamilyIds: string[] };
  session: { id: string; fiscalYear: number; capacity: number; acceptedCount: number };
};

/** The course and session an assignment concerns, checked: 404 / 403 / 400 naming the field / 409. */
async function target(
  ctx: ApplicationContext,
  actor: Actor,
  trainingId: string,
  input: TrainingAssignmentRequest,
): Promise<Target> {
  const { db, repo } = ctx;
  const training = await manageable(ctx, actor, trainingId);
  const { session, knownGradeIds: known } = await repo.assignmentTarget(input.sessionId, input.gradeIds, db);
  const errors: FieldError[] = [];
  if (!session || session.trainingId !== trainingId) {
    errors.push({ field: 'body.sessionId', message: 'not a session of this course' });
  }
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
export async function manageable(ctx: ApplicationContext, actor: Actor, trainingId: string) {
  const training = await ctx.repo.manageableTraining(trainingId, ctx.db);
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
async function candidates(ctx: ApplicationContext, client: Db | Tx, t: Target, gradeIds: string[]) {
  const { people, taken } = await ctx.repo.candidates(
    { trainingId: t.training.id, sessionId: t.session.id },
    gradeIds,
    client,
  );
  return { people, skip: taken, enrol: people.filter((p) => !taken.has(p.id)) };
}

/** What the assignment would do, without doing it: the head count against the seats left. */
export async function previewAssignment(
  ctx: ApplicationContext,
  actor: Actor,
  trainingId: string,
  input: TrainingAssignmentRequest,
): Promise<TrainingAssignmentPreview> {
  const t = await target(ctx, actor, trainingId, input);
  const { people, skip, enrol } = await candidates(ctx, ctx.db, t, input.gradeIds);
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
    meta,
    idempotency: { operation: `training.assignment.create:${trainingId}`, key: key, body: input },
    run: async (tx) => {
      const { people, skip, enrol } = await candidates(ctx, tx, t, input.gradeIds);
      const seats = await repo.takeSeats(tx, session.id, enrol.length);
      const now = Date.now();
      const counts = {
        matched: people.length,
        accepted: seats,
        waitlisted: enrol.length - seats,
        skipped: skip.size,
      };
      const { batchId, enrolled } = await repo.enrol(
        tx,
        { sessionId: session.id, actorId: actor.staffId, gradeIds: input.gradeIds, ...counts },
        session,
        enrol.map((p, i) => ({
          staffId: p.id,
          status: i < seats ? 'accepted' : 'waitlisted',
          // a distinct instant each, so the waiting list keeps the employee-number order
          waitlistedAt: i < seats ? null : new Date(now + i),
        })),
        new Date(now),
      );
      if (enrolled.length) {
        await tellEnrolled(tx, enrolled, await repo.sessionCourse(tx, session.id), actor.staffId);
      }
      const body = { ...counts, batchId };
      return {
        status: 200,
        body,
        audit: {
          action: 'training.assign',
          entityType: 'training_session',
          entityId: session.id,
          after: { ...input, ...body },
        },
      };
    },
  });
}
