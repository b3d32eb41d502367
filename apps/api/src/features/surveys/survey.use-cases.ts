/**
 * Engagement surveys: HR keeps the question bank and the rounds; everyone in a round's population
 * answers once, as a draft first; results go only to those the issue names, and never for a group of
 * fewer than the round's k respondents (decisions 050–052).
 * One file per use case under `use-cases/`; this binds them to one context for the routes.
 */
import type { Db } from '../../db/client.ts';
import { bindUseCases } from '../../shared/use-cases.ts';
import { createSurveyContext } from './survey.context.ts';
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

export function createSurveyUseCases(deps: { db: Db; repo?: SurveyRepository }) {
  const ctx = createSurveyContext(deps);
  return bindUseCases(ctx, {
    listQuestions,
    createQuestion,
    updateQuestion,
    listSurveys,
    getSurvey,
    countSurveyPopulation,
    createSurvey,
    updateSurvey,
    results,
    responseRate,
    remind,
    myResponse,
    saveMyResponse,
    submit,
  });
}

export type SurveyUseCases = ReturnType<typeof createSurveyUseCases>;
