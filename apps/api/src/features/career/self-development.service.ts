/**
 * 自己啓発 (施策 (1)⑤): the person records qualifications, self-study and correspondence courses, and may
 * ask for support (a course-fee subsidy, …) that their supervisor approves or declines with a reason.
 */

import {
  fiscalYearOf,
  type SelfDevelopmentCreateData,
  type SelfDevelopmentPage,
  type SelfDevelopmentQuery,
  type SelfDevelopmentRecord,
  type SelfDevelopmentUpdateData,
  type SupportDecisionData,
  type SupportRequest,
} from '@portal/contracts';
import {
  allows,
  assertCareerRecordsVisible,
  assertSelfWrite,
  assertSupervisorOf,
  isSupervisorOf,
  today,
} from '../../access/access.ts';
import type { Actor, RequestMeta } from '../../access/actor.ts';
import type { Db, Tx } from '../../db/client.ts';
import { BadRequestError, ConflictError, NotFoundError } from '../../shared/errors.ts';
import { guardUpdated, refuseStale, type WriteResult, write } from '../../shared/write.ts';
import { recordAudit } from '../audit/audit.writer.ts';
import { tellPerson, tellSupervisors } from '../notifications/tell.ts';
import {
  assertPolicyLinks,
  expandPolicyLinks,
  loadPolicyCatalog,
  type PolicyCatalog,
} from '../policy/policy-links.ts';
import type { CareerRepository, RecordRow, SelfDevelopmentWhere } from './career.repository.ts';

const isoDate = (d: Date) => d.toISOString().slice(0, 10);
const day = (s: string | null) => (s ? new Date(`${s}T00:00:00Z`) : null);

type Input = {
  kind: SelfDevelopmentRecord['kind'];
  title: string;
  description: string;
  provider: string | null;
  startedOn: string | null;
  completedOn: string | null;
  hours: number | null;
  staffImageIds: string[];
  initiativeIds: string[];
};

/** 400 unless the dates are in order and not in the future for a completion. */
function checkDates(input: Input) {
  if (input.startedOn && input.completedOn && input.completedOn < input.startedOn) {
    throw new BadRequestError('The completion date is before the start date.', [
      { field: 'body.completedOn', message: 'on or after startedOn' },
    ]);
  }
  const todayIso = isoDate(today());
  if (input.completedOn && input.completedOn > todayIso) {
    throw new BadRequestError('A completion date cannot be in the future.', [
      { field: 'body.completedOn', message: `on or before ${todayIso}` },
    ]);
  }
}

function columnsOf(input: Input) {
  return {
    kind: input.kind,
    title: input.title,
    description: input.description,
    provider: input.provider || null,
    startedOn: day(input.startedOn),
    completedOn: day(input.completedOn),
    // The 年度 it counts in: of its completion, else its start, else today
    fiscalYear: fiscalYearOf(input.completedOn ?? input.startedOn ?? isoDate(today())),
    hours: input.hours,
    staffImageIds: input.staffImageIds,
    initiativeIds: input.initiativeIds,
  };
}

/** A support request now waits for the person's supervisor. */
function supportRequested(tx: Tx, actor: Actor, staffId: string, title: string) {
  return tellSupervisors(tx, staffId, {
    kind: 'selfdev.support.requested',
    link: `/staff/${staffId}/career#self-development`,
    params: { title },
    by: actor.staffId,
  });
}

function supportColumns(request: SupportRequest | null) {
  return request
    ? {
        supportStatus: 'pending' as const,
        supportDetail: request.detail,
        supportAmountYen: request.amountYen,
      }
    : { supportStatus: 'none' as const, supportDetail: null, supportAmountYen: null };
}

/** What the audit log keeps of a record. */
const snapshot = (r: RecordRow) => ({
  kind: r.kind,
  title: r.title,
  provider: r.provider,
  startedOn: r.startedOn ? isoDate(r.startedOn) : null,
  completedOn: r.completedOn ? isoDate(r.completedOn) : null,
  hours: r.hours,
  staffImageIds: r.staffImageIds,
  initiativeIds: r.initiativeIds,
  supportStatus: r.supportStatus,
  supportDetail: r.supportDetail,
  supportAmountYen: r.supportAmountYen,
  decisionReason: r.decisionReason,
  version: r.version,
});

