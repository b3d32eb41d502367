import { z } from 'zod';
import { LocalizedText } from '../common/common.schemas.ts';
import { OrgUnitRef } from '../identity/identity.schemas.ts';
import { PlanItemStatus } from '../plan/plan.schemas.ts';

/**
 * The rollout dashboards of the 人材育成推進本部: plan progress and KPIs per initiative, and the
 * figures of OJT, training and career plans per bureau/ward (drilling down to 部・課・係), per 年度.
 */

export const DashboardQuery = z.object({
  /** 年度; the current one when omitted */
  fiscalYear: z.coerce.number().int().min(2019).max(2040).optional(),
});
export type DashboardQuery = z.infer<typeof DashboardQuery>;

export const DASHBOARD_TABLES = ['initiatives', 'kpis', 'units', 'tags', 'trend'] as const;
export const DashboardTable = z.enum(DASHBOARD_TABLES);
export type DashboardTable = z.infer<typeof DashboardTable>;

export const DashboardExportQuery = DashboardQuery.extend({
  format: z.enum(['csv', 'xlsx']),
  /** One table (required for CSV); an Excel workbook without it holds every table, a sheet each */
  table: DashboardTable.optional(),
  lang: z.enum(['ja', 'en']).default('ja'),
});
export type DashboardExportQuery = z.infer<typeof DashboardExportQuery>;

/** Staff figures of a set of people (a unit's subtree, the city) in one 年度. Rates are percentages. */
export const StaffFigures = z.object({
  staff: z.number().int(),
  youngStaff: z.number().int(),
  ojtCovered: z.number().int(),
  /** share of staff with at least one OJT session in the 年度 */
  ojtCoverage: z.number().nullable(),
  ojtSessions: z.number().int(),
  ojtMinutes: z.number().int(),
  ojtMinutesPerPerson: z.number().nullable(),
  youngOjtCovered: z.number().int(),
  youngOjtCoverage: z.number().nullable(),
  youngOjtMinutesPerPerson: z.number().nullable(),
  trainingAccepted: z.number().int(),
  trainingCompleted: z.number().int(),
  /** completed / accepted enrolments */
  trainingCompletion: z.number().nullable(),
  trainingStaffCompleted: z.number().int(),
  /** share of staff who completed at least one course */
  trainingStaffCompletedShare: z.number().nullable(),
  youngTrainingStaffCompletedShare: z.number().nullable(),
  careerSubmitted: z.number().int(),
  /** share of staff with a submitted career plan for the 年度 */
  careerUptake: z.number().nullable(),
  youngCareerUptake: z.number().nullable(),
  oneOnOneCovered: z.number().int(),
  /** share of staff with at least one 1on1 held in the 年度 (1on1 実施率) */
  oneOnOneCoverage: z.number().nullable(),
  oneOnOneMeetings: z.number().int(),
});
export type StaffFigures = z.infer<typeof StaffFigures>;

export const UnitFigures = StaffFigures.extend({
  /** null: the people placed directly in the parent unit itself */
  unit: OrgUnitRef.nullable(),
  hasChildren: z.boolean(),
});
export type UnitFigures = z.infer<typeof UnitFigures>;

export const TrendPoint = StaffFigures.extend({ fiscalYear: z.number().int() });
export type TrendPoint = z.infer<typeof TrendPoint>;

export const DashboardKpi = z.object({
  id: z.string(),
  itemId: z.string(),
  initiativeId: z.string(),
  name: LocalizedText,
  unit: z.string(),
  source: z.enum(['computed', 'entered']),
  higherIsBetter: z.boolean(),
  ownerBureau: OrgUnitRef.nullable(),
  baseline: z.object({ fiscalYear: z.number().int(), value: z.number() }).nullable(),
  target: z.number().nullable(),
  actual: z.number().nullable(),
  /** A computed survey figure withheld: fewer than the round's k answered (actual null) */
  actualSuppressed: z.boolean(),
  /** actual against target, in % (lower-is-better KPIs: target / actual) */
  achievementRate: z.number().nullable(),
});
export type DashboardKpi = z.infer<typeof DashboardKpi>;

export const PlanStatusCounts = z.object({
  not_started: z.number().int(),
  in_progress: z.number().int(),
  done: z.number().int(),
  delayed: z.number().int(),
});
export type PlanStatusCounts = z.infer<typeof PlanStatusCounts>;

