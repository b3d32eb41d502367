/** HR or the owning bureau enrols everyone of some grades in a session at once (idempotent). */
import type { TrainingAssignmentRequest, TrainingAssignmentResult } from '@portal/contracts';
import {
  authorize,
  canManageTraining,
  inForce,
  MANAGE_TRAINING,
  trainingTarget,
} from '../../../access/access.ts';
import type { Actor, RequestMeta } from '../../../access/actor.ts';
import { BadRequestError, ConflictError, type FieldError, NotFoundError } from '../../../shared/errors.ts';
import { write } from '../../../shared/write.ts';
import { recordAudit } from '../../audit/audit.writer.ts';
import type { ApplicationContext } from './context.ts';

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
  const training = await db.training.findUnique({
    where: { id: trainingId },
    select: { id: true, kind: true, ownerBureauId: true, active: true },
  });
  if (!training || (!training.active && !canManageTraining(actor, training))) {
    throw new NotFoundError('No such course.', 'training_not_found');
  }
  authorize(actor, MANAGE_TRAINING, trainingTarget(training), {
    message: 'Only HR, or the owning bureau, enrols people.',
    code: 'not_training_manager',
  });
  const [session, grades] = await Promise.all([
    db.trainingSession.findUnique({
      where: { id: input.sessionId },
      select: { id: true, trainingId: true, status: true, fiscalYear: true },
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
  return write(db, {
    actorId: actor.staffId,
    idempotency: { operation: `training.assignment.create:${trainingId}`, key: key, body: input },
    run: async (tx) => {
      const people = await tx.staff.findMany({
        where: {
          disabledAt: null,
          assignments: { some: { ...inForce(), gradeId: { in: input.gradeIds } } },
        },
        select: { id: true, employeeNumber: true },
        orderBy: { employeeNumber: 'asc' },
      });
      const taken = await tx.trainingApplication.findMany({
        where: {
          staffId: { in: people.map((p) => p.id) },
          OR: [{ sessionId: session.id }, { completed: true, session: { trainingId } }],
        },
        select: { staffId: true },
      });
      const skip = new Set(taken.map((t) => t.staffId));
      const enrol = people.filter((p) => !skip.has(p.id));
      const seats = await repo.takeSeats(tx, session.id, enrol.length);
      const now = Date.now();
      await tx.trainingApplication.createMany({
        data: enrol.map((p, i) => ({
          sessionId: session.id,
          staffId: p.id,
          fiscalYear: session.fiscalYear,
          assigned: true,
          status: i < seats ? ('accepted' as const) : ('waitlisted' as const),
          hrDecidedById: actor.staffId,
          hrDecidedAt: new Date(now),
          // a distinct instant each, so the waiting list keeps the employee-number order
          waitlistedAt: i < seats ? null : new Date(now + i),
        })),
      });
      const body = {
        matched: people.length,
        accepted: seats,
        waitlisted: enrol.length - seats,
        skipped: skip.size,
      };
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
