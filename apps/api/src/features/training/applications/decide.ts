/** The supervisor approves or declines; HR or the owning bureau accepts (a seat, or the waiting list) or rejects. */
import {
  type TrainingApplication,
  type TrainingApplicationStatus,
  trainingTargetMisses,
} from '@portal/contracts';
import { authorize, isSupervisorOf, MANAGE_TRAINING, trainingTarget } from '../../../access/access.ts';
import type { Actor, RequestMeta } from '../../../access/actor.ts';
import { guardUpdated, StaleVersionError, write } from '../../../shared/write.ts';
import type { ApplicationChange } from '../training.repository.ts';
import type { ApplicationContext } from './context.ts';
import { tellApplications } from './notices.ts';
import type { Decide } from './shared.ts';

/**
 * approve / decline: the applicant's supervisor, while the application waits for them.
 * accept / reject: HR or the owning bureau, once approved. Accepting takes a seat with a
 * conditional update; a full session puts the application on the waiting list instead.
 */
export async function decide(
  ctx: ApplicationContext,
  actor: Actor,
  id: string,
  input: Decide,
  meta: RequestMeta,
): Promise<TrainingApplication> {
  const { db, repo, presentOne, visibleApplication, conflict } = ctx;
  const app = await visibleApplication(actor, id);
  const supervisorStep = input.decision === 'approve' || input.decision === 'decline';
  if (supervisorStep) {
    authorize(actor, 'training:approve:team');
    authorize(
      actor,
      'training:approve:team',
      { supervised: await isSupervisorOf(db, actor, app.staffId) },
      { message: 'Only the applicant’s supervisor approves or declines.', code: 'not_supervisor' },
    );
  } else {
    authorize(actor, MANAGE_TRAINING, trainingTarget(app.session.training), {
      message: 'Only HR, or the owning bureau, accepts or rejects.',
      code: 'not_training_manager',
    });
  }
  const current = () => presentOne(actor, id);
  if (input.version !== undefined && input.version !== app.version) {
    throw new StaleVersionError('application', await current());
  }
  const allowed: Record<Decide['decision'], TrainingApplicationStatus[]> = {
    approve: ['applied'],
    decline: ['applied'],
    accept: ['approved', 'waitlisted'],
    reject: ['approved', 'waitlisted', 'accepted'],
  };
  if (!allowed[input.decision].includes(app.status)) {
    const code = app.status === 'applied' && !supervisorStep ? 'awaiting_supervisor' : 'invalid_state';
    await conflict(
      actor,
      id,
      `An application that is ${app.status} cannot be given "${input.decision}".`,
      code,
    );
  }
  // 不受理 is a decision before the course: once it has been held, or attendance is taken, the record is
  // attendance (absent), not a rejection
  if (
    input.decision === 'reject' &&
    app.status === 'accepted' &&
    (app.attendance !== null || app.completed || app.session.endsAt < new Date())
  ) {
    await conflict(actor, id, 'The course has been held: record attendance instead.', 'session_held');
  }
  if ((input.decision === 'approve' || input.decision === 'accept') && app.session.status !== 'scheduled') {
    await conflict(actor, id, 'The session is no longer scheduled.', 'session_not_scheduled');
  }
  const outsideTarget = trainingTargetMisses(
    { gradeIds: app.session.training.targetGradeIds, jobFamilyIds: app.session.training.targetJobFamilyIds },
    { gradeId: app.staff.assignments[0]?.gradeId ?? null, jobFamilyId: app.staff.jobFamilyId },
  );
  const now = new Date();
  const reason = input.reason || null;
  let outcome: TrainingApplicationStatus = app.status;
  const { body: done } = await write(db, {
    actorId: actor.staffId,
    meta,
    what: 'application',
    current,
    run: async (tx) => {
      const guard = { id, status: app.status, version: app.version };
      let data: ApplicationChange;
      let promoted: string[] = [];
      if (supervisorStep) {
        outcome = input.decision === 'approve' ? 'approved' : 'declined';
        data = {
          status: outcome,
          supervisorId: actor.staffId,
          supervisorDecidedAt: now,
          supervisorReason: reason,
        };
      } else if (input.decision === 'accept') {
        const seat = await repo.takeSeat(tx, app.sessionId);
        if (!seat && app.status === 'waitlisted') return { body: 'full' as const };
        outcome = seat ? 'accepted' : 'waitlisted';
        data = {
          status: outcome,
          hrDecidedById: actor.staffId,
          hrDecidedAt: now,
          hrReason: reason,
          waitlistedAt: seat ? null : now,
        };
      } else {
        outcome = 'rejected';
        data = {
          status: outcome,
          hrDecidedById: actor.staffId,
          hrDecidedAt: now,
          hrReason: reason,
          waitlistedAt: null,
        };
      }
      // thrown, not returned: the seat taken above must go back with the rest
      guardUpdated(await repo.changeApplication(tx, guard, data));
      if (input.decision === 'reject' && app.status === 'accepted') {
        await repo.freeSeat(tx, app.sessionId);
        promoted = await repo.promoteWaitlisted(tx, app.sessionId, actor.staffId);
      }
      const told = {
        approved: 'training.application.approved',
        declined: 'training.application.declined',
        accepted: 'training.application.accepted',
        waitlisted: 'training.application.waitlisted',
        rejected: 'training.application.rejected',
      } as const;
      if (outcome in told)
        await tellApplications(tx, told[outcome as keyof typeof told], [id], actor.staffId);
      if (outcome === 'approved') {
        await tellApplications(tx, 'training.application.awaiting_acceptance', [id], actor.staffId);
      }
      await tellApplications(tx, 'training.application.promoted', promoted, actor.staffId);
      return {
        body: 'ok' as const,
        audit: {
          action: `training_application.${input.decision}`,
          entityType: 'training_application',
          entityId: id,
          before: { status: app.status },
          // a decision on someone outside the course's target (対象外) says so: HR may accept them, knowingly
          after: { status: outcome, reason, promoted, ...(outsideTarget.length ? { outsideTarget } : {}) },
        },
      };
    },
  });
  if (done === 'full')
    await conflict(
      actor,
      id,
      'The session is full; the application stays on the waiting list.',
      'session_full',
    );
  return presentOne(actor, id);
}
