/** A person applies for a session (idempotent); without a supervisor the application goes straight to HR. */
import type { TrainingApplication, TrainingApplyRequest } from '@portal/contracts';
import { authorize, hasSupervisor, today } from '../../../access/access.ts';
import type { Actor, RequestMeta } from '../../../access/actor.ts';
import { isUniqueViolation } from '../../../db/errors.ts';
import { ConflictError } from '../../../shared/errors.ts';
import { write } from '../../../shared/write.ts';
import { tellIfOverCapacity } from '../../notifications/capacity.ts';
import type { ApplicationContext } from './context.ts';
import { tellApplications } from './notices.ts';

export async function apply(
  ctx: ApplicationContext,
  actor: Actor,
  sessionId: string,
  input: TrainingApplyRequest,
  meta: RequestMeta,
  key: string | undefined,
): Promise<{ body: TrainingApplication; replayed: boolean }> {
  const { db, repo, presentOne, visibleSession } = ctx;
  const s = await visibleSession(actor, sessionId);
  authorize(actor, 'training:apply:self');
  const result = await write(db, {
    actorId: actor.staffId,
    meta,
    idempotency: { operation: `training.application.create:${sessionId}`, key, body: input },
    run: async (tx) => {
      if (s.status !== 'scheduled' || s.applicationDeadline < today()) {
        throw new ConflictError('Applications to this session are closed.', 'application_closed');
      }
      const existing = await repo.applicationTo(sessionId, actor.staffId, tx);
      if (existing && existing.status !== 'withdrawn') {
        throw new ConflictError('You have already applied to this session.', 'duplicate_application', {
          id: existing.id,
          status: existing.status,
        });
      }
      // Nobody above to approve (a bureau's head, say): the application goes straight to HR.
      const supervised = await hasSupervisor(tx, actor.staffId);
      const data = {
        reason: input.reason,
        status: supervised ? ('applied' as const) : ('approved' as const),
        assigned: false,
        fiscalYear: s.fiscalYear,
        supervisorId: null,
        supervisorDecidedAt: null,
        supervisorReason: null,
        hrDecidedById: null,
        hrDecidedAt: null,
        hrReason: null,
        waitlistedAt: null,
        attendance: null,
        completed: false,
        completedOn: null,
      };
      const app = await repo.startApplication(
        tx,
        existing?.id ?? null,
        { sessionId, staffId: actor.staffId },
        data,
      );
      await tellApplications(
        tx,
        supervised ? 'training.application.submitted' : 'training.application.awaiting_acceptance',
        [app.id],
        actor.staffId,
      );
      await tellIfOverCapacity(tx, [sessionId], actor.staffId);
      return {
        status: 201,
        body: await presentOne(actor, app.id, tx),
        audit: {
          action: 'training_application.apply',
          entityType: 'training_application',
          entityId: app.id,
          after: { sessionId, ...data },
        },
      };
    },
  }).catch((e: unknown) => {
    if (isUniqueViolation(e)) {
      throw new ConflictError('You have already applied to this session.', 'duplicate_application');
    }
    throw e;
  });
  return { body: result.body, replayed: result.replayed };
}
