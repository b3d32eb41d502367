/**
 * The head count HR sees before opening a 自己申告 round: the number of people the population of 局・区
 * and grades holds is the number the opened round then lists, counts in its progress and exports.
 */
import type { PopulationCount, SelfDeclarationListPage, SelfDeclarationProgress } from '@portal/contracts';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/app.ts';
import { today } from '../../access/access.ts';
import { actors } from '../career/career.test-helpers.ts';

const ctx = useTestApp();
const as = actors(() => ctx().app);
const shift = (days: number) => new Date(today().getTime() + days * 86_400_000).toISOString().slice(0, 10);
const countUrl = (bureauIds: string[], gradeIds: string[] = []) =>
  `/api/self-declaration-rounds/population-count?bureauIds=${bureauIds.join(',')}&gradeIds=${gradeIds.join(',')}`;

let aobaId = '';
let miyaginoId = '';
let shujiId = '';

beforeAll(async () => {
  const { db } = ctx().database;
  aobaId = (await db.orgUnit.findUniqueOrThrow({ where: { code: 'aoba' } })).id;
  miyaginoId = (await db.orgUnit.findUniqueOrThrow({ where: { code: 'miyagino' } })).id;
  shujiId = (await db.grade.findUniqueOrThrow({ where: { code: 'shuji' } })).id;
});

/** Opens a round for the population and reads who it reaches: its people (HR's list) and its progress. */
async function openAndRead(bureauIds: string[], gradeIds: string[]) {
  const created = await as('demo-hr').post('/api/self-declaration-rounds', {
    fiscalYear: 2026,
    title: { ja: '人数確認の回' },
    opensOn: shift(-1),
    closesOn: shift(10),
    bureauIds,
    gradeIds,
  });
  expect(created.statusCode, created.body).toBe(201);
  const id = created.json<{ id: string }>().id;
  const people = (
    await as('demo-hr').get(`/api/self-declaration-rounds/${id}/declarations?pageSize=100`)
  ).json<SelfDeclarationListPage>();
  const progress = (
    await as('demo-hr').get(`/api/self-declaration-rounds/${id}/progress`)
  ).json<SelfDeclarationProgress>();
  return { listed: people.total, population: progress.total.population };
}

describe('the head count of a 自己申告 population', () => {
  it('equals the people the opened round reaches, for a 局・区, two, a grade within them, and everyone', async () => {
    const cases: [string[], string[]][] = [
      [[aobaId], []],
      [[aobaId, miyaginoId], []],
      [[aobaId, miyaginoId], [shujiId]],
      [[], []],
    ];
    const counts: number[] = [];
    for (const [bureaus, grades] of cases) {
      const answer = await as('demo-hr').get(countUrl(bureaus, grades));
      expect(answer.statusCode, answer.body).toBe(200);
      const { count, on } = answer.json<PopulationCount>();
      expect(on).toBe(shift(0));
      const reached = await openAndRead(bureaus, grades);
      expect(reached.population).toBe(count);
      if (count <= 100) expect(reached.listed).toBe(count);
      counts.push(count);
    }
    const [aoba = 0, two = 0, shuji = 0, everyone = 0] = counts;
    expect(aoba).toBeGreaterThan(0);
    expect(two).toBeGreaterThan(aoba);
    expect(shuji).toBeGreaterThan(0);
    expect(shuji).toBeLessThan(two);
    expect(everyone).toBeGreaterThan(two);
  });

  it('leaves out a person who is disabled, and counts them again once enabled', async () => {
    const { db } = ctx().database;
    const before = (await as('demo-hr').get(countUrl([aobaId]))).json<PopulationCount>().count;
    const someone = await db.staff.findFirstOrThrow({
      where: {
        disabledAt: null,
        loginId: { not: { startsWith: 'demo-' } },
        assignments: { some: { endsOn: null, orgUnit: { bureauId: aobaId } } },
      },
      select: { id: true },
    });
    await db.staff.update({ where: { id: someone.id }, data: { disabledAt: new Date() } });
    expect((await as('demo-hr').get(countUrl([aobaId]))).json<PopulationCount>().count).toBe(before - 1);
    await db.staff.update({ where: { id: someone.id }, data: { disabledAt: null } });
    expect((await as('demo-hr').get(countUrl([aobaId]))).json<PopulationCount>().count).toBe(before);
  });

  it('is HR’s alone; a value that is not a 局・区 or a grade is a 400 naming it', async () => {
    for (const login of ['demo-staff', 'demo-supervisor', 'demo-bureau', 'demo-exec']) {
      expect((await as(login).get(countUrl([aobaId]))).statusCode).toBe(403);
    }
    const notUuid = await as('demo-hr').get(countUrl(['nonsense']));
    expect(notUuid.statusCode).toBe(400);
    expect(notUuid.json<{ errors: { field: string }[] }>().errors[0]?.field).toBe('query.bureauIds.0');
    // a grade's id where a 局・区 belongs, and a 局・区's where a grade does
    const swapped = await as('demo-hr').get(countUrl([aobaId, shujiId], [aobaId]));
    expect(swapped.statusCode).toBe(400);
    expect(
      swapped
        .json<{ errors: { field: string }[] }>()
        .errors.map((e) => e.field)
        .sort(),
    ).toEqual(['query.bureauIds.1', 'query.gradeIds.0']);
  });
});
