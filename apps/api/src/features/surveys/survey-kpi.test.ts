/**
 * Survey figures as computed KPIs of the 推進計画, through the real app: the editor accepts them (and
 * names a missing 職員像), the plan and the rollout dashboard show the 年度's latest finished round
 * city-wide — the same score as the results page — and withhold it below k.
 */
import {
  fiscalYearOf,
  type Kpi,
  type PlanItem,
  type PlanPeriodDetail,
  type RolloutDashboard,
  type SurveyResults,
} from '@portal/contracts';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/app.ts';
import { today } from '../../access/scope.ts';
import {
  answer,
  type Bank,
  caller,
  closeRound,
  makeBank,
  openRound,
  peopleOf,
} from './survey.test-helpers.ts';

const ctx = useTestApp();
const call = caller(() => ctx().app);
const FY = fiscalYearOf(today().toISOString().slice(0, 10));
let bank: Bank;
let periodId: string;
let item: PlanItem;
let priorityId: string;

beforeAll(async () => {
  const { db } = ctx().database;
  bank = await makeBank(call, db, 'kpi');
  const period = await db.planPeriod.findFirstOrThrow({
    where: { startFiscalYear: { lte: FY }, endFiscalYear: { gte: FY } },
  });
  periodId = period.id;
  const initiative = await db.initiative.findFirstOrThrow({ where: { code: '3-1' }, select: { id: true } });
  const created = await call('demo-hr', {
    method: 'POST',
    url: `/api/plan-periods/${period.id}/items`,
    payload: { initiativeId: initiative.id, titleJa: '組織風土づくり' },
  });
  expect(created.statusCode, created.body).toBe(201);
  item = created.json<PlanItem>();
  priorityId = (await db.priorityPolicy.findFirstOrThrow({ where: { position: 3 }, select: { id: true } }))
    .id;
});

const addKpi = async (metric: string, metricParams: Record<string, string> | null, nameJa: string) => {
  const res = await call('demo-hr', {
    method: 'POST',
    url: `/api/plan-items/${item.id}/kpis`,
    payload: {
      nameJa,
      unit: metric === 'survey_response_rate' ? '%' : '点',
      source: 'computed',
      metric,
      metricParams,
    },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<Kpi>();
};

const planKpi = async (id: string) => {
  const res = await call('demo-hr', { url: `/api/plan-periods/${periodId}` });
  expect(res.statusCode, res.body).toBe(200);
  const kpi = res
    .json<PlanPeriodDetail>()
    .items.flatMap((i) => i.kpis)
    .find((k) => k.id === id) as Kpi;
  return kpi.actuals.find((a) => a.fiscalYear === FY);
};

const rolloutKpi = async (id: string) => {
  const res = await call('demo-exec', { url: `/api/dashboards/rollout?fiscalYear=${FY}` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<RolloutDashboard>().kpis.find((k) => k.id === id);
};

describe('survey scores as computed KPIs', () => {
  let imageKpi: Kpi;
  let priorityKpi: Kpi;
  let rateKpi: Kpi;

  it('the editor refuses a 職員像 score without its 職員像, naming the field', async () => {
    const res = await call('demo-hr', {
      method: 'POST',
      url: `/api/plan-items/${item.id}/kpis`,
      payload: { nameJa: 'x', unit: '点', source: 'computed', metric: 'survey_staff_image_score' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].field).toBe('body.metricParams.staffImageId');
    const unknown = await call('demo-hr', {
      method: 'POST',
      url: `/api/plan-items/${item.id}/kpis`,
      payload: {
        nameJa: 'x',
        unit: '点',
        source: 'computed',
        metric: 'survey_priority_policy_score',
        metricParams: { priorityPolicyId: bank.staffImageId },
      },
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors[0].field).toBe('body.metricParams.priorityPolicyId');
  });

  it('shows the latest finished round of the 年度, city-wide, as the results page scores it', async () => {
    imageKpi = await addKpi(
      'survey_staff_image_score',
      { staffImageId: bank.staffImageId },
      '職員像③ スコア',
    );
    priorityKpi = await addKpi(
      'survey_priority_policy_score',
      { priorityPolicyId: priorityId },
      '方針3 スコア',
    );
    rateKpi = await addKpi('survey_response_rate', null, '回答率');
    // The demo's spring round is the 年度's finished one
    const { db } = ctx().database;
    const spring = await db.survey.findFirstOrThrow({
      where: { fiscalYear: FY, status: 'closed' },
      orderBy: { closesOn: 'desc' },
    });
    const results = await call('demo-hr', { url: `/api/surveys/${spring.id}/results` });
    const overall = results.json<SurveyResults>().overall;
    if (overall.suppressed) throw new Error('the demo round reaches k city-wide');
    const imageScore = overall.staffImages?.find((s) => s.id === bank.staffImageId)?.score ?? null;
    const priorityScore = overall.priorityPolicies?.find((p) => p.id === priorityId)?.score ?? null;
    expect(imageScore).not.toBeNull();
    expect(await planKpi(imageKpi.id)).toMatchObject({
      value: imageScore,
      suppressed: false,
      origin: 'computed',
    });
    expect(await planKpi(priorityKpi.id)).toMatchObject({ value: priorityScore, suppressed: false });
    const rate = await call('demo-hr', { url: `/api/surveys/${spring.id}/response-rate` });
    const rateOverall = rate.json<{ overall: { rate: number } }>().overall;
    expect(await planKpi(rateKpi.id)).toMatchObject({ value: rateOverall.rate, suppressed: false });
    expect(await rolloutKpi(imageKpi.id)).toMatchObject({ actual: imageScore, actualSuppressed: false });
  });

  it('a round of k−1 respondents shows no score anywhere, only that it is withheld; k shows it', async () => {
    const { db } = ctx().database;
    const people = await peopleOf(db, 'kankyo', 9);
    const small = await openRound(call, db, bank, { bureaus: ['kankyo'], minGroupSize: 5 });
    await answer(call, small.id, people.slice(0, 4), bank, 5);
    await closeRound(call, small);
    for (const id of [imageKpi.id, priorityKpi.id]) {
      expect(await planKpi(id)).toMatchObject({ value: null, suppressed: true });
      expect(await rolloutKpi(id)).toMatchObject({
        actual: null,
        actualSuppressed: true,
        achievementRate: null,
      });
    }
    // The rate is counts of the people asked (at least k): shown
    const rate = await planKpi(rateKpi.id);
    expect(rate?.suppressed).toBe(false);
    expect(rate?.value).toBeGreaterThan(0);

    // A later round (same window: the later one counts) of exactly k respondents becomes the 年度's figure: agreement 4 → 75, 0–10 8 → 80
    const enough = await openRound(call, db, bank, { bureaus: ['kankyo'], minGroupSize: 5 });
    await answer(call, enough.id, people.slice(4, 9), bank, 4);
    await closeRound(call, enough);
    expect(await planKpi(imageKpi.id)).toMatchObject({ value: 77.5, suppressed: false });
    expect(await rolloutKpi(imageKpi.id)).toMatchObject({ actual: 77.5, actualSuppressed: false });
  });
});
