/**
 * The career feature's Prisma access: career plans (with their versions and comments), self-development
 * records, and the reads behind the timeline, the career-path ladder and "my figures".
 */
import type { Db, Tx } from '../../db/client.ts';
import { Prisma } from '../../generated/prisma/client.ts';

/** The query shapes the feature's use cases compose (scope rules come from `access/scope.ts`). */
export type SelfDevelopmentWhere = Prisma.SelfDevelopmentRecordWhereInput;
export type CareerPlanSelect = Prisma.CareerPlanSelect;

export const planSelect = {
  id: true,
  staffId: true,
  fiscalYear: true,
  status: true,
  shortTermGoal: true,
  midTermGoal: true,
  longTermGoal: true,
  desiredExperiences: true,
  selfAssessments: true,
  skillsToGain: true,
  staffImageIds: true,
  initiativeIds: true,
  submittedAt: true,
  carriedFromId: true,
  version: true,
  updatedAt: true,
  comments: {
    orderBy: { createdAt: 'asc' },
    select: { id: true, authorId: true, body: true, requestsChanges: true, createdAt: true },
  },
  versions: { orderBy: { version: 'desc' }, take: 1, select: { savedById: true } },
} as const satisfies Prisma.CareerPlanSelect;
export type PlanRow = Prisma.CareerPlanGetPayload<{ select: typeof planSelect }>;

/** What a kept version of a plan needs. */
export const planVersionSelect = {
  id: true,
  version: true,
  status: true,
  shortTermGoal: true,
  midTermGoal: true,
  longTermGoal: true,
  desiredExperiences: true,
  selfAssessments: true,
  skillsToGain: true,
  staffImageIds: true,
  initiativeIds: true,
} as const satisfies Prisma.CareerPlanSelect;

export const recordSelect = {
  id: true,
  staffId: true,
  kind: true,
  title: true,
  description: true,
  provider: true,
  startedOn: true,
  completedOn: true,
  fiscalYear: true,
  hours: true,
  staffImageIds: true,
  initiativeIds: true,
  supportStatus: true,
  supportDetail: true,
  supportAmountYen: true,
  decisionReason: true,
  decidedById: true,
  decidedAt: true,
  version: true,
  createdAt: true,
  updatedAt: true,
} as const satisfies Prisma.SelfDevelopmentRecordSelect;
export type RecordRow = Prisma.SelfDevelopmentRecordGetPayload<{ select: typeof recordSelect }>;

type Links = { staffImageIds: string[]; initiativeIds: string[] };
type UnitJson = {
  id: string;
  code: string;
  kind: 'bureau' | 'ward' | 'department' | 'division' | 'section';
  nameJa: string;
  nameEn: string;
};
/** One entry of the timeline with its details, as the timeline's statement reads them (JSON). */
export type TimelineEntry = { id: string; date: Date } & (
  | {
      kind: 'assignment';
      detail: {
        postJa: string | null;
        postEn: string | null;
        endsOn: string | null;
        grade: { id: string; code: string; rank: number; nameJa: string; nameEn: string };
        orgPath: UnitJson[];
      } | null;
    }
  | {
      kind: 'training';
      detail: (Links & { id: string; titleJa: string; titleEn: string; kind: string; hours: number }) | null;
    }
  | {
      kind: 'ojt';
      detail:
        | (Links & {
            topic: string;
            method: string;
            minutes: number;
            acknowledged: boolean;
            supervisor: { id: string; nameJa: string; nameEn: string };
          })
        | null;
    }
  | {
      kind: 'self_development' | 'qualification';
      detail:
        | (Links & {
            id: string;
            kind: 'qualification' | 'self_study' | 'correspondence' | 'other';
            title: string;
            provider: string | null;
            hours: number | null;
            completed: boolean;
          })
        | null;
    }
);

export type TimelineFilter = {
  staffId: string;
  kinds: string[] | undefined;
  staffImageId: string | undefined;
  /** Records linked to any of these initiatives (an initiative, or those that carry a tag) */
  initiativeIds: string[] | undefined;
  from: string | undefined;
  to: string | undefined;
};

/** Applications still on their way to a course (not declined, rejected or withdrawn). */
export const ACTIVE_APPLICATION = ['applied', 'approved', 'accepted', 'waitlisted'] as const;

