/**
 * HR changes a round's キャリア選択 fields and 庁内公募 posts after people have chosen them: a kept one
 * stays chosen, a removed one drops out of every declaration (never a 500, never a dangling id that
 * would refuse the person's next save), and a form still open on the old declaration is told it is stale.
 */
import { randomUUID } from 'node:crypto';
import type { SelfDeclaration, SelfDeclarationRound } from '@portal/contracts';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/app.ts';
import { today } from '../../access/access.ts';
import { actors, idOf } from '../career/career.test-helpers.ts';

const ctx = useTestApp();
const as = actors(() => ctx().app);
const shift = (days: number) => new Date(today().getTime() + days * 86_400_000).toISOString().slice(0, 10);

let staffId = '';
beforeAll(async () => {
  staffId = await idOf(ctx().database.db, 'demo-staff');
});

const roundInput = (round: SelfDeclarationRound) => ({
  fiscalYear: round.fiscalYear,
  title: round.title,
  guidance: round.guidance,
  opensOn: round.opensOn,
  closesOn: round.closesOn,
  bureauIds: round.bureaus.map((b) => b.id),
  gradeIds: round.grades.map((g) => g.id),
  careerFields: round.careerFields.map((f) => ({ id: f.id, name: f.name, description: f.description })),
  publicPosts: round.publicPosts.map((p) => ({
    id: p.id,
    title: p.title,
    orgUnitId: p.orgUnit?.id ?? null,
    description: p.description,
    openings: p.openings,
  })),
});

describe('removing a field or a post someone chose', () => {
  it('drops it from their declaration; the kept ones stay; their next save and the export work', async () => {
    const created = await as('demo-hr').post('/api/self-declaration-rounds', {
      fiscalYear: 2026,
      title: { ja: '公募の削除を確かめる回' },
      opensOn: shift(-1),
      closesOn: shift(10),
      careerFields: [{ name: { ja: 'DX推進' } }, { name: { ja: '福祉' } }],
      publicPosts: [
        { title: { ja: 'スタートアップ支援' }, openings: 2 },
        { title: { ja: '国際交流' }, openings: 1 },
      ],
    });
    expect(created.statusCode, created.body).toBe(201);
    const round = created.json<SelfDeclarationRound>();
    const [dx, welfare] = round.careerFields;
    const [startup, intl] = round.publicPosts;
    const url = `/api/staff/${staffId}/self-declarations/${round.id}`;
    const saved = await as('demo-staff').put(url, {
      version: 0,
      reflection: '公募に関心があります',
      careerFieldIds: [dx?.id, welfare?.id],
      publicPostIds: [startup?.id, intl?.id],
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const before = saved.json<SelfDeclaration>();

    // HR removes 福祉 and スタートアップ支援, keeps the others and adds a post
    const input = roundInput(round);
    const changed = await as('demo-hr').put(`/api/self-declaration-rounds/${round.id}`, {
      ...input,
      careerFields: input.careerFields.filter((f) => f.id === dx?.id),
      publicPosts: [
        ...input.publicPosts.filter((p) => p.id === intl?.id),
        { title: { ja: '新しい公募' }, openings: 1 },
      ],
      version: round.version,
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json<SelfDeclarationRound>().publicPosts.map((p) => p.title.ja)).toEqual([
      '国際交流',
      '新しい公募',
    ]);

    const after = (await as('demo-staff').get(url)).json<SelfDeclaration>();
    expect(after.careerFieldIds).toEqual([dx?.id]);
    expect(after.publicPostIds).toEqual([intl?.id]);
    expect(after.reflection).toBe('公募に関心があります');
    expect(after.version).toBe(before.version + 1);

    // a form still open on the old version is told it is stale, with the current declaration
    const stale = await as('demo-staff').put(url, {
      version: before.version,
      reflection: '古い画面から',
      careerFieldIds: [dx?.id],
      publicPostIds: [intl?.id],
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json<{ current: SelfDeclaration }>().current.publicPostIds).toEqual([intl?.id]);
    // saving what is read back works
    const again = await as('demo-staff').put(url, {
      version: after.version,
      reflection: after.reflection,
      careerFieldIds: after.careerFieldIds,
      publicPostIds: after.publicPostIds,
    });
    expect(again.statusCode, again.body).toBe(200);
    // a removed post cannot be chosen any more: a 400 naming it, not a 500
    const removed = await as('demo-staff').put(url, {
      version: again.json<SelfDeclaration>().version,
      publicPostIds: [startup?.id],
    });
    expect(removed.statusCode).toBe(400);
    expect(removed.json<{ errors: { field: string }[] }>().errors[0]?.field).toBe('body.publicPostIds.0');

    const exported = await as('demo-hr').get(`/api/self-declaration-rounds/${round.id}/export?format=csv`);
    expect(exported.statusCode).toBe(200);
    expect(exported.body).toContain('国際交流');
    expect(exported.body).not.toContain('スタートアップ支援');
  });

  it('a form still open on an old version that sends a removed post is told it is stale, not that the post is unknown', async () => {
    const created = await as('demo-hr').post('/api/self-declaration-rounds', {
      fiscalYear: 2026,
      title: { ja: '古い画面の公募を確かめる回' },
      opensOn: shift(-1),
      closesOn: shift(10),
      publicPosts: [
        { title: { ja: '観光振興' }, openings: 1 },
        { title: { ja: '子育て支援' }, openings: 1 },
      ],
    });
    expect(created.statusCode, created.body).toBe(201);
    const round = created.json<SelfDeclarationRound>();
    const [tourism, childcare] = round.publicPosts;
    const url = `/api/staff/${staffId}/self-declarations/${round.id}`;
    // no declaration yet: a version other than 0 is stale, whatever it chooses
    const early = await as('demo-staff').put(url, { version: 3, publicPostIds: [randomUUID()] });
    expect(early.statusCode, early.body).toBe(409);
    expect(early.json<{ code: string; current: SelfDeclaration }>()).toMatchObject({
      code: 'stale_version',
      current: { version: 0, publicPostIds: [] },
    });

    const saved = await as('demo-staff').put(url, {
      version: 0,
      publicPostIds: [tourism?.id, childcare?.id],
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const old = saved.json<SelfDeclaration>();

    const input = roundInput(round);
    const changed = await as('demo-hr').put(`/api/self-declaration-rounds/${round.id}`, {
      ...input,
      publicPosts: input.publicPosts.filter((p) => p.id === childcare?.id),
      version: round.version,
    });
    expect(changed.statusCode, changed.body).toBe(200);

    // the old form still lists 観光振興: the answer is the 409 with the declaration as it now is
    const stale = await as('demo-staff').put(url, {
      version: old.version,
      publicPostIds: [tourism?.id, childcare?.id],
    });
    expect(stale.statusCode, stale.body).toBe(409);
    const answer = stale.json<{ code: string; current: SelfDeclaration }>();
    expect(answer.code).toBe('stale_version');
    expect(answer.current.version).toBe(old.version + 1);
    expect(answer.current.publicPostIds).toEqual([childcare?.id]);
  });
});
