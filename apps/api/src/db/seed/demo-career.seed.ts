/**
 * Demo career plans and self-development (demo mode only). Last 年度's plans for about half the staff
 * and the 年度 before's for a third (commented by their supervisor of that 年度), this 年度's for about 40% in every status, and self-development
 * records with support requests. The demo staff member has last year's plan only, so their first
 * look at this year's carries it forward; two of their colleagues wait for demo-supervisor (a
 * submitted plan, a support request). Deterministic; does nothing when the plans are there.
 */
import { fiscalYearOf } from '@portal/contracts';
import type { Prisma } from '../../generated/prisma/client.ts';
import type { Db } from '../client.ts';
import type { DemoSeeder } from './demo-activity.seed.ts';

type Status = 'draft' | 'submitted' | 'changes_requested' | 'commented';

const GOALS = [
  {
    short: '担当業務の手順を一通り身につけ、窓口で自信を持って説明できるようになる。',
    mid: '係の中心として後輩の相談に乗れるようになり、業務改善を一つ提案する。',
    long: '政策の企画立案に携わり、市民協働の事業を担当したい。',
  },
  {
    short: '予算・決算の流れを理解し、担当事業の資料を自分で作れるようになる。',
    mid: '他部局との調整を任される職員になり、主任として係をまとめる。',
    long: '財政や企画の部署で、全庁的な視点から市政に関わる。',
  },
  {
    short: 'デジタルツールを使った業務の効率化に取り組み、係の残業を減らす。',
    mid: '業務改革の担当として、庁内の他部署と一緒に仕組みを変える。',
    long: '国や民間への派遣を経験し、その知見を本市に持ち帰る。',
  },
  {
    short: '現場の課題を自分で整理し、上司に解決策を添えて相談する。',
    mid: '地域の団体と協働する事業を一つ担当し、やり遂げる。',
    long: '管理監督者として、職員が互いに育ち合う職場をつくる。',
  },
];
const EXPERIENCES = [
  { kind: 'field', text: '企画・政策立案の分野' },
  { kind: 'exchange', text: '区役所と本庁の間の人事交流' },
  { kind: 'secondment', text: '国の省庁または宮城県への派遣' },
  { kind: 'post', text: '窓口業務のリーダー' },
  { kind: 'field', text: '防災・減災の分野' },
];
const SKILLS = ['簿記2級', 'ITパスポート', '行政法の基礎', 'ファシリテーション', '英語（TOEIC 700点）'];
const COMMENTS = [
  'よく考えられた計画です。中期目標に向けて、今年度は担当業務の改善提案に挑戦してみましょう。',
  '長期目標が具体的で良いと思います。必要な研修は一緒に探しましょう。',
  '短期目標をもう少し具体的に（いつまでに、何を）書いてみてください。',
];
const SELF_DEV = [
  { kind: 'qualification', title: '日商簿記検定2級', provider: '日本商工会議所', hours: 120 },
  { kind: 'correspondence', title: '地方自治法 通信講座', provider: '自治研修協会', hours: 40 },
  { kind: 'self_study', title: '統計データ分析の独学', provider: null, hours: 30 },
  { kind: 'qualification', title: 'ITパスポート試験', provider: 'IPA', hours: 60 },
  { kind: 'self_study', title: '手話 入門講座', provider: '市民センター', hours: 20 },
] as const;

const todayIso = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tokyo' }).format(new Date());
/** A calendar date, never later than today (the demo runs in any month of the 年度). */
const date = (iso: string) => {
  const today = todayIso();
  return new Date(`${iso > today ? today : iso}T00:00:00Z`);
};

