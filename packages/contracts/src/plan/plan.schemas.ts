import { z } from 'zod';
import { LocalizedText } from '../common/common.schemas.ts';
import { PageQuery, paged } from '../common/pagination.ts';
import { OrgUnitRef } from '../identity/identity.schemas.ts';
import { PlanPeriodStatus } from '../policy/policy.schemas.ts';
import { KPI_VALUE_CEILING } from './kpi-range.ts';

/**
 * 人材育成推進計画: periods (第1期 令和3〜5年度, …), their items under the 13 initiatives, and each item's
 * KPIs with a target and an actual per 年度. HR writes; the owning bureau enters its own KPIs' actuals.
 */

const text = (max: number) => z.string().trim().max(max);
const requiredText = (max: number) => z.string().trim().min(1).max(max);
/** 年度 inside the policy's reach (令和元年度 … 令和20年度) */
const Year = z.number().int().min(2019).max(2040);

export const PlanItemStatus = z.enum(['not_started', 'in_progress', 'done', 'delayed']);
export type PlanItemStatus = z.infer<typeof PlanItemStatus>;

export const KpiSource = z.enum(['computed', 'entered']);
export type KpiSource = z.infer<typeof KpiSource>;

/**
 * Figures the portal computes from its own data, per 年度 (one SQL each, apps/api/src/features/plan/
 * kpi-metrics.ts). 若手 = hired less than 10 years before the 年度's reference date.
 */
export const KPI_METRICS = [
  'career_plan_submitted_share',
  'career_plan_submitted_share_young',
  'ojt_coverage',
  'ojt_coverage_young',
  'ojt_minutes_per_person',
  'training_completion_rate',
  'training_staff_completed_share',
  'one_on_one_coverage',
  'survey_staff_image_score',
  'survey_priority_policy_score',
  'survey_response_rate',
] as const;
export const KpiMetric = z.enum(KPI_METRICS);
export type KpiMetric = z.infer<typeof KpiMetric>;

/** The unit each metric is worked out in */
export const KPI_METRIC_UNITS: Record<KpiMetric, string> = {
  career_plan_submitted_share: '%',
  career_plan_submitted_share_young: '%',
  ojt_coverage: '%',
  ojt_coverage_young: '%',
  ojt_minutes_per_person: '分',
  training_completion_rate: '%',
  training_staff_completed_share: '%',
  one_on_one_coverage: '%',
  survey_staff_image_score: '点',
  survey_priority_policy_score: '点',
  survey_response_rate: '%',
};

/**
 * Engagement-survey metrics: figures of the 年度's latest finished round, city-wide. A score is the
 * results page's 0–100 score (agreement 1→0 … 5→100; 0–10 × 10) averaged over the round's questions
 * linked to the 職員像 (or, through their initiatives, to the 重点取組方針). Fewer than the round's k
 * respondents (for the rate: people asked): no value, `suppressed` instead.
 */
export const SURVEY_KPI_METRICS = [
  'survey_staff_image_score',
  'survey_priority_policy_score',
  'survey_response_rate',
] as const satisfies readonly KpiMetric[];
export const isSurveyMetric = (m: KpiMetric | null): boolean =>
  m !== null && (SURVEY_KPI_METRICS as readonly string[]).includes(m);

/** A course group for training metrics: courses of these kinds (none: every course). */
export const KpiMetricParams = z
  .object({
    trainingKinds: z
      .array(
        z.enum([
          'institute_grade',
          'institute_elective',
          'institute_special',
          'departmental',
          'dispatch',
          'elearning',
        ]),
      )
      .max(6)
      .optional(),
    /** survey_staff_image_score: the 目指す職員像 */
    staffImageId: z.uuid().optional(),
    /** survey_priority_policy_score: the 重点取組方針 */
    priorityPolicyId: z.uuid().optional(),
  })
  .strict();
export type KpiMetricParams = z.infer<typeof KpiMetricParams>;

export const PlanAction = z.object({ textJa: requiredText(500), textEn: text(500).default('') });
export type PlanAction = z.infer<typeof PlanAction>;

export const PlanScheduleEntry = z.object({
  fiscalYear: Year,
  textJa: requiredText(500),
  textEn: text(500).default(''),
});
export type PlanScheduleEntry = z.infer<typeof PlanScheduleEntry>;

export const KpiYearValue = z.object({ fiscalYear: z.number().int(), value: z.number() });

