/** The applicant withdraws; a freed seat goes to the next on the waiting list. */
import type { TrainingApplication } from '@portal/contracts';
import { authorize, today } from '../../../access/access.ts';
import type { Actor, RequestMeta } from '../../../access/actor.ts';
import { guardUpdated, StaleVersionError, write } from '../../../shared/write.ts';
import { ACTIVE_STATUSES } from '../training.repository.ts';
import type { ApplicationContext } from './context.ts';
import { tellApplications } from './notices.ts';
import type { Withdraw } from './shared.ts';

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
  const current = () => presentOne(actor, id);
  if (input?.version !== undefined && input.version !== app.version) {
    throw new StaleVersionError('application', await current());
  }
  if (!(ACTIVE_STATUSES as readonly string[]).includes(app.status)) {
    await conflict(actor, id, `An application that is ${app.status} cannot be withdrawn.`, 'invalid_state');
  }
  if (app.session.applicationDeadline < today()) {
    await conflict(actor, id, 'The deadline has passed: ask HR to cancel your place.', 'deadline_passed');
  }
  await write(db, {
    actorId: actor.staffId,
    meta,
    what: 'application',
    current,
    run: async (tx) => {
      const guard = { id, status: app.status, version: app.version };
      guardUpdated(await repo.changeApplication(tx, guard, { status: 'withdrawn', waitlistedAt: null }));
      let promoted: string[] = [];
      if (app.status === 'accepted') {
        await repo.freeSeat(tx, app.sessionId);
        promoted = await repo.promoteWaitlisted(tx, app.sessionId, null);
      }
      await tellApplications(tx, 'training.application.promoted', promoted);
      return {
        body: null,
        audit: {
          action: 'training_application.withdraw',
          entityType: 'training_application',
          entityId: id,
          before: { status: app.status },
          after: { status: 'withdrawn', promoted },
        },
      };
    },
  });
  return presentOne(actor, id);
}
