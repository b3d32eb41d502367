/**
 * What a person has done and where they stand: the timeline (assignments, completed training, OJT
 * received, self-development and qualifications), the career-path ladder with its 階層別研修, and "my
 * figures" for the home page.
 */
import {
  type CareerPath,
  type CourseProgress,
  fiscalYearOf,
  fiscalYearRange,
  type LadderCourse,
  type LadderStepState,
  type MyDashboard,
  type OrgUnitRef,
  type TimelineItem,
  type TimelinePage,
  type TimelineQuery,
} from '@portal/contracts';
import { assertCareerRecordsVisible, authorize, supervisedStaffWhere, today } from '../../access/access.ts';
import type { Actor } from '../../access/actor.ts';
import type { Db } from '../../db/client.ts';
import { gradeRef } from '../../shared/refs.ts';
import { expandPolicyLinks, loadPolicyCatalog } from '../policy/policy-links.ts';
import { ACTIVE_APPLICATION, type CareerRepository } from './career.repository.ts';
import { currentFiscalYear } from './career-plan.shared.ts';

const isoDate = (d: Date) => d.toISOString().slice(0, 10);
type Person = { id: string; nameJa: string; nameEn: string };
const personRef = (p: Person) => ({ id: p.id, name: p.nameJa, nameEn: p.nameEn });
/** How many items "awaiting me" lists at most */
const AWAITING_MAX = 10;

