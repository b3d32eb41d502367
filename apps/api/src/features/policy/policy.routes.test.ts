import type { PolicyTree } from '@portal/contracts';
import { describe, expect, it } from 'vitest';
import { policySeed } from '../../../../../prisma/seed/policy.data.ts';
import { signIn, useTestApp } from '../../../test/app.ts';

const ctx = useTestApp();
const get = async () => {
  const { app } = ctx();
  return app.inject({
    method: 'GET',
    url: '/api/policy',
    headers: { cookie: await signIn(app, 'demo-staff') },
  });
};

describe('GET /api/policy', () => {
  it('serves the seeded policy tree from the database', async () => {
    const res = await get();
    expect(res.statusCode).toBe(200);
    const tree = res.json<PolicyTree>();
    expect(tree.title.ja).toBe('仙台市人材育成基本方針');
    expect(tree.period).toMatchObject({ startFiscalYear: 2021, endFiscalYear: 2030 });
    expect(tree.staffImages.map((s) => s.title.ja)).toEqual(policySeed.staffImages.map((s) => s.title.ja));
    expect(tree.priorityPolicies.map((p) => [p.tag.code, p.focusItems.length])).toEqual([
      ['young', 2],
      ['workplace', 1],
      ['combined', 2],
    ]);
    expect(tree.policyAreas.map((a) => a.initiatives.length)).toEqual([5, 5, 3]);
    const exchange = tree.policyAreas[1]?.initiatives[3];
    expect(exchange?.title.ja).toBe('多様な経験を培う内外の交流推進');
    expect(exchange?.tags.map((t) => t.code)).toEqual(['young', 'combined']);
    expect(tree.policyAreas[0]?.initiatives[2]?.tags).toEqual([]);
    expect(tree.promotionBodies.flatMap((b) => b.roles.map((r) => r.holder.ja))).toEqual([
      '市長',
      '副市長',
      '各局長・区長',
      '各次長・副区長',
    ]);
    expect(tree.actors.map((a) => a.duties.length)).toEqual([3, 3, 1, 3]);
    expect(tree.planPeriods[0]).toMatchObject({ ordinal: 1, startFiscalYear: 2021, endFiscalYear: 2023 });
  });

  it('reads what is in the database, not a copy in code', async () => {
    const { db } = ctx().database;
    await db.staffImage.updateMany({
      where: { code: 'pride' },
      data: { titleEn: 'Staff who work with pride (edited)' },
    });
    const tree = (await get()).json<PolicyTree>();
    expect(tree.staffImages[0]?.title.en).toBe('Staff who work with pride (edited)');
  });

  it('seeding again changes nothing and duplicates nothing', async () => {
    const { db } = ctx().database;
    const { seedPolicy } = await import('../../db/seed/policy.seed.ts');
    const before = await Promise.all([db.initiative.count(), db.initiativeTag.count(), db.focusItem.count()]);
    await seedPolicy(db);
    const after = await Promise.all([db.initiative.count(), db.initiativeTag.count(), db.focusItem.count()]);
    expect(after).toEqual(before);
    expect(before).toEqual([13, 13, 5]);
  });
});
