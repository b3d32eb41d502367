import { z } from 'zod';
import { LocalizedText } from '../common/common.schemas.ts';

/** The short tag of a 重点取組方針 (若手 / 職場 / 総合力) that initiatives carry. */
export const PriorityTagCode = z.enum(['young', 'workplace', 'combined']);
export type PriorityTagCode = z.infer<typeof PriorityTagCode>;

export const PriorityTag = z.object({
  code: PriorityTagCode,
  label: LocalizedText,
});
export type PriorityTag = z.infer<typeof PriorityTag>;

/** 目指す職員像 */
export const StaffImage = z.object({
  id: z.string(),
  code: z.string(),
  position: z.number().int(),
  title: LocalizedText,
  descriptions: z.array(LocalizedText),
});
export type StaffImage = z.infer<typeof StaffImage>;

/** 重点取組方針, with its ◇ focus items */
export const PriorityPolicy = z.object({
  id: z.string(),
  position: z.number().int(),
  title: LocalizedText,
  tag: PriorityTag,
  focusItems: z.array(z.object({ id: z.string(), position: z.number().int(), text: LocalizedText })),
});
export type PriorityPolicy = z.infer<typeof PriorityPolicy>;

/** 主な取組 (one of the 13 initiatives) */
export const Initiative = z.object({
  id: z.string(),
  /** `1-1` … `3-3`: area number and initiative number */
  code: z.string(),
  position: z.number().int(),
  /** The circled number the source uses: ①, ②, … */
  marker: z.string(),
  title: LocalizedText,
  exampleAction: LocalizedText,
  tags: z.array(PriorityTag),
});
export type Initiative = z.infer<typeof Initiative>;

/** 施策分野 */
export const PolicyArea = z.object({
  id: z.string(),
  code: z.string(),
  position: z.number().int(),
  title: LocalizedText,
  description: LocalizedText,
  initiatives: z.array(Initiative),
});
export type PolicyArea = z.infer<typeof PolicyArea>;

/** 推進体制: a body (推進本部, 推進連絡会) and the roles in it */
export const PromotionRole = z.object({
  id: z.string(),
  code: z.string(),
  position: z.number().int(),
  /** Who holds the role (市長, 副市長, …) */
  holder: LocalizedText,
  /** The role's titles (推進本部長／人材育成最高責任者, …) */
  title: LocalizedText,
});
export type PromotionRole = z.infer<typeof PromotionRole>;

export const PromotionBody = z.object({
  id: z.string(),
  code: z.string(),
  position: z.number().int(),
  name: LocalizedText,
  roles: z.array(PromotionRole),
});
export type PromotionBody = z.infer<typeof PromotionBody>;

/** 各主体の役割・責務 */
export const Actor = z.object({
  id: z.string(),
  code: z.string(),
  position: z.number().int(),
  name: LocalizedText,
  duties: z.array(LocalizedText),
});
export type Actor = z.infer<typeof Actor>;

export const PlanPeriodStatus = z.enum(['draft', 'review', 'published']);
export type PlanPeriodStatus = z.infer<typeof PlanPeriodStatus>;

/** 推進計画の期 (summary, as the policy tree lists them) */
export const PlanPeriodSummary = z.object({
  id: z.string(),
  ordinal: z.number().int(),
  name: LocalizedText,
  startFiscalYear: z.number().int(),
  endFiscalYear: z.number().int(),
  status: PlanPeriodStatus,
});
export type PlanPeriodSummary = z.infer<typeof PlanPeriodSummary>;

/** `GET /api/policy`: the whole policy in force. */
export const PolicyTree = z.object({
  id: z.string(),
  title: LocalizedText,
  /** 令和2年度改定 */
  revision: LocalizedText,
  revisedFiscalYear: z.number().int(),
  summary: z.array(LocalizedText),
  /** 取組期間 */
  period: z.object({
    startFiscalYear: z.number().int(),
    endFiscalYear: z.number().int(),
    label: LocalizedText,
  }),
  planCycleNote: LocalizedText,
  staffImages: z.array(StaffImage),
  priorityIntro: LocalizedText,
  priorityPolicies: z.array(PriorityPolicy),
  policyAreas: z.array(PolicyArea),
  promotionBodies: z.array(PromotionBody),
  actors: z.array(Actor),
  planPeriods: z.array(PlanPeriodSummary),
});
export type PolicyTree = z.infer<typeof PolicyTree>;
