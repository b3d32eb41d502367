import { z } from 'zod';
import { IsoDate, LocalizedText } from '../common/common.schemas.ts';
import { PageQuery, paged } from '../common/pagination.ts';
import { IdListParam } from '../common/population.schemas.ts';
import { PolicyLinkIds, PolicyLinks } from '../policy/policy-links.schemas.ts';

/**
 * Engagement pulse surveys (エンゲージメント調査), tied to the 職員像: a bank of questions, rounds with a
 * window and a population, answers kept apart from who gave them, and results only for groups of at
 * least `minGroupSize` (k) respondents (decisions 050, 051).
 */

const text = (max: number) => z.string().trim().max(max);
const requiredText = (max: number) => z.string().trim().min(1).max(max);

/** The smallest k: no group of fewer respondents is ever shown. A round may raise it, never lower it. */
export const MIN_GROUP_SIZE = 5;

export const SurveyQuestionKind = z.enum(['agreement5', 'scale10', 'single_choice', 'free_text']);
export type SurveyQuestionKind = z.infer<typeof SurveyQuestionKind>;

export const SurveyChoice = z.object({
  value: z.string().trim().min(1).max(32),
  ja: requiredText(200),
  en: text(200).default(''),
});
export type SurveyChoice = z.infer<typeof SurveyChoice>;

export const SurveyQuestion = z.object({
  id: z.string(),
  code: z.string(),
  kind: SurveyQuestionKind,
  text: LocalizedText,
  choices: z.array(SurveyChoice),
  links: PolicyLinks,
  active: z.boolean(),
  /** Rounds that ask it (its kind and choices are fixed once a round asks it) */
  usedBy: z.number().int(),
  version: z.number().int(),
  updatedAt: z.string(),
});
export type SurveyQuestion = z.infer<typeof SurveyQuestion>;

export const SurveyQuestionPage = paged(SurveyQuestion);
export type SurveyQuestionPage = z.infer<typeof SurveyQuestionPage>;

export const SurveyQuestionQuery = PageQuery.extend({
  active: z.enum(['true', 'false']).optional(),
  q: text(100).optional(),
});
export type SurveyQuestionQuery = z.infer<typeof SurveyQuestionQuery>;

const questionFields = {
  kind: SurveyQuestionKind,
  textJa: requiredText(500),
  textEn: text(500).default(''),
  choices: z.array(SurveyChoice).max(12).default([]),
  ...PolicyLinkIds.shape,
};

export const SurveyQuestionCreate = z.object({
  code: z
    .string()
    .trim()
    .min(1)
    .max(32)
    .regex(/^[A-Za-z0-9_-]+$/, 'letters, digits, - and _'),
  ...questionFields,
  active: z.boolean().default(true),
});
export type SurveyQuestionCreate = z.input<typeof SurveyQuestionCreate>;

export const SurveyQuestionUpdate = z.object({
  version: z.number().int(),
  ...questionFields,
  active: z.boolean(),
});
export type SurveyQuestionUpdate = z.input<typeof SurveyQuestionUpdate>;

export const SurveyStatus = z.enum(['draft', 'open', 'closed']);
export type SurveyStatus = z.infer<typeof SurveyStatus>;

/** A question as a round asks it: the bank's wording when the round was built. */
export const SurveyRoundQuestion = z.object({
  questionId: z.string(),
  code: z.string(),
  kind: SurveyQuestionKind,
  text: LocalizedText,
  choices: z.array(SurveyChoice),
  staffImageIds: z.array(z.string()),
  initiativeIds: z.array(z.string()),
});
export type SurveyRoundQuestion = z.infer<typeof SurveyRoundQuestion>;

export const SurveyPopulation = z.object({
  /** 局・区 (none: every 局・区) */
  bureauIds: z.array(z.uuid()).max(50).default([]),
  /** grades (none: every grade) */
  gradeIds: z.array(z.uuid()).max(30).default([]),
  /** 若手 only (hired less than 10 years before the round opens) */
  youngOnly: z.boolean().default(false),
});
export type SurveyPopulation = z.infer<typeof SurveyPopulation>;

