/** The 推進計画 and the rollout dashboards. Writes use stale versions or bad input, so nothing changes. */
import { all, type MatrixRows, scoped, type Who } from './types.ts';

const hrOnly = (hr: number, others = 403): Record<Who, number> => ({
  anon: 401,
  staff: others,
  supervisor: others,
  staffOther: others,
  bureau: others,
  hr,
  exec: others,
});
const draftOnly = (hr: number): Record<Who, number> => hrOnly(hr, 404);
const dashboards: Record<Who, number> = { ...hrOnly(200), exec: 200 };
const ownBureau: Record<Who, number> = { ...hrOnly(200), exec: 200, bureau: 200 };
const otherBureau: Record<Who, number> = { ...hrOnly(200), exec: 200, bureau: 404 };

export const planRows: MatrixRows = {
  prepare: async (db) => {
    const period = (ordinal: number) =>
      db.planPeriod.findFirstOrThrow({ where: { ordinal }, select: { id: true } });
    const [p1, p2, p3] = await Promise.all([period(1), period(2), period(3)]);
    const somu = await db.orgUnit.findUniqueOrThrow({
      where: { code: 'somu-1-2' },
      select: { id: true, bureauId: true },
    });
    const aoba = await db.orgUnit.findUniqueOrThrow({ where: { code: 'aoba-1' }, select: { id: true } });
    const item = await db.planItem.findFirstOrThrow({ where: { periodId: p1.id }, select: { id: true } });
    const draftItem = await db.planItem.findFirstOrThrow({
      where: { periodId: p3.id },
      select: { id: true },
    });
    const kpi = await db.kpi.findFirstOrThrow({ where: { itemId: item.id }, select: { id: true } });
    const somuKpi = await db.kpi.findFirstOrThrow({
      where: { item: { periodId: p2.id }, ownerBureauId: somu.bureauId, source: 'entered' },
      select: { id: true },
    });
    const otherKpi = await db.kpi.findFirstOrThrow({
      where: { item: { periodId: p2.id }, ownerBureauId: null, source: 'entered' },
      select: { id: true },
    });
    return {
      planPublished: p1.id,
      planDraft: p3.id,
      planItem: item.id,
      planDraftItem: draftItem.id,
      planKpi: kpi.id,
      planSomuKpi: somuKpi.id,
      planOtherKpi: otherKpi.id,
      somuUnit: somu.id,
      aobaUnit: aoba.id,
    };
  },
  rows: [
    { method: 'GET', route: '/api/plan-periods', url: () => '/api/plan-periods', expect: all(200) },
    {
      method: 'GET',
      route: '/api/plan-periods/{id}',
      url: (t) => `/api/plan-periods/${t.planPublished}`,
      expect: all(200),
    },
    {
      method: 'GET',
      route: '/api/plan-periods/{id}',
      url: (t) => `/api/plan-periods/${t.planDraft}`,
      expect: draftOnly(200),
    },
    {
      method: 'POST',
      route: '/api/plan-periods',
      url: () => '/api/plan-periods',
      body: { nameJa: '重複', startFiscalYear: 2021, endFiscalYear: 2023 },
      expect: hrOnly(409),
    },
    {
      method: 'PUT',
      route: '/api/plan-periods/{id}',
      url: (t) => `/api/plan-periods/${t.planPublished}`,
      body: { version: 999, nameJa: 'x' },
      expect: hrOnly(409),
    },
    {
      method: 'PUT',
      route: '/api/plan-periods/{id}',
      url: (t) => `/api/plan-periods/${t.planDraft}`,
      body: { version: 999, status: 'review' },
      expect: draftOnly(409),
    },
    {
      method: 'DELETE',
      route: '/api/plan-periods/{id}',
      url: (t) => `/api/plan-periods/${t.planDraft}?version=999`,
      expect: draftOnly(409),
    },
    {
      method: 'POST',
      route: '/api/plan-periods/{id}/copy',
      url: (t) => `/api/plan-periods/${t.planPublished}/copy`,
      body: {},
      expect: hrOnly(409),
    },
    {
      method: 'POST',
      route: '/api/plan-periods/{id}/items',
      url: (t) => `/api/plan-periods/${t.planPublished}/items`,
      body: (t: Record<string, string>) => ({ initiativeId: t.planPublished, titleJa: 'x' }),
      expect: hrOnly(400),
    },
    {
      method: 'PUT',
      route: '/api/plan-items/{id}',
      url: (t) => `/api/plan-items/${t.planItem}`,
      body: { version: 999, titleJa: 'x' },
      expect: hrOnly(409),
    },
    {
      method: 'PUT',
      route: '/api/plan-items/{id}',
      url: (t) => `/api/plan-items/${t.planDraftItem}`,
      body: { version: 999, titleJa: 'x' },
      expect: draftOnly(409),
    },
    {
      method: 'DELETE',
      route: '/api/plan-items/{id}',
      url: (t) => `/api/plan-items/${t.planItem}?version=999`,
      expect: hrOnly(409),
    },
    {
      method: 'GET',
      route: '/api/plan-items/{id}/history',
      url: (t) => `/api/plan-items/${t.planItem}/history`,
      expect: all(200),
    },
    {
      method: 'GET',
      route: '/api/plan-items/{id}/history',
      url: (t) => `/api/plan-items/${t.planDraftItem}/history`,
      expect: draftOnly(200),
    },
    {
      method: 'POST',
      route: '/api/plan-items/{id}/kpis',
      url: (t) => `/api/plan-items/${t.planItem}/kpis`,
      body: { nameJa: 'x', unit: '%', source: 'computed' },
      expect: hrOnly(400),
    },
    {
      method: 'PUT',
      route: '/api/kpis/{id}',
      url: (t) => `/api/kpis/${t.planKpi}`,
      body: { version: 999, unit: '%' },
      expect: hrOnly(409),
    },
    {
      method: 'DELETE',
      route: '/api/kpis/{id}',
      url: (t) => `/api/kpis/${t.planKpi}?version=999`,
      expect: hrOnly(409),
    },
    {
      method: 'PUT',
      route: '/api/kpis/{id}/actuals/{fiscalYear}',
      url: (t) => `/api/kpis/${t.planSomuKpi}/actuals/2024`,
      body: { value: 1, version: 999 },
      expect: { ...hrOnly(409), bureau: 409 },
    },
    {
      method: 'PUT',
      route: '/api/kpis/{id}/actuals/{fiscalYear}',
      url: (t) => `/api/kpis/${t.planOtherKpi}/actuals/2024`,
      body: { value: 1, version: 999 },
      expect: hrOnly(409),
    },
    {
      method: 'GET',
      route: '/api/dashboards/rollout',
      url: () => '/api/dashboards/rollout',
      expect: dashboards,
    },
    {
      method: 'GET',
      route: '/api/dashboards/rollout/export',
      url: () => '/api/dashboards/rollout/export?format=csv&table=units',
      expect: dashboards,
    },
    {
      method: 'GET',
      route: '/api/dashboards/org-units/{id}',
      url: (t) => `/api/dashboards/org-units/${t.somuUnit}`,
      expect: ownBureau,
      returns: scoped(['bureau', 'hr', 'exec'], ['somuUnit'], ['aobaUnit']),
    },
    {
      method: 'GET',
      route: '/api/dashboards/org-units/{id}',
      url: (t) => `/api/dashboards/org-units/${t.aobaUnit}`,
      expect: otherBureau,
      returns: scoped(['hr', 'exec'], ['aobaUnit'], ['somuUnit']),
    },
    {
      method: 'GET',
      route: '/api/dashboards/org-units/{id}/export',
      url: (t) => `/api/dashboards/org-units/${t.somuUnit}/export?format=xlsx`,
      expect: ownBureau,
    },
    {
      method: 'GET',
      route: '/api/dashboards/org-units/{id}/export',
      url: (t) => `/api/dashboards/org-units/${t.aobaUnit}/export?format=xlsx`,
      expect: otherBureau,
    },
  ],
};
