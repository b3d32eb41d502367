/**
 * Demo 1on1s (demo mode only): for this 年度 so far and the one before, the 1on1s each person had with
 * the head of their unit — a 期首面談 in the spring, roughly monthly 1on1s, a 期末面談 at the end of a past
 * 年度 — with topics, shared notes, some private notes of the author's, and agreed actions, most of them
 * done. Some people are left without one for a while, so the team page has someone overdue. demo-staff
 * has a 1on1 still to acknowledge with an open action on each side, and one scheduled next week for
 * which an agenda can be written. Deterministic; does nothing when there are 1on1s already (other than
 * the 自己申告面談 the self-declaration demo records).
 */
import { fiscalYearOf, fiscalYearRange, type OneOnOneKind } from '@portal/contracts';
import { inForce, today } from '../../access/access.ts';
import type { Prisma } from '../../generated/prisma/client.ts';
import type { Db } from '../client.ts';
import type { DemoSeeder } from './demo-activity.seed.ts';

const TOPICS = [
  '今期の業務の進み具合',
  '困っていること・負担の偏り',
  '研修や資格取得の希望',
  'キャリアについての考え',
  '職場の雰囲気・チームの連携',
  '業務改善のアイデア',
];
const SHARED = [
  '繁忙期の窓口当番を見直すことにした。',
  '次の研修の申込を一緒に検討する。',
  '担当案件の進め方を確認し、判断に迷う点は早めに相談することにした。',
  '来月の地元説明会の準備を分担する。',
];
const PRIVATE = ['疲れが見える。業務量に注意して見守る。', '次の異動で窓口以外の経験を積ませたい。'];
const STAFF_ACTIONS = ['研修の申込書を書く', '業務マニュアルの改訂案を作る', '次回までに今期の目標を書く'];
const AUTHOR_ACTIONS = ['研修枠を人事に確認する', '当番表を組み直す', '課長に人員配置を相談する'];

/** A small deterministic generator (mulberry32), so the demo is the same on every machine. */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DAY = 86_400_000;
const iso = (d: Date) => d.toISOString().slice(0, 10);

