/**
 * What every self-development use case works with: the database, the repository, and reading,
 * presenting and changing one record (a stale or refused change answers 409 with the record as it is).
 */
import type { SelfDevelopmentRecord } from '@portal/contracts';
import type { Actor, RequestMeta } from '../../access/actor.ts';
import type { Db, Tx } from '../../db/client.ts';
import { ConflictError, NotFoundError } from '../../shared/errors.ts';
import { guardUpdated, refuseStale, type WriteSpec, write } from '../../shared/write.ts';
import {
  assertPolicyLinks,
  expandPolicyLinks,
  loadPolicyCatalog,
  type PolicyCatalog,
} from '../policy/policy-links.ts';
import type { CareerRepository, RecordRow } from './career.repository.ts';
import { checkDates, recordFields } from './self-development.shared.ts';

type UpdateRecord = CareerRepository['updateRecord'];

export function createSelfDevelopmentContext(deps: { db: Db; repo: CareerRepository }) {
  const { db, repo } = deps;

  /** Response records; `client` is the transaction's when called inside one. */
  async function toRecords(
    client: Db | Tx,
    rows: RecordRow[],
    catalog?: PolicyCatalog,
  ): Promise<SelfDevelopmentRecord[]> {
    const [cat, people] = await Promise.all([
      catalog ?? loadPolicyCatalog(client),
      repo.people(
        client,
        rows.flatMap((r) => r.decidedById ?? []),
      ),
    ]);
    const byId = new Map(people.map((p) => [p.id, p]));
    return rows.map((r) => {
      const decider = r.decidedById ? byId.get(r.decidedById) : undefined;
      return {
        id: r.id,
        staffId: r.staffId,
        ...recordFields(r),
        description: r.description,
        fiscalYear: r.fiscalYear,
        links: expandPolicyLinks(cat, r),
        support: {
          status: r.supportStatus,
          detail: r.supportDetail,
          amountYen: r.supportAmountYen,
          reason: r.decisionReason,
          decidedBy: decider ? { id: decider.id, name: decider.nameJa, nameEn: decider.nameEn } : null,
          decidedAt: r.decidedAt ? r.decidedAt.toISOString() : null,
        },
        version: r.version,
        createdAt: r.createdAt.toISOString(),
        updatedAt: r.updatedAt.toISOString(),
      };
    });
  }

  async function toRecord(client: Db | Tx, row: RecordRow): Promise<SelfDevelopmentRecord> {
    const [record] = await toRecords(client, [row]);
    if (!record) throw new Error('unreachable');
    return record;
  }

  async function requireRecord(staffId: string, recordId: string) {
    const row = await repo.record(db, staffId, recordId);
    if (!row) throw new NotFoundError('No such self-development record.', 'self_development_not_found');
    return row;
  }

  /** The record as it now is, for a 409's `current`. */
  async function currentRecord(staffId: string, recordId: string) {
    const row = await repo.record(db, staffId, recordId);
    return row ? toRecord(db, row) : null;
  }

  /** A 409 with the record as it is now. */
  async function conflict(staffId: string, recordId: string, message: string, code: string): Promise<never> {
    throw new ConflictError(message, code, await currentRecord(staffId, recordId));
  }

  /** 400 naming the field: dates out of order or a completion in the future, unknown policy links. */
  async function checkInput(body: Parameters<typeof checkDates>[0]) {
    checkDates(body);
    await assertPolicyLinks(db, body, 'body.');
  }

  /** The record at the version the writer read: 404 if there is none, 409 `stale_version` if it moved on. */
  async function recordAt(staffId: string, recordId: string, version: number, message: string) {
    const row = await requireRecord(staffId, recordId);
    if (row.version !== version) await conflict(staffId, recordId, message, 'stale_version');
    return row;
  }

  /** Inside a write: changes the record at the version read and reads it back (stale → the write's 409). */
  async function changeRecord(
    tx: Tx,
    key: Parameters<UpdateRecord>[1],
    data: Parameters<UpdateRecord>[2],
  ): Promise<RecordRow> {
    guardUpdated(await repo.updateRecord(tx, key, data));
    const after = await repo.record(tx, key.staffId, key.id);
    if (!after) return refuseStale();
    return after;
  }

  /** A change of one record on the one write path; a stale version → 409 with the record as it now is. */
  function writeRecord<T>(
    actor: Actor,
    staffId: string,
    recordId: string,
    meta: RequestMeta,
    run: WriteSpec<T>['run'],
  ) {
    return write(db, {
      actorId: actor.staffId,
      meta,
      what: 'self-development record',
      current: () => currentRecord(staffId, recordId),
      run,
    });
  }

  return {
    db,
    repo,
    toRecords,
    toRecord,
    requireRecord,
    conflict,
    checkInput,
    recordAt,
    changeRecord,
    writeRecord,
  };
}

export type SelfDevelopmentContext = ReturnType<typeof createSelfDevelopmentContext>;
