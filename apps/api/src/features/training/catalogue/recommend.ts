/** "Recommended for me". */
import {
  fiscalYearOf,
  type TrainingRecommendationReason,
  type TrainingRecommendations,
} from '@portal/contracts';
import { authorize, today } from '../../../access/access.ts';
import type { Actor } from '../../../access/actor.ts';
import { isoDate, toTraining } from '../training.mapper.ts';
import type { CatalogueContext } from './context.ts';

/**
 * "Recommended for me": courses of this 年度 for my grade (mandatory ones first), for my job
 * family, or linked to what my career plan aims at — that I have not completed and am not already in.
 */
export async function recommended(ctx: CatalogueContext, actor: Actor): Promise<TrainingRecommendations> {
  const { db, repo, context } = ctx;
  authorize(actor, 'training:read:any');
  const now = new Date();
  const fiscalYear = fiscalYearOf(isoDate(today()));
  const [post, plan, taken] = await Promise.all([
    repo.currentPost(actor.staffId, db),
    repo.careerPlanLinks(actor.staffId, fiscalYear, db),
    repo.takenTrainingIds(actor.staffId, now, db),
  ]);
  const grade = post?.assignments[0]?.grade ?? null;
  const candidates = await repo.findTrainings(
    {
      active: true,
      fiscalYears: { has: fiscalYear },
      id: { notIn: [...taken] },
      OR: [...(grade ? [{ targetGradeIds: { has: grade.id } }] : []), { targetGradeIds: { isEmpty: true } }],
      // a course for some job families is recommended to them only (保健師専門研修 to 保健師)
      AND: [
        {
          OR: [
            ...(post ? [{ targetJobFamilyIds: { has: post.jobFamilyId } }] : []),
            { targetJobFamilyIds: { isEmpty: true } },
          ],
        },
      ],
    },
    200,
    db,
  );
  const planImages = new Set(plan?.staffImageIds ?? []);
  const planInitiatives = new Set(plan?.initiativeIds ?? []);
  const scored = candidates
    .map((t) => {
      const reasons: TrainingRecommendationReason[] = [];
      let score = 0;
      const forGrade = grade !== null && t.targetGradeIds.includes(grade.id);
      if (forGrade && t.mandatory) {
        reasons.push('mandatory');
        score += 12;
      } else if (forGrade) {
        reasons.push('grade');
        score += t.kind === 'institute_grade' ? 4 : 2;
      }
      const overlap =
        t.staffImageIds.filter((id) => planImages.has(id)).length +
        t.initiativeIds.filter((id) => planInitiatives.has(id)).length;
      if (overlap) {
        reasons.push('career_plan');
        score += 2 * overlap;
      }
      if (post && t.targetJobFamilyIds.includes(post.jobFamilyId)) {
        reasons.push('job_family');
        score += 2;
      }
      return { t, reasons, score };
    })
    // Grade-based courses of other grades never come here; open courses need a reason to be shown.
    .filter((c) => c.reasons.length > 0)
    .sort((a, b) => b.score - a.score || a.t.code.localeCompare(b.t.code))
    .slice(0, 8);
  const shown = await context(
    actor,
    scored.map((c) => c.t),
  );
  return {
    fiscalYear,
    grade: grade
      ? { id: grade.id, code: grade.code, rank: grade.rank, name: { ja: grade.nameJa, en: grade.nameEn } }
      : null,
    items: scored.map((c) => ({ training: toTraining(c.t, shown), reasons: c.reasons })),
  };
}
