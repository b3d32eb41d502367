/** The course's manager records attendance and completion for a session's roster (versioned). */
import type { TrainingSessionRoster } from '@portal/contracts';
import type { Actor, RequestMeta } from '../../../access/actor.ts';
import { BadRequestError, ConflictError, type FieldError } from '../../../shared/errors.ts';
import { recordAudit } from '../../audit/audit.writer.ts';
import { japanDay } from '../training.mapper.ts';
import type { ApplicationContext } from './context.ts';
import { tellApplications } from './notices.ts';
import { roster } from './roster.ts';
import { type Attendance, pick, Stale } from './shared.ts';

/** HR records attendance and completion for many people at once (accepted applications only). */
export async function recordAttendance(
  ctx: ApplicationContext,
  actor: Actor,
  sessionId: string,
  input: Attendance,
  meta: RequestMeta,
): Promise<TrainingSessionRoster> {
  const { db, repo, managedSession } = ctx;
  const s = await managedSession(actor, sessionId);
  if (s.startsAt > new Date()) {
    throw new ConflictError('The session has not started yet.', 'session_not_started');
  }
  const ids = input.rows.map((r) => r.applicationId);
  const found = await db.trainingApplication.findMany({
    where: { id: { in: ids }, sessionId },
    select: { id: true, status: true, version: true, attendance: true, completed: true },
  });
  const byId = new Map(found.map((a) => [a.id, a]));
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  input.rows.forEach((r, i) => {
    const a = byId.get(r.applicationId);
    if (!a)
      errors.push({
        field: `body.rows.${i}.applicationId`,
        message: 'not an application to this session',
      });
    else if (a.status !== 'accepted') {
      errors.push({
        field: `body.rows.${i}.applicationId`,
        message: `the application is ${a.status}, not accepted`,
      });
    }
    if (seen.has(r.applicationId))
      errors.push({ field: `body.rows.${i}.applicationId`, message: 'listed twice' });
    seen.add(r.applicationId);
    if (r.completed && r.attendance === 'absent') {
      errors.push({ field: `body.rows.${i}.completed`, message: 'an absent person cannot complete' });
    }
  });
  if (errors.length) throw new BadRequestError('Some rows are invalid.', errors);
  const completedOn = new Date(`${japanDay(s.endsAt)}T00:00:00Z`);
  await db
    .$transaction(
      async (tx) => {
        const n = await repo.recordAttendance(tx, sessionId, input.rows, completedOn);
        // all rows or none: a stale one undoes the rest
        if (n !== input.rows.length) throw new Stale();
        await recordAudit(tx, {
          actorId: actor.staffId,
          action: 'training_session.attendance',
          entityType: 'training_session',
          entityId: sessionId,
          before: input.rows.map((r) => ({ id: r.applicationId, ...pick(byId.get(r.applicationId)) })),
          after: input.rows,
          meta,
        });
        // the survey (and, once completed, the practice report) are due: told once per application
        const attended = (r?: { attendance: string | null; completed: boolean }) =>
          !!r && (r.completed || r.attendance === 'present' || r.attendance === 'partial');
        const due = input.rows
          .filter((r) => attended(r) && !attended(byId.get(r.applicationId)))
          .map((r) => r.applicationId);
        await tellApplications(tx, 'training.after_course.due', due, actor.staffId);
      },
      { timeout: 60_000 },
    )
    .catch(async (e: unknown) => {
      if (e instanceof Stale) {
        throw new ConflictError(
          'Someone else changed the roster; nothing was saved.',
          'stale_version',
          await roster(ctx, actor, sessionId),
        );
      }
      throw e;
    });
  return roster(ctx, actor, sessionId);
}
