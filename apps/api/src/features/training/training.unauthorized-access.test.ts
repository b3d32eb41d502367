/**
 * B gets nothing of A's: A (demo-staff, 青葉区) has applications in every state; B (demo-staff-other,
 * 総務局) and the 総務局's bureau officer find none of them in any list and meet 404 on every route
 * that touches them. A course no longer offered is a 404 to those who do not manage it.
 */
import type { TrainingApplicationPage, TrainingPage } from '@portal/contracts';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/app.ts';
import { caller, idOf } from './training.test-helpers.ts';

const ctx = useTestApp();
const call = caller(() => ctx().app);
let applicationIds: string[] = [];
let sessionIds: string[] = [];

beforeAll(async () => {
  const db = ctx().database.db;
  const a = await idOf(db, 'demo-staff');
  const rows = await db.trainingApplication.findMany({
    where: { staffId: a, session: { training: { kind: { not: 'departmental' } } } },
    select: { id: true, sessionId: true, status: true },
  });
  applicationIds = rows.map((r) => r.id);
  sessionIds = rows.map((r) => r.sessionId);
  // the demo gives A applications waiting, accepted, completed — each a door B must find closed
  expect(new Set(rows.map((r) => r.status))).toEqual(new Set(['applied', 'accepted']));
});

describe.each(['demo-staff-other', 'demo-bureau'])('%s and demo-staff’s training', (b) => {
  it('finds none of them in any list', async () => {
    for (const query of ['mine=true', 'inbox=acceptance', 'status=applied&status=accepted']) {
      const res = await call(b, { url: `/api/applications?${query}&pageSize=100` });
      if (res.statusCode === 403) continue; // an inbox this role does not have
      const page = res.json<TrainingApplicationPage>();
      expect(page.items.filter((x) => applicationIds.includes(x.id))).toEqual([]);
    }
  });

  it('meets 404 on every route that touches them', async () => {
    for (const id of applicationIds) {
      const routes = [
        { method: 'GET' as const, url: `/api/applications/${id}` },
        {
          method: 'POST' as const,
          url: `/api/applications/${id}/decision`,
          payload: { decision: 'approve' },
        },
        { method: 'POST' as const, url: `/api/applications/${id}/decision`, payload: { decision: 'accept' } },
        { method: 'POST' as const, url: `/api/applications/${id}/withdraw` },
        {
          method: 'POST' as const,
          url: `/api/applications/${id}/feedback`,
          payload: { satisfaction: 1, usefulness: 1 },
        },
        { method: 'POST' as const, url: `/api/applications/${id}/practice-report`, payload: { body: 'x' } },
        { method: 'POST' as const, url: `/api/applications/${id}/practice-report/confirm`, payload: {} },
      ];
      for (const r of routes) {
        const res = await call(b, r);
        expect(res.statusCode, `${r.method} ${r.url}`).toBe(404);
      }
    }
  });

  it('is refused, or finds each reported not found, in a bulk decision — and nothing changes', async () => {
    const db = ctx().database.db;
    const before = await db.trainingApplication.findMany({
      where: { id: { in: applicationIds } },
      select: { id: true, status: true, version: true },
    });
    const items = before.map((a) => ({ id: a.id, version: a.version }));
    for (const decision of ['approve', 'accept']) {
      const res = await call(b, {
        method: 'POST',
        url: '/api/training-applications/bulk-decisions',
        payload: { decision, items },
      });
      if (res.statusCode === 403) continue; // a decision this role does not take
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().results.every((r: { outcome: string }) => r.outcome === 'not_found')).toBe(true);
      expect(res.body).not.toContain('Wakabayashi');
    }
    const after = await db.trainingApplication.findMany({
      where: { id: { in: applicationIds } },
      select: { id: true, status: true, version: true },
    });
    expect(after).toEqual(before);
  });

  it('cannot read the rosters of the institute’s sessions either', async () => {
    for (const id of new Set(sessionIds)) {
      const res = await call(b, { url: `/api/training-sessions/${id}/roster` });
      expect(res.statusCode).toBe(403);
      expect(res.body).not.toContain('Wakabayashi');
    }
  });
});

describe('courses no longer offered', () => {
  it('are a 404 to readers who do not manage them', async () => {
    const db = ctx().database.db;
    const old = await db.training.create({
      data: {
        code: 'OLD-1',
        titleJa: '廃止した研修',
        titleEn: 'Retired',
        kind: 'institute_elective',
        active: false,
      },
    });
    for (const who of ['demo-staff', 'demo-bureau', 'demo-exec']) {
      expect((await call(who, { url: `/api/trainings/${old.id}` })).statusCode).toBe(404);
      expect((await call(who, { url: `/api/trainings/${old.id}/sessions` })).statusCode).toBe(404);
      const list = (
        await call(who, { url: '/api/trainings?includeInactive=true&pageSize=100' })
      ).json<TrainingPage>();
      expect(list.items.map((t) => t.id)).not.toContain(old.id);
    }
    expect((await call('demo-hr', { url: `/api/trainings/${old.id}` })).statusCode).toBe(200);
  });
});
