/** HR edits, opens or closes a round (versioned); what respondents answered under stays as it was. */
import { MIN_GROUP_SIZE, SurveyUpdate } from '@portal/contracts';
import type { Actor, RequestMeta } from '../../../access/actor.ts';
import { authorize } from '../../../access/authorize.ts';
import { today } from '../../../access/scope.ts';
import { BadRequestError, type FieldError, NotFoundError } from '../../../shared/errors.ts';
import { guardUpdated, write } from '../../../shared/write.ts';
import type { SurveyContext } from '../survey.context.ts';
import { accepting, roundQuestions } from '../survey.rules.ts';
import { iso, surveyOut } from '../survey.shaping.ts';
import { announceOpening } from '../survey-reminders.ts';
import { checkSurveyInput, snapshot, surveyData } from './survey-input.ts';

export async function updateSurvey(
  ctx: SurveyContext,
  actor: Actor,
  id: string,
  body: unknown,
  meta: RequestMeta,
) {
  const { db, repo } = ctx;
  authorize(actor, 'survey:manage:any');
  const before = await repo.survey(db, id);
  if (!before) throw new NotFoundError('No such survey.', 'survey_not_found');
  const input = SurveyUpdate.parse(body);
  await checkSurveyInput(ctx, input, id);
  const errors: FieldError[] = [];
  const order = { draft: 0, open: 1, closed: 2 } as const;
  if (order[input.status] < order[before.status]) {
    errors.push({
      field: 'body.status',
      message: `a ${before.status} round cannot go back`,
      code: 'status_backwards',
    });
  }
  if (before.status !== 'draft') {
    // What respondents answered under stays as it was: questions, population, opening day, comparison
    const locked: [string, boolean][] = [
      [
        'body.questionIds',
        JSON.stringify(input.questionIds) !== JSON.stringify(roundQuestions(before).map((q) => q.questionId)),
      ],
      ['body.opensOn', input.opensOn !== iso(before.opensOn)],
      [
        'body.population',
        JSON.stringify([
          input.population.bureauIds,
          input.population.gradeIds,
          input.population.youngOnly,
        ]) !==
          JSON.stringify([before.populationBureauIds, before.populationGradeIds, before.populationYoungOnly]),
      ],
      ['body.previousId', input.previousId !== before.previousId],
    ];
    for (const [field, changed] of locked)
      if (changed) errors.push({ field, message: 'fixed once the round is open', code: 'survey_locked' });
    if (input.minGroupSize < before.minGroupSize) {
      errors.push({
        field: 'body.minGroupSize',
        message: 'k may be raised, never lowered, once open',
        code: 'min_group_size_lowered',
      });
    }
  }
  if (input.minGroupSize < MIN_GROUP_SIZE) {
    errors.push({
      field: 'body.minGroupSize',
      message: `at least ${MIN_GROUP_SIZE}`,
      code: 'min_group_size_low',
    });
  }
  if (errors.length) throw new BadRequestError('The round cannot change that way.', errors);
  const questions =
    before.status === 'draft' ? await snapshot(ctx, input.questionIds) : roundQuestions(before);
  await write(db, {
    actorId: actor.staffId,
    meta,
    what: 'survey',
    current: async () => {
      const row = await repo.survey(db, id);
      return row ? surveyOut(row, 'not_eligible', actor) : undefined;
    },
    run: async (tx) => {
      guardUpdated(
        await repo.updateSurvey(tx, id, input.version, {
          ...surveyData(input, questions),
          status: input.status,
        }),
      );
      // Opened for answers today: everyone in it is told, in this transaction (a later first day:
      // the daily sweep tells them then)
      if (before.status === 'draft' && input.status === 'open') {
        const opened = await repo.survey(tx, id);
        if (opened && accepting(opened)) await announceOpening(tx, opened, today(), actor.staffId);
      }
      const { questions: _q, ...beforeShown } = before;
      return {
        body: null,
        audit: {
          action: 'survey.update',
          entityType: 'survey',
          entityId: id,
          before: beforeShown,
          after: input,
        },
      };
    },
  });
  const row = await repo.survey(db, id);
  if (!row) throw new NotFoundError('No such survey.', 'survey_not_found');
  return surveyOut(row, 'not_eligible', actor);
}