export const demoOneOnOneSeeder: DemoSeeder = {
  name: 'one-on-one',
  async seed(db: Db) {
    if (await db.oneOnOne.findFirst({ where: { kind: { not: 'self_declaration' } }, select: { id: true } }))
      return;
    const day = today();
    const current = fiscalYearOf(iso(day));
    const demo = new Map(
      (
        await db.staff.findMany({
          where: { loginId: { in: ['demo-staff', 'demo-supervisor'] } },
          select: { id: true, loginId: true },
        })
      ).map((s) => [s.loginId, s.id]),
    );
    const demoStaff = demo.get('demo-staff');
    const demoSupervisor = demo.get('demo-supervisor');

    const next = random(20261130);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
    const records: Prisma.OneOnOneCreateManyInput[] = [];
    const notes: Prisma.OneOnOnePrivateNoteCreateManyInput[] = [];
    const actions: Prisma.OneOnOneActionCreateManyInput[] = [];

    const add = (r: {
      staffId: string;
      authorId: string;
      heldOn: Date;
      kind: OneOnOneKind;
      status?: 'held' | 'scheduled';
      acknowledged: boolean;
      open?: boolean;
    }) => {
      const id = crypto.randomUUID();
      const held = (r.status ?? 'held') === 'held';
      const heldOn = iso(r.heldOn);
      records.push({
        id,
        staffId: r.staffId,
        authorId: r.authorId,
        status: r.status ?? 'held',
        heldOn: r.heldOn,
        fiscalYear: fiscalYearOf(heldOn),
        minutes: pick([15, 30, 30, 30, 45, 60]),
        kind: r.kind,
        topics: held ? [pick(TOPICS), pick(TOPICS)].filter((t, i, all) => all.indexOf(t) === i) : [],
        sharedNotes: held ? pick(SHARED) : '',
        staffNotes: held && r.acknowledged && next() < 0.4 ? '話せてすっきりしました。' : '',
        acknowledgedAt:
          held && r.acknowledged ? new Date(Math.min(r.heldOn.getTime() + DAY, Date.now())) : null,
      });
      if (held && next() < 0.2) notes.push({ oneOnOneId: id, authorId: r.authorId, body: pick(PRIVATE) });
      if (!held) return;
      const done = r.open ? null : new Date(Math.min(r.heldOn.getTime() + 10 * DAY, Date.now()));
      if (r.open || next() < 0.5) {
        actions.push({
          oneOnOneId: id,
          ownerId: r.staffId,
          position: 0,
          text: pick(STAFF_ACTIONS),
          dueOn: new Date(r.heldOn.getTime() + 14 * DAY),
          doneAt: done,
          doneById: done ? r.staffId : null,
        });
      }
      if (r.open || next() < 0.3) {
        actions.push({
          oneOnOneId: id,
          ownerId: r.authorId,
          position: 1,
          text: pick(AUTHOR_ACTIONS),
          dueOn: new Date(r.heldOn.getTime() + 7 * DAY),
          doneAt: done,
          doneById: done ? r.authorId : null,
        });
      }
    };

    for (const back of [1, 0]) {
      const fiscalYear = current - back;
      const range = fiscalYearRange(fiscalYear);
      const start = new Date(`${range.from}T00:00:00Z`);
      const end = back ? new Date(`${range.to}T00:00:00Z`) : day;
      const span = Math.max(1, Math.round((end.getTime() - start.getTime()) / DAY));
      const posts = await db.assignment.findMany({
        where: { ...inForce(end), staff: { disabledAt: null } },
        select: { staffId: true, isHead: true, orgUnitId: true, orgUnit: { select: { parentId: true } } },
        orderBy: { staff: { employeeNumber: 'asc' } },
      });
      const headOf = new Map(posts.filter((p) => p.isHead).map((p) => [p.orgUnitId, p.staffId]));
      const parentOf = new Map(posts.map((p) => [p.orgUnitId, p.orgUnit.parentId]));
      const supervisorOf = (p: (typeof posts)[number]): string | undefined => {
        let unit: string | null | undefined = p.isHead ? p.orgUnit.parentId : p.orgUnitId;
        while (unit) {
          const head = headOf.get(unit);
          if (head && head !== p.staffId) return head;
          unit = parentOf.get(unit);
        }
        return undefined;
      };
      const seen = new Set<string>();
      for (const post of posts) {
        if (seen.has(post.staffId)) continue;
        seen.add(post.staffId);
        const authorId = supervisorOf(post);
        if (!authorId) continue;
        const isDemo = post.staffId === demoStaff;
        // 1on1s took hold: last 年度 a third had none; this one a sixth have had none for a while
        if (!isDemo && next() < (back ? 0.33 : 0.17)) continue;
        const kickOff = new Date(start.getTime() + Math.floor(next() * 40) * DAY);
        if (kickOff <= end)
          add({ staffId: post.staffId, authorId, heldOn: kickOff, kind: 'period_start', acknowledged: true });
        const monthly = isDemo ? 4 : Math.floor(next() * 5);
        for (let i = 0; i < monthly; i += 1) {
          const heldOn = new Date(start.getTime() + Math.floor(next() * span) * DAY);
          if (heldOn > end || (isDemo && back === 0 && end.getTime() - heldOn.getTime() < 7 * DAY)) continue;
          add({ staffId: post.staffId, authorId, heldOn, kind: 'one_on_one', acknowledged: next() < 0.8 });
        }
        if (back) {
          const closing = new Date(end.getTime() - Math.floor(next() * 20) * DAY);
          add({ staffId: post.staffId, authorId, heldOn: closing, kind: 'period_end', acknowledged: true });
        }
      }
    }
    if (demoStaff && demoSupervisor) {
      // yesterday's, still to acknowledge, with an open action on each side; one next week to prepare
      add({
        staffId: demoStaff,
        authorId: demoSupervisor,
        heldOn: new Date(
          Math.max(day.getTime() - DAY, new Date(`${fiscalYearRange(current).from}T00:00:00Z`).getTime()),
        ),
        kind: 'one_on_one',
        acknowledged: false,
        open: true,
      });
      add({
        staffId: demoStaff,
        authorId: demoSupervisor,
        heldOn: new Date(day.getTime() + 7 * DAY),
        kind: 'one_on_one',
        status: 'scheduled',
        acknowledged: false,
      });
    }
    // The embedded database on a busy machine takes longer than Prisma's default 5 s for these.
    await db.$transaction(
      async (tx) => {
        await tx.oneOnOne.createMany({ data: records });
        await tx.oneOnOnePrivateNote.createMany({ data: notes });
        await tx.oneOnOneAction.createMany({ data: actions });
      },
      { timeout: 60_000 },
    );
  },
};
