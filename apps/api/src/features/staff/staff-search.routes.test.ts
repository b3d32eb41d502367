/**
 * Staff search reads a reading however it is typed: さとう, ｻﾄｳ and サトウ find the same people, and a
 * reading stored in hiragana is found by katakana; full-width letters and digits are narrowed.
 */
import type { StaffPage } from '@portal/contracts';
import { beforeAll, describe, expect, it } from 'vitest';
import { signIn, useTestApp } from '../../../test/app.ts';

const ctx = useTestApp();
let cookie = '';
const search = async (q: string) => {
  const res = await ctx().app.inject({
    url: `/api/staff?pageSize=100&q=${encodeURIComponent(q)}`,
    headers: { cookie },
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<StaffPage>();
};

beforeAll(async () => {
  cookie = await signIn(ctx().app, 'demo-hr');
});

describe('staff search', () => {
  it('finds the same people for さとう, ｻﾄｳ, サトウ and Ｓａｔｏ', async () => {
    const katakana = await search('サトウ');
    expect(katakana.total).toBeGreaterThan(0);
    const ids = katakana.items.map((s) => s.id).sort();
    for (const typed of ['さとう', 'ｻﾄｳ']) {
      expect((await search(typed)).items.map((s) => s.id).sort(), typed).toEqual(ids);
    }
    const latin = await search('Sato');
    expect((await search('Ｓａｔｏ')).items.map((s) => s.id).sort()).toEqual(
      latin.items.map((s) => s.id).sort(),
    );
  });

  it('finds a reading stored in hiragana by katakana', async () => {
    const { db } = ctx().database;
    const someone = await db.staff.findFirstOrThrow({ where: { loginId: 'demo-staff-other' } });
    await db.staff.update({ where: { id: someone.id }, data: { nameKana: 'あずま なな' } });
    expect((await search('アズマ')).items.map((s) => s.id)).toContain(someone.id);
    expect((await search('ｱｽﾞﾏ')).items.map((s) => s.id)).toContain(someone.id);
  });
});
