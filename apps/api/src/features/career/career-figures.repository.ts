/** The reads behind the career-path ladder and "my figures": the person's facts, the grades, their courses, the figures of a 年度. */
import type { Db, Tx } from '../../db/client.ts';
import type { Prisma } from '../../generated/prisma/client.ts';

/** Applications still on their way to a course (not declined, rejected or withdrawn). */
export const ACTIVE_APPLICATION = ['applied', 'approved', 'accepted', 'waitlisted'] as const;

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

  async myFigures(client: Db | Tx, staffId: string, fiscalYear: number) {
    const [ojt, toAcknowledge, plan, selfDev, training] = await Promise.all([
      client.ojtStaffYear.findUnique({ where: { staffId_fiscalYear: { staffId, fiscalYear } } }),
      client.ojtSession.count({ where: { traineeId: staffId, acknowledgedAt: null } }),
      client.careerPlan.findUnique({
        where: { staffId_fiscalYear: { staffId, fiscalYear } },
        select: {
          status: true,
          submittedAt: true,
          comments: { orderBy: { createdAt: 'desc' }, take: 1, select: { createdAt: true } },
        },
      }),
      client.$queryRaw<
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
      client.trainingStaffYear.findUnique({ where: { staffId_fiscalYear: { staffId, fiscalYear } } }),
    ]);
    return { ojt, toAcknowledge, plan, selfDev: selfDev[0], training };
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
