/**
 * The only place that talks to Prisma for engagement surveys, by concern: the question bank, rounds,
 * the population, answering, and results. Answers (`survey_response`) are read only in aggregate: no
 * function returns a single answer row (decision 050). Composed here into one repository; every
 * function takes the client it runs on.
 */
import { surveyAnswerRepository } from './survey-answers.repository.ts';
import { surveyPopulationRepository } from './survey-population.repository.ts';
import { surveyQuestionRepository } from './survey-questions.repository.ts';
import { surveyResultRepository } from './survey-results.repository.ts';
import { surveyRoundRepository } from './survey-rounds.repository.ts';

export type { Attributes, Population } from './survey-population.repository.ts';
export type { Json, QuestionData, QuestionRow } from './survey-questions.repository.ts';
export type { AnswerCount, GroupCount, ResponseScope } from './survey-results.repository.ts';
export type { SurveyData, SurveyRow } from './survey-rounds.repository.ts';

export function createSurveyRepository() {
  return {
    ...surveyQuestionRepository,
    ...surveyRoundRepository,
    ...surveyPopulationRepository,
    ...surveyAnswerRepository,
    ...surveyResultRepository,
  };
}

export type SurveyRepository = ReturnType<typeof createSurveyRepository>;
