/** A course's bulk enrolments (一括指名): listed newest first, and undone while the session is ahead. */
import type { PageQuery, TrainingAssignmentBatchPage, TrainingAssignmentUndoResult } from '@portal/contracts';
import type { Actor, RequestMeta } from '../../../access/actor.ts';
import { ConflictError, NotFoundError } from '../../../shared/errors.ts';
import { write } from '../../../shared/write.ts';
import { tellEnrolmentsUndone } from '../../notifications/enrolment.ts';
import { manageable } from './assign.ts';
import type { ApplicationContext } from './context.ts';
import { tellApplications } from './notices.ts';

/** The course's bulk enrolments, newest first: who enrolled whom when, and whether it can be undone. */
export async function listAssignmentBatches(
  ctx: ApplicationContext,
  actor: Actor,
  trainingId: string,
  query: PageQuery,
): Promise<TrainingAssignmentBatchPage> {
  await manageable(ctx, actor, trainingId);
  const { rows, total, actors, grades } = await ctx.repo.pageBatches(
    trainingId,
    query.page,
    query.pageSize,
    ctx.db,
  );
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
  const batch = await repo.findBatch(batchId, db);
  if (!batch) throw new NotFoundError('No such enrolment batch.', 'batch_not_found');
  await manageable(ctx, actor, batch.session.trainingId).catch((e: unknown) => {
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
      const undone = await repo.undoBatch(tx, batch.id, actor.staffId);
      if (!undone) throw new ConflictError('The enrolment batch was undone already.', 'batch_undone');
      if (undone.gone.length) {
        await tellEnrolmentsUndone(tx, undone.gone, await repo.sessionCourse(tx, sessionId), actor.staffId);
      }
      await repo.releaseSeats(tx, sessionId, undone.freed);
      const promoted = await repo.promoteWaitlisted(tx, sessionId, actor.staffId);
      await tellApplications(tx, 'training.application.promoted', promoted, actor.staffId);
      const result = { removed: undone.removed, kept: undone.kept, promoted: promoted.length };
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
