/**
 * The master data's reads and writes: the grade ladder (職位) and the job families (職種). Their order
 * is changed under a transaction-scoped advisory lock per table, so that two reorders (or a reorder and
 * a create that appends) never interleave.
 */
import type { Db, Tx } from '../../db/client.ts';

type Client = Db | Tx;

const gradeSelect = {
  id: true,
  code: true,
  rank: true,
  nameJa: true,
  nameEn: true,
  managerial: true,
  retiredAt: true,
  version: true,
} as const;
const jobFamilySelect = {
  id: true,
  code: true,
  position: true,
  nameJa: true,
  nameEn: true,
  retiredAt: true,
  version: true,
} as const;

export type GradeRow = {
  id: string;
  code: string;
  rank: number;
  nameJa: string;
  nameEn: string;
  managerial: boolean;
  retiredAt: Date | null;
  version: number;
};
export type JobFamilyRow = {
  id: string;
  code: string;
  position: number;
  nameJa: string;
  nameEn: string;
  retiredAt: Date | null;
  version: number;
};

const active = (includeRetired: boolean) => (includeRetired ? {} : { retiredAt: null });

/** Serialises the changes of one table's order (the lock ends with the transaction). */
async function lockOrder(tx: Tx, table: 'grade' | 'job_family'): Promise<void> {
  await tx.$queryRaw`SELECT pg_advisory_xact_lock(hashtext(${`master-data.order:${table}`}))::text`;
}

export const masterDataRepository = {
  lockOrder,
  grades(db: Client, includeRetired: boolean): Promise<GradeRow[]> {
    return db.grade.findMany({
      where: active(includeRetired),
      orderBy: { rank: 'asc' },
      select: gradeSelect,
    });
  },
  grade(db: Client, id: string): Promise<GradeRow | null> {
    return db.grade.findUnique({ where: { id }, select: gradeSelect });
  },
  gradeCodeTaken(db: Client, code: string) {
    return db.grade.findFirst({
      where: { code: { equals: code, mode: 'insensitive' } },
      select: { id: true },
    });
  },
  /** Appends a grade at the top of the ladder. */
  async createGrade(
    tx: Tx,
    data: { code: string; nameJa: string; nameEn: string; managerial: boolean },
  ): Promise<{ id: string }> {
    await lockOrder(tx, 'grade');
    const top = await tx.grade.aggregate({ _max: { rank: true } });
    return tx.grade.create({ data: { ...data, rank: (top._max.rank ?? 0) + 1 }, select: { id: true } });
  },
  updateGrade(
    tx: Tx,
    id: string,
    version: number,
    data: { nameJa: string; nameEn: string; managerial: boolean; retiredAt: Date | null },
  ) {
    return tx.grade.updateMany({ where: { id, version }, data: { ...data, version: { increment: 1 } } });
  },
  /**
   * Gives the grades the ranks 1…n in the order of `ids` (each at the version the client saw); how
   * many rows matched. Ranks are unique, so they pass through negative values first.
   */
  async reorderGrades(tx: Tx, items: readonly { id: string; version: number }[]): Promise<number> {
    await lockOrder(tx, 'grade');
    const ids = items.map((i) => i.id);
    const versions = items.map((i) => i.version);
    const moved = await tx.$executeRaw`
      UPDATE "grade" AS g SET "rank" = -o.n,
        "version" = g.version + CASE WHEN g.rank = o.n THEN 0 ELSE 1 END
      FROM unnest(${ids}::uuid[], ${versions}::int[]) WITH ORDINALITY AS o(id, version, n)
      WHERE g.id = o.id AND g.version = o.version`;
    // A stale list leaves some ranks positive: the caller refuses it and the transaction rolls back.
    if (moved !== items.length) return moved;
    await tx.$executeRaw`UPDATE "grade" SET "rank" = -"rank" WHERE "rank" < 0`;
    return moved;
  },

  jobFamilies(db: Client, includeRetired: boolean): Promise<JobFamilyRow[]> {
    return db.jobFamily.findMany({
      where: active(includeRetired),
      orderBy: [{ position: 'asc' }, { code: 'asc' }],
      select: jobFamilySelect,
    });
  },
  jobFamily(db: Client, id: string): Promise<JobFamilyRow | null> {
    return db.jobFamily.findUnique({ where: { id }, select: jobFamilySelect });
  },
  jobFamilyCodeTaken(db: Client, code: string) {
    return db.jobFamily.findFirst({
      where: { code: { equals: code, mode: 'insensitive' } },
      select: { id: true },
    });
  },
  /** Appends a job family at the end of the list. */
  async createJobFamily(tx: Tx, data: { code: string; nameJa: string; nameEn: string }) {
    await lockOrder(tx, 'job_family');
    const last = await tx.jobFamily.aggregate({ _max: { position: true } });
    return tx.jobFamily.create({
      data: { ...data, position: (last._max.position ?? 0) + 1 },
      select: { id: true },
    });
  },
  updateJobFamily(
    tx: Tx,
    id: string,
    version: number,
    data: { nameJa: string; nameEn: string; retiredAt: Date | null },
  ) {
    return tx.jobFamily.updateMany({ where: { id, version }, data: { ...data, version: { increment: 1 } } });
  },
  /** Gives the job families the positions 1…n in the order of `items`; how many rows matched. */
  async reorderJobFamilies(tx: Tx, items: readonly { id: string; version: number }[]): Promise<number> {
    await lockOrder(tx, 'job_family');
    const ids = items.map((i) => i.id);
    const versions = items.map((i) => i.version);
    return tx.$executeRaw`
      UPDATE "job_family" AS j SET "position" = o.n,
        "version" = j.version + CASE WHEN j.position = o.n THEN 0 ELSE 1 END
      FROM unnest(${ids}::uuid[], ${versions}::int[]) WITH ORDINALITY AS o(id, version, n)
      WHERE j.id = o.id AND j.version = o.version`;
  },
  /** How many grades and job families exist (a reorder names every one). */
  async counts(db: Client) {
    const [grades, jobFamilies] = await Promise.all([db.grade.count(), db.jobFamily.count()]);
    return { grades, jobFamilies };
  },
};
