import type {
  Kpi,
  PlanHistoryPage,
  PlanItem,
  PlanPeriodDetail,
  PlanPeriodList,
  PlanPeriodListItem,
} from '@portal/contracts';
import type { FastifyInstance } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { signIn, useTestApp } from '../../../test/app.ts';

const ctx = useTestApp();
const cookies: Record<string, string> = {};
let app: FastifyInstance;

const call = (
  who: string,
  method: 'GET' | 'POST' | 'PUT' | 'DELETE',
  url: string,
  body?: unknown,
  headers = {},
) =>
  app.inject({
    method,
    url,
    headers: { cookie: cookies[who] ?? '', ...headers },
    ...(body === undefined ? {} : { payload: body as object }),
  });

let initiativeId: string;
let somuId: string;
let hrDivisionId: string;

beforeAll(async () => {
  app = ctx().app;
  for (const who of ['demo-hr', 'demo-staff', 'demo-bureau', 'demo-exec', 'demo-supervisor']) {
    cookies[who] = await signIn(app, who);
  }
  const { db } = ctx().database;
  initiativeId = (await db.initiative.findFirstOrThrow({ where: { code: '1-2' } })).id;
  somuId = (await db.orgUnit.findUniqueOrThrow({ where: { code: 'somu' } })).id;
  hrDivisionId = (await db.orgUnit.findUniqueOrThrow({ where: { code: 'somu-1-2' } })).id;
  // Make room for a period of our own after 第2期: drop the demo's draft 第3期.
  const third = await db.planPeriod.findFirst({ where: { ordinal: 3 } });
  if (third) {
    const res = await call('demo-hr', 'DELETE', `/api/plan-periods/${third.id}?version=${third.version}`);
    expect(res.statusCode).toBe(204);
  }
});

