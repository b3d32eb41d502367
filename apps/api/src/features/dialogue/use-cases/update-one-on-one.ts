/**
 * The author corrects a record: stale version → 409 `stale_version`; once acknowledged, a change of
 * date, minutes or status → 409 `one_on_one_acknowledged`; both with the current record. Held at last,
 * the person is asked to acknowledge it; new actions' owners learn of them. The audit entry says whether
 * there are private notes and whether they changed, never their text (decision 045).
 */
import type { OneOnOne, OneOnOneUpdate } from '@portal/contracts';
import type { Actor, RequestMeta } from '../../../access/actor.ts';
import { guardUpdated, refuseStale } from '../../../shared/write.ts';
import { loadPolicyCatalog } from '../../policy/policy-links.ts';
import { meetingDay, validRecord } from '../one-on-one.checks.ts';
import type { OneOnOneContext } from '../one-on-one.context.ts';
import { tellAboutMeeting } from '../one-on-one.notices.ts';
import { audited, isoDate, meeting, newActions, recordData } from '../one-on-one.shared.ts';

export async function updateOneOnOne(
  ctx: OneOnOneContext,
  actor: Actor,
  id: string,
  input: OneOnOneUpdate,
  meta: RequestMeta,
): Promise<OneOnOne> {
  const { db, oneOnOnes } = ctx;
  const found = await ctx.loadAsAuthor(actor, id);
  const catalog = await loadPolicyCatalog(db);
  const foundDay = isoDate(found.heldOn);
  const day = validRecord(
    catalog,
    input,
    { list: input.addActions, owners: [found.staffId, actor.staffId] },
    // an unchanged date stays valid even when it has left the window a new record may take
    (errors) =>
      input.heldOn === foundDay && input.status === found.status
        ? foundDay
        : meetingDay(input.status, input.heldOn, errors),
  );
  const confirmedChanged =
    day !== foundDay || input.minutes !== found.minutes || input.status !== found.status;
  if (found.acknowledgedAt && confirmedChanged && input.version === found.version) {
    return ctx.refuseAcknowledged(
      actor,
      id,
      'The person has acknowledged this 1on1: its date, minutes and status stay as they are.',
    );
  }
  const before = await oneOnOnes.privateNote(db, id, actor.staffId);
  await ctx.writeRecord(actor, id, meta, async (tx) => {
    guardUpdated(await oneOnOnes.update(tx, id, input.version, recordData(input, day)));
    await oneOnOnes.setPrivateNote(tx, id, actor.staffId, input.privateNotes);
    await oneOnOnes.addActions(tx, id, newActions(input.addActions));
    const after = await oneOnOnes.byId(tx, id);
    if (!after) return refuseStale();
    // held at last: the person is asked to acknowledge it; new actions' owners learn of them
    await tellAboutMeeting(tx, meeting(after), {
      announce: found.status === 'scheduled' && after.status === 'held',
      actionOwners: input.addActions.map((a) => a.ownerId),
    });
    return {
      action: 'one-on-one.update',
      before: audited(found, before !== ''),
      after: {
        ...audited(after, input.privateNotes !== ''),
        privateNotesChanged: before !== input.privateNotes,
        addedActions: input.addActions,
      },
    };
  });
  return ctx.view(actor, id);
}
