/**
 * Demo OJT (demo mode only): for this 年度 so far and the two before it, sessions that each person
 * received from the head of their unit in that 年度 (a 係's members from their 係長, a 係長 from their
 * 課長, …), and a 年間OJT計画 for many of them, linked to the 職員像 and initiatives. Some people are left behind on purpose, so the team
 * dashboard has someone overdue. Deterministic; does nothing when OJT sessions are already there.
 */
import { fiscalYearOf, fiscalYearRange, type OjtMethod } from '@portal/contracts';
import { inForce, today } from '../../access/access.ts';
import type { Prisma } from '../../generated/prisma/client.ts';
import type { Db } from '../client.ts';
import type { DemoSeeder } from './demo-activity.seed.ts';

const TOPICS: Record<OjtMethod, string[]> = {
  guidance: [
    '窓口対応の基本',
    '起案文書の書き方',
    '法令・例規の調べ方',
    '予算要求資料の作り方',
    '電話応対のポイント',
  ],
  accompany: ['現場調査への同行', '地元説明会への同行', '関係課との協議に同席', '窓口での実地指導'],
  review: ['四半期の振り返り面談', '業務目標の中間確認', 'キャリアについての面談', '案件処理の振り返り'],
  assignment: ['小規模案件の担当を任せる', '議事録作成を任せる', '照会回答の取りまとめを任せる'],
  other: ['職場勉強会', 'ケーススタディの共有'],
};
const METHODS = Object.keys(TOPICS) as OjtMethod[];
const REFLECTIONS = [
  '次回は一人で対応できるよう、手順を整理しておきます。',
  '根拠となる条文を確認する習慣をつけたいです。',
  '関係者への説明の順序が大切だと分かりました。',
  '時間の見通しを立てて取り組みます。',
];
const GOALS = [
  { text: '窓口・電話対応を一人でこなせるようになる', images: ['pride'], initiatives: ['1-2'] },
  { text: '担当業務の根拠法令を説明できるようになる', images: ['pride'], initiatives: ['1-2', '1-4'] },
  { text: '前例にとらわれず業務改善を一件提案する', images: ['challenge'], initiatives: ['3-3'] },
  { text: '関係課・地域と調整しながら案件を進める', images: ['collaboration'], initiatives: ['2-4'] },
  { text: '後輩に業務を教えられるようになる', images: ['mutual-growth'], initiatives: ['1-2', '3-1'] },
];
const FREQUENCY = ['月2回の面談と随時の指導', '月1回の振り返り面談', '週1回の同行と月1回の面談'];

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

/** How each 年度 went: OJT took hold year by year (fewer people left behind, more yearly plans). */
const YEARS = [
  { back: 0, behind: 1 / 7, planned: 0.7 },
  { back: 1, behind: 0.25, planned: 0.55 },
  { back: 2, behind: 0.4, planned: 0.4 },
];

