/**
 * A supervisor records (or schedules) a 1on1 with one of their staff; the person is asked for their
 * acknowledgement (held) or their agenda (scheduled), each action's owner learns of it. Idempotency-Key
 * honoured: the stored answer is the record without the private notes, which the replay reads back for
 * the author (decision 045).
 */
import type { OneOnOne, OneOnOneCreate } from '@portal/contracts';
import { assertSupervisorOfAll } from '../../../access/access.ts';
import type { Actor, RequestMeta } from '../../../access/actor.ts';
import { type WriteResult, write } from '../../../shared/write.ts';
import { loadPolicyCatalog } from '../../policy/policy-links.ts';
import { meetingDay, validRecord } from '../one-on-one.checks.ts';
import type { OneOnOneContext } from '../one-on-one.context.ts';
import { tellAboutMeeting } from '../one-on-one.notices.ts';
import type { OneOnOneRow } from '../one-on-one.repository.ts';
import { auditContent, meeting, newActions, recordData } from '../one-on-one.shared.ts';

/** The stored answer of a replay is JSON: dates came back as strings. */
const revive = (r: OneOnOneRow): OneOnOneRow => ({
  ...r,
  heldOn: new Date(r.heldOn),
  createdAt: new Date(r.createdAt),
  updatedAt: new Date(r.updatedAt),
  acknowledgedAt: r.acknowledgedAt ? new Date(r.acknowledgedAt) : null,
  actions: r.actions.map((a) => ({
    ...a,
    dueOn: a.dueOn ? new Date(a.dueOn) : null,
    doneAt: a.doneAt ? new Date(a.doneAt) : null,
  })),
});

export async function recordOneOnOne(
  ctx: OneOnOneContext,
  actor: Actor,
  input: OneOnOneCreate,
  key: string | undefined,
  meta: RequestMeta,
): Promise<WriteResult<OneOnOne>> {
  const { db, oneOnOnes } = ctx;
  await assertSupervisorOfAll(db, actor, [input.staffId], 'one-on-one:write:team');
  const catalog = await loadPolicyCatalog(db);
  const day = validRecord(
    catalog,
    input,
    { list: input.actions, owners: [input.staffId, actor.staffId] },
    (errors) => meetingDay(input.status, input.heldOn, errors),
  );

  const result = await write<OneOnOneRow>(db, {
    actorId: actor.staffId,
    meta,
    idempotency: { operation: 'one-on-one.create', key, body: input },
    run: async (tx) => {
      const id = crypto.randomUUID();
      const row = await oneOnOnes.create(
        tx,
        { id, staffId: input.staffId, authorId: actor.staffId, ...recordData(input, day) },
        input.privateNotes,
        newActions(input.actions),
      );
      await tellAboutMeeting(tx, meeting(row), {
        announce: true,
        actionOwners: input.actions.map((a) => a.ownerId),
      });
      return {
        status: 201,
        body: row,
        audit: {
          action: 'one-on-one.create',
          entityType: 'one_on_one',
          entityId: id,
          // the private notes are never written here in clear: only whether there are any
          after: {
            ...auditContent({ ...input, heldOn: day }, input.privateNotes !== ''),
            actions: input.actions,
          },
        },
      };
    },
  });
  const row = result.replayed ? revive(result.body) : result.body;
  // the author reads their private notes back as they now are (a replay does not store them)
  const privateNotes = await oneOnOnes.privateNote(db, row.id, actor.staffId);
  return {
    status: result.status,
    replayed: result.replayed,
    body: ctx.toView(row, catalog, actor, new Set([row.id]), privateNotes),
  };
}
