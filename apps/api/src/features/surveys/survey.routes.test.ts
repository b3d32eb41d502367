/**
 * Engagement surveys through the real app: the bank, rounds, one answer per person, anonymity by
 * construction, and the k-threshold rules on every results endpoint (groups of k−1 and k, complements).
 */
import type {
  MyResponse,
  Survey,
  SurveyPage,
  SurveyQuestion,
  SurveyResponseRate,
  SurveyResults,
} from '@portal/contracts';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/app.ts';
import {
  answer,
  type Bank,
  caller,
  closeRound,
  isoDay,
  makeBank,
  openRound,
  peopleOf,
} from './survey.test-helpers.ts';

const ctx = useTestApp();
const call = caller(() => ctx().app);
let bank: Bank;

beforeAll(async () => {
  bank = await makeBank(call, ctx().database.db, 'rt');
});

const results = async (who: string, id: string, query = '') => {
  const res = await call(who, { url: `/api/surveys/${id}/results${query}` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<SurveyResults>();
};

describe('the question bank', () => {
  it('keeps questions linked to the policy, in Japanese and English, versioned', async () => {
    const list = await call('demo-hr', { url: '/api/survey-questions?q=rt-a' });
    const q = list.json<{ items: SurveyQuestion[] }>().items[0] as SurveyQuestion;
    expect(q.links.staffImages.map((s) => s.id)).toEqual([bank.staffImageId]);
    expect(q.links.tagCodes.length).toBeGreaterThan(0);
    const put = (version: number, textEn: string) =>
      call('demo-hr', {
        method: 'PUT',
        url: `/api/survey-questions/${q.id}`,
        payload: {
          version,
          kind: 'agreement5',
          textJa: q.text.ja,
          textEn,
          staffImageIds: [bank.staffImageId],
          active: true,
        },
      });
    const first = await put(q.version, 'Reworded');
    expect(first.json<SurveyQuestion>().version).toBe(q.version + 1);
    const stale = await put(q.version, 'Again');
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('stale_version');
    expect(stale.json().current.text.en).toBe('Reworded');
  });

  it('names the bad field: choices of a choice question, unknown 職員像, a code taken', async () => {
    const post = (payload: Record<string, unknown>) =>
      call('demo-hr', { method: 'POST', url: '/api/survey-questions', payload });
    const noChoices = await post({ code: 'rt-x', kind: 'single_choice', textJa: 'x' });
    expect(noChoices.statusCode).toBe(400);
    expect(noChoices.json().errors[0]).toMatchObject({ field: 'body.choices', code: 'choices_required' });
    const badLink = await post({
      code: 'rt-y',
      kind: 'agreement5',
      textJa: 'x',
      staffImageIds: ['00000000-0000-4000-8000-000000000000'],
    });
    expect(badLink.json().errors[0].field).toBe('body.staffImageIds.0');
    const taken = await post({ code: 'rt-a', kind: 'agreement5', textJa: 'x' });
    expect(taken.statusCode).toBe(409);
  });

  it('is HR’s: others get 403', async () => {
    for (const who of ['demo-staff', 'demo-bureau', 'demo-exec', 'demo-supervisor']) {
      expect((await call(who, { url: '/api/survey-questions' })).statusCode).toBe(403);
    }
  });
});

describe('rounds', () => {
  it('refuses k below 5, a reversed window, and lowering k once open', async () => {
    const db = ctx().database.db;
    const low = await call('demo-hr', {
      method: 'POST',
      url: '/api/surveys',
      payload: {
        titleJa: 'x',
        fiscalYear: 2026,
        opensOn: isoDay(0),
        closesOn: isoDay(-1),
        minGroupSize: 4,
        questionIds: [bank.agreement],
      },
    });
    expect(low.statusCode).toBe(400);
    expect(low.json().errors.map((e: { field: string }) => e.field)).toContain('body.minGroupSize');
    const round = await openRound(call, db, bank, { bureaus: ['somu'], minGroupSize: 6 });
    const lower = await call('demo-hr', {
      method: 'PUT',
      url: `/api/surveys/${round.id}`,
      payload: { ...round.body, minGroupSize: 5, version: round.version, status: 'open' },
    });
    expect(lower.statusCode).toBe(400);
    expect(lower.json().errors[0]).toMatchObject({
      field: 'body.minGroupSize',
      code: 'min_group_size_lowered',
    });
    const moved = await call('demo-hr', {
      method: 'PUT',
      url: `/api/surveys/${round.id}`,
      payload: { ...round.body, questionIds: [bank.agreement], version: round.version, status: 'open' },
    });
    expect(moved.json().errors[0]).toMatchObject({ field: 'body.questionIds', code: 'survey_locked' });
  });

  it('shows staff the rounds open to them, not others’', async () => {
    const db = ctx().database.db;
    const aoba = await openRound(call, db, bank, { bureaus: ['aoba'] });
    const somu = await openRound(call, db, bank, { bureaus: ['somu'] });
    const mine = (await call('demo-staff', { url: '/api/surveys?pageSize=100' })).json<SurveyPage>();
    expect(mine.items.map((s) => s.id)).toContain(aoba.id);
    expect(mine.items.map((s) => s.id)).not.toContain(somu.id);
    expect(mine.items.find((s) => s.id === aoba.id)?.myStatus).toBe('not_started');
    expect((await call('demo-staff', { url: `/api/surveys/${somu.id}` })).statusCode).toBe(404);
    expect((await call('demo-staff', { url: `/api/surveys/${somu.id}/my-response` })).statusCode).toBe(404);
  });
});

describe('answering: a draft, then once', () => {
  it('saves and comes back, submits once, and forgets whose it was', async () => {
    const db = ctx().database.db;
    const round = await openRound(call, db, bank, { bureaus: ['aoba'] });
    const url = `/api/surveys/${round.id}/my-response`;
    const saved = await call('demo-staff', {
      method: 'PUT',
      url,
      payload: { version: 0, answers: { [bank.agreement]: 2 } },
    });
    expect(saved.json<MyResponse>()).toMatchObject({ status: 'draft', version: 1 });
    const back = (await call('demo-staff', { url })).json<MyResponse>();
    expect(back.answers).toEqual({ [bank.agreement]: 2 });
    const bad = await call('demo-staff', {
      method: 'PUT',
      url,
      payload: { version: 1, answers: { [bank.agreement]: 9 } },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe(`body.answers.${bank.agreement}`);
    const sent = await call('demo-staff', { method: 'POST', url: `${url}/submit`, payload: { version: 1 } });
    expect(sent.statusCode, sent.body).toBe(200);
    // After submit nobody reads it back as theirs: not the person, and no draft is left
    expect((await call('demo-staff', { url })).json<MyResponse>()).toEqual({
      surveyId: round.id,
      status: 'submitted',
      answers: {},
      version: 0,
    });
    expect(await db.surveyDraft.count({ where: { surveyId: round.id } })).toBe(0);
    const again = await call('demo-staff', { method: 'POST', url: `${url}/submit`, payload: { version: 0 } });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('already_submitted');
    expect(
      (await call('demo-staff', { method: 'PUT', url, payload: { version: 0, answers: {} } })).json().code,
    ).toBe('already_submitted');
    expect(await db.surveyResponse.count({ where: { surveyId: round.id } })).toBe(1);
    // Nothing of the answer went to the audit log or an idempotency record
    const audit = await db.auditLog.findMany({ where: { entityId: round.id }, select: { action: true } });
    expect(audit.map((a) => a.action).filter((a) => a.includes('response'))).toEqual([]);
    const replay = await db.idempotencyRecord.count({ where: { scope: { contains: round.id } } });
    expect(replay).toBe(0);
  });

  it('takes one of two submits sent at once', async () => {
    const db = ctx().database.db;
    const round = await openRound(call, db, bank, { bureaus: ['izumi'] });
    const [p] = await peopleOf(db, 'izumi', 1);
    const url = `/api/surveys/${round.id}/my-response`;
    const who = p?.loginId as string;
    await call(who, { method: 'PUT', url, payload: { version: 0, answers: { [bank.agreement]: 3 } } });
    const both = await Promise.all(
      [1, 2].map(() => call(who, { method: 'POST', url: `${url}/submit`, payload: { version: 1 } })),
    );
    expect(both.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    expect(await db.surveyResponse.count({ where: { surveyId: round.id } })).toBe(1);
    expect(await db.surveyParticipation.count({ where: { surveyId: round.id } })).toBe(1);
  });

  it('takes no answer outside the window or the population', async () => {
    const db = ctx().database.db;
    const round = await openRound(call, db, bank, { bureaus: ['somu'] });
    const res = await call('demo-staff-other', {
      method: 'PUT',
      url: `/api/surveys/${round.id}/my-response`,
      payload: { version: 0, answers: {} },
    });
    expect(res.statusCode).toBe(200);
    const outside = await call('demo-staff', {
      method: 'PUT',
      url: `/api/surveys/${round.id}/my-response`,
      payload: { version: 0, answers: {} },
    });
    expect(outside.statusCode).toBe(404);
    await closeRound(call, round);
    const late = await call('demo-staff-other', {
      method: 'PUT',
      url: `/api/surveys/${round.id}/my-response`,
      payload: { version: 1, answers: {} },
    });
    expect(late.statusCode).toBe(409);
    expect(late.json().code).toBe('survey_not_accepting');
  });

  it('refuses HR, who see every round, an answer to a round that does not ask them (403 not_in_population)', async () => {
    const db = ctx().database.db;
    const round = await openRound(call, db, bank, { bureaus: ['aoba'] });
    for (const method of ['GET', 'PUT'] as const) {
      const res = await call('demo-hr', {
        method,
        url: `/api/surveys/${round.id}/my-response`,
        ...(method === 'PUT' ? { payload: { version: 0, answers: {} } } : {}),
      });
      expect(res.statusCode, method).toBe(403);
      expect(res.json().code).toBe('not_in_population');
    }
  });
});

describe('anonymity by construction', () => {
  it('has no column on an answer that ties it to a person, a time or an order', async () => {
    const db = ctx().database.db;
    const cols = await db.$queryRaw<
      { column_name: string; data_type: string; column_default: string | null }[]
    >`
      SELECT column_name, data_type, column_default FROM information_schema.columns
      WHERE table_name = 'survey_response' ORDER BY column_name`;
    expect(cols.map((c) => c.column_name)).toEqual([
      'answers',
      'bureauId',
      'gradeBand',
      'id',
      'serviceBand',
      'surveyId',
      'unitId',
      'young',
    ]);
    expect(cols.filter((c) => /time|date/.test(c.data_type))).toEqual([]);
    expect(cols.find((c) => c.column_name === 'id')?.column_default).toBe('gen_random_uuid()');
    const fks = await db.$queryRaw<{ target: string }[]>`
      SELECT ccu.table_name AS target FROM information_schema.table_constraints tc
      JOIN information_schema.constraint_column_usage ccu ON ccu.constraint_name = tc.constraint_name
      WHERE tc.table_name = 'survey_response' AND tc.constraint_type = 'FOREIGN KEY'`;
    expect(fks.map((f) => f.target)).toEqual(['survey']);
    const seqs = await db.$queryRaw<{ n: number }[]>`
      SELECT COUNT(*)::int AS n FROM information_schema.columns
      WHERE table_name IN ('survey_response', 'survey_participation') AND column_default LIKE 'nextval%'`;
    expect(seqs[0]?.n).toBe(0);
    const participation = await db.$queryRaw<{ column_name: string }[]>`
      SELECT column_name FROM information_schema.columns WHERE table_name = 'survey_participation' ORDER BY column_name`;
    expect(participation.map((c) => c.column_name)).toEqual(['staffId', 'surveyId']);
  });

  it('stores no person id inside the answers either', async () => {
    const db = ctx().database.db;
    const round = await openRound(call, db, bank, { bureaus: ['kotsu'] });
    const people = await peopleOf(db, 'kotsu', 5);
    await answer(call, round.id, people, bank);
    const rows = await db.$queryRaw<
      { answers: unknown }[]
    >`SELECT "answers" FROM "survey_response" WHERE "surveyId" = ${round.id}::uuid`;
    const text = JSON.stringify(rows);
    for (const p of people) expect(text).not.toContain(p.id);
  });
});

describe('results: the k-threshold on every endpoint', () => {
  it('shows a group of k and hides one of k−1 (results, response rate, export)', async () => {
    const db = ctx().database.db;
    const round = await openRound(call, db, bank, { bureaus: ['zaisei', 'shimin', 'kankyo'] });
    const [a, b, c] = await Promise.all([
      peopleOf(db, 'zaisei', 5),
      peopleOf(db, 'shimin', 4),
      peopleOf(db, 'kankyo', 1),
    ]);
    await answer(call, round.id, [...a, ...b, ...c], bank);
    // While open: no figures at all (they would move answer by answer)
    expect((await results('demo-hr', round.id)).available).toBe(false);
    await closeRound(call, round);
    const units = await db.orgUnit.findMany({
      where: { code: { in: ['zaisei', 'shimin'] } },
      select: { id: true, code: true },
    });
    const zaisei = units.find((u) => u.code === 'zaisei')?.id as string;
    const shimin = units.find((u) => u.code === 'shimin')?.id as string;

    const byBureau = await results('demo-hr', round.id, '?groupBy=bureau');
    expect(byBureau.overall).toMatchObject({ suppressed: false, respondents: 10 });
    const g = new Map(byBureau.groups.map((x) => [x.key, x]));
    expect(g.get(zaisei)).toMatchObject({ suppressed: false, respondents: 5 });
    // agreement 4 of 5 → 75, 8 of 10 → 80: the 職員像's score is their mean
    expect(g.get(zaisei)?.staffImages?.find((s) => s.id === bank.staffImageId)?.score).toBe(77.5);
    expect(g.get(shimin)).toEqual({
      key: shimin,
      label: expect.anything(),
      suppressed: true,
      reason: 'below_k',
    });
    // Free text only for the whole (≥ k), never per group
    expect(byBureau.overall.questions?.find((q) => q.questionId === bank.text)?.comments).toHaveLength(10);
    expect(g.get(zaisei)?.questions?.find((q) => q.questionId === bank.text)?.comments).toBeUndefined();

    const k = await results('demo-hr', round.id, `?orgUnitId=${zaisei}`);
    expect(k.overall).toMatchObject({ suppressed: false, respondents: 5 });
    const kMinus1 = await results('demo-hr', round.id, `?orgUnitId=${shimin}`);
    expect(kMinus1.overall).toEqual({
      key: 'all',
      label: expect.anything(),
      suppressed: true,
      reason: 'below_k',
    });
    expect(JSON.stringify(kMinus1)).not.toContain('respondents');

    const csv = await call('demo-hr', {
      url: `/api/surveys/${round.id}/results/export?groupBy=bureau&format=csv`,
    });
    expect(csv.statusCode).toBe(200);
    const line = csv.body.split('\r\n').find((l) => l.startsWith('市民局'));
    expect(line).toMatch(/^市民局,,+非表示/);
    const xlsx = await call('demo-hr', {
      url: `/api/surveys/${round.id}/results/export?groupBy=bureau&format=xlsx`,
    });
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
  });

  it('suppresses the complement: a k−1 group is not revealed by total minus the others', async () => {
    const db = ctx().database.db;
    const round = await openRound(call, db, bank, { bureaus: ['keizai', 'kyoiku', 'suido'] });
    const [a, b, c] = await Promise.all([
      peopleOf(db, 'keizai', 5),
      peopleOf(db, 'kyoiku', 4),
      peopleOf(db, 'suido', 6),
    ]);
    await answer(call, round.id, a, bank, 5);
    await answer(call, round.id, b, bank, 1);
    await answer(call, round.id, c, bank, 3);
    await closeRound(call, round);
    const units = await db.orgUnit.findMany({
      where: { code: { in: ['keizai', 'kyoiku', 'suido'] } },
      select: { id: true, code: true },
    });
    const id = (code: string) => units.find((u) => u.code === code)?.id as string;
    const r = await results('demo-hr', round.id, '?groupBy=bureau');
    const g = new Map(r.groups.map((x) => [x.key, x]));
    expect(r.overall.respondents).toBe(15);
    expect(g.get(id('kyoiku'))).toMatchObject({ suppressed: true, reason: 'below_k' });
    expect(g.get(id('keizai'))).toMatchObject({ suppressed: true, reason: 'complement' });
    expect(g.get(id('suido'))).toMatchObject({ suppressed: false, respondents: 6 });
    // The hidden together are at least k: whole − shown never isolates fewer than k
    const shown = r.groups.filter((x) => !x.suppressed).reduce((s, x) => s + (x.respondents ?? 0), 0);
    expect((r.overall.respondents ?? 0) - shown).toBeGreaterThanOrEqual(5);
  });

  it('response rate: counts only, and none for a group of fewer than k people', async () => {
    const db = ctx().database.db;
    const round = await openRound(call, db, bank, { bureaus: ['aoba'] });
    const people = await peopleOf(db, 'aoba', 5);
    await answer(call, round.id, people, bank);
    const hr = await call('demo-hr', { url: `/api/surveys/${round.id}/response-rate?groupBy=bureau` });
    const rate = hr.json<SurveyResponseRate>();
    expect(rate.overall).toMatchObject({ suppressed: false, eligible: 21, answered: 5 });
    expect(hr.body).not.toMatch(/loginId|staffId|"name/);
    // A 係 of four people (k−1) shows nothing
    const unit = async (code: string) =>
      (await db.orgUnit.findUniqueOrThrow({ where: { code }, select: { id: true } })).id;
    const rateOf = async (code: string) =>
      (
        await call('demo-hr', { url: `/api/surveys/${round.id}/response-rate?orgUnitId=${await unit(code)}` })
      ).json<SurveyResponseRate>().overall;
    const section = { id: await unit('aoba-1-1-1') };
    const small = await rateOf('aoba-1-1-1');
    expect(small).toMatchObject({ suppressed: true, reason: 'below_k' });
    expect(small.eligible).toBeUndefined();
    // The 区 (21 asked) holds its own two people and one 部 (19: its 部長 and two 課 of nine). The 区
    // minus the 部 would give those two, so the 部 is hidden as the complement — and so is each 課 below
    // it, or the 区 minus both 課 would give three people (the 区's two and the 部長). The 区 shows.
    expect(await rateOf('aoba-1')).toMatchObject({ suppressed: true, reason: 'complement' });
    for (const code of ['aoba-1-1', 'aoba-1-2']) {
      const d = await rateOf(code);
      expect(d).toMatchObject({ suppressed: true, reason: 'complement' });
      expect(d.eligible).toBeUndefined();
    }
    expect(await rateOf('aoba')).toMatchObject({ suppressed: false, eligible: 21 });
    const division = { id: await unit('aoba-1-1') };
    // The 所属長 of that 係 reads only their own unit, and it is below k
    const sup = (
      await call('demo-supervisor', { url: `/api/surveys/${round.id}/response-rate` })
    ).json<SurveyResponseRate>();
    expect(sup.orgUnit?.id).toBe(section.id);
    expect(sup.overall.suppressed).toBe(true);
    expect(
      (
        await call('demo-supervisor', {
          url: `/api/surveys/${round.id}/response-rate?orgUnitId=${division.id}`,
        })
      ).statusCode,
    ).toBe(404);
  });

  it('reaches: bureau officers their 局・区, a 所属長 their unit, staff nothing', async () => {
    const db = ctx().database.db;
    const round = await openRound(call, db, bank, { bureaus: ['somu', 'aoba'] });
    await answer(call, round.id, await peopleOf(db, 'somu', 6), bank);
    await closeRound(call, round);
    const aoba = await db.orgUnit.findUniqueOrThrow({ where: { code: 'aoba' }, select: { id: true } });
    const somu = await results('demo-bureau', round.id);
    expect(somu.overall).toMatchObject({ suppressed: false, respondents: 6 });
    expect(
      (await call('demo-bureau', { url: `/api/surveys/${round.id}/results?orgUnitId=${aoba.id}` }))
        .statusCode,
    ).toBe(404);
    expect((await results('demo-exec', round.id, `?orgUnitId=${aoba.id}`)).overall.suppressed).toBe(true);
    const sup = await results('demo-supervisor', round.id);
    expect(sup.overall.suppressed).toBe(true);
    expect((await call('demo-staff', { url: `/api/surveys/${round.id}/results` })).statusCode).toBe(403);
  });

  it('compares with the previous round in the same scope', async () => {
    const db = ctx().database.db;
    const first = await openRound(call, db, bank, { bureaus: ['shobo'] });
    const people = await peopleOf(db, 'shobo', 10);
    await answer(call, first.id, people.slice(0, 5), bank, 2);
    await closeRound(call, first);
    const second = await openRound(call, db, bank, { bureaus: ['shobo'], previousId: first.id });
    await answer(call, second.id, people.slice(5), bank, 5);
    await closeRound(call, second);
    const r = await results('demo-hr', second.id);
    const score = (g: SurveyResults['overall'] | undefined) =>
      g?.staffImages?.find((s) => s.id === bank.staffImageId)?.score;
    expect(score(r.overall)).toBe(100);
    expect(score(r.previous?.overall)).toBe(32.5); // agreement 2 → 25, 4 of 10 → 40
  });
});

describe('free text', () => {
  it('removes obvious names', async () => {
    const db = ctx().database.db;
    const round = await openRound(call, db, bank, { bureaus: ['bosai'] });
    await answer(
      call,
      round.id,
      await peopleOf(db, 'bosai', 5),
      bank,
      4,
      '佐藤課長に相談しやすい。Mr. Smith も。',
    );
    await closeRound(call, round);
    const r = await results('demo-hr', round.id);
    const comments = r.overall.questions?.find((q) => q.questionId === bank.text)?.comments ?? [];
    expect(comments).toHaveLength(5);
    expect(comments[0]).not.toContain('佐藤');
    expect(comments[0]).not.toContain('Smith');
  });
});

describe('listing for HR', () => {
  it('shows drafts to HR only', async () => {
    const created = await call('demo-hr', {
      method: 'POST',
      url: '/api/surveys',
      payload: {
        titleJa: '下書き',
        fiscalYear: 2026,
        opensOn: isoDay(1),
        closesOn: isoDay(9),
        questionIds: [bank.agreement],
      },
    });
    const { id } = created.json<Survey>();
    expect((await call('demo-hr', { url: `/api/surveys/${id}` })).statusCode).toBe(200);
    for (const who of ['demo-staff', 'demo-exec', 'demo-bureau']) {
      expect((await call(who, { url: `/api/surveys/${id}` })).statusCode).toBe(404);
    }
  });
});

describe('reminders', () => {
  it('go to the population’s people who have not answered, once a day, and tell HR only how many', async () => {
    const db = ctx().database.db;
    const round = await openRound(call, db, bank, { bureaus: ['wakabayashi'] });
    const answered = await peopleOf(db, 'wakabayashi', 3);
    await answer(call, round.id, answered, bank);
    const res = await call('demo-hr', { method: 'POST', url: `/api/surveys/${round.id}/reminders` });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ reminded: 21 - 3 });
    const told = await db.notification.findMany({
      where: { kind: 'survey.reminder', link: `/surveys/${round.id}/answer` },
      select: { recipientId: true, params: true },
    });
    const bureau = await db.orgUnit.findUniqueOrThrow({
      where: { code: 'wakabayashi' },
      select: { id: true },
    });
    const population = await db.staff.findMany({
      where: { disabledAt: null, assignments: { some: { endsOn: null, orgUnit: { bureauId: bureau.id } } } },
      select: { id: true },
    });
    const expected = population.map((p) => p.id).filter((id) => !answered.some((a) => a.id === id));
    expect(told.map((n) => n.recipientId).sort()).toEqual(expected.sort());
    // The notice names the round, nobody else
    expect(JSON.stringify(told[0]?.params)).not.toMatch(/staff|name/i);
    // Again today: nobody is told twice
    const again = await call('demo-hr', { method: 'POST', url: `/api/surveys/${round.id}/reminders` });
    expect(again.json()).toEqual({ reminded: 0 });
    // Only HR sends them, only while the round is open
    expect(
      (await call('demo-bureau', { method: 'POST', url: `/api/surveys/${round.id}/reminders` })).statusCode,
    ).toBe(403);
    await closeRound(call, round);
    expect(
      (await call('demo-hr', { method: 'POST', url: `/api/surveys/${round.id}/reminders` })).statusCode,
    ).toBe(409);
  });
});
