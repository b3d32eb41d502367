/**
 * What the 1on1 use cases share that needs no database: dates, people, what a record stores of the
 * author's input, what its audit entries keep (never the private notes' text, decision 045) and how an
 * action is presented. The checks of the input are in `one-on-one.checks.ts`.
 */
import {
  fiscalYearOf,
  type OneOnOneAction,
  type OneOnOneActionInput,
  type OneOnOneUpdate,
  type OpenOneOnOneAction,
} from '@portal/contracts';
import type { Actor } from '../../access/actor.ts';
import { NotFoundError } from '../../shared/errors.ts';
import type { ActionRow, NewAction, OneOnOneRow } from './one-on-one.repository.ts';

export const isoDate = (d: Date) => d.toISOString().slice(0, 10);
const startOf = (day: string) => new Date(`${day}T00:00:00Z`);

export const personOf = (p: { id: string; nameJa: string; nameEn: string }) => ({
  id: p.id,
  name: p.nameJa,
  nameEn: p.nameEn,
});

/** What a notice says of a 1on1 */
export const meeting = (r: Pick<OneOnOneRow, 'id' | 'staffId' | 'authorId' | 'status' | 'heldOn'>) => ({
  id: r.id,
  staffId: r.staffId,
  authorId: r.authorId,
  status: r.status,
  heldOn: isoDate(r.heldOn),
});

export const notFound = () => new NotFoundError('No such 1on1.', 'one_on_one_not_found');
export const actionNotFound = () => new NotFoundError('No such action.', 'one_on_one_action_not_found');

/** The fields a record is written with, by the author, on a create or a correction. */
export type RecordInput = Pick<
  OneOnOneUpdate,
  'status' | 'minutes' | 'kind' | 'topics' | 'sharedNotes' | 'staffImageIds' | 'initiativeIds'
>;

/** What the record stores of the author's input, on the day given. */
export const recordData = (input: RecordInput, day: string) => ({
  heldOn: startOf(day),
  fiscalYear: fiscalYearOf(day),
  status: input.status,
  minutes: input.minutes,
  kind: input.kind,
  topics: input.topics,
  sharedNotes: input.sharedNotes,
  staffImageIds: [...new Set(input.staffImageIds)],
  initiativeIds: [...new Set(input.initiativeIds)],
});

/** The actions the author adds, as the repository stores them. */
export const newActions = (actions: readonly OneOnOneActionInput[]): NewAction[] =>
  actions.map((a) => ({ text: a.text, ownerId: a.ownerId, dueOn: a.dueOn ? startOf(a.dueOn) : null }));

/** What an audit entry keeps of a record: everything but the private notes' text, only whether there are any. */
export const auditContent = (
  r: RecordInput & { staffId: string; heldOn: string },
  hasPrivateNotes: boolean,
) => ({
  staffId: r.staffId,
  status: r.status,
  heldOn: r.heldOn,
  minutes: r.minutes,
  kind: r.kind,
  topics: r.topics,
  sharedNotes: r.sharedNotes,
  hasPrivateNotes,
  staffImageIds: r.staffImageIds,
  initiativeIds: r.initiativeIds,
});

/** A stored record as its audit entries keep it ("before" and "after" of a correction, "before" of a deletion). */
export const audited = (r: OneOnOneRow, hasPrivateNotes: boolean) => ({
  ...auditContent({ ...r, heldOn: isoDate(r.heldOn) }, hasPrivateNotes),
  version: r.version,
});

/** An action as its reader sees it: its owner or the 1on1's author may update it. */
export const actionView = (
  a: Omit<ActionRow, 'oneOnOne'>,
  actor: Actor,
  authorId: string,
): OneOnOneAction => ({
  id: a.id,
  owner: personOf(a.owner),
  text: a.text,
  dueOn: a.dueOn ? isoDate(a.dueOn) : null,
  doneAt: a.doneAt?.toISOString() ?? null,
  version: a.version,
  canUpdate: a.ownerId === actor.staffId || authorId === actor.staffId,
});

/** An action with the 1on1 it came from (the open actions, an action's update). */
export const toAction = (a: ActionRow, actor: Actor): OpenOneOnOneAction => ({
  ...actionView(a, actor, a.oneOnOne.authorId),
  oneOnOneId: a.oneOnOne.id,
  heldOn: isoDate(a.oneOnOne.heldOn),
  staff: personOf(a.oneOnOne.staff),
  author: personOf(a.oneOnOne.author),
});