describe('plan periods: lifecycle', () => {
  let period: PlanPeriodListItem;
  let item: PlanItem;
  let kpi: Kpi;

  it('HR creates a draft period; a retry with the same Idempotency-Key creates nothing new', async () => {
    const body = {
      nameJa: '第3期 人材育成推進計画',
      nameEn: 'Period 3',
      startFiscalYear: 2027,
      endFiscalYear: 2029,
    };
    const first = await call('demo-hr', 'POST', '/api/plan-periods', body, {
      'idempotency-key': 'p3-create',
    });
    expect(first.statusCode).toBe(201);
    period = first.json<PlanPeriodListItem>();
    expect(period).toMatchObject({ status: 'draft', ordinal: 3, version: 1, itemCount: 0 });
    const again = await call('demo-hr', 'POST', '/api/plan-periods', body, {
      'idempotency-key': 'p3-create',
    });
    expect(again.statusCode).toBe(201);
    expect(again.json<PlanPeriodListItem>().id).toBe(period.id);
  });

  it('refuses bad years with 400 naming the field, and overlaps with 409', async () => {
    const long = await call('demo-hr', 'POST', '/api/plan-periods', {
      nameJa: 'x',
      startFiscalYear: 2027,
      endFiscalYear: 2031,
    });
    expect(long.statusCode).toBe(400);
    expect(long.json().errors.map((e: { field: string }) => e.field)).toContain('body.endFiscalYear');
    const overlap = await call('demo-hr', 'POST', '/api/plan-periods', {
      nameJa: 'x',
      startFiscalYear: 2025,
      endFiscalYear: 2027,
    });
    expect(overlap.statusCode).toBe(409);
  });

  it('a draft is 404 outside HR and missing from their list', async () => {
    expect((await call('demo-staff', 'GET', `/api/plan-periods/${period.id}`)).statusCode).toBe(404);
    expect((await call('demo-exec', 'GET', `/api/plan-periods/${period.id}`)).statusCode).toBe(404);
    const list = (await call('demo-staff', 'GET', '/api/plan-periods')).json<PlanPeriodList>();
    expect(list.items.map((p) => p.id)).not.toContain(period.id);
    expect(list.items.every((p) => p.status === 'published')).toBe(true);
    const hrList = (await call('demo-hr', 'GET', '/api/plan-periods')).json<PlanPeriodList>();
    expect(hrList.items.map((p) => p.id)).toContain(period.id);
  });

  it('HR adds an item; others may not', async () => {
    const body = {
      initiativeId,
      titleJa: 'OJTの定着',
      actions: [{ textJa: 'OJT計画の作成', textEn: 'Write OJT plans' }],
      ownerOrgUnitIds: [hrDivisionId],
      schedule: [{ fiscalYear: 2027, textJa: '試行' }],
    };
    expect((await call('demo-staff', 'POST', `/api/plan-periods/${period.id}/items`, body)).statusCode).toBe(
      404,
    );
    const res = await call('demo-hr', 'POST', `/api/plan-periods/${period.id}/items`, body);
    expect(res.statusCode).toBe(201);
    item = res.json<PlanItem>();
    expect(item).toMatchObject({ status: 'not_started', version: 1, title: { ja: 'OJTの定着' } });
    expect(item.owners.map((o) => o.code)).toEqual(['somu-1-2']);
    const bad = await call('demo-hr', 'POST', `/api/plan-periods/${period.id}/items`, {
      ...body,
      schedule: [{ fiscalYear: 2024, textJa: '範囲外' }],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('body.schedule.0.fiscalYear');
  });

  it('edits are versioned: a stale version is 409 with the current item, nothing overwritten', async () => {
    const ok = await call('demo-hr', 'PUT', `/api/plan-items/${item.id}`, {
      version: 1,
      titleJa: 'OJTの全庁定着',
      status: 'in_progress',
      actions: [
        { textJa: 'OJT計画の作成', textEn: 'Write OJT plans' },
        { textJa: 'OJT記録の点検', textEn: 'Check OJT records' },
      ],
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json<PlanItem>()).toMatchObject({
      version: 2,
      status: 'in_progress',
      title: { ja: 'OJTの全庁定着' },
    });
    const stale = await call('demo-hr', 'PUT', `/api/plan-items/${item.id}`, {
      version: 1,
      titleJa: '上書き',
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().current).toMatchObject({ version: 2, title: { ja: 'OJTの全庁定着' } });
  });

  it('HR adds a KPI with targets and edits them', async () => {
    const res = await call('demo-hr', 'POST', `/api/plan-items/${item.id}/kpis`, {
      nameJa: 'OJT推進者研修の受講者数',
      unit: '人',
      source: 'entered',
      ownerBureauId: somuId,
      baselineFiscalYear: 2026,
      baselineValue: 200,
      targets: [
        { fiscalYear: 2027, value: 220 },
        { fiscalYear: 2028, value: 240 },
      ],
    });
    expect(res.statusCode).toBe(201);
    kpi = res.json<Kpi>();
    expect(kpi.targets).toEqual([
      { fiscalYear: 2027, value: 220 },
      { fiscalYear: 2028, value: 240 },
    ]);
    const computedWithoutMetric = await call('demo-hr', 'POST', `/api/plan-items/${item.id}/kpis`, {
      nameJa: 'x',
      unit: '%',
      source: 'computed',
    });
    expect(computedWithoutMetric.statusCode).toBe(400);
    const edit = await call('demo-hr', 'PUT', `/api/kpis/${kpi.id}`, {
      version: 1,
      targets: [
        { fiscalYear: 2027, value: 230 },
        { fiscalYear: 2028, value: 250 },
        { fiscalYear: 2029, value: 270 },
      ],
    });
    expect(edit.statusCode).toBe(200);
    kpi = edit.json<Kpi>();
    expect(kpi.version).toBe(2);
    expect(kpi.targets.map((t) => t.value)).toEqual([230, 250, 270]);
    expect((await call('demo-hr', 'PUT', `/api/kpis/${kpi.id}`, { version: 1, unit: '名' })).statusCode).toBe(
      409,
    );
  });

  it('the history lists every change with who, when and a readable field-level diff', async () => {
    // an item and a KPI of its own, in the demo's first period, so that the test holds alone too
    const { db } = ctx().database;
    const p1 = await db.planPeriod.findFirstOrThrow({ where: { ordinal: 1 } });
    const y = p1.startFiscalYear;
    const created = await call('demo-hr', 'POST', `/api/plan-periods/${p1.id}/items`, {
      initiativeId,
      titleJa: 'OJTの定着',
      actions: [{ textJa: 'OJT計画の作成', textEn: 'Write OJT plans' }],
      ownerOrgUnitIds: [hrDivisionId],
      schedule: [{ fiscalYear: y, textJa: '試行' }],
    });
    expect(created.statusCode, created.body).toBe(201);
    const own = created.json<PlanItem>();
    const edited = await call('demo-hr', 'PUT', `/api/plan-items/${own.id}`, {
      version: 1,
      titleJa: 'OJTの全庁定着',
      status: 'in_progress',
      actions: [
        { textJa: 'OJT計画の作成', textEn: 'Write OJT plans' },
        { textJa: 'OJT記録の点検', textEn: 'Check OJT records' },
      ],
    });
    expect(edited.statusCode, edited.body).toBe(200);
    const ownKpi = await call('demo-hr', 'POST', `/api/plan-items/${own.id}/kpis`, {
      nameJa: 'OJT推進者研修の受講者数',
      unit: '人',
      source: 'entered',
      ownerBureauId: somuId,
      baselineFiscalYear: y - 1,
      baselineValue: 200,
      targets: [
        { fiscalYear: y, value: 220 },
        { fiscalYear: y + 1, value: 240 },
      ],
    });
    expect(ownKpi.statusCode, ownKpi.body).toBe(201);
    const kpiEdit = await call('demo-hr', 'PUT', `/api/kpis/${ownKpi.json<Kpi>().id}`, {
      version: 1,
      targets: [
        { fiscalYear: y, value: 230 },
        { fiscalYear: y + 1, value: 250 },
        { fiscalYear: y + 2, value: 270 },
      ],
    });
    expect(kpiEdit.statusCode, kpiEdit.body).toBe(200);

    const res = await call('demo-hr', 'GET', `/api/plan-items/${own.id}/history`);
    expect(res.statusCode).toBe(200);
    const page = res.json<PlanHistoryPage>();
    expect(page.total).toBe(4);
    expect(page.items.map((e) => `${e.entityType}.${e.action}`)).toEqual([
      'kpi.update',
      'kpi.create',
      'item.update',
      'item.create',
    ]);
    const itemUpdate = page.items[2];
    expect(itemUpdate?.actor?.name).toBeTruthy();
    expect(itemUpdate?.changes).toEqual(
      expect.arrayContaining([
        { field: 'titleJa', before: 'OJTの定着', after: 'OJTの全庁定着' },
        { field: 'status', before: 'not_started', after: 'in_progress' },
        {
          field: 'actions',
          before: '・OJT計画の作成 / Write OJT plans',
          after: '・OJT計画の作成 / Write OJT plans\n・OJT記録の点検 / Check OJT records',
        },
      ]),
    );
    expect(itemUpdate?.changes.map((c) => c.field)).not.toContain('descriptionJa');
    const kpiUpdate = page.items[0];
    expect(kpiUpdate?.subject?.ja).toBe('OJT推進者研修の受講者数');
    const reiwa = (fy: number) => `令和${fy - 2018}年度`;
    expect(kpiUpdate?.changes).toEqual([
      {
        field: 'targets',
        before: `・${reiwa(y)}: 220\n・${reiwa(y + 1)}: 240`,
        after: `・${reiwa(y)}: 230\n・${reiwa(y + 1)}: 250\n・${reiwa(y + 2)}: 270`,
      },
    ]);
  });

  it('moves draft → review → published only in that order', async () => {
    const skip = await call('demo-hr', 'PUT', `/api/plan-periods/${period.id}`, {
      version: 1,
      status: 'published',
    });
    expect(skip.statusCode).toBe(409);
    const review = await call('demo-hr', 'PUT', `/api/plan-periods/${period.id}`, {
      version: 1,
      status: 'review',
    });
    expect(review.statusCode).toBe(200);
    expect(review.json<PlanPeriodListItem>()).toMatchObject({ status: 'review', version: 2 });
    expect((await call('demo-staff', 'GET', `/api/plan-periods/${period.id}`)).statusCode).toBe(404);
    const stale = await call('demo-hr', 'PUT', `/api/plan-periods/${period.id}`, {
      version: 1,
      status: 'published',
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().current).toMatchObject({ status: 'review', version: 2 });
    const published = await call('demo-hr', 'PUT', `/api/plan-periods/${period.id}`, {
      version: 2,
      status: 'published',
    });
    expect(published.statusCode).toBe(200);
    expect(published.json<PlanPeriodListItem>().publishedAt).not.toBeNull();
    const seen = await call('demo-staff', 'GET', `/api/plan-periods/${period.id}`);
    expect(seen.statusCode).toBe(200);
    expect(seen.json<PlanPeriodDetail>().items.map((i) => i.id)).toEqual([item.id]);
    const back = await call('demo-hr', 'PUT', `/api/plan-periods/${period.id}`, {
      version: 3,
      status: 'draft',
    });
    expect(back.statusCode).toBe(409);
    // a published period is kept
    expect((await call('demo-hr', 'DELETE', `/api/plan-periods/${period.id}?version=3`)).statusCode).toBe(
      409,
    );
  });

  it('plain staff and executives may read but not edit a published item (403)', async () => {
    expect((await call('demo-staff', 'PUT', `/api/plan-items/${item.id}`, { version: 2 })).statusCode).toBe(
      403,
    );
    expect((await call('demo-exec', 'PUT', `/api/plan-items/${item.id}`, { version: 2 })).statusCode).toBe(
      403,
    );
    expect((await call('demo-staff', 'GET', `/api/plan-items/${item.id}/history`)).statusCode).toBe(200);
  });
});

describe('KPI actuals', () => {
  let somuKpi: { id: string };
  let otherKpi: { id: string };
  let computedKpi: { id: string };

  beforeAll(async () => {
    const { db } = ctx().database;
    const p2 = await db.planPeriod.findFirstOrThrow({ where: { ordinal: 2 } });
    somuKpi = await db.kpi.findFirstOrThrow({
      where: { item: { periodId: p2.id }, ownerBureauId: somuId, source: 'entered' },
    });
    otherKpi = await db.kpi.findFirstOrThrow({
      where: {
        item: { periodId: p2.id },
        source: 'entered',
        OR: [{ ownerBureauId: null }, { ownerBureauId: { not: somuId } }],
      },
    });
    computedKpi = await db.kpi.findFirstOrThrow({ where: { item: { periodId: p2.id }, source: 'computed' } });
  });

  it('the owning bureau enters its own KPI’s actual; versions guard later edits', async () => {
    const first = await call('demo-bureau', 'PUT', `/api/kpis/${somuKpi.id}/actuals/2026`, {
      value: 111,
      note: '上期分',
    });
    expect(first.statusCode).toBe(200);
    const actual = first.json<Kpi>().actuals.find((a) => a.fiscalYear === 2026);
    expect(actual).toMatchObject({ value: 111, note: '上期分', version: 1, origin: 'entered' });
    const stale = await call('demo-hr', 'PUT', `/api/kpis/${somuKpi.id}/actuals/2026`, {
      value: 120,
      version: 0,
    });
    expect(stale.statusCode).toBe(409);
    expect(
      stale.json().current.actuals.find((a: { fiscalYear: number }) => a.fiscalYear === 2026).value,
    ).toBe(111);
    const ok = await call('demo-hr', 'PUT', `/api/kpis/${somuKpi.id}/actuals/2026`, {
      value: 120,
      note: '上期分',
      version: 1,
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json<Kpi>().actuals.find((a) => a.fiscalYear === 2026)).toMatchObject({
      value: 120,
      version: 2,
    });
    const { db } = ctx().database;
    const item = await db.kpi.findUniqueOrThrow({ where: { id: somuKpi.id }, select: { itemId: true } });
    const history = (
      await call('demo-hr', 'GET', `/api/plan-items/${item.itemId}/history`)
    ).json<PlanHistoryPage>();
    expect(history.items[0]).toMatchObject({ entityType: 'actual', action: 'update' });
    expect(history.items[0]?.changes).toEqual([{ field: 'value', before: '111', after: '120' }]);
    expect(history.items[0]?.subject?.ja).toMatch(/令和8年度$/);
  });

  it('a bureau officer may not enter another bureau’s KPI (403); plain staff neither', async () => {
    expect(
      (await call('demo-bureau', 'PUT', `/api/kpis/${otherKpi.id}/actuals/2026`, { value: 1 })).statusCode,
    ).toBe(403);
    expect(
      (await call('demo-staff', 'PUT', `/api/kpis/${somuKpi.id}/actuals/2026`, { value: 1 })).statusCode,
    ).toBe(403);
    expect(
      (await call('demo-exec', 'PUT', `/api/kpis/${somuKpi.id}/actuals/2026`, { value: 1 })).statusCode,
    ).toBe(403);
  });

  it('refuses computed KPIs and years outside the period so far (400)', async () => {
    const computed = await call('demo-hr', 'PUT', `/api/kpis/${computedKpi.id}/actuals/2026`, { value: 1 });
    expect(computed.statusCode).toBe(400);
    const outside = await call('demo-hr', 'PUT', `/api/kpis/${somuKpi.id}/actuals/2023`, { value: 1 });
    expect(outside.statusCode).toBe(400);
    expect(outside.json().errors[0].field).toBe('params.fiscalYear');
    const bad = await call('demo-hr', 'PUT', `/api/kpis/${somuKpi.id}/actuals/2026`, { value: 'x' });
    expect(bad.statusCode).toBe(400);
  });

  it('refuses an actual outside what the KPI measures (400 naming value, with the range)', async () => {
    const { db } = ctx().database;
    const kpi = await db.kpi.findUniqueOrThrow({ where: { id: somuKpi.id } });
    const max = kpi.unit === '%' ? 100 : 1_000_000;
    for (const value of [-5, 1_000_000_000, max + 1]) {
      const res = await call('demo-hr', 'PUT', `/api/kpis/${somuKpi.id}/actuals/2026`, { value });
      expect(res.statusCode, String(value)).toBe(400);
      expect(res.json().errors).toEqual([
        expect.objectContaining({ field: 'body.value', code: 'value_out_of_range', params: { min: 0, max } }),
      ]);
    }
    const rate = await db.kpi.findFirst({
      where: { unit: '%', source: 'entered', item: { period: { ordinal: 2 } } },
    });
    if (rate) {
      const res = await call('demo-hr', 'PUT', `/api/kpis/${rate.id}/actuals/2026`, { value: 100.5 });
      expect(res.statusCode).toBe(400);
      expect(res.json().errors[0].params).toEqual({ min: 0, max: 100 });
    }
    const stored = await db.kpiActual.findMany({ where: { kpiId: somuKpi.id, value: { lt: 0 } } });
    expect(stored).toEqual([]);
  });

  it('takes an upper bound from HR: actuals above it refused, a bound below an entered actual refused', async () => {
    const { db } = ctx().database;
    const kpi = await db.kpi.findUniqueOrThrow({ where: { id: otherKpi.id }, include: { actuals: true } });
    const highest = Math.max(0, ...kpi.actuals.filter((a) => a.fiscalYear !== 2026).map((a) => a.value));
    const bound = Math.floor(highest) + 3; // above every earlier actual, below what the unit allows
    expect(bound + 1).toBeLessThan(kpi.unit === '%' ? 100 : 1_000_000);
    const bounded = await call('demo-hr', 'PUT', `/api/kpis/${kpi.id}`, {
      version: kpi.version,
      maxValue: bound,
    });
    expect(bounded.statusCode, bounded.body).toBe(200);
    expect(bounded.json().maxValue).toBe(bound);
    const above = await call('demo-hr', 'PUT', `/api/kpis/${kpi.id}/actuals/2026`, { value: bound + 1 });
    expect(above.statusCode).toBe(400);
    expect(above.json().errors).toEqual([
      expect.objectContaining({
        field: 'body.value',
        code: 'value_out_of_range',
        params: { min: 0, max: bound },
      }),
    ]);
    const current = await db.kpiActual.findUnique({
      where: { kpiId_fiscalYear: { kpiId: kpi.id, fiscalYear: 2026 } },
    });
    const at = await call('demo-hr', 'PUT', `/api/kpis/${kpi.id}/actuals/2026`, {
      value: bound,
      version: current?.version ?? 0,
    });
    expect(at.statusCode, at.body).toBe(200);
    // A bound below what is already entered would make the history invalid
    const version = bounded.json().version;
    const below = await call('demo-hr', 'PUT', `/api/kpis/${kpi.id}`, { version, maxValue: bound - 1 });
    expect(below.statusCode).toBe(400);
    expect(below.json().errors).toEqual([
      expect.objectContaining({
        field: 'body.maxValue',
        code: 'max_below_actual',
        params: { highest: bound },
      }),
    ]);
    expect((await db.kpi.findUniqueOrThrow({ where: { id: kpi.id } })).maxValue).toBe(bound);
    // Nonsense bounds are refused by the contract, naming the field
    const negative = await call('demo-hr', 'PUT', `/api/kpis/${kpi.id}`, { version, maxValue: -1 });
    expect(negative.statusCode).toBe(400);
    expect(negative.json().errors[0].field).toBe('body.maxValue');
    // Clearing it gives back the unit's range
    const cleared = await call('demo-hr', 'PUT', `/api/kpis/${kpi.id}`, { version, maxValue: null });
    expect(cleared.statusCode).toBe(200);
    expect(cleared.json().maxValue).toBeNull();
  });
});

describe('copying a period into the next', () => {
  it('starts the next period as a draft with the items and KPIs, baselines from the last actuals', async () => {
    const { db } = ctx().database;
    // the period created above holds 2027–2029; copy 第1期 … into 2030? Too short: copy needs its own years.
    const p3 = await db.planPeriod.findFirstOrThrow({ where: { ordinal: 3 } });
    await db.planPeriod.delete({ where: { id: p3.id } });
    const p2 = await db.planPeriod.findFirstOrThrow({ where: { ordinal: 2 } });
    const res = await call(
      'demo-hr',
      'POST',
      `/api/plan-periods/${p2.id}/copy`,
      {},
      { 'idempotency-key': 'copy-p2' },
    );
    expect(res.statusCode).toBe(201);
    const copy = res.json<PlanPeriodListItem>();
    expect(copy).toMatchObject({
      status: 'draft',
      startFiscalYear: 2027,
      endFiscalYear: 2029,
      copiedFromId: p2.id,
    });
    const source = (await call('demo-hr', 'GET', `/api/plan-periods/${p2.id}`)).json<PlanPeriodDetail>();
    expect(copy.itemCount).toBe(source.itemCount);
    expect(copy.kpiCount).toBe(source.kpiCount);
    const detail = (await call('demo-hr', 'GET', `/api/plan-periods/${copy.id}`)).json<PlanPeriodDetail>();
    expect(detail.items.every((i) => i.status === 'not_started')).toBe(true);
    const entered = source.items
      .flatMap((i) => i.kpis)
      .find((k) => k.source === 'entered' && k.actuals.length);
    const last = entered?.actuals.at(-1);
    const copied = detail.items.flatMap((i) => i.kpis).find((k) => k.name.ja === entered?.name.ja);
    expect(copied?.baseline).toEqual({ fiscalYear: last?.fiscalYear, value: last?.value });
    expect(copied?.targets).toEqual([]);
    const again = await call(
      'demo-hr',
      'POST',
      `/api/plan-periods/${p2.id}/copy`,
      {},
      { 'idempotency-key': 'copy-p2' },
    );
    expect(again.json<PlanPeriodListItem>().id).toBe(copy.id);
    expect((await call('demo-staff', 'POST', `/api/plan-periods/${p2.id}/copy`, {})).statusCode).toBe(403);
  });
});
