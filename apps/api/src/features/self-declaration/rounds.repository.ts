/**
 * 自己申告 rounds: the round with its キャリア選択 fields and 庁内公募 posts, and the labels (units, grades,
 * job families) rounds and declarations name.
 */
import type { Db, Tx } from '../../db/client.ts';
import type { Prisma } from '../../generated/prisma/client.ts';

type Client = Db | Tx;

const unitSelect = { id: true, code: true, kind: true, nameJa: true, nameEn: true } as const;

export const roundSelect = {
  id: true,
  fiscalYear: true,
  titleJa: true,
  titleEn: true,
  guidance: true,
  opensOn: true,
  closesOn: true,
  bureauIds: true,
  gradeIds: true,
  version: true,
  updatedAt: true,
  careerFields: {
    orderBy: { position: 'asc' },
    select: { id: true, nameJa: true, nameEn: true, description: true },
  },
  publicPosts: {
    orderBy: { position: 'asc' },
    select: { id: true, titleJa: true, titleEn: true, orgUnitId: true, description: true, openings: true },
  },
} as const satisfies Prisma.SelfDeclarationRoundSelect;
export type RoundRow = Prisma.SelfDeclarationRoundGetPayload<{ select: typeof roundSelect }>;
export type RoundWhere = Prisma.SelfDeclarationRoundWhereInput;

export type RoundData = {
  fiscalYear: number;
  titleJa: string;
  titleEn: string;
  guidance: string;
  opensOn: Date;
  closesOn: Date;
  bureauIds: string[];
  gradeIds: string[];
  careerFields: { id?: string; nameJa: string; nameEn: string; description: string }[];
  publicPosts: {
    id?: string;
    titleJa: string;
    titleEn: string;
    orgUnitId: string | null;
    description: string;
    openings: number;
  }[];
};

export const roundRepository = {
  rounds(db: Client, where: RoundWhere, skip: number, take: number) {
    return Promise.all([
      db.selfDeclarationRound.findMany({
        where,
        orderBy: [{ opensOn: 'desc' }, { id: 'desc' }],
        skip,
        take,
        select: roundSelect,
      }),
      db.selfDeclarationRound.count({ where }),
    ]);
  },

  round(db: Client, id: string) {
    return db.selfDeclarationRound.findUnique({ where: { id }, select: roundSelect });
  },

  /** Units and grades named by rounds and posts, for their labels (one query each). */
  labels(db: Client, unitIds: string[], gradeIds: string[]) {
    return Promise.all([
      unitIds.length
        ? db.orgUnit.findMany({
            where: { id: { in: [...new Set(unitIds)] } },
            select: { ...unitSelect, bureauId: true, parentId: true },
          })
        : [],
      gradeIds.length
        ? db.grade.findMany({
            where: { id: { in: [...new Set(gradeIds)] } },
            select: { id: true, code: true, rank: true, nameJa: true, nameEn: true },
          })
        : [],
    ]);
  },

  jobFamilies(db: Client, ids: string[]) {
    if (!ids.length) return Promise.resolve([]);
    return db.jobFamily.findMany({
      where: { id: { in: [...new Set(ids)] } },
      select: { id: true, code: true, nameJa: true, nameEn: true },
    });
  },

  async createRound(tx: Tx, data: RoundData, createdById: string) {
    const { careerFields, publicPosts, ...round } = data;
    const created = await tx.selfDeclarationRound.create({
      data: {
        ...round,
        createdById,
        careerFields: {
          create: careerFields.map(({ id: _id, ...f }, position) => ({ ...f, position })),
        },
        publicPosts: {
          create: publicPosts.map(({ id: _id, ...p }, position) => ({ ...p, position })),
        },
      },
      select: { id: true },
    });
    return created.id;
  },

  /** Replaces the round's content when `version` is current; `false` when it is stale. */
  async updateRound(tx: Tx, id: string, version: number, data: RoundData): Promise<boolean> {
    const { careerFields, publicPosts, ...round } = data;
    const { count } = await tx.selfDeclarationRound.updateMany({
      where: { id, version },
      data: { ...round, version: { increment: 1 } },
    });
    if (count === 0) return false;
    // Fields and posts keep their ids (declarations name them); those left out are removed.
    const keptFields = careerFields.flatMap((f) => f.id ?? []);
    const keptPosts = publicPosts.flatMap((p) => p.id ?? []);
    await tx.selfDeclarationCareerField.deleteMany({ where: { roundId: id, id: { notIn: keptFields } } });
    await tx.selfDeclarationPublicPost.deleteMany({ where: { roundId: id, id: { notIn: keptPosts } } });
    // Interest in a field or post that is gone goes with it (decision 053); the declaration's version
    // moves, so a form still open on it is told to load the latest instead of sending the old choice.
    await tx.$executeRaw`
      UPDATE "self_declaration"
         SET "careerFieldIds" = ARRAY(SELECT x FROM unnest("careerFieldIds") x WHERE x = ANY(${keptFields}::uuid[])),
             "publicPostIds" = ARRAY(SELECT x FROM unnest("publicPostIds") x WHERE x = ANY(${keptPosts}::uuid[])),
             "version" = "version" + 1,
             "updatedAt" = now()
       WHERE "roundId" = ${id}::uuid
         AND (NOT ("careerFieldIds" <@ ${keptFields}::uuid[]) OR NOT ("publicPostIds" <@ ${keptPosts}::uuid[]))`;
    for (const [position, { id: fieldId, ...f }] of careerFields.entries()) {
      if (fieldId)
        await tx.selfDeclarationCareerField.update({ where: { id: fieldId }, data: { ...f, position } });
      else await tx.selfDeclarationCareerField.create({ data: { ...f, position, roundId: id } });
    }
    for (const [position, { id: postId, ...p }] of publicPosts.entries()) {
      if (postId)
        await tx.selfDeclarationPublicPost.update({ where: { id: postId }, data: { ...p, position } });
      else await tx.selfDeclarationPublicPost.create({ data: { ...p, position, roundId: id } });
    }
    return true;
  },

  /** Of these ids, the ones that are fields / posts of the round. */
  async roundItems(db: Client, roundId: string) {
    const [fields, posts] = await Promise.all([
      db.selfDeclarationCareerField.findMany({ where: { roundId }, select: { id: true } }),
      db.selfDeclarationPublicPost.findMany({ where: { roundId }, select: { id: true } }),
    ]);
    return { fieldIds: new Set(fields.map((f) => f.id)), postIds: new Set(posts.map((p) => p.id)) };
  },
};