export const KpiActual = z.object({
  fiscalYear: z.number().int(),
  value: z.number().nullable(),
  note: z.string(),
  /** entered by HR / the bureau, or worked out from the portal's data */
  origin: z.enum(['entered', 'computed']),
  enteredBy: z.object({ id: z.string(), name: z.string(), nameEn: z.string() }).nullable(),
  updatedAt: z.string().nullable(),
  /** 0 for computed values and for a 年度 with nothing entered yet */
  version: z.number().int(),
  /** A computed survey figure withheld: fewer than the round's k answered (value null) */
  suppressed: z.boolean(),
});
export type KpiActual = z.infer<typeof KpiActual>;

export const Kpi = z.object({
  id: z.string(),
  itemId: z.string(),
  position: z.number().int(),
  name: LocalizedText,
  unit: z.string(),
  baseline: z.object({ fiscalYear: z.number().int(), value: z.number() }).nullable(),
  source: KpiSource,
  metric: KpiMetric.nullable(),
  metricParams: KpiMetricParams.nullable(),
  ownerBureau: OrgUnitRef.nullable(),
  higherIsBetter: z.boolean(),
  /** The highest actual accepted, set by HR (null: what the unit allows) */
  maxValue: z.number().nullable(),
  targets: z.array(KpiYearValue),
  actuals: z.array(KpiActual),
  /** May the reader enter this KPI's actuals (HR; the owning bureau's officers) */
  canEnterActuals: z.boolean(),
  version: z.number().int(),
});
export type Kpi = z.infer<typeof Kpi>;