async function seed(db: Db): Promise<void> {
  if ((await db.careerPlan.count()) > 0) return;
  const fy = fiscalYearOf(todayIso());
  const previous = fy - 1;

  const policy = await db.policy.findFirst({
    where: { inForce: true },
    select: {
      staffImages: { orderBy: { position: 'asc' }, select: { id: true } },
      policyAreas: { select: { initiatives: { select: { id: true, code: true } } } },
    },
  });
  if (!policy) return;
  const images = policy.staffImages.map((s) => s.id);
  const initiative = new Map(policy.policyAreas.flatMap((a) => a.initiatives.map((i) => [i.code, i.id])));
  const careerLinks = [initiative.get('1-1'), initiative.get('2-4')].filter((x): x is string => !!x);
  const selfDevLinks = [initiative.get('1-5')].filter((x): x is string => !!x);

  const people = await db.staff.findMany({
    where: { passwordHash: null, assignments: { some: { endsOn: null } } },
    orderBy: { employeeNumber: 'asc' },
    select: {
      id: true,
      assignments: {
        where: { endsOn: null },
        select: {
          isHead: true,
          orgUnitId: true,
          orgUnit: { select: { path: true } },
          grade: { select: { rank: true } },
        },
      },
    },
  });
  const accounts = new Map(
    (
      await db.staff.findMany({
        where: { loginId: { in: ['demo-staff', 'demo-supervisor', 'demo-staff-other'] } },
        select: { id: true, loginId: true },
      })
    ).map((s) => [s.loginId, s.id]),
  );
  const demoStaff = accounts.get('demo-staff');
  const demoSupervisor = accounts.get('demo-supervisor');
  if (!demoStaff || !demoSupervisor) return;

  // Unit heads, for the supervisor who comments: the nearest head above the person.
  const heads = await db.assignment.findMany({
    where: { isHead: true, endsOn: null },
    select: { staffId: true, orgUnitId: true },
  });
  const headOf = new Map(heads.map((h) => [h.orgUnitId, h.staffId]));
  const supervisorOf = (staffId: string, path: string) => {
    const ids = path.split('/').filter(Boolean).reverse();
    for (const unit of ids) {
      const head = headOf.get(unit);
      if (head && head !== staffId) return head;
    }
    return null;
  };
  // In the 年度 before, people sat elsewhere (人事異動 on 1 April): who headed them then.
  const supervisorsIn = async (year: number) => {
    const day = new Date(`${year}-10-01T00:00:00Z`);
    const posts = await db.assignment.findMany({
      where: { startsOn: { lte: day }, OR: [{ endsOn: null }, { endsOn: { gte: day } }] },
      select: { staffId: true, isHead: true, orgUnitId: true, orgUnit: { select: { path: true } } },
    });
    const headThen = new Map(posts.filter((p) => p.isHead).map((p) => [p.orgUnitId, p.staffId]));
    return new Map(
      posts.map((p) => {
        const ids = p.orgUnit.path.split('/').filter(Boolean).reverse();
        const head = ids.map((u) => headThen.get(u)).find((h) => h && h !== p.staffId);
        return [p.staffId, head ?? null] as const;
      }),
    );
  };
  const before = new Map([
    [previous, await supervisorsIn(previous)],
    [previous - 1, await supervisorsIn(previous - 1)],
  ]);
  const team = await db.staff.findMany({
    where: {
      id: { notIn: [demoStaff, demoSupervisor] },
      assignments: { some: { endsOn: null, orgUnit: { code: 'aoba-1-1-1' } } },
    },
    orderBy: { employeeNumber: 'asc' },
    select: { id: true },
  });
  const [mateSubmitted, mateSupport] = team.map((t) => t.id);

  type Plan = { staffId: string; fiscalYear: number; status: Status; supervisorId: string | null; n: number };
  const plans: Plan[] = [];
  // Staff below 部長 write plans; the executives' ladder is not a career plan.
  const eligible = people.filter((p) => (p.assignments[0]?.grade.rank ?? 99) <= 5);
  eligible.forEach((p, n) => {
    const a = p.assignments[0];
    if (!a) return;
    const supervisorId = supervisorOf(p.id, a.orgUnit.path);
    // the plans of the two 年度 before, commented by whoever was the supervisor then; uptake grew
    for (const [year, share] of [
      [previous, n % 2 === 0],
      [previous - 1, n % 3 === 0],
    ] as const) {
      const then = before.get(year)?.get(p.id);
      if (share && then !== undefined) {
        plans.push({
          staffId: p.id,
          fiscalYear: year,
          status: then ? 'commented' : 'submitted',
          supervisorId: then,
          n,
        });
      }
    }
    if (p.id === mateSubmitted) return;
    if (n % 5 < 2) {
      const status: Status =
        (['draft', 'submitted', 'commented', 'changes_requested'] as const)[n % 4] ?? 'draft';
      plans.push({ staffId: p.id, fiscalYear: fy, status: supervisorId ? status : 'draft', supervisorId, n });
    }
  });
  plans.push({
    staffId: demoStaff,
    fiscalYear: previous,
    status: 'commented',
    supervisorId: demoSupervisor,
    n: 0,
  });
  if (mateSubmitted) {
    plans.push({
      staffId: mateSubmitted,
      fiscalYear: fy,
      status: 'submitted',
      supervisorId: demoSupervisor,
      n: 1,
    });
  }

  const versionOf = (s: Status) => (s === 'draft' ? 1 : s === 'submitted' ? 2 : 3);
  const content = (n: number) => {
    const g = GOALS[n % GOALS.length] ?? GOALS[0];
    return {
      shortTermGoal: g?.short ?? '',
      midTermGoal: g?.mid ?? '',
      longTermGoal: g?.long ?? '',
      desiredExperiences: [
        EXPERIENCES[n % EXPERIENCES.length],
        EXPERIENCES[(n + 2) % EXPERIENCES.length],
      ].filter((x) => x !== undefined),
      selfAssessments: images.map((staffImageId, i) => ({
        staffImageId,
        level: 2 + ((n + i) % 3),
        comment: i === 0 ? '市民の役に立っているという実感を持って取り組めている。' : '',
      })),
      skillsToGain: [SKILLS[n % SKILLS.length], SKILLS[(n + 1) % SKILLS.length]].filter(
        (x): x is string => !!x,
      ),
      staffImageIds: [images[n % images.length]].filter((x): x is string => !!x),
      initiativeIds: careerLinks.slice(0, 1 + (n % 2)),
    };
  };
  const submittedOn = (p: Plan) => date(`${p.fiscalYear}-06-${p.fiscalYear === fy ? 15 : 10}`);

  await db.$transaction(
    async (tx) => {
      await tx.careerPlan.createMany({
        data: plans.map((p) => {
          const c = content(p.n);
          return {
            staffId: p.staffId,
            fiscalYear: p.fiscalYear,
            status: p.status,
            ...c,
            desiredExperiences: c.desiredExperiences as Prisma.InputJsonValue,
            selfAssessments: c.selfAssessments as Prisma.InputJsonValue,
            submittedAt: p.status === 'draft' ? null : submittedOn(p),
            version: versionOf(p.status),
          };
        }),
      });
      const ids = new Map(
        (await tx.careerPlan.findMany({ select: { id: true, staffId: true, fiscalYear: true } })).map((r) => [
          `${r.staffId}|${r.fiscalYear}`,
          r.id,
        ]),
      );
      const planId = (p: Plan) => ids.get(`${p.staffId}|${p.fiscalYear}`) ?? '';
      const versions: Prisma.CareerPlanVersionCreateManyInput[] = [];
      const comments: Prisma.CareerPlanCommentCreateManyInput[] = [];
      for (const p of plans) {
        const c = content(p.n) as unknown as Prisma.InputJsonValue;
        const at = submittedOn(p);
        versions.push({
          planId: planId(p),
          version: 1,
          status: 'draft',
          content: c,
          savedById: p.staffId,
          savedAt: at,
        });
        if (p.status !== 'draft') {
          versions.push({
            planId: planId(p),
            version: 2,
            status: 'submitted',
            content: c,
            savedById: p.staffId,
            savedAt: at,
          });
        }
        if ((p.status === 'commented' || p.status === 'changes_requested') && p.supervisorId) {
          const commentedAt = new Date(Math.min(at.getTime() + 7 * 86_400_000, Date.now()));
          versions.push({
            planId: planId(p),
            version: 3,
            status: p.status,
            content: c,
            savedById: p.supervisorId,
            savedAt: commentedAt,
          });
          comments.push({
            planId: planId(p),
            authorId: p.supervisorId,
            body: (p.status === 'changes_requested' ? COMMENTS[2] : COMMENTS[p.n % 2]) ?? '',
            requestsChanges: p.status === 'changes_requested',
            createdAt: commentedAt,
          });
        }
      }
      await tx.careerPlanVersion.createMany({ data: versions });
      await tx.careerPlanComment.createMany({ data: comments });

      // Self-development: about a third of the staff, and three records of the demo staff member.
      const records: Prisma.SelfDevelopmentRecordCreateManyInput[] = [];
      eligible.forEach((p, n) => {
        if (n % 3 !== 0 || p.id === mateSupport) return;
        const item = SELF_DEV[n % SELF_DEV.length] ?? SELF_DEV[0];
        const done = n % 2 === 0;
        const started = date(`${fy}-0${4 + (n % 5)}-01`);
        records.push({
          staffId: p.id,
          kind: item.kind,
          title: item.title,
          provider: item.provider,
          startedOn: started,
          completedOn: done ? date(`${fy}-${String(9 + (n % 2)).padStart(2, '0')}-20`) : null,
          fiscalYear: fy,
          hours: item.hours,
          initiativeIds: selfDevLinks,
          staffImageIds: [images[1]].filter((x): x is string => !!x),
        });
      });
      // last 年度's, finished: a quarter of the staff
      eligible.forEach((p, n) => {
        if (n % 4 !== 1) return;
        const item = SELF_DEV[(n + 2) % SELF_DEV.length] ?? SELF_DEV[0];
        records.push({
          staffId: p.id,
          kind: item.kind,
          title: item.title,
          provider: item.provider,
          startedOn: date(`${previous}-0${5 + (n % 4)}-01`),
          completedOn: date(`${previous + 1}-0${1 + (n % 3)}-15`),
          fiscalYear: previous,
          hours: item.hours,
          initiativeIds: selfDevLinks,
          staffImageIds: [images[1]].filter((x): x is string => !!x),
        });
      });
      records.push(
        {
          staffId: demoStaff,
          kind: 'qualification',
          title: '日商簿記検定3級',
          provider: '日本商工会議所',
          startedOn: date(`${previous}-05-01`),
          completedOn: date(`${previous}-11-17`),
          fiscalYear: previous,
          hours: 80,
          initiativeIds: selfDevLinks,
          staffImageIds: [images[0]].filter((x): x is string => !!x),
        },
        {
          staffId: demoStaff,
          kind: 'self_study',
          title: '行政法の基礎（独学）',
          description: '通勤時間に基本書を読み、章ごとに要点をまとめている。',
          startedOn: date(`${fy}-04-10`),
          fiscalYear: fy,
          hours: 25,
          initiativeIds: selfDevLinks,
          staffImageIds: [images[1]].filter((x): x is string => !!x),
        },
      );
      if (mateSupport) {
        records.push({
          staffId: mateSupport,
          kind: 'correspondence',
          title: '自治体職員のための政策法務 通信講座',
          provider: '自治研修協会',
          startedOn: date(`${fy}-10-01`),
          fiscalYear: fy,
          hours: 40,
          initiativeIds: selfDevLinks,
          staffImageIds: [images[1]].filter((x): x is string => !!x),
          supportStatus: 'pending',
          supportDetail: '受講料の半額補助をお願いします。',
          supportAmountYen: 18_000,
        });
      }
      await tx.selfDevelopmentRecord.createMany({ data: records });
    },
    { timeout: 60_000 },
  );
}

export const demoCareerSeeder: DemoSeeder = { name: 'career', seed };
