import type {
  ExperienceMap,
  ExperienceSearchPage,
  SelfDeclaration,
  SelfDeclarationListPage,
  SelfDeclarationProgress,
  SelfDeclarationRound,
  SelfDeclarationRoundPage,
} from '@portal/contracts';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/app.ts';
import { today } from '../../access/access.ts';
import { actors, idOf, signablePersonIn } from '../career/career.test-helpers.ts';

const ctx = useTestApp();
const as = actors(() => ctx().app);

const shift = (days: number) => new Date(today().getTime() + days * 86_400_000).toISOString().slice(0, 10);
/** Words that must never leave the 配慮事項's readers (searched for in every other answer). */
const HEALTH = '通院のため定時退庁を希望（配慮マーカー健康）';
const CARE = '親の介護（配慮マーカー介護）';

let staffId = '';
let aobaId = '';
let roundId = '';
let closedRoundId = '';
let upcomingRoundId = '';
let fieldId = '';
let postId = '';
let kacho = ''; // the 課長 above demo-supervisor: a supervisor of demo-staff, not their 所属長
let wardMayor = ''; // the 区長 of 青葉区: head of the ward and its 局区人材育成責任者
let wardPromoter = ''; // the 副区長: 青葉区's bureau officer, no unit of their own

const roundBody = (over: Record<string, unknown> = {}) => ({
  fiscalYear: 2026,
  title: { ja: '令和8年度 自己申告', en: 'FY2026 self-declaration' },
  guidance: '来年度の異動希望を記入してください。',
  opensOn: shift(-3),
  closesOn: shift(20),
  bureauIds: [aobaId],
  careerFields: [{ name: { ja: 'DX推進', en: 'Digital transformation' } }],
  publicPosts: [{ title: { ja: 'スタートアップ支援担当', en: 'Start-up support' }, openings: 2 }],
  ...over,
});
const declUrl = (round = roundId, staff = staffId) => `/api/staff/${staff}/self-declarations/${round}`;

beforeAll(async () => {
  const { db } = ctx().database;
  staffId = await idOf(db, 'demo-staff');
  aobaId = (await db.orgUnit.findUniqueOrThrow({ where: { code: 'aoba' } })).id;
  kacho = await signablePersonIn(db, 'aoba-1-1', true);
  wardMayor = await signablePersonIn(db, 'aoba', true);
  wardPromoter = await signablePersonIn(db, 'aoba', false);
});

