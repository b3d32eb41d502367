/** The course's manager records attendance and completion for a session's roster (versioned). */
import type { TrainingSessionRoster } from '@portal/contracts';
import type { Actor, RequestMeta } from '../../../access/actor.ts';
import { BadRequestError, ConflictError, type FieldError } from '../../../shared/errors.ts';
import { refuseStale, write } from '../../../shared/write.ts';
import { japanDay } from '../training.mapper.ts';
import type { ApplicationContext } from './context.ts';
import { tellApplications } from './notices.ts';
import { roster } from './roster.ts';
import { type Attendance, pick } from './shared.ts';

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
  const found = await repo.attendanceOf(sessionId, ids, db);
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
  await write(db, {
    actorId: actor.staffId,
    meta,
    what: 'roster',
    current: () => roster(ctx, actor, sessionId),
    timeoutMs: 60_000,
    run: async (tx) => {
      const n = await repo.recordAttendance(tx, sessionId, input.rows, completedOn);
      // all rows or none: a stale one undoes the rest
      if (n !== input.rows.length) refuseStale();
      // the survey (and, once completed, the practice report) are due: told once per application
      const attended = (r?: { attendance: string | null; completed: boolean }) =>
        !!r && (r.completed || r.attendance === 'present' || r.attendance === 'partial');
      const due = input.rows
        .filter((r) => attended(r) && !attended(byId.get(r.applicationId)))
        .map((r) => r.applicationId);
      await tellApplications(tx, 'training.after_course.due', due, actor.staffId);
      return {
        body: null,
        audit: {
          action: 'training_session.attendance',
          entityType: 'training_session',
          entityId: sessionId,
          before: input.rows.map((r) => ({ id: r.applicationId, ...pick(byId.get(r.applicationId)) })),
          after: input.rows,
        },
      };
    },
  });
  return roster(ctx, actor, sessionId);
}
