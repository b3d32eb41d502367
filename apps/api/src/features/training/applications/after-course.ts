/** After the course: the survey, the 職場での実践 report, and its confirmation by the supervisor. */
import type { TrainingApplication, TrainingPracticeReportRequest } from '@portal/contracts';
import { authorize, isSupervisorOf } from '../../../access/access.ts';
import type { Actor, RequestMeta } from '../../../access/actor.ts';
import { write } from '../../../shared/write.ts';
import type { ApplicationContext } from './context.ts';
import { tellApplications } from './notices.ts';
import type { Confirm, Feedback } from './shared.ts';

export function feedback(
  ctx: ApplicationContext,
  actor: Actor,
  id: string,
  input: Feedback,
  meta: RequestMeta,
  key?: string,
): Promise<TrainingApplication> {
  const { afterCourse } = ctx;
  return afterCourse(actor, id, meta, key, {
    scope: 'feedback',
    body: input,
    participantOnly: 'Only the participant answers the survey.',
    open: (app) => app.completed || app.attendance === 'present' || app.attendance === 'partial',
    notOpen: ['The survey opens once your attendance is recorded.', 'not_attended'],
    duplicate: ['You have already answered the survey.', 'duplicate_feedback'],
    create: (tx) => ctx.repo.createFeedback(tx, id, input),
  });
}

export function practiceReport(
  ctx: ApplicationContext,
  actor: Actor,
  id: string,
  input: TrainingPracticeReportRequest,
  meta: RequestMeta,
  key?: string,
): Promise<TrainingApplication> {
  const { afterCourse } = ctx;
  return afterCourse(actor, id, meta, key, {
    scope: 'practice_report',
    body: input,
    participantOnly: 'Only the participant reports.',
    open: (app) => app.completed,
    notOpen: ['Report once the course is completed.', 'not_completed'],
    duplicate: ['You have already reported.', 'duplicate_report'],
    create: async (tx) => {
      await ctx.repo.createPracticeReport(tx, id, input.body);
      await tellApplications(tx, 'training.practice_report.submitted', [id], actor.staffId);
    },
  });
}

/** The supervisor confirms the 職場での実践 report: the link from the course back to OJT. */
export async function confirmPractice(
  ctx: ApplicationContext,
  actor: Actor,
  id: string,
  input: Confirm,
  meta: RequestMeta,
): Promise<TrainingApplication> {
  const { db, repo, presentOne, visibleApplication, conflict } = ctx;
  const app = await visibleApplication(actor, id);
  authorize(actor, 'training:approve:team');
  authorize(
    actor,
    'training:approve:team',
    { supervised: await isSupervisorOf(db, actor, app.staffId) },
    { message: 'Only the person’s supervisor confirms the report.', code: 'not_supervisor' },
  );
  if (!app.practiceReport) await conflict(actor, id, 'There is no report to confirm yet.', 'no_report');
  const confirmed = await write(db, {
    actorId: actor.staffId,
    meta,
    run: async (tx) => {
      const n = await repo.confirmPracticeReport(tx, id, {
        confirmedById: actor.staffId,
        supervisorComment: input.comment || null,
      });
      return {
        body: n,
        audit: n
          ? {
              action: 'training_application.confirm_practice',
              entityType: 'training_application',
              entityId: id,
              after: input,
            }
          : undefined,
      };
    },
  });
  const n = confirmed.body;
  if (n === 0) await conflict(actor, id, 'The report is already confirmed.', 'already_confirmed');
  return presentOne(actor, id);
}
