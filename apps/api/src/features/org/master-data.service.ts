/**
 * HR's maintenance of the grade ladder (職位) and the job families (職種): add, rename in ja/en,
 * reorder, retire. Nothing is ever deleted: a retired one stays on history and on the records that
 * name it, and the pickers, the roster import and course targeting stop offering it. Every change is
 * versioned (a stale one is a 409 with the record or list as it now is) and audited; creates are
 * idempotent.
 */
import {
  GradeCreate,
  type GradeItem,
  type GradeItemList,
  GradeUpdate,
  JobFamilyCreate,
  type JobFamilyItem,
  type JobFamilyItemList,
  JobFamilyUpdate,
  MasterDataOrder,
  type MasterDataQuery,
} from '@portal/contracts';
import { authorize } from '../../access/access.ts';
import type { Actor, RequestMeta } from '../../access/actor.ts';
import type { Db } from '../../db/client.ts';
import { isUniqueViolation } from '../../db/errors.ts';
import { BadRequestError, NotFoundError } from '../../shared/errors.ts';
import { guardUpdated, refuseStale, write } from '../../shared/write.ts';
import { type GradeRow, type JobFamilyRow, masterDataRepository as repo } from './master-data.repository.ts';

const gradeOut = (g: GradeRow): GradeItem => ({
  id: g.id,
  code: g.code,
  rank: g.rank,
  name: { ja: g.nameJa, en: g.nameEn },
  managerial: g.managerial,
  retired: g.retiredAt !== null,
  retiredAt: g.retiredAt?.toISOString() ?? null,
  version: g.version,
});

const jobFamilyOut = (j: JobFamilyRow): JobFamilyItem => ({
  id: j.id,
  code: j.code,
  position: j.position,
  name: { ja: j.nameJa, en: j.nameEn },
  retired: j.retiredAt !== null,
  retiredAt: j.retiredAt?.toISOString() ?? null,
  version: j.version,
});

const codeTaken = () =>
  new BadRequestError('This code is already used.', [
    { field: 'body.code', message: 'already used', code: 'taken' },
  ]);

/** A new order names every row exactly once. */
function checkOrder(items: readonly { id: string }[], total: number): void {
  const ids = new Set(items.map((i) => i.id));
  if (ids.size !== items.length) {
    throw new BadRequestError('Each one once.', [
      { field: 'body.items', message: 'each one once', code: 'order_duplicate' },
    ]);
  }
  if (items.length !== total) refuseStale();
}

/** The retirement time after an update: kept when it stays retired, now when it is retired now. */
const retiredAtOf = (before: Date | null, retired: boolean) => (retired ? (before ?? new Date()) : null);

