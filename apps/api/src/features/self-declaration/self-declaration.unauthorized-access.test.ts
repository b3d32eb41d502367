/**
 * B gets nothing of A's: A (demo-staff, 青葉区) has a submitted 自己申告 with 配慮事項; B (demo-staff-other,
 * 総務局), 総務局's bureau officer and an executive find A in no list of the round and meet 404 on every
 * route that touches A's declaration — and nowhere the 配慮事項.
 */
import type { SelfDeclarationListPage } from '@portal/contracts';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/app.ts';
import { TEST_SENSITIVE_KEYS } from '../../../test/sensitive-keys.ts';
import { today } from '../../access/access.ts';
import { actors, idOf } from '../career/career.test-helpers.ts';
import { createSelfDeclarationRepository } from './self-declaration.repository.ts';

const ctx = useTestApp();
const as = actors(() => ctx().app);
const SECRET = '配慮事項ひみつマーカー';
let a = '';
let roundId = '';

beforeAll(async () => {
  const { db } = ctx().database;
  a = await idOf(db, 'demo-staff');
  const day = today().getTime();
  roundId = (
    await db.selfDeclarationRound.create({
      data: {
        fiscalYear: 2026,
        titleJa: '全職員の自己申告',
        titleEn: 'Everyone',
        opensOn: new Date(day - 86_400_000),
        closesOn: new Date(day + 10 * 86_400_000),
      },
    })
  ).id;
  const d = await db.selfDeclaration.create({
    data: { roundId, staffId: a, status: 'submitted', submittedAt: new Date(), reflection: 'Aの振り返り' },
  });
  await db.$transaction((tx) =>
    createSelfDeclarationRepository(TEST_SENSITIVE_KEYS).upsertConsideration(tx, d.id, {
      health: '',
      care: '',
      family: SECRET,
    }),
  );
});

describe.each(['demo-staff-other', 'demo-bureau', 'demo-exec'])('%s and demo-staff’s 自己申告', (b) => {
  it('finds A in no list of the round', async () => {
    for (const status of ['', '&status=submitted']) {
      const res = await as(b).get(
        `/api/self-declaration-rounds/${roundId}/declarations?pageSize=100${status}`,
      );
      expect(res.statusCode).toBe(200);
      expect(res.json<SelfDeclarationListPage>().items.map((i) => i.staff.id)).not.toContain(a);
      expect(res.body).not.toContain(SECRET);
    }
  });

  it('meets 404 on every route that touches A’s declaration, and never the 配慮事項', async () => {
    const url = `/api/staff/${a}/self-declarations/${roundId}`;
    for (const res of [
      await as(b).get(url),
      await as(b).put(url, { reflection: 'x', version: 1 }),
      await as(b).post(`${url}/submit`, { version: 1 }),
      await as(b).post(`${url}/interview`, { heldOn: '2026-04-01', opinion: 'x', version: 1 }),
    ]) {
      expect(res.statusCode).toBe(404);
      expect(res.body).not.toContain(SECRET);
    }
  });

  it('may not read the round’s progress or export (HR’s)', async () => {
    for (const path of ['progress', 'export?format=csv', 'export?format=csv&sensitive=true']) {
      const res = await as(b).get(`/api/self-declaration-rounds/${roundId}/${path}`);
      expect(res.statusCode).toBe(403);
      expect(res.body).not.toContain(SECRET);
    }
  });
});
