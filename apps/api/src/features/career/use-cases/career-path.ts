/**
 * Where the person stands on the grade ladder: each step with its 階層別研修 and the person's progress in
 * them, since when they hold their grade, and the courses of this step and the next still to take.
 */
import type { CareerPath, CourseProgress, LadderCourse, LadderStepState } from '@portal/contracts';
import { assertCareerRecordsVisible, today } from '../../../access/access.ts';
import type { Actor } from '../../../access/actor.ts';
import { gradeRef } from '../../../shared/refs.ts';
import { expandPolicyLinks, loadPolicyCatalog } from '../../policy/policy-links.ts';
import { ACTIVE_APPLICATION } from '../career.repository.ts';
import type { CareerHistoryContext } from '../career-history.context.ts';
import { isoDate, personRef } from '../career-plan.shared.ts';

export async function careerPath(
  ctx: CareerHistoryContext,
  actor: Actor,
  staffId: string,
): Promise<CareerPath> {
  const { db, repo } = ctx;
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
  const top = Math.max(...courseRanks.map((g) => g.rank), (currentGrade?.rank ?? grades[0]?.rank ?? 0) + 1);
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
}
