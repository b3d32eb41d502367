import type { PolicyTree, SelfDevelopmentPage, SelfDevelopmentRecord } from '@portal/contracts';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/app.ts';
import { actors, idOf, signablePersonIn } from './career.test-helpers.ts';

const ctx = useTestApp();
const as = actors(() => ctx().app);

let staffId = '';
let otherSupervisor = '';
let selfDevInitiative = '';
const url = (rest = '') => `/api/staff/${staffId}/self-development${rest}`;

beforeAll(async () => {
  const { db } = ctx().database;
  staffId = await idOf(db, 'demo-staff');
  otherSupervisor = await signablePersonIn(db, 'somu-1-1-1', true);
  const policy = (await as('demo-staff').get('/api/policy')).json<PolicyTree>();
  selfDevInitiative = policy.policyAreas[0]?.initiatives[4]?.id ?? '';
});

const record = {
  kind: 'correspondence',
  title: '政策法務 通信講座',
  provider: '自治研修協会',
  startedOn: '2026-10-01',
  hours: 40,
  initiativeIds: [] as string[],
};

describe('self-development', () => {
  it('is recorded by the person, once per Idempotency-Key, linked to the policy', async () => {
    const body = {
      ...record,
      initiativeIds: [selfDevInitiative],
      supportRequest: { detail: '受講料の半額補助', amountYen: 18000 },
    };
    const headers = { 'idempotency-key': 'sd-1' };
    const res = await as('demo-staff').post(url(), body, headers);
    expect(res.statusCode).toBe(201);
    const created = res.json<SelfDevelopmentRecord>();
    expect(created).toMatchObject({
      kind: 'correspondence',
      fiscalYear: 2026,
      support: { status: 'pending', amountYen: 18000 },
      version: 1,
    });
    expect(created.links.initiatives[0]?.code).toBe('1-5');
    expect(created.links.tagCodes).toEqual(['young']);
    const retry = await as('demo-staff').post(url(), body, headers);
    expect(retry.statusCode).toBe(201);
    expect(retry.json<SelfDevelopmentRecord>().id).toBe(created.id);
    const reused = await as('demo-staff').post(url(), { ...body, title: '別' }, headers);
    expect(reused.statusCode).toBe(422);

    const page = (await as('demo-staff').get(url('?supportStatus=pending'))).json<SelfDevelopmentPage>();
    expect(page.items.map((r) => r.id)).toEqual([created.id]);
    expect(page.can).toEqual({ create: true, decide: false });
    const sup = (await as('demo-supervisor').get(url())).json<SelfDevelopmentPage>();
    expect(sup.can).toEqual({ create: false, decide: true });
    expect(sup.total).toBeGreaterThanOrEqual(3);
  });

  it('names bad fields', async () => {
    const bad = async (body: object, field: string) => {
      const res = await as('demo-staff').post(url(), { ...record, ...body });
      expect(res.statusCode).toBe(400);
      expect(res.json().errors.map((e: { field: string }) => e.field)).toContain(field);
    };
    await bad({ title: '' }, 'body.title');
    await bad({ kind: 'hobby' }, 'body.kind');
    await bad({ startedOn: '2026-02-30x' }, 'body.startedOn');
    await bad({ completedOn: '2026-09-01' }, 'body.completedOn'); // before startedOn
    await bad({ completedOn: '2999-01-01', startedOn: null }, 'body.completedOn');
    await bad({ hours: -1 }, 'body.hours');
    await bad({ initiativeIds: [staffId] }, 'body.initiativeIds.0');
    await bad({ supportRequest: { detail: '' } }, 'body.supportRequest.detail');
  });

  it('support is decided by the supervisor only, with a reason to decline, on the version read', async () => {
    const created = (
      await as('demo-staff').post(url(), { ...record, supportRequest: { detail: '受講料補助' } })
    ).json<SelfDevelopmentRecord>();
    const decision = url(`/${created.id}/decision`);
    expect((await as('demo-staff').post(decision, { decision: 'approved', version: 1 })).statusCode).toBe(
      403,
    );
    expect((await as('demo-hr').post(decision, { decision: 'approved', version: 1 })).statusCode).toBe(403);
    expect((await as(otherSupervisor).post(decision, { decision: 'approved', version: 1 })).statusCode).toBe(
      404,
    );
    const noReason = await as('demo-supervisor').post(decision, { decision: 'declined', version: 1 });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().errors[0].field).toBe('body.reason');

    // The person edits the request meanwhile: the supervisor's version is stale
    const edited = await as('demo-staff').put(url(`/${created.id}`), {
      ...record,
      supportRequest: { detail: '受講料の全額補助', amountYen: 36000 },
      version: 1,
    });
    expect(edited.statusCode).toBe(200);
    const stale = await as('demo-supervisor').post(decision, { decision: 'approved', version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().current.support).toMatchObject({ detail: '受講料の全額補助', status: 'pending' });

    const declined = await as('demo-supervisor').post(decision, {
      decision: 'declined',
      reason: '今年度の予算枠を超えるため',
      version: 2,
    });
    expect(declined.statusCode).toBe(200);
    expect(declined.json<SelfDevelopmentRecord>().support).toMatchObject({
      status: 'declined',
      reason: '今年度の予算枠を超えるため',
      decidedBy: { nameEn: 'Naoko Aoki' },
    });
    const again = await as('demo-supervisor').post(decision, { decision: 'approved', version: 3 });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('support_not_pending');
    // A decided request cannot be rewritten; the rest of the record can
    const rewrite = await as('demo-staff').put(url(`/${created.id}`), {
      ...record,
      supportRequest: { detail: 'もう一度' },
      version: 3,
    });
    expect(rewrite.statusCode).toBe(409);
    expect(rewrite.json().code).toBe('support_already_decided');
    const done = await as('demo-staff').put(url(`/${created.id}`), {
      ...record,
      completedOn: '2026-10-31',
      version: 3,
    });
    expect(done.json<SelfDevelopmentRecord>()).toMatchObject({
      completedOn: '2026-10-31',
      support: { status: 'declined' },
    });
  });

  it('is deleted by the person with its version; approved support is kept', async () => {
    const a = (await as('demo-staff').post(url(), record)).json<SelfDevelopmentRecord>();
    expect((await as('demo-staff').delete(url(`/${a.id}?version=9`))).statusCode).toBe(409);
    expect((await as('demo-supervisor').delete(url(`/${a.id}?version=1`))).statusCode).toBe(403);
    expect((await as('demo-staff').delete(url(`/${a.id}?version=1`))).statusCode).toBe(204);
    expect((await as('demo-staff').delete(url(`/${a.id}?version=1`))).statusCode).toBe(404);

    const b = (
      await as('demo-staff').post(url(), { ...record, supportRequest: { detail: '補助' } })
    ).json<SelfDevelopmentRecord>();
    await as('demo-supervisor').post(url(`/${b.id}/decision`), { decision: 'approved', version: 1 });
    const kept = await as('demo-staff').delete(url(`/${b.id}?version=2`));
    expect(kept.statusCode).toBe(409);
    expect(kept.json().code).toBe('support_already_decided');
  });

  it('hides A’s records from staff B and from the supervisor of another unit', async () => {
    const [first] = (await as('demo-staff').get(url())).json<SelfDevelopmentPage>().items;
    const id = first?.id ?? '';
    for (const who of ['demo-staff-other', otherSupervisor, 'demo-bureau']) {
      const r = as(who);
      const answers = [
        await r.get(url()),
        await r.post(url(), record),
        await r.put(url(`/${id}`), { ...record, version: 1 }),
        await r.delete(url(`/${id}?version=1`)),
        await r.post(url(`/${id}/decision`), { decision: 'approved', version: 1 }),
      ];
      expect(answers.map((a) => a.statusCode)).toEqual([404, 404, 404, 404, 404]);
    }
    expect((await as('demo-hr').get(url())).statusCode).toBe(200);
    expect((await as('demo-hr').post(url(), record)).statusCode).toBe(403);
    // Someone else's record id under my own path is not found
    const mine = `/api/staff/${await idOf(ctx().database.db, 'demo-staff-other')}/self-development/${id}`;
    expect((await as('demo-staff-other').put(mine, { ...record, version: 1 })).statusCode).toBe(404);
  });
});