describe('rounds', () => {
  it('HR opens a round once per Idempotency-Key; others may not; a bad window names the field', async () => {
    const headers = { 'idempotency-key': 'round-create-1' };
    const first = await as('demo-hr').post('/api/self-declaration-rounds', roundBody(), headers);
    expect(first.statusCode).toBe(201);
    const round = first.json<SelfDeclarationRound>();
    expect(round).toMatchObject({ phase: 'open', version: 1, bureaus: [{ code: 'aoba' }] });
    roundId = round.id;
    fieldId = round.careerFields[0]?.id ?? '';
    postId = round.publicPosts[0]?.id ?? '';
    const again = await as('demo-hr').post('/api/self-declaration-rounds', roundBody(), headers);
    expect(again.json<SelfDeclarationRound>().id).toBe(roundId);

    expect((await as('demo-staff').post('/api/self-declaration-rounds', roundBody())).statusCode).toBe(403);
    const bad = await as('demo-hr').post(
      '/api/self-declaration-rounds',
      roundBody({ opensOn: shift(5), closesOn: shift(1) }),
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors).toMatchObject([{ field: 'body.closesOn', code: 'ends_before_begins' }]);

    closedRoundId = (
      await as('demo-hr').post(
        '/api/self-declaration-rounds',
        roundBody({ title: { ja: '締切済み', en: 'Closed' }, opensOn: shift(-40), closesOn: shift(-10) }),
      )
    ).json<SelfDeclarationRound>().id;
    upcomingRoundId = (
      await as('demo-hr').post(
        '/api/self-declaration-rounds',
        roundBody({ title: { ja: '来月から', en: 'Next month' }, opensOn: shift(30), closesOn: shift(60) }),
      )
    ).json<SelfDeclarationRound>().id;
  });

  it('everyone reads the rounds that have opened; an upcoming one is HR’s alone', async () => {
    const staff = (
      await as('demo-staff').get('/api/self-declaration-rounds?pageSize=100')
    ).json<SelfDeclarationRoundPage>();
    const ids = staff.items.map((r) => r.id);
    expect(ids).toContain(roundId);
    expect(ids).toContain(closedRoundId);
    expect(ids).not.toContain(upcomingRoundId);
    expect((await as('demo-staff').get(`/api/self-declaration-rounds/${upcomingRoundId}`)).statusCode).toBe(
      404,
    );
    const hr = (
      await as('demo-hr').get('/api/self-declaration-rounds?phase=upcoming')
    ).json<SelfDeclarationRoundPage>();
    expect(hr.items.map((r) => r.id)).toContain(upcomingRoundId);
  });

  it('HR changes a round with its version, keeping field ids; a stale version is 409 with the current round', async () => {
    const round = (
      await as('demo-hr').get(`/api/self-declaration-rounds/${roundId}`)
    ).json<SelfDeclarationRound>();
    const body = {
      ...roundBody(),
      careerFields: [
        { id: fieldId, name: { ja: 'DX推進', en: 'DX' } },
        { name: { ja: '防災', en: 'Disaster prevention' } },
      ],
      publicPosts: [
        { id: postId, title: { ja: 'スタートアップ支援担当', en: 'Start-up support' }, openings: 3 },
      ],
      version: round.version,
    };
    const res = await as('demo-hr').put(`/api/self-declaration-rounds/${roundId}`, body);
    expect(res.statusCode).toBe(200);
    const updated = res.json<SelfDeclarationRound>();
    expect(updated.version).toBe(2);
    expect(updated.careerFields.map((f) => f.name.ja)).toEqual(['DX推進', '防災']);
    expect(updated.careerFields[0]?.id).toBe(fieldId);
    const stale = await as('demo-hr').put(`/api/self-declaration-rounds/${roundId}`, body);
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'stale_version', current: { version: 2 } });
    const foreign = await as('demo-hr').put(`/api/self-declaration-rounds/${roundId}`, {
      ...body,
      version: 2,
      careerFields: [{ id: crypto.randomUUID(), name: { ja: '他', en: 'x' } }],
    });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().errors[0].field).toBe('body.careerFields.0.id');
  });
});

