/** What every application use case works with: the repository, the database, and the shared loading, presenting and checking. */
import type { TrainingApplication } from '@portal/contracts';
import {
  authorize,
  canManageTraining,
  MANAGE_TRAINING,
  supervisedStaffWhere,
  today,
  trainingApplicationWhere,
  trainingTarget,
} from '../../../access/access.ts';
import type { Actor, RequestMeta } from '../../../access/actor.ts';
import type { Db, Tx } from '../../../db/client.ts';
import { isUniqueViolation } from '../../../db/errors.ts';
import { ConflictError, NotFoundError } from '../../../shared/errors.ts';
import { write } from '../../../shared/write.ts';
import { toApplication } from '../training.mapper.ts';
import type { ApplicationRow, TrainingRepository } from '../training.repository.ts';

export function createApplicationContext(deps: { repo: TrainingRepository }) {
  const { repo } = deps;
  const db: Db = repo.db;

  const notFound = () => new NotFoundError('No such application.', 'application_not_found');

  /** Maps rows to the contract with the reader's view: names, places on waiting lists, what they may do. */
  async function present(
    actor: Actor,
    rows: ApplicationRow[],
    client: Db | Tx = db,
  ): Promise<TrainingApplication[]> {
    const ids = rows.flatMap((a) => [
      a.supervisorId,
      a.hrDecidedById,
      a.practiceReport?.confirmedById ?? null,
    ]);
    const [people, positions, supervised] = await Promise.all([
      repo.people(
        ids.filter((id): id is string => id !== null),
        client,
      ),
      repo.waitlistPositions(
        rows.filter((a) => a.status === 'waitlisted').map((a) => a.id),
        client,
      ),
      repo.supervisedIds(
        supervisedStaffWhere(actor),
        rows.map((a) => a.staffId),
        client,
      ),
    ]);
    const ctx = {
      readerId: actor.staffId,
      people: new Map(people.map((p) => [p.id, p])),
      positions,
      supervised,
      manages: (a: ApplicationRow) => canManageTraining(actor, a.session.training),
      today: today(),
    };
    return rows.map((a) => toApplication(a, ctx));
  }

  async function presentOne(actor: Actor, id: string, client: Db | Tx = db): Promise<TrainingApplication> {
    const row = await repo.findApplication(id, client);
    if (!row) throw notFound();
    const [out] = await present(actor, [row], client);
    if (!out) throw notFound();
    return out;
  }

  /** The application, if the actor may see it (their own, their staff's, or to a course they manage); 404 otherwise. */
  async function visibleApplication(actor: Actor, id: string, client: Db | Tx = db) {
    const found = await repo.visibleApplication(id, trainingApplicationWhere(actor), client);
    if (!found) throw notFound();
    return found;
  }

  async function conflict(actor: Actor, id: string, message: string, code: string): Promise<never> {
    throw new ConflictError(message, code, await presentOne(actor, id));
  }

  /**
   * What the participant sends once after a course — the survey, the 職場での実践 report: only they,
   * only once it is open, only once (409 with the application); a retry with the same
   * Idempotency-Key answers as the first did.
   */
  async function afterCourse(
    actor: Actor,
    id: string,
    meta: RequestMeta,
    key: string | undefined,
    spec: {
      scope: 'feedback' | 'practice_report';
      body: unknown;
      participantOnly: string;
      open: (app: Awaited<ReturnType<typeof visibleApplication>>) => boolean;
      notOpen: [message: string, code: string];
      duplicate: [message: string, code: string];
      create: (tx: Tx) => Promise<unknown>;
    },
  ): Promise<TrainingApplication> {
    const app = await visibleApplication(actor, id);
    authorize(
      actor,
      'training:apply:self',
      { person: app.staffId },
      {
        message: spec.participantOnly,
        code: 'not_applicant',
      },
    );
    if (!spec.open(app)) await conflict(actor, id, ...spec.notOpen);
    await write(db, {
      actorId: actor.staffId,
      meta,
      idempotency: { operation: `training.application.${spec.scope}:${id}`, key: key, body: spec.body },
      run: async (tx) => {
        await spec.create(tx);
        return {
          status: 201,
          body: { id },
          audit: {
            action: `training_application.${spec.scope}`,
            entityType: 'training_application',
            entityId: id,
            after: spec.body,
          },
        };
      },
    }).catch(async (e: unknown) => {
      if (isUniqueViolation(e)) await conflict(actor, id, ...spec.duplicate);
      throw e;
    });
    return presentOne(actor, id);
  }

  /** A session the actor may see (its course active, or managed by them); 404 otherwise. */
  async function visibleSession(actor: Actor, sessionId: string, client: Db | Tx = db) {
    const s = await repo.findSession(sessionId, client);
    if (!s || (!s.training.active && !canManageTraining(actor, s.training))) {
      throw new NotFoundError('No such session.', 'session_not_found');
    }
    return s;
  }

  async function managedSession(actor: Actor, sessionId: string) {
    const s = await visibleSession(actor, sessionId);
    authorize(actor, MANAGE_TRAINING, trainingTarget(s.training), {
      message: 'Only HR, or the owning bureau, handles this session.',
      code: 'not_training_manager',
    });
    return s;
  }

  return {
    repo,
    db,
    notFound,
    present,
    presentOne,
    visibleApplication,
    conflict,
    afterCourse,
    visibleSession,
    managedSession,
  };
}

export type ApplicationContext = ReturnType<typeof createApplicationContext>;