/**
 * A population being chosen (HR), with the window it would open in: counted on the day the round
 * would reach people (the opening day, or today within the window), 若手 as of the opening day.
 */
export const SurveyPopulationQuery = z.object({
  bureauIds: IdListParam(50),
  gradeIds: IdListParam(30),
  youngOnly: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
  opensOn: IsoDate.optional(),
  closesOn: IsoDate.optional(),
});
export type SurveyPopulationQuery = z.input<typeof SurveyPopulationQuery>;

/** Where the reader stands with a round. */
export const MySurveyStatus = z.enum(['not_eligible', 'not_started', 'draft', 'submitted']);
export type MySurveyStatus = z.infer<typeof MySurveyStatus>;

export const Survey = z.object({
  id: z.string(),
  title: LocalizedText,
  description: LocalizedText,
  fiscalYear: z.number().int(),
  status: SurveyStatus,
  opensOn: z.string(),
  closesOn: z.string(),
  /** Open, and today within the window: answers are taken */
  accepting: z.boolean(),
  population: SurveyPopulation,
  minGroupSize: z.number().int(),
  questions: z.array(SurveyRoundQuestion),
  previousId: z.string().nullable(),
  myStatus: MySurveyStatus,
  /** May the reader see this round's results (for some scope) */
  canViewResults: z.boolean(),
  version: z.number().int(),
});
export type Survey = z.infer<typeof Survey>;

export const SurveyPage = paged(Survey);
export type SurveyPage = z.infer<typeof SurveyPage>;
export const SurveyQuery = PageQuery.extend({ status: SurveyStatus.optional() });
export type SurveyQuery = z.infer<typeof SurveyQuery>;

const surveyFields = {
  titleJa: requiredText(200),
  titleEn: text(200).default(''),
  descriptionJa: text(2000).default(''),
  descriptionEn: text(2000).default(''),
  fiscalYear: z.number().int().min(2019).max(2040),
  opensOn: IsoDate,
  closesOn: IsoDate,
  population: SurveyPopulation.default({ bureauIds: [], gradeIds: [], youngOnly: false }),
  minGroupSize: z.number().int().min(MIN_GROUP_SIZE).max(1000).default(MIN_GROUP_SIZE),
  /** Bank question ids, in the order asked */
  questionIds: z.array(z.uuid()).min(1).max(60),
  previousId: z.uuid().nullable().default(null),
};

export const SurveyCreate = z.object(surveyFields);
export type SurveyCreate = z.input<typeof SurveyCreate>;

export const SurveyUpdate = z.object({
  version: z.number().int(),
  ...surveyFields,
  status: SurveyStatus,
});
export type SurveyUpdate = z.input<typeof SurveyUpdate>;

/** One answer: a number (1–5, 0–10), a choice's value, or free text. */
export const SurveyAnswerValue = z.union([z.number().int().min(0).max(10), z.string().max(2000)]);
export const SurveyAnswers = z
  .record(z.uuid(), SurveyAnswerValue)
  .refine((r) => Object.keys(r).length <= 60, 'too many answers');
export type SurveyAnswers = z.infer<typeof SurveyAnswers>;

export const MyResponse = z.object({
  surveyId: z.string(),
  status: MySurveyStatus,
  /** The draft's answers (nothing once submitted: a submitted answer is nobody's any more) */
  answers: SurveyAnswers,
  version: z.number().int(),
});
export type MyResponse = z.infer<typeof MyResponse>;

export const MyResponsePut = z.object({ version: z.number().int(), answers: SurveyAnswers });
export type MyResponsePut = z.input<typeof MyResponsePut>;
export const MyResponseSubmit = z.object({ version: z.number().int() });
export type MyResponseSubmit = z.input<typeof MyResponseSubmit>;

export const SurveyGroupBy = z.enum(['bureau', 'grade', 'age', 'young']);
export type SurveyGroupBy = z.infer<typeof SurveyGroupBy>;

