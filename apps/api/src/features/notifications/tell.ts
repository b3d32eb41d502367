/**
 * Shorthands over `notify` for what features say most: tell a person's supervisors about the person
 * (their name goes into the text), or tell the person themselves.
 */
import type { Tx } from '../../db/client.ts';
import { type Notice, notify } from './notify.ts';
import { namesOf, supervisorsOf } from './recipients.repository.ts';

type About = Omit<Notice, 'to'>;

/** Tells the person's supervisors (an override in force, else the nearest head), naming the person. */
export async function tellSupervisors(tx: Tx, staffId: string, notice: About): Promise<void> {
  const [supervisors, names] = await Promise.all([supervisorsOf(tx, [staffId]), namesOf(tx, [staffId])]);
  const to = supervisors.get(staffId) ?? [];
  if (!to.length) return;
  await notify(tx, [{ ...notice, to, params: { ...names.get(staffId), ...notice.params } }]);
}

/** Tells the person. */
export async function tellPerson(tx: Tx, staffId: string, notice: About): Promise<void> {
  await notify(tx, [{ ...notice, to: [staffId] }]);
}
