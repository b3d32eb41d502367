/**
 * Demo 人材育成推進計画 (demo mode only): 第1期 (令和3〜5年度, published, its items done or nearly so),
 * 第2期 (令和6〜8年度, published, under way) and a 第3期 draft copied from it. Items sit under each of
 * the 13 initiatives (read from the seeded policy), after the policy's example actions; KPIs are
 * partly computed from the portal's data, partly entered, with actuals for past years. Some KPIs are
 * owned by 総務局 so that its officers (demo-bureau) enter their actuals. Does nothing once 第1期 has items.
 */
import { randomUUID } from 'node:crypto';
import type { KpiMetric } from '@portal/contracts';
import type { Prisma } from '../../generated/prisma/client.ts';
import type { Db } from '../client.ts';
import type { DemoSeeder } from './demo-activity.seed.ts';

type T = [ja: string, en: string];
type KpiSpec = {
  name: T;
  unit: string;
  metric?: KpiMetric;
  owner?: string;
  lowerIsBetter?: boolean;
  baseline: [year: number, value: number];
  /** targets for 第1期 (3 years) then 第2期 (3 years) */
  targets: [number, number, number, number, number, number];
};
type ItemSpec = { title: T; titleP2: T; actions: T[]; owners: string[]; kpis: KpiSpec[] };

const HR_DIV = 'somu-1-2';