describe('a declaration', () => {
  it('starts from the career plan’s vision; the person saves a draft with 配慮事項 and submits it', async () => {
    const blank = (await as('demo-staff').get(declUrl())).json<SelfDeclaration>();
    expect(blank).toMatchObject({ id: null, version: 0, status: 'draft', considerations: { health: '' } });
    expect(blank.can).toEqual({ edit: true, submit: false, interview: false });

    const saved = await as('demo-staff').put(declUrl(), {
      reflection: '窓口業務で市民対応の経験を積んだ',
      desiredUnitIds: [aobaId],
      desiredWork: '企画部門で政策立案に携わりたい',
      careerFieldIds: [fieldId],
      publicPostIds: [postId],
      careerVision: blank.careerVision || '政策の企画に携わる',
      considerations: { health: HEALTH, care: CARE, family: '' },
      version: 0,
    });
    expect(saved.statusCode).toBe(200);
    const draft = saved.json<SelfDeclaration>();
    expect(draft).toMatchObject({
      version: 1,
      status: 'draft',
      considerations: { health: HEALTH, care: CARE },
    });
    expect(draft.desiredUnits.map((u) => u.code)).toEqual(['aoba']);

    const stale = await as('demo-staff').put(declUrl(), { reflection: '古い版', version: 0 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().current.version).toBe(1);

    // without `considerations` they stay as they are
    const again = (
      await as('demo-staff').put(declUrl(), { ...draft, version: 1, considerations: undefined })
    ).json<SelfDeclaration>();
    expect(again.considerations?.health).toBe(HEALTH);

    const unknown = await as('demo-staff').put(declUrl(), {
      careerFieldIds: [crypto.randomUUID()],
      version: 2,
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors[0]).toMatchObject({ field: 'body.careerFieldIds.0', code: 'invalid_value' });

    const submitted = await as('demo-staff').post(`${declUrl()}/submit`, { version: 2 });
    expect(submitted.statusCode).toBe(200);
    expect(submitted.json<SelfDeclaration>()).toMatchObject({ status: 'submitted', version: 3 });
  });

  it('the 所属長 and HR read the 配慮事項; they write nothing of the person’s', async () => {
    for (const reader of ['demo-supervisor', 'demo-hr']) {
      const res = await as(reader).get(declUrl());
      expect(res.statusCode).toBe(200);
      expect(res.json<SelfDeclaration>().considerations).toEqual({ health: HEALTH, care: CARE, family: '' });
      expect((await as(reader).put(declUrl(), { reflection: 'x', version: 3 })).statusCode).toBe(403);
    }
    expect((await as('demo-supervisor').get(declUrl())).json<SelfDeclaration>().can.interview).toBe(true);
  });

  it('the person’s other supervisors, bureau officers and executives get 404, never a 403 or the 配慮事項', async () => {
    for (const other of [kacho, wardMayor, wardPromoter, 'demo-bureau', 'demo-exec', 'demo-staff-other']) {
      const res = await as(other).get(declUrl());
      expect([other, res.statusCode]).toEqual([other, 404]);
      expect(res.body).not.toContain('配慮マーカー');
      expect((await as(other).put(declUrl(), { version: 3 })).statusCode).toBe(404);
      expect((await as(other).post(`${declUrl()}/submit`, { version: 3 })).statusCode).toBe(404);
    }
  });

  it('outside the window: saving and submitting are 409; a round not for the person is 404', async () => {
    const { db } = ctx().database;
    await db.selfDeclaration.create({
      data: { roundId: closedRoundId, staffId, reflection: '締切前の下書き' },
    });
    const submit = await as('demo-staff').post(`${declUrl(closedRoundId)}/submit`, { version: 1 });
    expect(submit.statusCode).toBe(409);
    expect(submit.json().code).toBe('outside_window');
    const save = await as('demo-staff').put(declUrl(closedRoundId), { reflection: '遅れて', version: 1 });
    expect(save.statusCode).toBe(409);
    expect((await as('demo-staff').get(declUrl(closedRoundId))).json<SelfDeclaration>().can.edit).toBe(false);

    // demo-staff-other works in 総務局, outside this round's 青葉区
    const other = await idOf(db, 'demo-staff-other');
    expect((await as('demo-staff-other').get(declUrl(roundId, other))).statusCode).toBe(404);
    expect((await as('demo-hr').get(declUrl(roundId, other))).statusCode).toBe(404);
  });

  it('lists, progress and the audit log never hold the 配慮事項', async () => {
    const bySupervisor = await as('demo-supervisor').get(
      `/api/self-declaration-rounds/${roundId}/declarations`,
    );
    expect(bySupervisor.statusCode).toBe(200);
    const page = bySupervisor.json<SelfDeclarationListPage>();
    expect(page.items.find((i) => i.staff.id === staffId)?.status).toBe('submitted');
    expect(page.items.every((i) => i.orgUnit?.code === 'aoba-1-1-1')).toBe(true);
    // the 課長 heads the 係長 (their 所属長), not the 係's members
    const byKacho = (
      await as(kacho).get(`/api/self-declaration-rounds/${roundId}/declarations`)
    ).json<SelfDeclarationListPage>();
    expect(byKacho.items.map((i) => i.staff.id)).not.toContain(staffId);
    const byStaff = (
      await as('demo-staff').get(`/api/self-declaration-rounds/${roundId}/declarations`)
    ).json<SelfDeclarationListPage>();
    expect(byStaff.items.map((i) => i.staff.id)).toEqual([staffId]);
    const byHr = await as('demo-hr').get(
      `/api/self-declaration-rounds/${roundId}/declarations?pageSize=100&status=submitted`,
    );
    expect(byHr.json<SelfDeclarationListPage>().total).toBeGreaterThanOrEqual(1);
    for (const res of [bySupervisor, byHr]) expect(res.body).not.toContain('配慮マーカー');

    const progress = await as('demo-hr').get(`/api/self-declaration-rounds/${roundId}/progress`);
    expect(progress.statusCode).toBe(200);
    const p = progress.json<SelfDeclarationProgress>();
    expect(p.bureaus.map((b) => b.bureau.code)).toEqual(['aoba']);
    expect(p.total.submitted).toBe(1);
    expect(p.total.population).toBeGreaterThan(20);
    expect(progress.body).not.toContain('配慮マーカー');
    expect(
      (await as('demo-supervisor').get(`/api/self-declaration-rounds/${roundId}/progress`)).statusCode,
    ).toBe(403);

    const { db } = ctx().database;
    const entries = await db.auditLog.findMany({ where: { entityType: 'self_declaration' } });
    expect(entries.length).toBeGreaterThanOrEqual(3);
    expect(JSON.stringify(entries.map((e) => [e.before, e.after]))).not.toContain('配慮マーカー');
    expect(entries.some((e) => (e.after as { considerations?: string }).considerations === 'changed')).toBe(
      true,
    );
  });

  it('HR’s export leaves the 配慮事項 out unless asked explicitly; that export is audited', async () => {
    const plain = await as('demo-hr').get(`/api/self-declaration-rounds/${roundId}/export?format=csv`);
    expect(plain.statusCode).toBe(200);
    expect(plain.headers['content-type']).toContain('text/csv');
    expect(plain.body).toContain('窓口業務で市民対応の経験を積んだ');
    expect(plain.body).toContain('過去10年の局・区数');
    expect(plain.body).not.toContain('配慮事項');
    expect(plain.body).not.toContain('配慮マーカー');

    const sensitive = await as('demo-hr').get(
      `/api/self-declaration-rounds/${roundId}/export?format=xlsx&sensitive=true`,
    );
    expect(sensitive.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(sensitive.rawPayload as unknown as ArrayBuffer);
    const cells = JSON.stringify(wb.worksheets[0]?.getSheetValues());
    expect(cells).toContain(HEALTH);
    expect(cells).toContain('配慮事項（健康）');

    const { db } = ctx().database;
    const audit = await db.auditLog.findMany({
      where: { action: 'self_declaration.export_sensitive', entityId: roundId },
    });
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit[0]?.after)).not.toContain('配慮マーカー');

    for (const who of ['demo-supervisor', 'demo-bureau', 'demo-exec', 'demo-staff']) {
      const res = await as(who).get(
        `/api/self-declaration-rounds/${roundId}/export?format=csv&sensitive=true`,
      );
      expect([who, res.statusCode]).toEqual([who, 403]);
    }
  });
});

describe('the 所属長面談', () => {
  it('the 所属長 records the 面談 as a 1on1 of kind self_declaration, with their opinion', async () => {
    const before = (await as('demo-supervisor').get(declUrl())).json<SelfDeclaration>();
    expect(before.status).toBe('submitted');
    const body = {
      heldOn: shift(0),
      minutes: 40,
      opinion: '企画部門への意欲が高い。来年度の異動候補とする。',
      version: before.version,
    };
    for (const who of ['demo-staff', 'demo-hr']) {
      expect((await as(who).post(`${declUrl()}/interview`, body)).statusCode).toBe(403);
    }
    for (const who of [kacho, wardPromoter, 'demo-bureau', 'demo-exec']) {
      expect((await as(who).post(`${declUrl()}/interview`, body)).statusCode).toBe(404);
    }
    const future = await as('demo-supervisor').post(`${declUrl()}/interview`, { ...body, heldOn: shift(3) });
    expect(future.statusCode).toBe(400);
    expect(future.json().errors[0]).toMatchObject({ field: 'body.heldOn', code: 'date_in_future' });

    const res = await as('demo-supervisor').post(`${declUrl()}/interview`, body);
    expect(res.statusCode).toBe(200);
    const done = res.json<SelfDeclaration>();
    expect(done).toMatchObject({ status: 'interviewed', version: before.version + 1 });
    expect(done.interview).toMatchObject({
      heldOn: shift(0),
      opinion: body.opinion,
      interviewer: { name: '青木 直子' },
    });
    const { db } = ctx().database;
    const oneOnOne = await db.oneOnOne.findUniqueOrThrow({ where: { id: done.interview?.oneOnOneId ?? '' } });
    expect(oneOnOne).toMatchObject({ kind: 'self_declaration', staffId, minutes: 40, status: 'held' });

    // the person reads the opinion; the declaration no longer changes
    const mine = (await as('demo-staff').get(declUrl())).json<SelfDeclaration>();
    expect(mine.interview?.opinion).toBe(body.opinion);
    const late = await as('demo-staff').put(declUrl(), { reflection: 'あとから', version: mine.version });
    expect(late.statusCode).toBe(409);
    expect(late.json().code).toBe('already_interviewed');

    const stale = await as('demo-supervisor').post(`${declUrl()}/interview`, body);
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('stale_version');
  });

  it('links a 自己申告面談 the 所属長 recorded as a 1on1; refuses any other 1on1 and a draft', async () => {
    const cur = (await as('demo-supervisor').get(declUrl())).json<SelfDeclaration>();
    const record = async (kind: string) =>
      (
        await as('demo-supervisor').post('/api/one-on-ones', {
          staffId,
          heldOn: shift(-1),
          minutes: 30,
          kind,
        })
      ).json<{ id: string }>().id;
    const plain = await record('one_on_one');
    const wrong = await as('demo-supervisor').post(`${declUrl()}/interview`, {
      heldOn: shift(-1),
      opinion: '意見',
      oneOnOneId: plain,
      version: cur.version,
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().errors[0].field).toBe('body.oneOnOneId');

    const meeting = await record('self_declaration');
    const linked = await as('demo-supervisor').post(`${declUrl()}/interview`, {
      heldOn: shift(-1),
      opinion: '面談記録に基づく意見',
      oneOnOneId: meeting,
      version: cur.version,
    });
    expect(linked.statusCode).toBe(200);
    expect(linked.json<SelfDeclaration>().interview).toMatchObject({
      oneOnOneId: meeting,
      heldOn: shift(-1),
    });

    // a declaration still in draft (the closed round's) has no 面談 yet
    const draft = (await as('demo-supervisor').get(declUrl(closedRoundId))).json<SelfDeclaration>();
    const res = await as('demo-supervisor').post(`${declUrl(closedRoundId)}/interview`, {
      heldOn: shift(0),
      opinion: '意見',
      version: draft.version,
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('not_submitted');

    const progress = (
      await as('demo-hr').get(`/api/self-declaration-rounds/${roundId}/progress`)
    ).json<SelfDeclarationProgress>();
    expect(progress.total).toMatchObject({ submitted: 1, interviewed: 1 });
  });
});

describe('experience map', () => {
  it('shows the 局・区, fields and grades a person has served in, with years', async () => {
    const res = await as('demo-staff').get(`/api/staff/${staffId}/experience-map`);
    expect(res.statusCode).toBe(200);
    const map = res.json<ExperienceMap>();
    expect(map.bureaus.map((b) => b.unit.code)).toEqual(['aoba']);
    expect(map.bureaus[0]?.years).toBeGreaterThan(2);
    expect(map.bureaus[0]?.to).toBeNull();
    expect(map.grades.map((g) => g.grade.code)).toEqual(['shuji']);
    expect(map.fields.length).toBeGreaterThanOrEqual(1);
    expect((await as('demo-staff-other').get(`/api/staff/${staffId}/experience-map`)).statusCode).toBe(404);
  });

  it('HR finds people with fewer than 2 局・区 in 10 years, paged; others may not', async () => {
    const res = await as('demo-hr').get(
      `/api/experience-map?years=10&bureausBelow=2&bureauId=${aobaId}&pageSize=5`,
    );
    expect(res.statusCode).toBe(200);
    const page = res.json<ExperienceSearchPage>();
    expect(page.items).toHaveLength(5);
    expect(page.total).toBeGreaterThan(5);
    expect(page.items.every((i) => i.bureau?.code === 'aoba' && i.bureausInSpan < 2)).toBe(true);

    const { db } = ctx().database;
    // one of 青葉区's people served in 総務局 before: two 局・区 in ten years
    const mover = page.items[0]?.staff.id ?? '';
    const somu = await db.orgUnit.findUniqueOrThrow({ where: { code: 'somu-1-1-1' } });
    const grade = await db.grade.findUniqueOrThrow({ where: { code: 'shuji' } });
    await db.assignment.create({
      data: {
        staffId: mover,
        orgUnitId: somu.id,
        gradeId: grade.id,
        startsOn: new Date('2020-04-01'),
        endsOn: new Date('2022-03-31'),
      },
    });
    const after = (
      await as('demo-hr').get(`/api/experience-map?bureausBelow=2&bureauId=${aobaId}&pageSize=100`)
    ).json<ExperienceSearchPage>();
    expect(after.items.map((i) => i.staff.id)).not.toContain(mover);
    expect(after.total).toBe(page.total - 1);

    expect((await as('demo-supervisor').get('/api/experience-map')).statusCode).toBe(403);
    expect((await as('demo-hr').get('/api/experience-map?pageSize=1000')).statusCode).toBe(400);
  });
});
