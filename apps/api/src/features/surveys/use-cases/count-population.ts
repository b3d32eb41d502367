/**
 * How many people a survey population holds — what HR sees while choosing the 局・区, grades and
 * 若手, before saving or opening the round. Counted by the same SQL that tells the population of an
 * opened round and reads its rates (`populationSql`), on the day the round would take it
 * (`populationDay`: the opening day, or today within the window), 若手 as of the opening day.
 */
import type { PopulationCount } from '@portal/contracts';
import type { Actor } from '../../../access/actor.ts';
import { authorize } from '../../../access/authorize.ts';
import { today } from '../../../access/scope.ts';
import { BadRequestError, type FieldError } from '../../../shared/errors.ts';
import type { SurveyContext } from '../survey.context.ts';
import { populationDay } from '../survey.rules.ts';

const dayOf = (s: string) => new Date(`${s}T00:00:00Z`);

export async function countSurveyPopulation(
  ctx: SurveyContext,
  actor: Actor,
  query: {
    bureauIds: string[];
    gradeIds: string[];
    youngOnly: boolean;
    opensOn?: string | undefined;
    closesOn?: string | undefined;
  },
): Promise<PopulationCount> {
  authorize(actor, 'survey:manage:any');
  const { db, repo } = ctx;
  const errors: FieldError[] = [];
  const opensOn = query.opensOn ? dayOf(query.opensOn) : today();
  const closesOn = query.closesOn ? dayOf(query.closesOn) : opensOn;
  if (closesOn < opensOn)
    errors.push({ field: 'query.closesOn', message: 'before the window opens', code: 'window_reversed' });
  const [bureaus, grades] = await Promise.all([
    repo.bureauIdsIn(db, query.bureauIds),
    repo.gradeIdsIn(db, query.gradeIds),
  ]);
  query.bureauIds.forEach((id, i) => {
    if (!bureaus.includes(id))
      errors.push({ field: `query.bureauIds.${i}`, message: 'not a 局・区', code: 'bureau_unknown' });
  });
  query.gradeIds.forEach((id, i) => {
    if (!grades.includes(id))
      errors.push({ field: `query.gradeIds.${i}`, message: 'not a grade', code: 'grade_unknown' });
  });
  if (errors.length) throw new BadRequestError('Some fields are invalid.', errors);
  const day = populationDay({ opensOn, closesOn });
  const count = await repo.populationCount(
    db,
    {
      populationBureauIds: [...new Set(query.bureauIds)],
      populationGradeIds: [...new Set(query.gradeIds)],
      populationYoungOnly: query.youngOnly,
      opensOn,
    },
    day,
  );
  return { count, on: day.toISOString().slice(0, 10) };
}