/** By initiative code (`1-1` … `3-3`). */
const ITEMS: Record<string, ItemSpec[]> = {
  '1-1': [
    {
      title: ['キャリアデザイン研修と情報提供の開始', 'Career design training and information'],
      titleP2: [
        'キャリアプランの全庁運用とキャリア相談の充実',
        'City-wide career plans and career counselling',
      ],
      actions: [
        ['若手職員向けキャリアデザイン研修の実施', 'Career design training for young staff'],
        ['職種別のキャリアパス例の公開', 'Publish example career paths by job family'],
        ['キャリア相談窓口の設置', 'Open a career counselling desk'],
      ],
      owners: [HR_DIV],
      kpis: [
        {
          name: ['キャリアプラン提出率', 'Career-plan submission rate'],
          unit: '%',
          metric: 'career_plan_submitted_share',
          baseline: [2020, 0],
          targets: [20, 40, 60, 70, 80, 90],
        },
        {
          name: ['キャリア相談の実施件数', 'Career counselling sessions held'],
          unit: '件',
          owner: 'somu',
          baseline: [2020, 12],
          targets: [30, 50, 80, 100, 120, 150],
        },
      ],
    },
  ],
  '1-2': [
    {
      title: ['組織的・計画的なOJTの推進', 'Organised, planned OJT'],
      titleP2: ['OJT計画とOJT記録の全職場での定着', 'OJT plans and records in every workplace'],
      actions: [
        ['年間OJT計画様式の整備', 'A yearly OJT plan template'],
        ['OJT推進者（係長級）向け研修の実施', 'Training for OJT leaders (section chiefs)'],
        ['職場内研修の好事例の共有', 'Share good practice of in-workplace training'],
      ],
      owners: [HR_DIV],
      kpis: [
        {
          name: ['若手職員のOJT実施率', 'OJT coverage of young staff'],
          unit: '%',
          metric: 'ojt_coverage_young',
          baseline: [2020, 35],
          targets: [50, 60, 70, 75, 85, 95],
        },
        {
          name: ['OJT推進者研修の受講者数', 'OJT leaders trained'],
          unit: '人',
          owner: 'somu',
          baseline: [2020, 40],
          targets: [80, 120, 160, 180, 200, 220],
        },
      ],
    },
  ],
  '1-3': [
    {
      title: ['研修所研修の体系の見直し', 'Review of the training institute’s programme'],
      titleP2: ['効果測定に基づく研修所研修の改善', 'Institute courses improved on measured effect'],
      actions: [
        ['階層別研修のカリキュラム改定', 'Revise the grade-based curriculum'],
        ['オンライン研修・e-ラーニングの拡充', 'More online courses and e-learning'],
        ['受講後の職場実践レポートの導入', 'Practice reports after courses'],
      ],
      owners: [HR_DIV],
      kpis: [
        {
          name: ['研修修了率', 'Training completion rate'],
          unit: '%',
          metric: 'training_completion_rate',
          baseline: [2020, 85],
          targets: [88, 90, 92, 93, 94, 95],
        },
        {
          name: ['研修が業務に役立ったと答えた受講者の割合', 'Participants who found the course useful'],
          unit: '%',
          baseline: [2020, 72],
          targets: [75, 78, 80, 82, 84, 85],
        },
      ],
    },
  ],
  '1-4': [
    {
      title: ['部門別研修の拡充', 'More departmental training'],
      titleP2: ['職種・分野別研修の体系化', 'A structured programme per job type and field'],
      actions: [
        ['技術職向け専門研修の新設', 'New specialist courses for technical staff'],
        ['福祉・保健分野の実務研修の充実', 'Practical courses in welfare and health'],
      ],
      owners: ['kenkofukushi-1', 'kensetsu-1'],
      kpis: [
        {
          name: ['部門別研修の実施コース数', 'Departmental courses run'],
          unit: 'コース',
          owner: 'kenkofukushi',
          baseline: [2020, 18],
          targets: [22, 26, 30, 32, 35, 38],
        },
      ],
    },
  ],
  '1-5': [
    {
      title: ['資格取得・自己学習の支援', 'Support for qualifications and self-study'],
      titleP2: ['自己啓発支援制度の利用促進', 'More use of self-development support'],
      actions: [
        ['資格取得費用の助成制度の拡充', 'Broader subsidies for qualifications'],
        ['通信教育講座の紹介と受講支援', 'Correspondence courses and their support'],
      ],
      owners: [HR_DIV],
      kpis: [
        {
          name: ['自己啓発支援制度の利用者数', 'Staff using self-development support'],
          unit: '人',
          owner: 'somu',
          baseline: [2020, 150],
          targets: [180, 210, 240, 260, 280, 300],
        },
      ],
    },
  ],
  '2-1': [
    {
      title: ['採用広報の強化', 'Stronger recruitment publicity'],
      titleP2: ['多様な人材の確保に向けた採用手法の拡充', 'More ways to recruit a diverse workforce'],
      actions: [
        ['SNS・動画による採用情報の発信', 'Recruitment news on social media and video'],
        ['インターンシップの受入れ拡大', 'More internships'],
      ],
      owners: ['somu-1-1'],
      kpis: [
        {
          name: ['採用試験の申込者数（大学卒程度）', 'Applicants for the graduate exam'],
          unit: '人',
          owner: 'somu',
          baseline: [2020, 1450],
          targets: [1500, 1550, 1600, 1650, 1700, 1750],
        },
      ],
    },
  ],
  '2-2': [
    {
      title: ['意欲と適性を生かした配置', 'Placement by motivation and aptitude'],
      titleP2: ['ジョブローテーションと自己申告制度の活用', 'Job rotation and self-reporting in placement'],
      actions: [
        ['自己申告制度の見直し', 'Review the self-reporting system'],
        ['若手職員の計画的なジョブローテーション', 'Planned job rotation for young staff'],
      ],
      owners: ['somu-1-1'],
      kpis: [
        {
          name: ['女性管理職（課長級以上）の割合', 'Women in management (division director and above)'],
          unit: '%',
          baseline: [2020, 14.8],
          targets: [16, 17, 18, 19, 20, 21],
        },
      ],
    },
  ],
  '2-3': [
    {
      title: ['人事評価の育成への活用', 'Personnel evaluation used for development'],
      titleP2: ['評価面談を通じた育成の強化', 'Development through evaluation interviews'],
      actions: [
        ['評価者研修の充実', 'Better training for evaluators'],
        ['期首・期末面談での育成目標の設定', 'Development goals set in evaluation interviews'],
      ],
      owners: ['somu-1-1'],
      kpis: [
        {
          name: ['評価面談で育成目標を設定した職員の割合', 'Staff with development goals set in interviews'],
          unit: '%',
          baseline: [2020, 55],
          targets: [65, 75, 85, 88, 92, 95],
        },
      ],
    },
  ],
  '2-4': [
    {
      title: ['庁内外の交流・派遣の推進', 'Internal and external exchange'],
      titleP2: [
        '民間・国・他自治体との人事交流の拡大',
        'More exchange with business, the state and other cities',
      ],
      actions: [
        ['民間企業への派遣研修', 'Secondments to private companies'],
        ['庁内公募制度の実施', 'Internal job postings'],
      ],
      owners: [HR_DIV],
      kpis: [
        {
          name: ['庁外派遣・交流職員数', 'Staff seconded or exchanged outside'],
          unit: '人',
          baseline: [2020, 38],
          targets: [40, 42, 45, 48, 50, 52],
        },
      ],
    },
  ],
  '2-5': [
    {
      title: ['全庁的な人材育成推進体制の整備', 'A city-wide promotion structure'],
      titleP2: ['局区と人材育成部門の連携強化', 'Closer bureaus ↔ HR department'],
      actions: [
        ['人材育成推進本部・推進連絡会の開催', 'Meetings of the promotion HQ and liaison council'],
        ['局区ごとの人材育成計画の策定支援', 'Support each bureau’s own development plan'],
      ],
      owners: [HR_DIV],
      kpis: [
        {
          name: ['人材育成推進連絡会の開催回数', 'Liaison council meetings held'],
          unit: '回',
          owner: 'somu',
          baseline: [2020, 1],
          targets: [2, 2, 3, 3, 4, 4],
        },
      ],
    },
  ],
  '3-1': [
    {
      title: ['風通しの良い組織風土づくり', 'An open organisational culture'],
      titleP2: ['コンプライアンス推進計画と連動した風土改革', 'Culture reform with the compliance plan'],
      actions: [
        ['職員意識調査の実施と結果の共有', 'Staff survey, results shared'],
        ['管理職向けコミュニケーション研修', 'Communication training for managers'],
      ],
      owners: ['somu-1-1'],
      kpis: [
        {
          name: ['職場の風通しが良いと答えた職員の割合', 'Staff who say their workplace is open'],
          unit: '%',
          baseline: [2020, 58],
          targets: [60, 63, 66, 68, 70, 72],
        },
      ],
    },
  ],
  '3-2': [
    {
      title: ['ワーク・ライフ・バランスの推進', 'Work–life balance'],
      titleP2: ['子育て推進・女性職員活躍推進プランの推進', 'The childcare and women’s advancement plan'],
      actions: [
        ['男性職員の育児休業取得の促進', 'More paternity leave'],
        ['テレワーク・時差出勤の拡充', 'More telework and staggered hours'],
      ],
      owners: ['somu-1-1'],
      kpis: [
        {
          name: ['男性職員の育児休業取得率', 'Paternity leave uptake'],
          unit: '%',
          baseline: [2020, 16],
          targets: [25, 35, 45, 55, 70, 85],
        },
      ],
    },
  ],
  '3-3': [
    {
      title: ['業務効率化の推進', 'Efficiency'],
      titleP2: ['デジタル化による業務改善', 'Work improved through digitalisation'],
      actions: [
        ['RPA・AI-OCRの導入', 'RPA and AI-OCR'],
        ['会議・決裁の見直し', 'Fewer meetings, simpler approvals'],
      ],
      owners: ['somu-1-1'],
      kpis: [
        {
          name: ['職員1人当たりの年間時間外勤務時間', 'Overtime hours per person and year'],
          unit: '時間',
          lowerIsBetter: true,
          baseline: [2020, 168],
          targets: [160, 150, 140, 135, 130, 125],
        },
      ],
    },
  ],
};

