/** The reads behind the career-path ladder and "my figures": the person's facts, the grades, their courses, the figures of a 年度. */
import { type Db, sqlRows, type Tx } from '../../db/client.ts';
import type { Prisma } from '../../generated/prisma/client.ts';

/** Applications still on their way to a course (not declined, rejected or withdrawn). */
export const ACTIVE_APPLICATION = ['applied', 'approved', 'accepted', 'waitlisted'] as const;

export type MyFiguresRow = {
  ojt: { sessions: number; minutes: number; lastOn: string | null } | null;
  /** OJT sessions of theirs not yet acknowledged, of any 年度 */
  toAcknowledge: number;
  plan: { status: string; submittedAt: string | null; lastCommentAt: string | null } | null;
  selfDev: { records: number; completed: number; qualifications: number; hours: number; pending: number };
  training: { accepted: number; completed: number } | null;
};

/** `$1` the person, `$2` the 年度: the rollups' rows, the plan with its last comment, the self-development record. */
const MY_FIGURES_SQL = `
SELECT (SELECT json_build_object('sessions', o."sessions", 'minutes', o."minutes", 'lastOn', o."lastOn")
          FROM "ojt_staff_year" o WHERE o."staffId" = $1::uuid AND o."fiscalYear" = $2::int) AS "ojt",
       (SELECT count(*)::int FROM "ojt_session" s
         WHERE s."traineeId" = $1::uuid AND s."acknowledgedAt" IS NULL) AS "toAcknowledge",
       (SELECT json_build_object('status', c."status", 'submittedAt', c."submittedAt",
                                 'lastCommentAt', (SELECT max(cc."createdAt") FROM "career_plan_comment" cc
                                                    WHERE cc."planId" = c."id"))
          FROM "career_plan" c WHERE c."staffId" = $1::uuid AND c."fiscalYear" = $2::int) AS "plan",
       (SELECT json_build_object(
                 'records', count(*),
                 'completed', count(d."completedOn"),
                 'qualifications', count(*) FILTER (WHERE d."kind" = 'qualification' AND d."completedOn" IS NOT NULL),
                 'hours', COALESCE(sum(d."hours"), 0),
                 'pending', count(*) FILTER (WHERE d."supportStatus" = 'pending'))
          FROM "self_development_record" d WHERE d."staffId" = $1::uuid AND d."fiscalYear" = $2::int) AS "selfDev",
       (SELECT json_build_object('accepted', t."accepted", 'completed', t."completed")
          FROM "training_staff_year" t WHERE t."staffId" = $1::uuid AND t."fiscalYear" = $2::int) AS "training"`;

/** The career path and my figures; every function takes the client it runs on. */
export const careerFiguresRepository = {
  pathFacts(client: Db | Tx, staffId: string) {
    return client.staff.findUnique({
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

  grades(client: Db | Tx) {
    return client.grade.findMany({
      orderBy: { rank: 'asc' },
      select: { id: true, code: true, rank: true, nameJa: true, nameEn: true, retiredAt: true },
    });
  },

  /** 階層別研修 (grade-based courses) that apply to a job family. */
  gradeCourses(client: Db | Tx, jobFamilyId: string) {
    return client.training.findMany({
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
  courseApplications(client: Db | Tx, staffId: string, trainingIds: string[]) {
    if (!trainingIds.length) return Promise.resolve([]);
    return client.trainingApplication.findMany({
      where: { staffId, session: { trainingId: { in: trainingIds } } },
      select: {
        status: true,
        completed: true,
        completedOn: true,
        session: { select: { trainingId: true } },
      },
    });
  },

  /** A person's own figures of a 年度 in one named statement (instants as ISO text, days as `YYYY-MM-DD`). */
  async myFigures(client: Db | Tx, staffId: string, fiscalYear: number): Promise<MyFiguresRow> {
    const [row] = await sqlRows<MyFiguresRow>(client, MY_FIGURES_SQL, [staffId, fiscalYear]);
    if (!row) throw new Error('my figures: no row');
    return row;
  },

  /** Plans waiting for a supervisor's comment, and support requests waiting for a decision. */
  async awaiting(client: Db | Tx, team: Prisma.StaffWhereInput, fiscalYear: number, take: number) {
    const person = { select: { id: true, nameJa: true, nameEn: true } } as const;
    const [plans, requests] = await Promise.all([
      client.careerPlan.findMany({
        where: { fiscalYear, status: 'submitted', staff: team },
        orderBy: { submittedAt: 'asc' },
        take,
        select: { submittedAt: true, updatedAt: true, staff: person },
      }),
      client.selfDevelopmentRecord.findMany({
        where: { supportStatus: 'pending', staff: team },
        orderBy: { updatedAt: 'asc' },
        take,
        select: { updatedAt: true, staff: person },
      }),
    ]);
    return { plans, requests };
  },
};