export function createSelfDevelopmentService(deps: { db: Db; repo: CareerRepository }) {
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
        kind: r.kind,
        title: r.title,
        description: r.description,
        provider: r.provider,
        startedOn: r.startedOn ? isoDate(r.startedOn) : null,
        completedOn: r.completedOn ? isoDate(r.completedOn) : null,
        fiscalYear: r.fiscalYear,
        hours: r.hours,
        staffImageIds: r.staffImageIds,
        initiativeIds: r.initiativeIds,
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

  /** A 409 with the record as it is now. */
  /** The record as it now is, for a 409's `current`. */
  async function currentRecord(staffId: string, recordId: string) {
    const row = await repo.record(db, staffId, recordId);
    return row ? toRecord(db, row) : null;
  }

  async function conflict(staffId: string, recordId: string, message: string, code: string): Promise<never> {
    throw new ConflictError(message, code, await currentRecord(staffId, recordId));
  }

  return {
    async list(actor: Actor, staffId: string, query: SelfDevelopmentQuery): Promise<SelfDevelopmentPage> {
      await assertCareerRecordsVisible(db, actor, staffId);
      const where: SelfDevelopmentWhere = {
        staffId,
        ...(query.fiscalYear ? { fiscalYear: query.fiscalYear } : {}),
        ...(query.kind ? { kind: query.kind } : {}),
        ...(query.supportStatus ? { supportStatus: query.supportStatus } : {}),
      };
      const [{ items, total }, supervises] = await Promise.all([
        repo.records(db, where, query.page, query.pageSize),
        isSupervisorOf(db, actor, staffId),
      ]);
      return {
        items: await toRecords(db, items),
        page: query.page,
        pageSize: query.pageSize,
        total,
        can: {
          create: actor.staffId === staffId && allows(actor, 'selfdev:write:self'),
          decide: supervises && allows(actor, 'selfdev:decide:team'),
        },
      };
    },

    async create(
      actor: Actor,
      staffId: string,
      body: SelfDevelopmentCreateData,
      meta: RequestMeta,
      idempotencyKey: string | undefined,
    ): Promise<WriteResult<SelfDevelopmentRecord>> {
      await assertSelfWrite(db, actor, staffId, 'selfdev:write:self');
      checkDates(body);
      await assertPolicyLinks(db, body, 'body.');
      return write(db, {
        actorId: actor.staffId,
        idempotency: { operation: `selfdev.create:${staffId}`, key: idempotencyKey, body: body },
        run: async (tx) => {
          const created = await repo.createRecord(tx, {
            staffId,
            ...columnsOf(body),
            ...supportColumns(body.supportRequest),
          });
          const row = await repo.record(tx, staffId, created.id);
          if (!row) throw new Error('unreachable');
          await recordAudit(tx, {
            actorId: actor.staffId,
            action: 'self_development.create',
            entityType: 'self_development_record',
            entityId: row.id,
            after: snapshot(row),
            meta,
          });
          if (body.supportRequest) await supportRequested(tx, actor, staffId, row.title);
          return { status: 201, body: await toRecord(tx, row) };
        },
      });
    },

    async update(
      actor: Actor,
      staffId: string,
      recordId: string,
      body: SelfDevelopmentUpdateData,
      meta: RequestMeta,
    ): Promise<SelfDevelopmentRecord> {
      await assertSelfWrite(db, actor, staffId, 'selfdev:write:self');
      checkDates(body);
      await assertPolicyLinks(db, body, 'body.');
      const row = await requireRecord(staffId, recordId);
      if (row.version !== body.version) {
        await conflict(
          staffId,
          recordId,
          'The record was changed meanwhile; nothing was saved.',
          'stale_version',
        );
      }
      let support = {};
      if (body.supportRequest !== undefined) {
        if (row.supportStatus === 'approved' || row.supportStatus === 'declined') {
          await conflict(
            staffId,
            recordId,
            'The supervisor has already decided on the support request.',
            'support_already_decided',
          );
        }
        support = supportColumns(body.supportRequest);
      }
      const { body: saved } = await write(db, {
        actorId: actor.staffId,
        meta,
        what: 'self-development record',
        current: () => currentRecord(staffId, recordId),
        run: async (tx) => {
          guardUpdated(
            await repo.updateRecord(
              tx,
              { id: recordId, staffId, version: body.version },
              { ...columnsOf(body), ...support },
            ),
          );
          const after = await repo.record(tx, staffId, recordId);
          if (!after) return refuseStale();
          if (body.supportRequest && row.supportStatus !== 'pending') {
            await supportRequested(tx, actor, staffId, after.title);
          }
          return {
            body: after,
            audit: {
              action: 'self_development.update',
              entityType: 'self_development_record',
              entityId: recordId,
              before: snapshot(row),
              after: snapshot(after),
            },
          };
        },
      });
      return toRecord(db, saved);
    },

    async remove(actor: Actor, staffId: string, recordId: string, version: number, meta: RequestMeta) {
      await assertSelfWrite(db, actor, staffId, 'selfdev:write:self');
      const row = await requireRecord(staffId, recordId);
      if (row.supportStatus === 'approved') {
        await conflict(
          staffId,
          recordId,
          'A record whose support was approved is kept.',
          'support_already_decided',
        );
      }
      await write(db, {
        actorId: actor.staffId,
        meta,
        what: 'self-development record',
        current: () => currentRecord(staffId, recordId),
        run: async (tx) => {
          guardUpdated(await repo.deleteRecord(tx, { id: recordId, staffId, version }));
          return {
            body: null,
            audit: {
              action: 'self_development.delete',
              entityType: 'self_development_record',
              entityId: recordId,
              before: snapshot(row),
            },
          };
        },
      });
    },

    async decide(
      actor: Actor,
      staffId: string,
      recordId: string,
      body: SupportDecisionData,
      meta: RequestMeta,
    ): Promise<SelfDevelopmentRecord> {
      await assertSupervisorOf(db, actor, staffId, 'selfdev:decide:team');
      const row = await requireRecord(staffId, recordId);
      if (row.version !== body.version) {
        await conflict(
          staffId,
          recordId,
          'The record was changed meanwhile; nothing was decided.',
          'stale_version',
        );
      }
      if (row.supportStatus !== 'pending') {
        await conflict(
          staffId,
          recordId,
          'No support request is waiting for a decision.',
          'support_not_pending',
        );
      }
      const { body: decided } = await write(db, {
        actorId: actor.staffId,
        meta,
        what: 'self-development record',
        current: () => currentRecord(staffId, recordId),
        run: async (tx) => {
          guardUpdated(
            await repo.updateRecord(
              tx,
              { id: recordId, staffId, version: body.version, supportStatus: 'pending' },
              {
                supportStatus: body.decision,
                decisionReason: body.reason || null,
                decidedById: actor.staffId,
                decidedAt: new Date(),
              },
            ),
          );
          const after = await repo.record(tx, staffId, recordId);
          if (!after) return refuseStale();
          await tellPerson(tx, staffId, {
            kind: 'selfdev.support.decided',
            link: '/career#self-development',
            params: { title: after.title, decision: body.decision },
            by: actor.staffId,
          });
          return {
            body: after,
            audit: {
              action: `self_development.support_${body.decision}`,
              entityType: 'self_development_record',
              entityId: recordId,
              before: { supportStatus: row.supportStatus, version: row.version },
              after: { supportStatus: body.decision, reason: body.reason, version: after.version },
            },
          };
        },
      });
      return toRecord(db, decided);
    },
  };
}

export type SelfDevelopmentService = ReturnType<typeof createSelfDevelopmentService>;
