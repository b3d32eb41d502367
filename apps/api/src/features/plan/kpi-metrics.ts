/**
 * Computed KPIs: a registry of metric codes, each worked out per 年度 in SQL. The staff figures come
 * from the dashboards' rollup (`dashboard_unit_year`: staff placed at the 年度's reference date, 若手
 * defined there); training figures of a course group (`metricParams.trainingKinds`) are counted from
 * the enrolments themselves; survey figures (`survey_*`) from the 年度's latest finished round, withheld
 * (`below_k`) where fewer than the round's k people stand behind them (surveys/survey-kpi.ts).
 */
import type { KpiMetric, KpiMetricParams } from '@portal/contracts';
import type { Db } from '../../db/client.ts';
import { type FigureSums, percent, ratio } from '../dashboards/dashboard-rollup.ts';
import { evaluateSurveyMetrics, type SurveyKpiValue } from '../surveys/survey-kpi.ts';
import { type CourseGroupRow, cityFigures, courseGroup } from './kpi-metrics.repository.ts';

/** A computed figure; `below_k`: a survey figure withheld (fewer than the round's k people). */
export type MetricValue = SurveyKpiValue;

export type MetricRequest = {
  kpiId: string;
  metric: KpiMetric;
  params: KpiMetricParams | null;
  fiscalYears: number[];
};

function fromCity(metric: KpiMetric, f: FigureSums): number | null {
  switch (metric) {
    case 'career_plan_submitted_share':
      return percent(f.careerSubmitted, f.staff);
    case 'career_plan_submitted_share_young':
      return percent(f.youngCareerSubmitted, f.youngStaff);
    case 'ojt_coverage':
      return percent(f.ojtCovered, f.staff);
    case 'ojt_coverage_young':
      return percent(f.youngOjtCovered, f.youngStaff);
    case 'ojt_minutes_per_person':
      return ratio(f.ojtMinutes, f.staff);
    case 'training_completion_rate':
      return percent(f.trainingCompleted, f.trainingAccepted);
    case 'training_staff_completed_share':
      return percent(f.trainingStaffCompleted, f.staff);
    case 'one_on_one_coverage':
      return percent(f.oneOnOneCovered, f.staff);
    case 'survey_staff_image_score':
    case 'survey_priority_policy_score':
    case 'survey_response_rate':
      return null;
  }
}

/** Values per KPI and 年度 (a 年度 with nothing to count is null). One query per course group. */
export async function evaluateMetrics(
  db: Db,
  requests: readonly MetricRequest[],
  /** City-wide figures the caller already has (the dashboards read them anyway) */
  known?: Map<number, FigureSums>,
): Promise<Map<string, Map<number, MetricValue>>> {
  const out = new Map<string, Map<number, MetricValue>>();
  if (!requests.length) return out;
  const survey = requests.filter((r) => r.metric.startsWith('survey_'));
  const others = requests.filter((r) => !r.metric.startsWith('survey_'));
  for (const [id, values] of await evaluateSurveyMetrics(db, survey)) out.set(id, values);
  if (!others.length) return out;
  const allYears = [...new Set(others.flatMap((r) => r.fiscalYears))];
  const city = known && allYears.every((fy) => known.has(fy)) ? known : await cityFigures(db, allYears);
  const groups = new Map<string, Promise<Map<number, CourseGroupRow>>>();
  for (const r of others) {
    const kinds = r.params?.trainingKinds;
    const isTraining =
      r.metric === 'training_completion_rate' || r.metric === 'training_staff_completed_share';
    const values = new Map<number, MetricValue>();
    if (isTraining && kinds?.length) {
      const key = [...kinds].sort().join(',');
      let group = groups.get(key);
      if (!group) {
        group = courseGroup(db, allYears, kinds);
        groups.set(key, group);
      }
      const rows = await group;
      for (const fy of r.fiscalYears) {
        const row = rows.get(fy);
        const staff = city.get(fy)?.staff ?? 0;
        values.set(
          fy,
          r.metric === 'training_completion_rate'
            ? percent(row?.completed ?? 0, row?.accepted ?? 0)
            : percent(row?.staffCompleted ?? 0, staff),
        );
      }
    } else {
      for (const fy of r.fiscalYears) {
        const f = city.get(fy);
        values.set(fy, f ? fromCity(r.metric, f) : null);
      }
    }
    out.set(r.kpiId, values);
  }
  return out;
}

/** actual against target in % (lower-is-better: target / actual); null without both. */
export function achievementRate(
  target: number | null,
  actual: number | null,
  higherIsBetter: boolean,
): number | null {
  if (target === null || actual === null) return null;
  if (higherIsBetter) return target === 0 ? null : Math.round((actual / target) * 1000) / 10;
  if (actual === 0) return target >= 0 ? 100 : null;
  return Math.round((target / actual) * 1000) / 10;
}