export const PlanItem = z.object({
  id: z.string(),
  periodId: z.string(),
  initiativeId: z.string(),
  position: z.number().int(),
  title: LocalizedText,
  description: LocalizedText,
  actions: z.array(z.object({ textJa: z.string(), textEn: z.string() })),
  owners: z.array(OrgUnitRef),
  schedule: z.array(z.object({ fiscalYear: z.number().int(), textJa: z.string(), textEn: z.string() })),
  status: PlanItemStatus,
  kpis: z.array(Kpi),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type PlanItem = z.infer<typeof PlanItem>;

export const PlanPeriodListItem = z.object({
  id: z.string(),
  ordinal: z.number().int(),
  name: LocalizedText,
  startFiscalYear: z.number().int(),
  endFiscalYear: z.number().int(),
  status: PlanPeriodStatus,
  publishedAt: z.string().nullable(),
  copiedFromId: z.string().nullable(),
  itemCount: z.number().int(),
  kpiCount: z.number().int(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type PlanPeriodListItem = z.infer<typeof PlanPeriodListItem>;

export const PlanPeriodList = z.object({ items: z.array(PlanPeriodListItem) });
export type PlanPeriodList = z.infer<typeof PlanPeriodList>;

export const PlanPeriodDetail = PlanPeriodListItem.extend({ items: z.array(PlanItem) });
export type PlanPeriodDetail = z.infer<typeof PlanPeriodDetail>;

// --- writes --------------------------------------------------------------------------------------

export const PlanPeriodCreate = z.object({
  nameJa: requiredText(200),
  nameEn: text(200).default(''),
  startFiscalYear: Year,
  endFiscalYear: Year,
});
export type PlanPeriodCreate = z.input<typeof PlanPeriodCreate>;

export const PlanPeriodUpdate = z.object({
  version: z.number().int().min(1),
  nameJa: requiredText(200).optional(),
  nameEn: text(200).optional(),
  startFiscalYear: Year.optional(),
  endFiscalYear: Year.optional(),
  /** draft → review → published; review → draft */
  status: PlanPeriodStatus.optional(),
});
export type PlanPeriodUpdate = z.input<typeof PlanPeriodUpdate>;

/** The next period's starting draft: by default the years right after the source, as many of them. */
export const PlanPeriodCopy = z.object({
  nameJa: requiredText(200).optional(),
  nameEn: text(200).optional(),
  startFiscalYear: Year.optional(),
  endFiscalYear: Year.optional(),
});
export type PlanPeriodCopy = z.input<typeof PlanPeriodCopy>;

const PlanItemFields = {
  initiativeId: z.uuid(),
  titleJa: requiredText(300),
  titleEn: text(300).default(''),
  descriptionJa: text(4000).default(''),
  descriptionEn: text(4000).default(''),
  actions: z.array(PlanAction).max(30).default([]),
  ownerOrgUnitIds: z.array(z.uuid()).max(20).default([]),
  schedule: z.array(PlanScheduleEntry).max(40).default([]),
  status: PlanItemStatus.default('not_started'),
};

export const PlanItemCreate = z.object(PlanItemFields);
export type PlanItemCreate = z.input<typeof PlanItemCreate>;

export const PlanItemUpdate = z.object({
  version: z.number().int().min(1),
  initiativeId: PlanItemFields.initiativeId.optional(),
  titleJa: PlanItemFields.titleJa.optional(),
  titleEn: text(300).optional(),
  descriptionJa: text(4000).optional(),
  descriptionEn: text(4000).optional(),
  actions: z.array(PlanAction).max(30).optional(),
  ownerOrgUnitIds: z.array(z.uuid()).max(20).optional(),
  schedule: z.array(PlanScheduleEntry).max(40).optional(),
  status: PlanItemStatus.optional(),
  position: z.number().int().min(1).max(1000).optional(),
});
export type PlanItemUpdate = z.input<typeof PlanItemUpdate>;

const KpiFields = {
  nameJa: requiredText(300),
  nameEn: text(300).default(''),
  unit: requiredText(32),
  baselineFiscalYear: Year.nullable().default(null),
  baselineValue: z.number().finite().nullable().default(null),
  source: KpiSource,
  metric: KpiMetric.nullable().default(null),
  metricParams: KpiMetricParams.nullable().default(null),
  ownerBureauId: z.uuid().nullable().default(null),
  higherIsBetter: z.boolean().default(true),
  maxValue: z.number().finite().positive().max(KPI_VALUE_CEILING).nullable().default(null),
  targets: z
    .array(z.object({ fiscalYear: Year, value: z.number().finite() }))
    .max(20)
    .default([]),
};

export const KpiCreate = z.object(KpiFields);
export type KpiCreate = z.input<typeof KpiCreate>;

export const KpiUpdate = z.object({
  version: z.number().int().min(1),
  nameJa: KpiFields.nameJa.optional(),
  nameEn: text(300).optional(),
  unit: KpiFields.unit.optional(),
  baselineFiscalYear: Year.nullable().optional(),
  baselineValue: z.number().finite().nullable().optional(),
  source: KpiSource.optional(),
  metric: KpiMetric.nullable().optional(),
  metricParams: KpiMetricParams.nullable().optional(),
  ownerBureauId: z.uuid().nullable().optional(),
  higherIsBetter: z.boolean().optional(),
  maxValue: KpiFields.maxValue.unwrap().optional(),
  /** The whole set of targets (replaces the stored ones) */
  targets: KpiFields.targets.unwrap().optional(),
});
export type KpiUpdate = z.input<typeof KpiUpdate>;

export const KpiActualPut = z.object({
  value: z.number().finite(),
  note: text(1000).default(''),
  /** The version read; omit (or 0) when the 年度 has no actual yet */
  version: z.number().int().min(0).default(0),
});
export type KpiActualPut = z.input<typeof KpiActualPut>;

export const PlanDeleteQuery = z.object({ version: z.coerce.number().int().min(1) });

export const KpiActualParams = z.object({
  id: z.uuid(),
  fiscalYear: z.coerce.number().int().min(2019).max(2040),
});

// --- history -------------------------------------------------------------------------------------

export const PlanHistoryChange = z.object({
  /** `titleJa`, `actions`, `targets`, `value`, … */
  field: z.string(),
  before: z.string().nullable(),
  after: z.string().nullable(),
});
export type PlanHistoryChange = z.infer<typeof PlanHistoryChange>;

export const PlanHistoryEntry = z.object({
  id: z.string(),
  at: z.string(),
  actor: z.object({ id: z.string(), name: z.string(), nameEn: z.string() }).nullable(),
  /** item | kpi | actual | period */
  entityType: z.string(),
  entityId: z.string(),
  /** create | update | delete | copy | status */
  action: z.string(),
  /** What the entry is about, for a KPI or an actual (`KPI名 · 令和6年度`) */
  subject: LocalizedText.nullable(),
  changes: z.array(PlanHistoryChange),
});
export type PlanHistoryEntry = z.infer<typeof PlanHistoryEntry>;

export const PlanHistoryQuery = PageQuery;
export const PlanHistoryPage = paged(PlanHistoryEntry);
export type PlanHistoryPage = z.infer<typeof PlanHistoryPage>;