export function createCareerHistoryService(deps: { db: Db; repo: CareerRepository }) {
  const { db, repo } = deps;

  return {
    async timeline(actor: Actor, staffId: string, query: TimelineQuery): Promise<TimelinePage> {
      await assertCareerRecordsVisible(db, actor, staffId);
      const catalog = await loadPolicyCatalog(db);
      let initiativeIds: string[] | undefined;
      if (query.initiativeId) initiativeIds = [query.initiativeId];
      if (query.tag) {
        const tagged = [...catalog.initiatives.values()]
          .filter((i) => i.tagCodes.includes(query.tag ?? ''))
          .map((i) => i.id);
        initiativeIds = initiativeIds ? initiativeIds.filter((id) => tagged.includes(id)) : tagged;
      }
      const range = query.fiscalYear ? fiscalYearRange(query.fiscalYear) : undefined;
      const { rows, total } = await repo.timeline(
        db,
        {
          staffId,
          kinds: query.kind,
          staffImageId: query.staffImageId,
          initiativeIds,
          from: range?.from,
          to: range?.to,
        },
        query.page,
        query.pageSize,
      );

      const noLinks = { staffImageIds: [], initiativeIds: [] };
      const ref = (u: {
        id: string;
        code: string;
        kind: OrgUnitRef['kind'];
        nameJa: string;
        nameEn: string;
      }) => ({
        id: u.id,
        code: u.code,
        kind: u.kind,
        name: { ja: u.nameJa, en: u.nameEn },
      });

      const items = rows.flatMap((r): TimelineItem[] => {
        const date = isoDate(r.date);
        const base = { id: r.id, date, fiscalYear: fiscalYearOf(date) };
        if (r.kind === 'assignment') {
          const a = r.detail;
          if (!a) return [];
          return [
            {
              ...base,
              kind: 'assignment',
              links: expandPolicyLinks(catalog, noLinks),
              orgPath: a.orgPath.map(ref),
              grade: gradeRef(a.grade),
              post: a.postJa ? { ja: a.postJa, en: a.postEn ?? a.postJa } : null,
              endsOn: a.endsOn ? a.endsOn.slice(0, 10) : null,
            },
          ];
        }
        if (r.kind === 'training') {
          const t = r.detail;
          if (!t) return [];
          return [
            {
              ...base,
              kind: 'training',
              links: expandPolicyLinks(catalog, t),
              trainingId: t.id,
              title: { ja: t.titleJa, en: t.titleEn },
              trainingKind: t.kind,
              hours: t.hours,
            },
          ];
        }
        if (r.kind === 'ojt') {
          const s = r.detail;
          if (!s) return [];
          return [
            {
              ...base,
              kind: 'ojt',
              links: expandPolicyLinks(catalog, s),
              topic: s.topic,
              method: s.method,
              minutes: s.minutes,
              supervisor: personRef(s.supervisor),
              acknowledged: s.acknowledged,
            },
          ];
        }
        const rec = r.detail;
        if (!rec) return [];
        return [
          {
            ...base,
            kind: rec.kind === 'qualification' ? 'qualification' : 'self_development',
            links: expandPolicyLinks(catalog, rec),
            recordId: rec.id,
            title: rec.title,
            selfDevelopmentKind: rec.kind,
            provider: rec.provider,
            hours: rec.hours,
            completed: rec.completed,
          },
        ];
      });
      return { items, page: query.page, pageSize: query.pageSize, total };
    },

    async careerPath(actor: Actor, staffId: string): Promise<CareerPath> {
      await assertCareerRecordsVisible(db, actor, staffId);
      const [facts, allGrades, catalog] = await Promise.all([
        repo.pathFacts(db, staffId),
        repo.grades(db),
        loadPolicyCatalog(db),
      ]);
      if (!facts) throw new Error('unreachable: a visible person exists');
      const courses = await repo.gradeCourses(db, facts.jobFamilyId);
      const applications = await repo.courseApplications(
        db,
        staffId,
        courses.map((c) => c.id),
      );

      const day = today();
      const current = facts.assignments
        .filter((a) => a.startsOn <= day && (a.endsOn === null || a.endsOn >= day))
        .sort((a, b) => b.startsOn.getTime() - a.startsOn.getTime())[0];
      const reachedOn = new Map<string, Date>();
      for (const a of facts.assignments) if (!reachedOn.has(a.gradeId)) reachedOn.set(a.gradeId, a.startsOn);
      // The ladder in HR's order; a retired grade is a step only for someone who held it
      const grades = allGrades.filter((g) => g.retiredAt === null || reachedOn.has(g.id));
      const currentGrade = grades.find((g) => g.id === current?.gradeId);
      // Since when the current grade has been held without a break to a lower one
      let since: Date | null = null;
      if (currentGrade) {
        for (const a of [...facts.assignments].reverse()) {
          if (a.startsOn > day) continue;
          if (a.gradeId !== currentGrade.id) break;
          since = a.startsOn;
        }
      }

      const progressOf = (trainingId: string): { progress: CourseProgress; completedOn: string | null } => {
        const mine = applications.filter((a) => a.session.trainingId === trainingId);
        const done = mine.find((a) => a.completed);
        if (done)
          return { progress: 'completed', completedOn: done.completedOn ? isoDate(done.completedOn) : null };
        if (mine.some((a) => (ACTIVE_APPLICATION as readonly string[]).includes(a.status))) {
          return { progress: 'enrolled', completedOn: null };
        }
        return { progress: 'not_taken', completedOn: null };
      };
      const coursesOf = (gradeId: string): LadderCourse[] =>
        courses
          .filter((c) => c.targetGradeIds.includes(gradeId))
          .map((c) => ({
            trainingId: c.id,
            code: c.code,
            title: { ja: c.titleJa, en: c.titleEn },
            hours: c.hours,
            mandatory: c.mandatory,
            links: expandPolicyLinks(catalog, c),
            ...progressOf(c.id),
          }));

      // The ladder runs from the first grade up to the highest one that has grade-based courses, and at
      // least one step above the person's grade: the 副市長 and 市長 are not steps of a career ladder.
      const courseRanks = grades.filter((g) => courses.some((c) => c.targetGradeIds.includes(g.id)));
      const top = Math.max(
        ...courseRanks.map((g) => g.rank),
        (currentGrade?.rank ?? grades[0]?.rank ?? 0) + 1,
      );
      const ladder = grades.filter((g) => g.rank <= top);
      const currentIndex = currentGrade ? ladder.findIndex((g) => g.id === currentGrade.id) : -1;
      const steps = ladder.map((g, i) => {
        let state: LadderStepState = 'future';
        if (currentIndex >= 0) {
          if (i < currentIndex) state = 'past';
          else if (i === currentIndex) state = 'current';
          else if (i === currentIndex + 1) state = 'next';
        }
        const reached = reachedOn.get(g.id);
        return {
          grade: gradeRef(g),
          state,
          reachedOn: reached && reached <= day ? isoDate(reached) : null,
          courses: coursesOf(g.id),
        };
      });
      const seen = new Set<string>();
      const nextCourses = steps
        .filter((s) => s.state === 'current' || s.state === 'next')
        .flatMap((s) =>
          s.courses.filter((c) => c.progress !== 'completed').map((c) => ({ ...c, grade: s.grade })),
        )
        .filter((c) => {
          if (seen.has(c.trainingId)) return false;
          seen.add(c.trainingId);
          return true;
        });

      return {
        staff: { ...personRef(facts), hireDate: isoDate(facts.hireDate) },
        currentGrade: currentGrade ? gradeRef(currentGrade) : null,
        currentGradeSince: since ? isoDate(since) : null,
        steps,
        nextCourses,
      };
    },

    async myDashboard(actor: Actor): Promise<MyDashboard> {
      authorize(actor, 'dashboard:read:self');
      const fiscalYear = currentFiscalYear();
      const team = supervisedStaffWhere(actor);
      const [figures, awaiting] = await Promise.all([
        repo.myFigures(db, actor.staffId, fiscalYear),
        team ? repo.awaiting(db, team, fiscalYear, AWAITING_MAX) : null,
      ]);
      const { ojt, toAcknowledge, plan, selfDev, training } = figures;
      const awaitingMe = awaiting
        ? [
            ...awaiting.plans.map((p) => ({
              kind: 'career_plan' as const,
              staff: personRef(p.staff),
              since: (p.submittedAt ?? p.updatedAt).toISOString(),
            })),
            ...awaiting.requests.map((r) => ({
              kind: 'support_request' as const,
              staff: personRef(r.staff),
              since: r.updatedAt.toISOString(),
            })),
          ]
            .sort((a, b) => a.since.localeCompare(b.since))
            .slice(0, AWAITING_MAX)
        : [];
      return {
        fiscalYear,
        ojt: {
          sessions: ojt?.sessions ?? 0,
          minutes: ojt?.minutes ?? 0,
          lastOn: ojt?.lastOn ? isoDate(ojt.lastOn) : null,
          toAcknowledge,
        },
        careerPlan: {
          status: plan?.status ?? 'none',
          submittedAt: plan?.submittedAt?.toISOString() ?? null,
          lastCommentAt: plan?.comments[0]?.createdAt.toISOString() ?? null,
        },
        selfDevelopment: {
          records: Number(selfDev?.records ?? 0),
          completed: Number(selfDev?.completed ?? 0),
          qualifications: Number(selfDev?.qualifications ?? 0),
          hours: Number(selfDev?.hours ?? 0),
          pendingSupport: Number(selfDev?.pending ?? 0),
        },
        training: { accepted: training?.accepted ?? 0, completed: training?.completed ?? 0 },
        awaitingMe,
      };
    },
  };
}

export type CareerHistoryService = ReturnType<typeof createCareerHistoryService>;