export function createMasterDataService(deps: { db: Db }) {
  const { db } = deps;
  const includeRetired = (q: MasterDataQuery | undefined) => q?.includeRetired === 'true';

  async function createWith<T extends { id: string }>(
    run: () => Promise<{ status: number; body: T }>,
  ): Promise<{ status: number; body: T }> {
    try {
      return await run();
    } catch (e) {
      // Two creates of the same code that raced: the second one is told as if it had come later.
      if (isUniqueViolation(e)) throw codeTaken();
      throw e;
    }
  }

  return {
    /** The grades, low to high; retired ones only when asked (HR's page, history). */
    async gradeItems(actor: Actor, query?: MasterDataQuery): Promise<GradeItemList> {
      authorize(actor, 'org:read:any');
      return { items: (await repo.grades(db, includeRetired(query))).map(gradeOut) };
    },

    async createGrade(actor: Actor, body: unknown, key: string | undefined, meta: RequestMeta) {
      authorize(actor, 'org:manage:any');
      const input = GradeCreate.parse(body);
      return createWith(async () => {
        const result = await write(db, {
          actorId: actor.staffId,
          meta,
          idempotency: { operation: 'org.grade.create', key, body },
          run: async (tx) => {
            if (await repo.gradeCodeTaken(tx, input.code)) throw codeTaken();
            const { id } = await repo.createGrade(tx, input);
            const created = await repo.grade(tx, id);
            return {
              status: 201,
              body: { id },
              audit: { action: 'grade.create', entityType: 'grade', entityId: id, after: created },
            };
          },
        });
        const row = await repo.grade(db, result.body.id);
        if (!row) throw new NotFoundError('No such grade.', 'grade_not_found');
        return { status: result.status, body: gradeOut(row) };
      });
    },

    async updateGrade(actor: Actor, id: string, body: unknown, meta: RequestMeta): Promise<GradeItem> {
      authorize(actor, 'org:manage:any');
      const before = await repo.grade(db, id);
      if (!before) throw new NotFoundError('No such grade.', 'grade_not_found');
      const input = GradeUpdate.parse(body);
      const data = {
        nameJa: input.nameJa,
        nameEn: input.nameEn,
        managerial: input.managerial,
        retiredAt: retiredAtOf(before.retiredAt, input.retired),
      };
      const action =
        input.retired === (before.retiredAt !== null)
          ? 'grade.update'
          : input.retired
            ? 'grade.retire'
            : 'grade.restore';
      await write(db, {
        actorId: actor.staffId,
        meta,
        what: 'grade',
        current: async () => {
          const row = await repo.grade(db, id);
          return row ? gradeOut(row) : undefined;
        },
        run: async (tx) => {
          guardUpdated(await repo.updateGrade(tx, id, input.version, data));
          return { body: null, audit: { action, entityType: 'grade', entityId: id, before, after: data } };
        },
      });
      const row = await repo.grade(db, id);
      if (!row) throw new NotFoundError('No such grade.', 'grade_not_found');
      return gradeOut(row);
    },

    /** A new order of the whole ladder (retired grades included); 409 with the ladder when stale. */
    async reorderGrades(actor: Actor, body: unknown, meta: RequestMeta): Promise<GradeItemList> {
      authorize(actor, 'org:manage:any');
      const input = MasterDataOrder.parse(body);
      const list = async () => ({ items: (await repo.grades(db, true)).map(gradeOut) });
      await write(db, {
        actorId: actor.staffId,
        meta,
        what: 'grade ladder',
        current: list,
        run: async (tx) => {
          await repo.lockOrder(tx, 'grade');
          const before = await repo.grades(tx, true);
          checkOrder(input.items, before.length);
          guardUpdated(Number((await repo.reorderGrades(tx, input.items)) === input.items.length));
          return {
            body: null,
            audit: {
              action: 'grade.reorder',
              entityType: 'grade',
              entityId: input.items[0]?.id ?? '',
              before: before.map((g) => g.code),
              after: (await repo.grades(tx, true)).map((g) => g.code),
            },
          };
        },
      });
      return list();
    },

    /** The job families in HR's order; retired ones only when asked. */
    async jobFamilyItems(actor: Actor, query?: MasterDataQuery): Promise<JobFamilyItemList> {
      authorize(actor, 'org:read:any');
      return { items: (await repo.jobFamilies(db, includeRetired(query))).map(jobFamilyOut) };
    },

    async createJobFamily(actor: Actor, body: unknown, key: string | undefined, meta: RequestMeta) {
      authorize(actor, 'org:manage:any');
      const input = JobFamilyCreate.parse(body);
      return createWith(async () => {
        const result = await write(db, {
          actorId: actor.staffId,
          meta,
          idempotency: { operation: 'org.job-family.create', key, body },
          run: async (tx) => {
            if (await repo.jobFamilyCodeTaken(tx, input.code)) throw codeTaken();
            const { id } = await repo.createJobFamily(tx, input);
            const created = await repo.jobFamily(tx, id);
            return {
              status: 201,
              body: { id },
              audit: { action: 'job_family.create', entityType: 'job_family', entityId: id, after: created },
            };
          },
        });
        const row = await repo.jobFamily(db, result.body.id);
        if (!row) throw new NotFoundError('No such job family.', 'job_family_not_found');
        return { status: result.status, body: jobFamilyOut(row) };
      });
    },

    async updateJobFamily(
      actor: Actor,
      id: string,
      body: unknown,
      meta: RequestMeta,
    ): Promise<JobFamilyItem> {
      authorize(actor, 'org:manage:any');
      const before = await repo.jobFamily(db, id);
      if (!before) throw new NotFoundError('No such job family.', 'job_family_not_found');
      const input = JobFamilyUpdate.parse(body);
      const data = {
        nameJa: input.nameJa,
        nameEn: input.nameEn,
        retiredAt: retiredAtOf(before.retiredAt, input.retired),
      };
      const action =
        input.retired === (before.retiredAt !== null)
          ? 'job_family.update'
          : input.retired
            ? 'job_family.retire'
            : 'job_family.restore';
      await write(db, {
        actorId: actor.staffId,
        meta,
        what: 'job family',
        current: async () => {
          const row = await repo.jobFamily(db, id);
          return row ? jobFamilyOut(row) : undefined;
        },
        run: async (tx) => {
          guardUpdated(await repo.updateJobFamily(tx, id, input.version, data));
          return {
            body: null,
            audit: { action, entityType: 'job_family', entityId: id, before, after: data },
          };
        },
      });
      const row = await repo.jobFamily(db, id);
      if (!row) throw new NotFoundError('No such job family.', 'job_family_not_found');
      return jobFamilyOut(row);
    },

    async reorderJobFamilies(actor: Actor, body: unknown, meta: RequestMeta): Promise<JobFamilyItemList> {
      authorize(actor, 'org:manage:any');
      const input = MasterDataOrder.parse(body);
      const list = async () => ({ items: (await repo.jobFamilies(db, true)).map(jobFamilyOut) });
      await write(db, {
        actorId: actor.staffId,
        meta,
        what: 'job family list',
        current: list,
        run: async (tx) => {
          await repo.lockOrder(tx, 'job_family');
          const before = await repo.jobFamilies(tx, true);
          checkOrder(input.items, before.length);
          guardUpdated(Number((await repo.reorderJobFamilies(tx, input.items)) === input.items.length));
          return {
            body: null,
            audit: {
              action: 'job_family.reorder',
              entityType: 'job_family',
              entityId: input.items[0]?.id ?? '',
              before: before.map((j) => j.code),
              after: (await repo.jobFamilies(tx, true)).map((j) => j.code),
            },
          };
        },
      });
      return list();
    },
  };
}
export type MasterDataService = ReturnType<typeof createMasterDataService>;
