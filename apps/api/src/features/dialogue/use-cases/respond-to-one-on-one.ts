/**
 * The person's own answers to a 1on1: they acknowledge a held one, with their own notes (the author is
 * told), or write their agenda for a scheduled one. Only the person (else 403), only in the status the
 * answer belongs to (else 409 with the record); versioned.
 */
import type { AuditAction, OneOnOne, OneOnOneAcknowledge, OneOnOneAgenda } from '@portal/contracts';
import { authorize } from '../../../access/access.ts';
import type { Actor, RequestMeta } from '../../../access/actor.ts';
import type { Tx } from '../../../db/client.ts';
import { ConflictError } from '../../../shared/errors.ts';
import { guardUpdated } from '../../../shared/write.ts';
import type { OneOnOneContext } from '../one-on-one.context.ts';
import { tellAuthorAcknowledged } from '../one-on-one.notices.ts';
import type { OneOnOneRow } from '../one-on-one.repository.ts';
import { meeting } from '../one-on-one.shared.ts';

/** `run` changes the record and says what to audit. */
async function respond(
  ctx: OneOnOneContext,
  actor: Actor,
  id: string,
  meta: RequestMeta,
  spec: {
    status: OneOnOneRow['status'];
    notPerson: string;
    wrongStatus: [message: string, code: string];
    run: (tx: Tx, found: OneOnOneRow) => Promise<{ action: AuditAction; before: unknown; after: unknown }>;
  },
): Promise<OneOnOne> {
  const found = await ctx.load(actor, id);
  authorize(
    actor,
    'one-on-one:respond:self',
    { person: found.staffId },
    { code: 'not_person', message: spec.notPerson },
  );
  if (found.status !== spec.status) {
    throw new ConflictError(spec.wrongStatus[0], spec.wrongStatus[1], await ctx.view(actor, id));
  }
  await ctx.writeRecord(actor, id, meta, (tx) => spec.run(tx, found));
  return ctx.view(actor, id);
}

/** The person confirms a held 1on1, with their own notes; it moves the version on; the author is told. */
export async function acknowledgeOneOnOne(
  ctx: OneOnOneContext,
  actor: Actor,
  id: string,
  input: OneOnOneAcknowledge,
  meta: RequestMeta,
): Promise<OneOnOne> {
  const { oneOnOnes } = ctx;
  return respond(ctx, actor, id, meta, {
    status: 'held',
    notPerson: 'Only the person may acknowledge their 1on1.',
    wrongStatus: ['A scheduled 1on1 is acknowledged once it has been held.', 'one_on_one_not_held'],
    run: async (tx, found) => {
      guardUpdated(
        await oneOnOnes.update(tx, id, found.version, {
          acknowledgedAt: found.acknowledgedAt ?? new Date(),
          ...(input.staffNotes === undefined ? {} : { staffNotes: input.staffNotes }),
        }),
      );
      await tellAuthorAcknowledged(tx, meeting(found));
      return {
        action: 'one-on-one.acknowledge',
        before: { acknowledgedAt: found.acknowledgedAt, staffNotes: found.staffNotes },
        after: { staffNotes: input.staffNotes ?? found.staffNotes },
      };
    },
  });
}

/** The person writes their agenda for a scheduled 1on1 (versioned). */
export async function writeAgenda(
  ctx: OneOnOneContext,
  actor: Actor,
  id: string,
  input: OneOnOneAgenda,
  meta: RequestMeta,
): Promise<OneOnOne> {
  const { oneOnOnes } = ctx;
  return respond(ctx, actor, id, meta, {
    status: 'scheduled',
    notPerson: 'Only the person writes the agenda of their 1on1.',
    wrongStatus: [
      'The agenda is written before the 1on1; this one has been held.',
      'one_on_one_not_scheduled',
    ],
    run: async (tx, found) => {
      guardUpdated(await oneOnOnes.update(tx, id, input.version, { staffAgenda: input.staffAgenda }));
      return {
        action: 'one-on-one.agenda',
        before: { staffAgenda: found.staffAgenda },
        after: { staffAgenda: input.staffAgenda },
      };
    },
  });
}
