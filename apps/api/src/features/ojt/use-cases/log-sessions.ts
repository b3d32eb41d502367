/**
 * A supervisor logs an OJT session for one of their staff, or the same session for several after a team
 * session (all of them or none); each trainee is asked to acknowledge it. Idempotency-Key honoured.
 */
import {
  fiscalYearOf,
  type OjtSession,
  type OjtSessionBatch,
  type OjtSessionBatchCreate,
  type OjtSessionCreate,
} from '@portal/contracts';
import { assertSupervisorOfAll } from '../../../access/access.ts';
import type { Actor, RequestMeta } from '../../../access/actor.ts';
import { type WriteResult, write } from '../../../shared/write.ts';
import { notify } from '../../notifications/notify.ts';
import { namesOf } from '../../notifications/recipients.repository.ts';
import { loadPolicyCatalog } from '../../policy/policy-links.ts';
import type { OjtContext } from '../ojt.context.ts';
import type { SessionRow } from '../ojt.repository.ts';
import { assertKnownLinks, revive, sessionDay } from '../ojt.shared.ts';

/**
 * Logs the same session for each trainee in one transaction: all of them or none; presents them to the
 * logger, who may correct each (a replayed answer is revived first).
 */
async function log(
  ctx: OjtContext,
  actor: Actor,
  traineeIds: string[],
  input: Omit<OjtSessionCreate, 'traineeId'>,
  idem: { key: string | undefined; scope: string; body: unknown },
  meta: RequestMeta,
): Promise<Omit<WriteResult<unknown>, 'body'> & { items: OjtSession[] }> {
  const { db, ojt } = ctx;
  await assertSupervisorOfAll(db, actor, traineeIds, 'ojt:create:team');
  const day = sessionDay(input.occurredOn);
  const catalog = await loadPolicyCatalog(db);
  assertKnownLinks(catalog, [{ links: input, prefix: 'body.' }]);

  const result = await write<SessionRow[]>(db, {
    actorId: actor.staffId,
    meta,
    idempotency: { operation: idem.scope, key: idem.key, body: idem.body },
    run: async (tx) => {
      const batchId = traineeIds.length > 1 ? crypto.randomUUID() : null;
      const occurredOn = new Date(`${day}T00:00:00Z`);
      const rows = traineeIds.map((traineeId) => ({
        id: crypto.randomUUID(),
        traineeId,
        supervisorId: actor.staffId,
        occurredOn,
        fiscalYear: fiscalYearOf(day),
        minutes: input.minutes,
        method: input.method,
        topic: input.topic,
        notes: input.notes,
        staffImageIds: input.staffImageIds,
        initiativeIds: input.initiativeIds,
        batchId,
      }));
      const created = await ojt.createSessions(tx, rows);
      // each trainee is asked to acknowledge the session logged for them
      const logger = (await namesOf(tx, [actor.staffId])).get(actor.staffId);
      await notify(tx, [
        {
          to: traineeIds,
          kind: 'ojt.session.logged',
          link: '/ojt',
          params: { ...logger, date: day },
          by: actor.staffId,
        },
      ]);
      return {
        status: 201,
        body: created,
        audit: {
          action: batchId ? 'ojt.session.create_batch' : 'ojt.session.create',
          entityType: batchId ? 'ojt_batch' : 'ojt_session',
          entityId: batchId ?? rows[0]?.id ?? '',
          after: {
            sessionIds: rows.map((r) => r.id),
            traineeIds,
            occurredOn: day,
            minutes: input.minutes,
            method: input.method,
            topic: input.topic,
            staffImageIds: input.staffImageIds,
            initiativeIds: input.initiativeIds,
          },
        },
      };
    },
  });
  const editable = new Set(result.body.map((s) => s.id));
  const items = result.body.map((s) =>
    ctx.toSession(result.replayed ? revive(s) : s, catalog, actor, editable),
  );
  return { status: result.status, replayed: result.replayed, items };
}

export async function createSession(
  ctx: OjtContext,
  actor: Actor,
  input: OjtSessionCreate,
  key: string | undefined,
  meta: RequestMeta,
): Promise<WriteResult<OjtSession>> {
  const { traineeId, ...fields } = input;
  const scope = 'ojt.session.create';
  const { items, ...r } = await log(ctx, actor, [traineeId], fields, { key, scope, body: input }, meta);
  const body = items[0];
  if (!body) throw new Error('no session was created');
  return { ...r, body };
}

export async function createBatch(
  ctx: OjtContext,
  actor: Actor,
  input: OjtSessionBatchCreate,
  key: string | undefined,
  meta: RequestMeta,
): Promise<WriteResult<OjtSessionBatch>> {
  const { traineeIds, ...fields } = input;
  const scope = 'ojt.session.create-batch';
  const { items, ...r } = await log(ctx, actor, traineeIds, fields, { key, scope, body: input }, meta);
  return { ...r, body: { batchId: items[0]?.batchId ?? items[0]?.id ?? '', items } };
}
