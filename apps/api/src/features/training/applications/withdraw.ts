/** The applicant withdraws; a freed seat goes to the next on the waiting list. */
import type { TrainingApplication } from '@portal/contracts';
import { authorize, today } from '../../../access/access.ts';
import type { Actor, RequestMeta } from '../../../access/actor.ts';
import { recordAudit } from '../../audit/audit.writer.ts';
import { ACTIVE_STATUSES } from '../training.repository.ts';
import type { ApplicationContext } from './context.ts';
import { tellApplications } from './notices.ts';
import { Stale, type Withdraw } from './shared.ts';

/** The applicant withdraws before the deadline; an accepted seat goes to the first on the waiting list. */
export async function withdraw(
  ctx: ApplicationContext,
  actor: Actor,
  id: string,
  input: Withdraw,
  meta: RequestMeta,
): Promise<TrainingApplication> {
  const { db, repo, presentOne, visibleApplication, conflict } = ctx;
  const app = await visibleApplication(actor, id);
  authorize(
    actor,
    'training:apply:self',
    { person: app.staffId },
    {
      message: 'Only the applicant may withdraw.',
      code: 'not_applicant',
    },
  );
  if (input?.version !== undefined && input.version !== app.version) {
    await conflict(actor, id, 'The application was changed by someone else.', 'stale_version');
  }
  if (!(ACTIVE_STATUSES as readonly string[]).includes(app.status)) {
    await conflict(actor, id, `An application that is ${app.status} cannot be withdrawn.`, 'invalid_state');
  }
  if (app.session.applicationDeadline < today()) {
    await conflict(actor, id, 'The deadline has passed: ask HR to cancel your place.', 'deadline_passed');
  }
  await db
    .$transaction(async (tx) => {
      const n = await tx.trainingApplication.updateMany({
        where: { id, status: app.status, version: app.version },
        data: { status: 'withdrawn', waitlistedAt: null, version: { increment: 1 } },
      });
      if (n.count === 0) throw new Stale();
      let promoted: string[] = [];
      if (app.status === 'accepted') {
        await repo.freeSeat(tx, app.sessionId);
        promoted = await repo.promoteWaitlisted(tx, app.sessionId, null);
      }
      await recordAudit(tx, {
        actorId: actor.staffId,
        action: 'training_application.withdraw',
        entityType: 'training_application',
        entityId: id,
        before: { status: app.status },
        after: { status: 'withdrawn', promoted },
        meta,
      });
      await tellApplications(tx, 'training.application.promoted', promoted);
    })
    .catch(async (e: unknown) => {
      if (e instanceof Stale)
        await conflict(actor, id, 'The application was changed by someone else.', 'stale_version');
      throw e;
    });
  return presentOne(actor, id);
}
