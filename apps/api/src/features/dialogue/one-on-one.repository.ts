/**
 * The only place that talks to the database for 1on1 records. The author's private notes are read by
 * `privateNote` alone: the record's select never reaches them, so no list or export can carry them.
 */
import { teamMembersSql } from '../../access/scope.ts';
import type { Db, Tx } from '../../db/client.ts';
import { Prisma } from '../../generated/prisma/client.ts';

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

export const actionSelect = {
  id: true,
  ownerId: true,
  text: true,
  dueOn: true,
  doneAt: true,
  version: true,
  owner: person,
  oneOnOne: {
    select: { id: true, staffId: true, authorId: true, heldOn: true, staff: person, author: person },
  },
} as const satisfies Prisma.OneOnOneActionSelect;

export type ActionRow = Prisma.OneOnOneActionGetPayload<{ select: typeof actionSelect }>;

/** One person of the team on the 1on1 dashboard, as the query returns it (json: dates are strings). */
export type TeamMemberRow = {
  id: string;
  nameJa: string;
  nameEn: string;
  lastOn: string | null;
  daysSinceLast: number | null;
  meetings: number;
  nextOn: string | null;
  overdue: boolean;
  openActions: number;
};

/** Every function takes the client it runs on: the pool for a read, the write's `tx` inside one. */
export const oneOnOneRepository = {
  find(client: Db | Tx, where: OneOnOneWhere) {
    return client.oneOnOne.findFirst({ where, select: oneOnOneSelect });
  },

  byId(client: Db | Tx, id: string) {
    return client.oneOnOne.findUnique({ where: { id }, select: oneOnOneSelect });
  },

  async page(client: Db | Tx, where: OneOnOneWhere, page: number, pageSize: number) {
    const [items, total] = await Promise.all([
      client.oneOnOne.findMany({
        where,
        select: oneOnOneSelect,
        orderBy: [{ heldOn: 'desc' }, { createdAt: 'desc' }, { id: 'desc' }],
        skip: (page - 1) * pageSize,
        take: pageSize,
      }),
      client.oneOnOne.count({ where }),
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

  /** The conditional update of a versioned record: 0 rows when someone changed it first. */
  update(tx: Tx, id: string, version: number, data: Prisma.OneOnOneUncheckedUpdateManyInput) {
    return tx.oneOnOne.updateMany({ where: { id, version }, data: { ...data, version: { increment: 1 } } });
  },

  /** Sets (or, with '', removes) the author's private notes. */
  async setPrivateNote(tx: Tx, oneOnOneId: string, authorId: string, body: string) {
    if (!body) {
      await tx.oneOnOnePrivateNote.deleteMany({ where: { oneOnOneId } });
      return;
    }
    await tx.oneOnOnePrivateNote.upsert({
      where: { oneOnOneId },
      create: { oneOnOneId, authorId, body },
      update: { body },
    });
  },

  async addActions(tx: Tx, oneOnOneId: string, actions: NewAction[]) {
    if (!actions.length) return;
    const last = await tx.oneOnOneAction.aggregate({ where: { oneOnOneId }, _max: { position: true } });
    const from = (last._max.position ?? -1) + 1;
    await tx.oneOnOneAction.createMany({
      data: actions.map((a, i) => ({ oneOnOneId, position: from + i, ...a })),
    });
  },

  /** Deletes the record while the person has not acknowledged it and its version is as read. */
  delete(tx: Tx, id: string, version: number) {
    return tx.oneOnOne.deleteMany({ where: { id, version, acknowledgedAt: null } });
  },

  action(client: Db | Tx, where: Prisma.OneOnOneActionWhereInput) {
    return client.oneOnOneAction.findFirst({ where, select: actionSelect });
  },

  /** The conditional update of an action: 0 rows when someone changed it first. */
  updateAction(tx: Tx, id: string, version: number, data: { doneAt: Date | null; doneById: string | null }) {
    return tx.oneOnOneAction.updateMany({
      where: { id, version },
      data: { ...data, version: { increment: 1 } },
    });
  },

  async pageActions(client: Db | Tx, where: Prisma.OneOnOneActionWhereInput, page: number, pageSize: number) {
    const [items, total] = await Promise.all([
      client.oneOnOneAction.findMany({
        where,
        select: actionSelect,
        orderBy: [{ dueOn: { sort: 'asc', nulls: 'last' } }, { createdAt: 'asc' }, { id: 'asc' }],
        skip: (page - 1) * pageSize,
        take: pageSize,
      }),
      client.oneOnOneAction.count({ where }),
    ]);
    return { items, total };
  },

  cadence(client: Db | Tx, supervisorId: string) {
    return client.oneOnOneCadence.findUnique({ where: { supervisorId } });
  },

  createCadence(tx: Tx, supervisorId: string, intervalDays: number) {
    return tx.oneOnOneCadence.create({ data: { supervisorId, intervalDays } });
  },

  updateCadence(tx: Tx, supervisorId: string, version: number, intervalDays: number) {
    return tx.oneOnOneCadence.updateMany({
      where: { supervisorId, version },
      data: { intervalDays, version: { increment: 1 } },
    });
  },

  /**
   * The team's 1on1 figures in one statement: everyone the actor supervises today (posts under the
   * units they head and overrides; never themselves), each with the last 1on1 held (from the
   * `one_on_one_staff_year` rollup), the 年度's count, the next scheduled one, open actions and
   * whether the cadence is overdue; the totals; one page, the longest wait first.
   */
  async team(
    client: Db | Tx,
    input: {
      actorId: string;
      teamPaths: string[];
      overrideStaffIds: string[];
      fiscalYear: number;
      today: string;
      fyStart: string;
      intervalDays: number;
      page: number;
      pageSize: number;
    },
  ) {
    const day = Prisma.sql`${input.today}::date`;
    const [result] = await client.$queryRaw<
      { items: TeamMemberRow[] | null; totals: { members: number; overdue: number; metThisYear: number } }[]
    >`
        WITH ids AS (
          SELECT id FROM ${teamMembersSql({ staffId: input.actorId, teamPaths: input.teamPaths, overrideStaffIds: input.overrideStaffIds }, day)} t
        ),
        r AS (
          SELECT s.id, s."nameJa", s."nameEn", s."nameKana",
                 last."lastOn",
                 CASE WHEN last."lastOn" IS NULL THEN NULL ELSE (${day} - last."lastOn")::int END AS "daysSinceLast",
                 COALESCE(y.meetings, 0) AS meetings,
                 (CASE WHEN last."lastOn" IS NULL THEN ${day} - ${input.fyStart}::date ELSE ${day} - last."lastOn" END)
                   > ${input.intervalDays}::int AS overdue
            FROM ids JOIN "staff" s ON s.id = ids.id
            LEFT JOIN "one_on_one_staff_year" y ON y."staffId" = s.id AND y."fiscalYear" = ${input.fiscalYear}
            LEFT JOIN LATERAL (
              SELECT max(z."lastOn") AS "lastOn" FROM "one_on_one_staff_year" z WHERE z."staffId" = s.id
            ) last ON true
           WHERE s."disabledAt" IS NULL
        )
        SELECT
          (SELECT json_agg(x ORDER BY x.n) FROM (
             SELECT pg.*, nx."nextOn", oa.n AS "openActions"
               FROM (
                 SELECT r.id, r."nameJa", r."nameEn", r."lastOn", r."daysSinceLast", r.meetings, r.overdue,
                        row_number() OVER (ORDER BY r."lastOn" ASC NULLS FIRST, r."nameKana", r.id) AS n
                   FROM r ORDER BY r."lastOn" ASC NULLS FIRST, r."nameKana", r.id
                  LIMIT ${input.pageSize} OFFSET ${(input.page - 1) * input.pageSize}
               ) pg
               -- only for the page's people
               CROSS JOIN LATERAL (
                 SELECT min(o."heldOn") AS "nextOn" FROM "one_on_one" o
                  WHERE o."staffId" = pg.id AND o.status = 'scheduled' AND o."heldOn" >= ${day}
               ) nx
               CROSS JOIN LATERAL (
                 SELECT count(*)::int AS n FROM "one_on_one_action" ac JOIN "one_on_one" o ON o.id = ac."oneOnOneId"
                  WHERE o."staffId" = pg.id AND ac."doneAt" IS NULL
               ) oa
          ) x) AS items,
          (SELECT json_build_object(
             'members', count(*),
             'overdue', count(*) FILTER (WHERE r.overdue),
             'metThisYear', count(*) FILTER (WHERE r.meetings > 0)
           ) FROM r) AS totals`;
    return {
      items: result?.items ?? [],
      totals: result?.totals ?? { members: 0, overdue: 0, metThisYear: 0 },
    };
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

export type OneOnOneRepository = typeof oneOnOneRepository;
