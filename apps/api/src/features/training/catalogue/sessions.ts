/** A course's sessions: listed with my place in each, added (idempotent) and edited (versioned). */
import type {
  TrainingSession,
  TrainingSessionInput,
  TrainingSessionListQuery,
  TrainingSessionPage,
  TrainingSessionUpdate,
} from '@portal/contracts';
import type { z } from 'zod';
import { authorize, canManageTraining, today } from '../../../access/access.ts';
import type { Actor, RequestMeta } from '../../../access/actor.ts';
import { BadRequestError, NotFoundError } from '../../../shared/errors.ts';
import { guardUpdated, write } from '../../../shared/write.ts';
import { tellApplications } from '../applications/notices.ts';
import { toSession } from '../training.mapper.ts';
import type { SessionWhere } from '../training.repository.ts';
import { type CatalogueContext, sessionFiscalYear } from './context.ts';

type SessionQuery = z.output<typeof TrainingSessionListQuery>;
type SessionData = z.output<typeof TrainingSessionInput>;
type SessionChange = z.output<typeof TrainingSessionUpdate>;

export async function listSessions(
  ctx: CatalogueContext,
  actor: Actor,
  trainingId: string,
  query: SessionQuery,
): Promise<TrainingSessionPage> {
  const { db, repo, visibleTraining, counts } = ctx;
  authorize(actor, 'training:read:any');
  await visibleTraining(actor, trainingId);
  const where: SessionWhere = {
    trainingId,
    ...(query.fiscalYear ? { fiscalYear: query.fiscalYear } : {}),
  };
  const { items, total } = await repo.pageSessions(where, query.page, query.pageSize, db);
  const ids = items.map((s) => s.id);
  const [c, mine] = await Promise.all([counts(ids), repo.myApplications(actor.staffId, ids, db)]);
  const positions = await repo.waitlistPositions(
    mine.filter((m) => m.status === 'waitlisted').map((m) => m.id),
    db,
  );
  const mineBy = new Map(mine.map((m) => [m.sessionId, m]));
  const day = today();
  return {
    items: items.map((s) => {
      const m = mineBy.get(s.id);
      return toSession(
        s,
        c.get(s.id) ?? {},
        m
          ? {
              id: m.id,
              status: m.status,
              waitlistPosition: positions.get(m.id) ?? null,
              attendance: m.attendance,
              completed: m.completed,
              version: m.version,
            }
          : null,
        day,
      );
    }),
    page: query.page,
    pageSize: query.pageSize,
    total,
  };
}

export async function createSession(
  ctx: CatalogueContext,
  actor: Actor,
  trainingId: string,
  input: SessionData,
  meta: RequestMeta,
  key: string | undefined,
): Promise<{ body: TrainingSession; replayed: boolean }> {
  const { db, repo, visibleTraining, assertMayWrite, sessionOut, sessionErrors } = ctx;
  const training = await visibleTraining(actor, trainingId);
  assertMayWrite(actor, training);
  const startsAt = new Date(input.startsAt);
  const errors = sessionErrors(training, startsAt);
  if (errors.length) throw new BadRequestError('The session does not fit the course.', errors);
  return write(db, {
    actorId: actor.staffId,
    meta,
    idempotency: { operation: `training.session.create:${trainingId}`, key: key, body: input },
    run: async (tx) => {
      const data = {
        trainingId,
        fiscalYear: sessionFiscalYear(startsAt),
        startsAt,
        endsAt: new Date(input.endsAt),
        venue: input.venue,
        online: input.online,
        capacity: input.capacity,
        applicationDeadline: new Date(`${input.applicationDeadline}T00:00:00Z`),
      };
      const created = await repo.createSession(tx, data);
      const row = await repo.findSession(created.id, tx);
      if (!row) throw new NotFoundError();
      return {
        status: 201,
        body: await sessionOut(actor, row, tx),
        audit: {
          action: 'training_session.create',
          entityType: 'training_session',
          entityId: created.id,
          after: data,
        },
      };
    },
  });
}

/**
 * Edits a session (versioned). Capacity may not drop below the seats already taken; raising it
 * moves the waiting list up at once.
 */
export async function updateSession(
  ctx: CatalogueContext,
  actor: Actor,
  sessionId: string,
  input: SessionChange,
  meta: RequestMeta,
): Promise<TrainingSession> {
  const { db, repo, assertMayWrite, sessionOut, sessionErrors } = ctx;
  const found = await repo.findSession(sessionId, db);
  if (!found || (!found.training.active && !canManageTraining(actor, found.training))) {
    throw new NotFoundError('No such session.', 'session_not_found');
  }
  assertMayWrite(actor, found.training);
  const startsAt = new Date(input.startsAt);
  const errors = sessionErrors(found.training, startsAt);
  if (input.capacity < found.acceptedCount) {
    errors.push({ field: 'body.capacity', message: `${found.acceptedCount} seats are already taken` });
  }
  if (errors.length) throw new BadRequestError('The session cannot be changed so.', errors);
  const { training: _t, ...before } = found;
  const fiscalYear = sessionFiscalYear(startsAt);
  await write(db, {
    actorId: actor.staffId,
    meta,
    what: 'session',
    current: async () => {
      const current = await repo.findSession(sessionId, db);
      return current ? sessionOut(actor, current) : undefined;
    },
    run: async (tx) => {
      const changed = await repo.updateSession(tx, sessionId, input.version, {
        startsAt,
        endsAt: new Date(input.endsAt),
        venue: input.venue,
        online: input.online,
        capacity: input.capacity,
        applicationDeadline: input.applicationDeadline,
        status: input.status,
        fiscalYear,
      });
      guardUpdated(changed);
      const promoted =
        input.status === 'scheduled' && input.capacity > found.capacity
          ? await repo.promoteWaitlisted(tx, sessionId, actor.staffId)
          : [];
      await tellApplications(tx, 'training.application.promoted', promoted, actor.staffId);
      return {
        body: null,
        audit: {
          action: 'training_session.update',
          entityType: 'training_session',
          entityId: sessionId,
          before,
          after: { ...input, promoted },
        },
      };
    },
  });
  const row = await repo.findSession(sessionId, db);
  if (!row) throw new NotFoundError('No such session.', 'session_not_found');
  return sessionOut(actor, row);
}