/** Plausible actual for a year: the target, reached at 85–105% in a deterministic pattern. */
function actualFor(spec: KpiSpec, target: number, salt: number): number {
  const factor = [0.96, 1.02, 0.91, 1.0, 0.88, 1.04][salt % 6] as number;
  const v = spec.lowerIsBetter ? target / factor : target * factor;
  return spec.unit === '%' || spec.unit === '時間' ? Math.round(v * 10) / 10 : Math.round(v);
}

const P1_STATUS = ['done', 'done', 'done', 'in_progress', 'done'] as const;
const P2_STATUS = ['in_progress', 'in_progress', 'delayed', 'in_progress', 'not_started', 'done'] as const;

async function seed(db: Db): Promise<void> {
  const policy = await db.policy.findFirst({ where: { inForce: true }, select: { id: true } });
  if (!policy) return;
  const p1 = await db.planPeriod.findUnique({
    where: { policyId_ordinal: { policyId: policy.id, ordinal: 1 } },
    select: { id: true, _count: { select: { items: true } } },
  });
  if (p1 && p1._count.items > 0) return;

  const [initiatives, units, hr] = await Promise.all([
    db.initiative.findMany({ where: { area: { policyId: policy.id } }, select: { id: true, code: true } }),
    db.orgUnit.findMany({ select: { id: true, code: true } }),
    db.staff.findUnique({ where: { loginId: 'demo-hr' }, select: { id: true } }),
  ]);
  const unitId = new Map(units.map((u) => [u.code, u.id]));
  const initiativeId = new Map(initiatives.map((i) => [i.code, i.id]));

  await db.$transaction(
    async (tx) => {
      const upsertPeriod = (
        ordinal: number,
        ja: string,
        en: string,
        start: number,
        end: number,
        status: 'draft' | 'published',
        copiedFromId?: string,
      ) =>
        tx.planPeriod.upsert({
          where: { policyId_ordinal: { policyId: policy.id, ordinal } },
          create: {
            policyId: policy.id,
            ordinal,
            nameJa: ja,
            nameEn: en,
            startFiscalYear: start,
            endFiscalYear: end,
            status,
            publishedAt: status === 'published' ? new Date(`${start}-04-01T00:00:00+09:00`) : null,
            copiedFromId: copiedFromId ?? null,
          },
          update: {},
          select: { id: true },
        });
      const first = await upsertPeriod(
        1,
        '第1期 人材育成推進計画',
        'HR Development Promotion Plan, period 1',
        2021,
        2023,
        'published',
      );
      const second = await upsertPeriod(
        2,
        '第2期 人材育成推進計画',
        'HR Development Promotion Plan, period 2',
        2024,
        2026,
        'published',
        first.id,
      );
      const third = await upsertPeriod(
        3,
        '第3期 人材育成推進計画（素案）',
        'HR Development Promotion Plan, period 3 (draft)',
        2027,
        2030,
        'draft',
        second.id,
      );

      const items: Prisma.PlanItemCreateManyInput[] = [];
      const kpis: Prisma.KpiCreateManyInput[] = [];
      const targets: Prisma.KpiTargetCreateManyInput[] = [];
      const actuals: Prisma.KpiActualCreateManyInput[] = [];
      const history: Prisma.PlanHistoryCreateManyInput[] = [];
      let salt = 0;

      const periods = [
        { id: first.id, start: 2021, end: 2023, part: 0 },
        { id: second.id, start: 2024, end: 2026, part: 1 },
        { id: third.id, start: 2027, end: 2030, part: 2 },
      ];
      for (const period of periods) {
        let n = 0;
        for (const [code, specs] of Object.entries(ITEMS)) {
          const initiative = initiativeId.get(code);
          if (!initiative) continue;
          for (const [position, spec] of specs.entries()) {
            n++;
            // the draft 第3期 starts with a few items carried over; HR is still writing it
            if (period.part === 2 && n > 4) continue;
            const itemId = randomUUID();
            const title = period.part === 0 ? spec.title : spec.titleP2;
            const years = Array.from({ length: period.end - period.start + 1 }, (_, i) => period.start + i);
            items.push({
              id: itemId,
              periodId: period.id,
              initiativeId: initiative,
              position: position + 1,
              titleJa: title[0],
              titleEn: title[1],
              descriptionJa: `${title[0]}に取り組む。`,
              descriptionEn: `Work on: ${title[1].toLowerCase()}.`,
              actions: spec.actions.map(([textJa, textEn]) => ({ textJa, textEn })),
              ownerOrgUnitIds: spec.owners.flatMap((c) => unitId.get(c) ?? []),
              schedule: years.map((fy, i) => ({
                fiscalYear: fy,
                textJa: i === 0 ? '検討・準備' : i === years.length - 1 ? '全庁展開・検証' : '試行・拡充',
                textEn:
                  i === 0
                    ? 'Design and preparation'
                    : i === years.length - 1
                      ? 'City-wide roll-out and review'
                      : 'Pilot and extend',
              })),
              status:
                period.part === 0
                  ? P1_STATUS[n % P1_STATUS.length]
                  : period.part === 1
                    ? P2_STATUS[n % P2_STATUS.length]
                    : 'not_started',
            });
            if (hr) {
              history.push({
                periodId: period.id,
                itemId,
                entityType: 'item',
                entityId: itemId,
                action: 'create',
                actorId: hr.id,
                at: new Date(`${period.start}-03-15T10:00:00+09:00`),
                after: { titleJa: title[0], titleEn: title[1] },
              });
            }
            for (const [k, kpi] of spec.kpis.entries()) {
              const kpiId = randomUUID();
              const lastOfPrevious = period.part === 0 ? null : kpi.targets[period.part * 3 - 1];
              kpis.push({
                id: kpiId,
                itemId,
                position: k + 1,
                nameJa: kpi.name[0],
                nameEn: kpi.name[1],
                unit: kpi.unit,
                baselineFiscalYear: period.part === 0 ? kpi.baseline[0] : period.start - 1,
                baselineValue: period.part === 0 ? kpi.baseline[1] : (lastOfPrevious ?? kpi.baseline[1]),
                source: kpi.metric ? 'computed' : 'entered',
                metric: kpi.metric ?? null,
                ownerBureauId: kpi.owner ? (unitId.get(kpi.owner) ?? null) : null,
                higherIsBetter: !kpi.lowerIsBetter,
              });
              if (period.part === 2) continue;
              for (const [i, fy] of years.entries()) {
                const target = kpi.targets[period.part * 3 + i] as number;
                targets.push({ kpiId, fiscalYear: fy, value: target });
                // entered actuals for the years that are over (令和8年度 is still running)
                if (!kpi.metric && fy < 2026) {
                  actuals.push({
                    kpiId,
                    fiscalYear: fy,
                    value: actualFor(kpi, target, salt++),
                    note: fy === 2025 ? '年度末集計' : '',
                    enteredById: hr?.id ?? null,
                  });
                }
              }
            }
          }
        }
      }
      await tx.planItem.createMany({ data: items });
      await tx.kpi.createMany({ data: kpis });
      await tx.kpiTarget.createMany({ data: targets });
      await tx.kpiActual.createMany({ data: actuals });
      await tx.planHistory.createMany({ data: history });
    },
    { timeout: 60_000 },
  );
}

export const demoPlanSeeder: DemoSeeder = { name: 'plan', seed };