export function createCareerRepository(db: Db) {
  /** Every dated thing of one person's history, as one SQL union (filtered, ordered, paged there). */
  function timelineSql(f: TimelineFilter) {
    const where: Prisma.Sql[] = [];
    if (f.kinds?.length) where.push(Prisma.sql`kind = ANY(${f.kinds}::text[])`);
    if (f.staffImageId) where.push(Prisma.sql`${f.staffImageId}::uuid = ANY(si)`);
    if (f.initiativeIds) where.push(Prisma.sql`ini && ${f.initiativeIds}::uuid[]`);
    if (f.from) where.push(Prisma.sql`date >= ${f.from}::date`);
    if (f.to) where.push(Prisma.sql`date <= ${f.to}::date`);
    const filter = where.length ? Prisma.sql`WHERE ${Prisma.join(where, ' AND ')}` : Prisma.empty;
    return Prisma.sql`
      WITH items AS (
        SELECT 'assignment' AS kind, a.id, a."startsOn" AS date, '{}'::uuid[] AS si, '{}'::uuid[] AS ini
          FROM assignment a WHERE a."staffId" = ${f.staffId}::uuid
        UNION ALL
        SELECT 'training', ta.id,
               COALESCE(ta."completedOn", (ts."endsAt" AT TIME ZONE 'Asia/Tokyo')::date),
               t."staffImageIds", t."initiativeIds"
          FROM training_application ta
          JOIN training_session ts ON ts.id = ta."sessionId"
          JOIN training t ON t.id = ts."trainingId"
         WHERE ta."staffId" = ${f.staffId}::uuid AND ta.completed
        UNION ALL
        SELECT 'ojt', o.id, o."occurredOn", o."staffImageIds", o."initiativeIds"
          FROM ojt_session o WHERE o."traineeId" = ${f.staffId}::uuid
        UNION ALL
        SELECT CASE WHEN s.kind = 'qualification' THEN 'qualification' ELSE 'self_development' END, s.id,
               COALESCE(s."completedOn", s."startedOn", (s."createdAt" AT TIME ZONE 'Asia/Tokyo')::date),
               s."staffImageIds", s."initiativeIds"
          FROM self_development_record s WHERE s."staffId" = ${f.staffId}::uuid
      )
      SELECT kind, id, date FROM items ${filter}`;
  }

  return {
    /** Names of people, through `client` (the transaction's, when called inside one). */
    people(client: Db | Tx, ids: string[]) {
      if (!ids.length) return Promise.resolve([]);
      return client.staff.findMany({
        where: { id: { in: [...new Set(ids)] } },
        select: { id: true, nameJa: true, nameEn: true },
      });
    },

    // -- career plans ---------------------------------------------------------------------------

    plan(client: Db | Tx, staffId: string, fiscalYear: number) {
      return client.careerPlan.findUnique({
        where: { staffId_fiscalYear: { staffId, fiscalYear } },
        select: planSelect,
      });
    },

    /** A plan as a version keeps it (its content, status and version). */
    planForVersion(tx: Db | Tx, where: Prisma.CareerPlanWhereUniqueInput) {
      return tx.careerPlan.findUnique({ where, select: planVersionSelect });
    },

    createPlan(tx: Tx, data: Prisma.CareerPlanUncheckedCreateInput) {
      return tx.careerPlan.create({ data, select: { id: true } });
    },

    /** Changes a plan at the version the writer read (and raises it); the count says whether it matched. */
    async updatePlan(
      tx: Tx,
      where: Prisma.CareerPlanWhereInput & { id: string; version: number },
      data: Prisma.CareerPlanUncheckedUpdateManyInput,
    ): Promise<number> {
      const { count } = await tx.careerPlan.updateMany({
        where,
        data: { ...data, version: { increment: 1 } },
      });
      return count;
    },

    async createPlanVersion(tx: Tx, data: Prisma.CareerPlanVersionUncheckedCreateInput): Promise<void> {
      await tx.careerPlanVersion.create({ data });
    },

    createPlanComment(tx: Tx, data: Prisma.CareerPlanCommentUncheckedCreateInput) {
      return tx.careerPlanComment.create({ data, select: { id: true } });
    },

    /** A plan's id and 年度 (the plan another was carried from). */
    planRef(client: Db | Tx, id: string) {
      return client.careerPlan.findUnique({ where: { id }, select: { id: true, fiscalYear: true } });
    },

    planYears(staffId: string) {
      return db.careerPlan.findMany({
        where: { staffId },
        orderBy: { fiscalYear: 'desc' },
        select: { id: true, fiscalYear: true },
      });
    },

    /** The newest plan of an earlier 年度, to carry forward. */
    latestPlanBefore(client: Db | Tx, staffId: string, fiscalYear: number) {
      return client.careerPlan.findFirst({
        where: { staffId, fiscalYear: { lt: fiscalYear } },
        orderBy: { fiscalYear: 'desc' },
        select: planSelect,
      });
    },

    planVersions(planId: string) {
      return db.careerPlanVersion.findMany({
        where: { planId },
        orderBy: { version: 'desc' },
        select: { version: true, status: true, content: true, savedById: true, savedAt: true },
      });
    },

    // -- self-development ------------------------------------------------------------------------

    async records(where: Prisma.SelfDevelopmentRecordWhereInput, page: number, pageSize: number) {
      const [items, total] = await Promise.all([
        db.selfDevelopmentRecord.findMany({
          where,
          select: recordSelect,
          orderBy: [{ fiscalYear: 'desc' }, { createdAt: 'desc' }],
          skip: (page - 1) * pageSize,
          take: pageSize,
        }),
        db.selfDevelopmentRecord.count({ where }),
      ]);
      return { items, total };
    },

    record(client: Db | Tx, staffId: string, id: string) {
      return client.selfDevelopmentRecord.findFirst({ where: { id, staffId }, select: recordSelect });
    },

    createRecord(tx: Tx, data: Prisma.SelfDevelopmentRecordUncheckedCreateInput) {
      return tx.selfDevelopmentRecord.create({ data, select: { id: true } });
    },

    /** Changes a record at the version the writer read (and raises it); the count says whether it matched. */
    async updateRecord(
      tx: Tx,
      key: { staffId: string; id: string; version: number; supportStatus?: 'pending' },
      data: Prisma.SelfDevelopmentRecordUncheckedUpdateManyInput,
    ): Promise<number> {
      const { count } = await tx.selfDevelopmentRecord.updateMany({
        where: key,
        data: { ...data, version: { increment: 1 } },
      });
      return count;
    },

    /** Deletes a record at the version the writer read, unless its support was approved. */
    async deleteRecord(tx: Tx, key: { staffId: string; id: string; version: number }): Promise<number> {
      const { count } = await tx.selfDevelopmentRecord.deleteMany({
        where: { ...key, supportStatus: { not: 'approved' } },
      });
      return count;
    },

    // -- timeline --------------------------------------------------------------------------------

    /**
     * One page of the timeline with its total and each entry's details, in one statement: the union is
     * filtered, counted (a window over the filtered rows) and paged, and each entry of the page reads
     * its details as JSON (a post with its chain of units and grade; a course; an OJT session with its
     * supervisor; a self-development record). A page past the end counts again, alone.
     */
    async timeline(f: TimelineFilter, page: number, pageSize: number) {
      const base = timelineSql(f);
      const rows = await db.$queryRaw<Array<TimelineEntry & { total: bigint }>>`
        WITH page AS (
          SELECT kind, id, date, count(*) OVER () AS total FROM (${base}) x
          ORDER BY date DESC, id DESC LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}
        )
        SELECT p.kind, p.id, p.date, p.total, CASE p.kind
          WHEN 'assignment' THEN (
            SELECT jsonb_build_object(
              'postJa', a."postJa", 'postEn', a."postEn", 'endsOn', a."endsOn",
              'grade', jsonb_build_object('id', g.id, 'code', g.code, 'rank', g.rank,
                                          'nameJa', g."nameJa", 'nameEn', g."nameEn"),
              'orgPath', (
                SELECT COALESCE(jsonb_agg(jsonb_build_object('id', u.id, 'code', u.code, 'kind', u.kind,
                                                             'nameJa', u."nameJa", 'nameEn', u."nameEn")
                                          ORDER BY c.n), '[]'::jsonb)
                  FROM unnest(string_to_array(btrim(ou.path, '/'), '/')) WITH ORDINALITY AS c(unit, n)
                  JOIN org_unit u ON u.id::text = c.unit))
              FROM assignment a
              JOIN grade g ON g.id = a."gradeId"
              JOIN org_unit ou ON ou.id = a."orgUnitId"
             WHERE a.id = p.id)
          WHEN 'training' THEN (
            SELECT jsonb_build_object('id', t.id, 'titleJa', t."titleJa", 'titleEn', t."titleEn",
                                      'kind', t.kind, 'hours', t.hours,
                                      'staffImageIds', t."staffImageIds", 'initiativeIds', t."initiativeIds")
              FROM training_application ta
              JOIN training_session ts ON ts.id = ta."sessionId"
              JOIN training t ON t.id = ts."trainingId"
             WHERE ta.id = p.id)
          WHEN 'ojt' THEN (
            SELECT jsonb_build_object('topic', o.topic, 'method', o.method, 'minutes', o.minutes,
                                      'acknowledged', o."acknowledgedAt" IS NOT NULL,
                                      'staffImageIds', o."staffImageIds", 'initiativeIds', o."initiativeIds",
                                      'supervisor', jsonb_build_object('id', s.id, 'nameJa', s."nameJa",
                                                                       'nameEn', s."nameEn"))
              FROM ojt_session o JOIN staff s ON s.id = o."supervisorId"
             WHERE o.id = p.id)
          ELSE (
            SELECT jsonb_build_object('id', r.id, 'kind', r.kind, 'title', r.title, 'provider', r.provider,
                                      'hours', r.hours, 'completed', r."completedOn" IS NOT NULL,
                                      'staffImageIds', r."staffImageIds", 'initiativeIds', r."initiativeIds")
              FROM self_development_record r
             WHERE r.id = p.id)
          END AS detail
        FROM page p
        ORDER BY p.date DESC, p.id DESC`;
      const total =
        rows.length > 0
          ? Number(rows[0]?.total ?? 0)
          : page === 1
            ? 0
            : Number(
                (await db.$queryRaw<{ total: bigint }[]>`SELECT count(*) AS total FROM (${base}) x`)[0]
                  ?.total ?? 0,
              );
      return { rows: rows.map(({ total: _total, ...row }) => row), total };
    },

    // -- career path -----------------------------------------------------------------------------

    pathFacts(staffId: string) {
      return db.staff.findUnique({
        where: { id: staffId },
        select: {
          id: true,
          nameJa: true,
          nameEn: true,
          hireDate: true,
          jobFamilyId: true,
          assignments: {
            orderBy: { startsOn: 'asc' },
            select: { gradeId: true, startsOn: true, endsOn: true },
          },
        },
      });
    },

    grades() {
      return db.grade.findMany({
        orderBy: { rank: 'asc' },
        select: { id: true, code: true, rank: true, nameJa: true, nameEn: true, retiredAt: true },
      });
    },

    /** 階層別研修 (grade-based courses) that apply to a job family. */
    gradeCourses(jobFamilyId: string) {
      return db.training.findMany({
        where: {
          kind: 'institute_grade',
          active: true,
          OR: [{ targetJobFamilyIds: { isEmpty: true } }, { targetJobFamilyIds: { has: jobFamilyId } }],
        },
        orderBy: { code: 'asc' },
        select: {
          id: true,
          code: true,
          titleJa: true,
          titleEn: true,
          hours: true,
          mandatory: true,
          targetGradeIds: true,
          staffImageIds: true,
          initiativeIds: true,
        },
      });
    },

    /** The person's applications to sessions of these courses. */
    courseApplications(staffId: string, trainingIds: string[]) {
      if (!trainingIds.length) return Promise.resolve([]);
      return db.trainingApplication.findMany({
        where: { staffId, session: { trainingId: { in: trainingIds } } },
        select: {
          status: true,
          completed: true,
          completedOn: true,
          session: { select: { trainingId: true } },
        },
      });
    },

    // -- my figures ------------------------------------------------------------------------------

    async myFigures(staffId: string, fiscalYear: number) {
      const [ojt, toAcknowledge, plan, selfDev, training] = await Promise.all([
        db.ojtStaffYear.findUnique({ where: { staffId_fiscalYear: { staffId, fiscalYear } } }),
        db.ojtSession.count({ where: { traineeId: staffId, acknowledgedAt: null } }),
        db.careerPlan.findUnique({
          where: { staffId_fiscalYear: { staffId, fiscalYear } },
          select: {
            status: true,
            submittedAt: true,
            comments: { orderBy: { createdAt: 'desc' }, take: 1, select: { createdAt: true } },
          },
        }),
        db.$queryRaw<
          {
            records: bigint;
            completed: bigint;
            qualifications: bigint;
            hours: bigint | null;
            pending: bigint;
          }[]
        >`
          SELECT count(*) AS records,
                 count("completedOn") AS completed,
                 count(*) FILTER (WHERE kind = 'qualification' AND "completedOn" IS NOT NULL) AS qualifications,
                 COALESCE(sum(hours), 0) AS hours,
                 count(*) FILTER (WHERE "supportStatus" = 'pending') AS pending
            FROM self_development_record
           WHERE "staffId" = ${staffId}::uuid AND "fiscalYear" = ${fiscalYear}`,
        db.trainingStaffYear.findUnique({ where: { staffId_fiscalYear: { staffId, fiscalYear } } }),
      ]);
      return { ojt, toAcknowledge, plan, selfDev: selfDev[0], training };
    },

    /** Plans waiting for a supervisor's comment, and support requests waiting for a decision. */
    async awaiting(team: Prisma.StaffWhereInput, fiscalYear: number, take: number) {
      const person = { select: { id: true, nameJa: true, nameEn: true } } as const;
      const [plans, requests] = await Promise.all([
        db.careerPlan.findMany({
          where: { fiscalYear, status: 'submitted', staff: team },
          orderBy: { submittedAt: 'asc' },
          take,
          select: { submittedAt: true, updatedAt: true, staff: person },
        }),
        db.selfDevelopmentRecord.findMany({
          where: { supportStatus: 'pending', staff: team },
          orderBy: { updatedAt: 'asc' },
          take,
          select: { updatedAt: true, staff: person },
        }),
      ]);
      return { plans, requests };
    },
  };
}

export type CareerRepository = ReturnType<typeof createCareerRepository>;
