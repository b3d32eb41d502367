/**
 * Engagement surveys: HR keeps the question bank and the rounds; everyone in a round's population
 * answers once, as a draft first; results go only to those the issue names, and never for a group of
 * fewer than the round's k respondents (decisions 050–052).
 * One file per use case under `use-cases/`; this binds them to one context for the routes.
 */
import type { Db } from '../../db/client.ts';
import { createSurveyContext, type SurveyContext } from './survey.context.ts';
import type { SurveyRepository } from './survey.repository.ts';
import { countSurveyPopulation } from './use-cases/count-population.ts';
import { createQuestion } from './use-cases/create-question.ts';
import { createSurvey } from './use-cases/create-survey.ts';
import { listQuestions } from './use-cases/list-questions.ts';
import { myResponse } from './use-cases/my-response.ts';
import { responseRate, results } from './use-cases/read-results.ts';
import { getSurvey, listSurveys } from './use-cases/read-surveys.ts';
import { remind } from './use-cases/remind.ts';
import { saveMyResponse } from './use-cases/save-my-response.ts';
import { submit } from './use-cases/submit-response.ts';
import { updateQuestion } from './use-cases/update-question.ts';
import { updateSurvey } from './use-cases/update-survey.ts';

/** The arguments of a use case after its context. */
type Args<F> = F extends (ctx: SurveyContext, ...args: infer A) => unknown ? A : never;

export function createSurveyUseCases(deps: { db: Db; repo?: SurveyRepository }) {
  const ctx = createSurveyContext(deps);
  return {
    listQuestions: (...args: Args<typeof listQuestions>) => listQuestions(ctx, ...args),
    createQuestion: (...args: Args<typeof createQuestion>) => createQuestion(ctx, ...args),
    updateQuestion: (...args: Args<typeof updateQuestion>) => updateQuestion(ctx, ...args),
    listSurveys: (...args: Args<typeof listSurveys>) => listSurveys(ctx, ...args),
    getSurvey: (...args: Args<typeof getSurvey>) => getSurvey(ctx, ...args),
    countSurveyPopulation: (...args: Args<typeof countSurveyPopulation>) =>
      countSurveyPopulation(ctx, ...args),
    createSurvey: (...args: Args<typeof createSurvey>) => createSurvey(ctx, ...args),
    updateSurvey: (...args: Args<typeof updateSurvey>) => updateSurvey(ctx, ...args),
    results: (...args: Args<typeof results>) => results(ctx, ...args),
    responseRate: (...args: Args<typeof responseRate>) => responseRate(ctx, ...args),
    remind: (...args: Args<typeof remind>) => remind(ctx, ...args),
    myResponse: (...args: Args<typeof myResponse>) => myResponse(ctx, ...args),
    saveMyResponse: (...args: Args<typeof saveMyResponse>) => saveMyResponse(ctx, ...args),
    submit: (...args: Args<typeof submit>) => submit(ctx, ...args),
  };
}

export type SurveyUseCases = ReturnType<typeof createSurveyUseCases>;