export const DashboardInitiative = z.object({
  id: z.string(),
  code: z.string(),
  marker: z.string(),
  title: LocalizedText,
  area: z.object({ id: z.string(), position: z.number().int(), title: LocalizedText }),
  tagCodes: z.array(z.string()),
  items: z.array(
    z.object({
      id: z.string(),
      title: LocalizedText,
      status: PlanItemStatus,
      owners: z.array(OrgUnitRef),
    }),
  ),
  statusCounts: PlanStatusCounts,
  kpiCount: z.number().int(),
  /** mean achievement of the KPIs with a target and an actual */
  achievementRate: z.number().nullable(),
  /** OJT sessions of the 年度 linked to the initiative, and their minutes */
  ojtSessions: z.number().int(),
  ojtMinutes: z.number(),
});
export type DashboardInitiative = z.infer<typeof DashboardInitiative>;

export const DashboardTag = z.object({
  tagCode: z.string(),
  label: LocalizedText,
  title: LocalizedText,
  initiativeCount: z.number().int(),
  itemCount: z.number().int(),
  statusCounts: PlanStatusCounts,
  kpiCount: z.number().int(),
  achievementRate: z.number().nullable(),
  /** courses of the catalogue offered in the 年度 and linked to the tag's initiatives */
  trainingCourses: z.number().int(),
  /**
   * OJT of the 年度 linked to the tag's initiatives: a sum over those initiatives, so a session linked to
   * two of them counts twice, and an initiative with two tags counts for both
   */
  ojtSessions: z.number().int(),
  ojtMinutes: z.number(),
});
export type DashboardTag = z.infer<typeof DashboardTag>;

/** OJT effort by 重点取組方針 tag within an org unit's subtree (trainees' posts on the session dates) */
export const DashboardTagOjt = z.object({
  tagCode: z.string(),
  label: LocalizedText,
  title: LocalizedText,
  ojtSessions: z.number().int(),
  ojtMinutes: z.number(),
});
export type DashboardTagOjt = z.infer<typeof DashboardTagOjt>;

export const DashboardPeriod = z.object({
  id: z.string(),
  name: LocalizedText,
  startFiscalYear: z.number().int(),
  endFiscalYear: z.number().int(),
});

export const RolloutDashboard = z.object({
  fiscalYear: z.number().int(),
  /** The day whose placements count (the 年度's last day, or today) */
  asOf: z.string(),
  /** When the figures were last worked out */
  refreshedAt: z.string().nullable(),
  /** The published period the 年度 falls in */
  period: DashboardPeriod.nullable(),
  /** 年度 the picker offers */
  fiscalYears: z.array(z.number().int()),
  summary: StaffFigures.extend({
    statusCounts: PlanStatusCounts,
    kpiCount: z.number().int(),
    achievementRate: z.number().nullable(),
  }),
  initiatives: z.array(DashboardInitiative),
  kpis: z.array(DashboardKpi),
  units: z.array(UnitFigures),
  tags: z.array(DashboardTag),
  trend: z.array(TrendPoint),
});
export type RolloutDashboard = z.infer<typeof RolloutDashboard>;

export const OrgUnitDashboard = z.object({
  fiscalYear: z.number().int(),
  asOf: z.string(),
  refreshedAt: z.string().nullable(),
  fiscalYears: z.array(z.number().int()),
  unit: OrgUnitRef,
  /** 局・区 → … → the unit */
  path: z.array(OrgUnitRef),
  /** May the reader go up to the city-wide dashboard */
  canReadRollout: z.boolean(),
  /** The published period the 年度 falls in */
  period: DashboardPeriod.nullable(),
  summary: StaffFigures,
  children: z.array(UnitFigures),
  trend: z.array(TrendPoint),
  /** KPIs of the published period owned by the unit's 局・区 */
  kpis: z.array(DashboardKpi),
  /** Plan items the unit (or a unit under it) owns */
  items: z.array(
    z.object({
      id: z.string(),
      initiativeId: z.string(),
      initiativeCode: z.string(),
      title: LocalizedText,
      status: PlanItemStatus,
    }),
  ),
  /** OJT of the 年度 in the subtree by 重点取組方針 tag */
  tags: z.array(DashboardTagOjt),
});
export type OrgUnitDashboard = z.infer<typeof OrgUnitDashboard>;
