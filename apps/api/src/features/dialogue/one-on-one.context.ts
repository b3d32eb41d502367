/**
 * What every 1on1 use case works with: the repository, the database, and loading, presenting and writing
 * one record. Private notes reach a reader only here, in `view`, and only for the author of the one record
 * asked for (docs/decisions/045-one-on-one-private-notes.md).
 */
import {
  type AuditAction,
  type AuditEntityType,
  ONE_ON_ONE_DEFAULT_INTERVAL_DAYS,
  type OneOnOne,
  type OneOnOneCadence,
} from '@portal/contracts';
import { assertOneOnOneAuthor, oneOnOneWhere, supervisedAmong } from '../../access/access.ts';
import type { Actor, RequestMeta } from '../../access/actor.ts';
import type { Db, Tx } from '../../db/client.ts';
import { ConflictError } from '../../shared/errors.ts';
import { write } from '../../shared/write.ts';
import { expandPolicyLinks, loadPolicyCatalog, type PolicyCatalog } from '../policy/policy-links.ts';
import type { OneOnOneRepository, OneOnOneRow } from './one-on-one.repository.ts';
import { actionView, isoDate, notFound, personOf } from './one-on-one.shared.ts';

/** What a write says to audit of the entity it changes. */
type Change = { action: AuditAction; before: unknown; after?: unknown };

export function createOneOnOneContext(deps: { db: Db; oneOnOnes: OneOnOneRepository }) {
  const { db, oneOnOnes } = deps;

  /**
   * The record as the reader may see it. `editable`: the ids the reader may correct (they wrote them
   * and still supervise the person). `privateNotes`: given only when the reader is the author and asked
   * for this one record.
   */
  function toView(
    r: OneOnOneRow,
    catalog: PolicyCatalog,
    actor: Actor,
    editable: ReadonlySet<string>,
    privateNotes?: string,
  ): OneOnOne {
    const isAuthor = r.authorId === actor.staffId;
    const isPerson = r.staffId === actor.staffId;
    return {
      id: r.id,
      staff: personOf(r.staff),
      author: personOf(r.author),
      status: r.status,
      heldOn: isoDate(r.heldOn),
      fiscalYear: r.fiscalYear,
      minutes: r.minutes,
      kind: r.kind,
      topics: r.topics,
      sharedNotes: r.sharedNotes,
      ...(isAuthor && privateNotes !== undefined ? { privateNotes } : {}),
      staffAgenda: r.staffAgenda,
      staffNotes: r.staffNotes,
      acknowledgedAt: r.acknowledgedAt?.toISOString() ?? null,
      staffImageIds: r.staffImageIds,
      initiativeIds: r.initiativeIds,
      policyLinks: expandPolicyLinks(catalog, r),
      actions: r.actions.map((a) => actionView(a, actor, r.authorId)),
      version: r.version,
      createdAt: r.createdAt.toISOString(),
      updatedAt: r.updatedAt.toISOString(),
      canEdit: editable.has(r.id),
      canAcknowledge: isPerson && r.status === 'held',
      canWriteAgenda: isPerson && r.status === 'scheduled',
    };
  }

  /** Of these records, those the reader may correct: theirs, of people they still supervise (one query). */
  async function editableAmong(actor: Actor, rows: readonly OneOnOneRow[]): Promise<Set<string>> {
    const mine = rows.filter((r) => r.authorId === actor.staffId);
    if (!mine.length || !actor.permissions.has('one-on-one:write:team')) return new Set();
    const supervised = await supervisedAmong(db, actor, [...new Set(mine.map((r) => r.staffId))]);
    return new Set(mine.filter((r) => supervised.has(r.staffId)).map((r) => r.id));
  }

  /** The record in the actor's scope, or 404. */
  async function load(actor: Actor, id: string): Promise<OneOnOneRow> {
    const found = await oneOnOnes.find(db, { AND: [{ id }, oneOnOneWhere(actor)] });
    if (!found) throw notFound();
    return found;
  }

  /** The record as the reader now sees it, for a 409's `current` and for answers (private notes to the author). */
  async function view(actor: Actor, id: string): Promise<OneOnOne> {
    const [row, catalog] = await Promise.all([oneOnOnes.byId(db, id), loadPolicyCatalog(db)]);
    if (!row) throw notFound();
    const [editable, privateNotes] = await Promise.all([
      editableAmong(actor, [row]),
      row.authorId === actor.staffId
        ? oneOnOnes.privateNote(db, id, actor.staffId)
        : Promise.resolve(undefined),
    ]);
    return toView(row, catalog, actor, editable, privateNotes);
  }

  /** The record in the actor's scope (else 404) that they wrote and whose person they still supervise (else 403). */
  async function loadAsAuthor(actor: Actor, id: string): Promise<OneOnOneRow> {
    const found = await load(actor, id);
    await assertOneOnOneAuthor(db, actor, found);
    return found;
  }

  /** 409 `one_on_one_acknowledged` with the record: what the person confirmed stays as it is. */
  async function refuseAcknowledged(actor: Actor, id: string, message: string): Promise<never> {
    throw new ConflictError(message, 'one_on_one_acknowledged', await view(actor, id));
  }

  /**
   * A change on the one write path, audited against what it changes (`target`); a stale version → 409
   * with `target.current()`. `run` makes the change and says what to audit.
   */
  async function writeAudited(
    actor: Actor,
    meta: RequestMeta,
    target: { what: string; entityType: AuditEntityType; entityId: string; current: () => Promise<unknown> },
    run: (tx: Tx) => Promise<Change>,
  ): Promise<void> {
    const { what, entityType, entityId, current } = target;
    await write(db, {
      actorId: actor.staffId,
      meta,
      what,
      current,
      run: async (tx) => {
        const { action, before, after } = await run(tx);
        return { body: null, audit: { action, entityType, entityId, before, after } };
      },
    });
  }

  /** A change of one record (`writeAudited`); a stale version → 409 with the record as the actor now sees it. */
  const writeRecord = (actor: Actor, id: string, meta: RequestMeta, run: (tx: Tx) => Promise<Change>) =>
    writeAudited(
      actor,
      meta,
      { what: '1on1', entityType: 'one_on_one', entityId: id, current: () => view(actor, id) },
      run,
    );

  /** The supervisor's cadence, or the default when they have set none. */
  async function cadenceOf(supervisorId: string): Promise<OneOnOneCadence> {
    const row = await oneOnOnes.cadence(db, supervisorId);
    return row
      ? { intervalDays: row.intervalDays, version: row.version, isDefault: false }
      : { intervalDays: ONE_ON_ONE_DEFAULT_INTERVAL_DAYS, version: 0, isDefault: true };
  }

  return {
    db,
    oneOnOnes,
    toView,
    editableAmong,
    load,
    view,
    loadAsAuthor,
    refuseAcknowledged,
    writeAudited,
    writeRecord,
    cadenceOf,
  };
}

export type OneOnOneContext = ReturnType<typeof createOneOnOneContext>;
