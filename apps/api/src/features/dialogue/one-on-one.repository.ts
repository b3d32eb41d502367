/**
 * The only place that talks to the database for 1on1 records. The author's private notes are read by
 * `privateNote` alone: the record's select never reaches them, so no list or export can carry them.
 */
import type { Db, Tx } from '../../db/client.ts';
import type { Prisma } from '../../generated/prisma/client.ts';

/** The query shapes the feature's use cases compose (scope rules come from `access/scope.ts`). */
export type OneOnOneWhere = Prisma.OneOnOneWhereInput;

const person = { select: { id: true, nameJa: true, nameEn: true } } as const;

export const oneOnOneSelect = {
  id: true,
  staffId: true,
  authorId: true,
  status: true,
  heldOn: true,
  fiscalYear: true,
  minutes: true,
  kind: true,
  topics: true,
  sharedNotes: true,
  staffAgenda: true,
  staffNotes: true,
  acknowledgedAt: true,
  staffImageIds: true,
  initiativeIds: true,
  version: true,
  createdAt: true,
  updatedAt: true,
  staff: person,
  author: person,
  actions: {
    select: {
      id: true,
      ownerId: true,
      text: true,
      dueOn: true,
      doneAt: true,
      version: true,
      owner: person,
    },
    orderBy: { position: 'asc' },
  },
} as const satisfies Prisma.OneOnOneSelect;

export type OneOnOneRow = Prisma.OneOnOneGetPayload<{ select: typeof oneOnOneSelect }>;

export type NewOneOnOne = Omit<Prisma.OneOnOneCreateManyInput, 'id'> & { id: string };
export type NewAction = { text: string; ownerId: string; dueOn: Date | null };

export function createOneOnOneRepository(db: Db) {
  return {
    find(client: Db | Tx, where: OneOnOneWhere) {
      return client.oneOnOne.findFirst({ where, select: oneOnOneSelect });
    },

    byId(client: Db | Tx, id: string) {
      return client.oneOnOne.findUnique({ where: { id }, select: oneOnOneSelect });
    },

    async page(where: OneOnOneWhere, page: number, pageSize: number) {
      const [items, total] = await Promise.all([
        db.oneOnOne.findMany({
          where,
          select: oneOnOneSelect,
          orderBy: [{ heldOn: 'desc' }, { createdAt: 'desc' }, { id: 'desc' }],
          skip: (page - 1) * pageSize,
          take: pageSize,
        }),
        db.oneOnOne.count({ where }),
      ]);
      return { items, total };
    },

    /** Inserts the 1on1, its private note (when any) and its actions; reads the record back. */
    async create(tx: Tx, row: NewOneOnOne, privateNotes: string, actions: NewAction[]) {
      await tx.oneOnOne.create({ data: row, select: { id: true } });
      if (privateNotes) {
        await tx.oneOnOnePrivateNote.create({
          data: { oneOnOneId: row.id, authorId: row.authorId, body: privateNotes },
        });
      }
      if (actions.length) {
        await tx.oneOnOneAction.createMany({
          data: actions.map((a, position) => ({ oneOnOneId: row.id, position, ...a })),
        });
      }
      return tx.oneOnOne.findUniqueOrThrow({ where: { id: row.id }, select: oneOnOneSelect });
    },

    /** The author's private notes of a 1on1 ('' when none) — callers ask only for the author. */
    async privateNote(client: Db | Tx, oneOnOneId: string, authorId: string): Promise<string> {
      const note = await client.oneOnOnePrivateNote.findFirst({
        where: { oneOnOneId, authorId },
        select: { body: true },
      });
      return note?.body ?? '';
    },
  };
}

export type OneOnOneRepository = ReturnType<typeof createOneOnOneRepository>;