export const demoOjtSeeder: DemoSeeder = {
  name: 'ojt',
  async seed(db: Db) {
    if (await db.ojtSession.findFirst({ select: { id: true } })) return;
    const day = today();
    const current = fiscalYearOf(day.toISOString().slice(0, 10));

    const policy = await db.policy.findFirst({
      where: { inForce: true },
      select: {
        staffImages: { select: { id: true, code: true } },
        policyAreas: { select: { initiatives: { select: { id: true, code: true } } } },
      },
    });
    if (!policy) return;
    const imageId = new Map(policy.staffImages.map((s) => [s.code, s.id]));
    const initiativeId = new Map(policy.policyAreas.flatMap((a) => a.initiatives.map((i) => [i.code, i.id])));
    const demo = new Set(
      (
        await db.staff.findMany({
          where: { loginId: { in: ['demo-staff', 'demo-supervisor'] } },
          select: { id: true },
        })
      ).map((s) => s.id),
    );

    const next = random(20261124);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
    const sessions: Prisma.OjtSessionCreateManyInput[] = [];
    const plans: Prisma.OjtPlanCreateManyInput[] = [];

    for (const year of YEARS) {
      const fiscalYear = current - year.back;
      const range = fiscalYearRange(fiscalYear);
      const start = new Date(`${range.from}T00:00:00Z`);
      // a past 年度 runs to its end; this one to today. Posts change on 1 April, so any day of the
      // 年度 tells who was where.
      const end = year.back ? new Date(`${range.to}T00:00:00Z`) : day;
      const span = Math.max(
        1,
        Math.round((end.getTime() - start.getTime()) / 86_400_000) + (year.back ? 1 : 0),
      );
      const posts = await db.assignment.findMany({
        where: { ...inForce(end), staff: { disabledAt: null } },
        select: { staffId: true, isHead: true, orgUnitId: true, orgUnit: { select: { parentId: true } } },
        orderBy: { staff: { employeeNumber: 'asc' } },
      });
      const headOf = new Map(posts.filter((p) => p.isHead).map((p) => [p.orgUnitId, p.staffId]));
      const parentOf = new Map(posts.map((p) => [p.orgUnitId, p.orgUnit.parentId]));

      // The supervisor of a post: the head of its unit, or for the head, the head of the unit above.
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
        const supervisorId = supervisorOf(post);
        if (!supervisorId) continue;
        const isDemo = demo.has(post.staffId);
        // some have had nothing for a while (overdue on the dashboard); the demo staff are regulars
        const behind = !isDemo && next() < year.behind;
        const count = isDemo ? 6 : behind ? Math.floor(next() * 2) : 2 + Math.floor(next() * 7);
        const plannedSessions = pick([12, 12, 18, 24]);
        for (let i = 0; i < count; i += 1) {
          // the behind keep to the first months; the others spread over the year, the last recent
          const offset = behind
            ? Math.floor(next() * Math.min(span, 45))
            : i === count - 1
              ? span - 1 - Math.floor(next() * Math.min(span, 12))
              : Math.floor(next() * span);
          const occurredOn = new Date(start.getTime() + Math.max(0, offset) * 86_400_000);
          const method = pick(METHODS);
          const goal = pick(GOALS);
          const acknowledged = next() < (isDemo ? 0.6 : 0.75);
          // acknowledged a couple of days later, but never after today
          const acknowledgedAt = new Date(Math.min(occurredOn.getTime() + 2 * 86_400_000, Date.now()));
          sessions.push({
            traineeId: post.staffId,
            supervisorId,
            occurredOn,
            fiscalYear,
            minutes: pick([15, 30, 30, 45, 60, 90, 120]),
            method,
            topic: pick(TOPICS[method]),
            notes: '',
            staffImageIds: goal.images.flatMap((c) => imageId.get(c) ?? []),
            initiativeIds: goal.initiatives.flatMap((c) => initiativeId.get(c) ?? []),
            acknowledgedAt: acknowledged ? acknowledgedAt : null,
            reflection: acknowledged && next() < 0.5 ? pick(REFLECTIONS) : null,
          });
        }
        if (isDemo || next() < year.planned) {
          const goals = [pick(GOALS), pick(GOALS)]
            .filter((g, i, all) => all.indexOf(g) === i)
            .map((g) => ({
              text: g.text,
              staffImageIds: g.images.flatMap((c) => imageId.get(c) ?? []),
              initiativeIds: g.initiatives.flatMap((c) => initiativeId.get(c) ?? []),
            }));
          plans.push({
            staffId: post.staffId,
            fiscalYear,
            authorId: supervisorId,
            goals,
            plannedSessions,
            plannedMinutes: plannedSessions * 45,
            frequencyNote: pick(FREQUENCY),
            staffImageIds: [...new Set(goals.flatMap((g) => g.staffImageIds))],
            initiativeIds: [...new Set(goals.flatMap((g) => g.initiativeIds))],
          });
        }
      }
    }
    // The embedded database on a busy machine takes longer than Prisma's default 5 s for these.
    await db.$transaction(
      async (tx) => {
        await tx.ojtSession.createMany({ data: sessions });
        await tx.ojtPlan.createMany({ data: plans, skipDuplicates: true });
      },
      { timeout: 60_000 },
    );
  },
};
