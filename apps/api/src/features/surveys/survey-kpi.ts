/**
 * Survey figures as computed KPIs of the 推進計画 (decision 014): per 年度 the latest round whose figures
 * no longer move, city-wide, under the same k-threshold as the results (decision 052). A figure of
 * fewer than k people is never returned, only the fact that it is withheld.
 */
import type { KpiMetric, KpiMetricParams } from '@portal/contracts';
import { today } from '../../access/scope.ts';
import type { Db, Tx } from '../../db/client.ts';
import type { FieldError } from '../../shared/errors.ts';
import { loadPolicyCatalog } from '../policy/policy-links.ts';
import { suppressScope } from './suppression.ts';
import { createSurveyRepository, type SurveyRow } from './survey.repository.ts';
import { populationDay, roundQuestions } from './survey.rules.ts';
import { groupFigures } from './survey-results.service.ts';

/** A figure, or withheld because fewer than k people stand behind it. */
export type SurveyKpiValue = number | null | 'below_k';

type YearRound = {
  row: SurveyRow;
  respondents: number;
  staffImages: Map<string, number | null>;
  priorities: Map<string, number | null>;
  rate: { eligible: number; answered: number } | null;
};

const repo = createSurveyRepository();

/** The latest finished round of each 年度 with its city-wide scores (and response rate when asked). */
async function roundsOfYears(db: Db, years: number[], withRates: boolean): Promise<Map<number, YearRound>> {
  const on = today();
  const rounds = new Map<number, SurveyRow>();
  for (const row of await repo.finishedRounds(db, years, on)) {
    if (!rounds.has(row.fiscalYear)) rounds.set(row.fiscalYear, row);
  }
  if (!rounds.size) return new Map();
  const ids = [...rounds.values()].map((r) => r.id);
  const [respondents, answers, catalog, priorities] = await Promise.all([
    repo.respondentsOf(db, ids),
    repo.answerCountsOf(db, ids),
    loadPolicyCatalog(db),
    repo.priorityPolicies(db),
  ]);
  const out = new Map<number, YearRound>();
  for (const [fy, row] of rounds) {
    const counts = new Map<string, Map<string, number>>();
    for (const a of answers) {
      if (a.key !== row.id) continue;
      const q = counts.get(a.questionId) ?? new Map<string, number>();
      counts.set(a.questionId, q);
      q.set(a.value, (q.get(a.value) ?? 0) + a.n);
    }
    const f = groupFigures(roundQuestions(row), counts, catalog, priorities, false);
    let rate: YearRound['rate'] = null;
    if (withRates) {
      const r = await repo.rates(db, row, { kind: 'city' }, null, populationDay(row, on));
      rate = {
        eligible: r.reduce((a, x) => a + x.eligible, 0),
        answered: r.reduce((a, x) => a + x.answered, 0),
      };
    }
    out.set(fy, {
      row,
      respondents: respondents.find((r) => r.key === row.id)?.n ?? 0,
      staffImages: new Map((f.staffImages ?? []).map((s) => [s.id, s.score])),
      priorities: new Map((f.priorityPolicies ?? []).map((p) => [p.id, p.score])),
      rate,
    });
  }
  return out;
}

export type SurveyMetricRequest = {
  kpiId: string;
  metric: KpiMetric;
  params: KpiMetricParams | null;
  fiscalYears: number[];
};

/** Values per KPI and 年度 of the survey metrics; `below_k` where fewer than the round's k stand behind. */
export async function evaluateSurveyMetrics(
  db: Db,
  requests: readonly SurveyMetricRequest[],
): Promise<Map<string, Map<number, SurveyKpiValue>>> {
  const out = new Map<string, Map<number, SurveyKpiValue>>();
  if (!requests.length) return out;
  const years = [...new Set(requests.flatMap((r) => r.fiscalYears))];
  const withRates = requests.some((r) => r.metric === 'survey_response_rate');
  const rounds = await roundsOfYears(db, years, withRates);
  for (const r of requests) {
    const values = new Map<number, SurveyKpiValue>();
    for (const fy of r.fiscalYears) {
      const round = rounds.get(fy);
      if (!round) {
        values.set(fy, null);
        continue;
      }
      const k = round.row.minGroupSize;
      if (r.metric === 'survey_response_rate') {
        const rate = round.rate ?? { eligible: 0, answered: 0 };
        if (rate.eligible === 0) values.set(fy, null);
        else if (suppressScope(rate.eligible, null, k)) values.set(fy, 'below_k');
        else values.set(fy, Math.round((rate.answered / rate.eligible) * 1000) / 10);
        continue;
      }
      if (suppressScope(round.respondents, null, k)) {
        values.set(fy, round.respondents === 0 ? null : 'below_k');
        continue;
      }
      const score =
        r.metric === 'survey_staff_image_score'
          ? round.staffImages.get(r.params?.staffImageId ?? '')
          : r.metric === 'survey_priority_policy_score'
            ? round.priorities.get(r.params?.priorityPolicyId ?? '')
            : null;
      values.set(fy, score ?? null);
    }
    out.set(r.kpiId, values);
  }
  return out;
}

/** 400 field errors unless a survey metric names what it scores: a 職員像 / 重点取組方針 in force. */
export async function surveyMetricParamErrors(
  db: Db | Tx,
  metric: string | null,
  params: KpiMetricParams | null,
): Promise<FieldError[]> {
  if (metric === 'survey_staff_image_score') {
    const id = params?.staffImageId;
    const catalog = id ? await loadPolicyCatalog(db) : null;
    if (!id || !catalog?.staffImages.has(id)) {
      return [{ field: 'body.metricParams.staffImageId', message: 'name a 目指す職員像 of the policy' }];
    }
  }
  if (metric === 'survey_priority_policy_score') {
    const id = params?.priorityPolicyId;
    const known = id ? (await repo.priorityPolicies(db)).some((p) => p.id === id) : false;
    if (!known) {
      return [{ field: 'body.metricParams.priorityPolicyId', message: 'name a 重点取組方針 of the policy' }];
    }
  }
  return [];
}