export const SurveyResultsQuery = z.object({
  groupBy: SurveyGroupBy.optional(),
  orgUnitId: z.uuid().optional(),
});
export type SurveyResultsQuery = z.infer<typeof SurveyResultsQuery>;

export const SurveyExportQuery = SurveyResultsQuery.extend({
  format: z.enum(['csv', 'xlsx']).default('csv'),
  lang: z.enum(['ja', 'en']).default('ja'),
});
export type SurveyExportQuery = z.infer<typeof SurveyExportQuery>;

export const SurveyDistributionBar = z.object({ value: z.string(), count: z.number().int() });

export const SurveyQuestionResult = z.object({
  questionId: z.string(),
  /** agreement5: mean 1–5; scale10: mean 0–10; none for choices and free text */
  mean: z.number().nullable(),
  /** 0–100 (agreement 1→0 … 5→100; 0–10 ×10) */
  score: z.number().nullable(),
  answered: z.number().int(),
  distribution: z.array(SurveyDistributionBar),
  /** Free text, names removed; only for a group of at least k */
  comments: z.array(z.string()).optional(),
});
export type SurveyQuestionResult = z.infer<typeof SurveyQuestionResult>;

export const SurveyScore = z.object({
  id: z.string(),
  code: z.string(),
  title: LocalizedText,
  score: z.number().nullable(),
});
export type SurveyScore = z.infer<typeof SurveyScore>;

/** Figures of one group, or `suppressed: true` and none (fewer than k, or it would reveal such a group). */
export const SurveyGroupResult = z.object({
  key: z.string(),
  label: LocalizedText,
  suppressed: z.boolean(),
  /** Why: `below_k` (fewer than k respondents) or `complement` (would reveal a group below k) */
  reason: z.enum(['below_k', 'complement']).optional(),
  respondents: z.number().int().optional(),
  staffImages: z.array(SurveyScore).optional(),
  priorityPolicies: z.array(SurveyScore).optional(),
  questions: z.array(SurveyQuestionResult).optional(),
});
export type SurveyGroupResult = z.infer<typeof SurveyGroupResult>;

export const SurveyResults = z.object({
  surveyId: z.string(),
  title: LocalizedText,
  minGroupSize: z.number().int(),
  /** Results are computed once the round is closed (counts over time would tell answers apart) */
  available: z.boolean(),
  orgUnit: z.object({ id: z.string(), name: LocalizedText }).nullable(),
  groupBy: SurveyGroupBy.nullable(),
  /** The whole scope */
  overall: SurveyGroupResult,
  groups: z.array(SurveyGroupResult),
  questions: z.array(SurveyRoundQuestion),
  previous: z.object({ surveyId: z.string(), title: LocalizedText, overall: SurveyGroupResult }).nullable(),
});
export type SurveyResults = z.infer<typeof SurveyResults>;

export const SurveyRateGroup = z.object({
  key: z.string(),
  label: LocalizedText,
  suppressed: z.boolean(),
  reason: z.enum(['below_k', 'complement']).optional(),
  eligible: z.number().int().optional(),
  answered: z.number().int().optional(),
  rate: z.number().nullable().optional(),
});
export type SurveyRateGroup = z.infer<typeof SurveyRateGroup>;

export const SurveyResponseRate = z.object({
  surveyId: z.string(),
  minGroupSize: z.number().int(),
  orgUnit: z.object({ id: z.string(), name: LocalizedText }).nullable(),
  groupBy: SurveyGroupBy.nullable(),
  overall: SurveyRateGroup,
  groups: z.array(SurveyRateGroup),
});
export type SurveyResponseRate = z.infer<typeof SurveyResponseRate>;

/** `POST /api/surveys/{id}/reminders`: how many people were reminded (today's reminder goes once). */
export const SurveyReminderResult = z.object({ reminded: z.number().int() });
export type SurveyReminderResult = z.infer<typeof SurveyReminderResult>;
