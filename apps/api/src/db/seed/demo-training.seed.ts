/**
 * Demo training year (demo mode only): the catalogue of DOMAIN.md §8 — the 階層別研修 of the training
 * institute (新規採用職員研修 … 部長研修, with their target grades: the career-path view expects them
 * at each grade), 選択研修, 特別研修, 部門別研修 owned by 総務局 (demo-bureau manages them) and by
 * 健康福祉局, 派遣研修 and e-learning — each linked to 職員像 and initiatives (研修所研修 → (1)③,
 * 部門別研修 → (1)④, 派遣研修 → (2)④). Sessions across the 年度 of the day it is seeded (and the two
 * before it, for history), with applications in every state for the demo accounts and others, and
 * completions, surveys and practice reports in past sessions. Seeded once: nothing happens when the
 * catalogue is there.
 */
import { fiscalYearOf } from '@portal/contracts';
import type { Db } from '../client.ts';
import type { DemoSeeder } from './demo-activity.seed.ts';

type Kind =
  | 'institute_grade'
  | 'institute_elective'
  | 'institute_special'
  | 'departmental'
  | 'dispatch'
  | 'elearning';

type CourseSpec = {
  code: string;
  ja: string;
  en: string;
  descJa: string;
  descEn: string;
  kind: Kind;
  grades: string[];
  jobs?: string[];
  hours: number;
  images: string[];
  initiatives: string[];
  mandatory?: boolean;
  owner?: string;
  /** Offered in the last three 年度 (else only this one) */
  history?: boolean;
};

const ALL_MANAGERS = ['kakaricho', 'kacho-hosa', 'kacho', 'bucho'];

const COURSES: CourseSpec[] = [
  {
    code: 'K01',
    ja: '新規採用職員研修',
    en: 'New recruit training',
    descJa: '市職員としての心構え、服務・コンプライアンス、仙台市の施策の概要、接遇の基本を学びます。',
    descEn:
      'The attitude of a city employee, duties and compliance, an overview of city policy, and basic customer service.',
    kind: 'institute_grade',
    grades: ['shuji'],
    hours: 21,
    images: ['pride'],
    initiatives: ['1-3', '1-1'],
    mandatory: true,
    history: true,
  },
  {
    code: 'K02',
    ja: '2年目職員研修',
    en: 'Second-year staff training',
    descJa: '1年間の業務を振り返り、自らのキャリアを考えるとともに、業務改善の視点を身に付けます。',
    descEn: 'Look back on the first year, think about one’s career and learn to look for improvements.',
    kind: 'institute_grade',
    grades: ['shuji'],
    hours: 7,
    images: ['pride', 'challenge'],
    initiatives: ['1-3', '1-1'],
    mandatory: true,
    history: true,
  },
  {
    code: 'K03',
    ja: '主任研修',
    en: 'Senior staff (shunin) training',
    descJa: '職場の中核として後輩を支え、課題を発見し解決する力を養います。',
    descEn: 'Support junior colleagues as the core of the workplace; find and solve problems.',
    kind: 'institute_grade',
    grades: ['shunin'],
    hours: 12,
    images: ['challenge', 'collaboration'],
    initiatives: ['1-3', '1-2'],
    mandatory: true,
    history: true,
  },
  {
    code: 'K04',
    ja: '新任係長研修',
    en: 'New section chief training',
    descJa: '管理監督者として、係の運営、OJTによる部下育成、人事評価の基本を学びます。',
    descEn: 'Running a section, developing staff through OJT and the basics of personnel evaluation.',
    kind: 'institute_grade',
    grades: ['kakaricho'],
    hours: 14,
    images: ['mutual-growth'],
    initiatives: ['1-3', '1-2', '2-3'],
    mandatory: true,
    history: true,
  },
  {
    code: 'K05',
    ja: '課長補佐研修',
    en: 'Assistant division director training',
    descJa: '課長を補佐し、組織目標の達成に向けて課内を調整する力を高めます。',
    descEn: 'Assist the director and coordinate the division towards its goals.',
    kind: 'institute_grade',
    grades: ['kacho-hosa'],
    hours: 7,
    images: ['collaboration'],
    initiatives: ['1-3', '2-3'],
    history: true,
  },
  {
    code: 'K06',
    ja: '新任課長研修',
    en: 'New division director training',
    descJa: '組織マネジメント、人材育成の責任者としての役割、危機管理を学びます。',
    descEn:
      'Organisational management, the role of the director in staff development, and crisis management.',
    kind: 'institute_grade',
    grades: ['kacho'],
    hours: 14,
    images: ['mutual-growth', 'pride'],
    initiatives: ['1-3', '3-1'],
    mandatory: true,
    history: true,
  },
  {
    code: 'K07',
    ja: '部長研修（組織マネジメント）',
    en: 'Department director training (organisational management)',
    descJa: '部の経営者として、全体最適の視点で組織を率いる力を磨きます。',
    descEn: 'Lead a department as its manager, seeking the optimum for the whole city.',
    kind: 'institute_grade',
    grades: ['bucho'],
    hours: 6,
    images: ['collaboration'],
    initiatives: ['1-3', '3-1'],
    history: true,
  },
  {
    code: 'S01',
    ja: '政策形成研修',
    en: 'Policy-making training',
    descJa: '地域課題を題材に、調査・分析から政策立案までをグループで体験します。',
    descEn: 'From research and analysis to a policy proposal, in groups, on a local issue.',
    kind: 'institute_elective',
    grades: ['shunin', 'kakaricho'],
    hours: 12,
    images: ['challenge'],
    initiatives: ['1-3'],
  },
  {
    code: 'S02',
    ja: 'ファシリテーション研修',
    en: 'Facilitation training',
    descJa: '会議やワークショップで多様な意見を引き出し、合意形成へ導く技法を学びます。',
    descEn: 'Draw out diverse views in meetings and workshops and lead them to agreement.',
    kind: 'institute_elective',
    grades: [],
    hours: 6,
    images: ['collaboration', 'mutual-growth'],
    initiatives: ['1-3'],
  },
  {
    code: 'S03',
    ja: 'データ活用・DX推進研修',
    en: 'Data and digital transformation training',
    descJa: '業務データの分析とデジタルツールの活用で、業務の効率化を考えます。',
    descEn: 'Analyse work data and use digital tools to make work more efficient.',
    kind: 'institute_elective',
    grades: [],
    hours: 6,
    images: ['challenge'],
    initiatives: ['1-3', '3-3'],
  },
  {
    code: 'S04',
    ja: 'OJT指導者研修',
    en: 'OJT trainer training',
    descJa: '職場での計画的なOJTの進め方、指導・助言と振り返り面談の技法を学びます。',
    descEn: 'Plan OJT in the workplace; guidance, advice and review interviews.',
    kind: 'institute_elective',
    grades: ['shunin', 'kakaricho'],
    hours: 6,
    images: ['mutual-growth'],
    initiatives: ['1-2', '1-3'],
  },
  {
    code: 'T01',
    ja: 'コンプライアンス研修',
    en: 'Compliance training',
    descJa: 'コンプライアンス推進計画に基づき、事例から公務員倫理と法令遵守を考えます。',
    descEn: 'Public-service ethics and compliance through cases, under the compliance promotion plan.',
    kind: 'institute_special',
    grades: [],
    hours: 3,
    images: ['pride'],
    initiatives: ['3-1'],
  },
  {
    code: 'T02',
    ja: '防災・危機管理研修',
    en: 'Disaster preparedness and crisis management',
    descJa: '東日本大震災の経験を踏まえ、災害時の職員の役割と初動対応を学びます。',
    descEn:
      'The roles of staff in a disaster and the first response, drawing on the Great East Japan Earthquake.',
    kind: 'institute_special',
    grades: [],
    hours: 4,
    images: ['pride', 'collaboration'],
    initiatives: ['1-3'],
  },
  {
    code: 'T03',
    ja: 'ハラスメント防止研修（管理監督者）',
    en: 'Harassment prevention for managers',
    descJa: '互いの価値観を尊重する職場づくりと、相談を受けたときの対応を学びます。',
    descEn: 'A workplace that respects each other’s values, and how to respond to a report.',
    kind: 'institute_special',
    grades: ALL_MANAGERS,
    hours: 3,
    images: ['mutual-growth'],
    initiatives: ['3-1', '3-2'],
  },
  {
    code: 'B01',
    ja: '文書事務・法規実務研修（総務局）',
    en: 'Documents and legal affairs (General Affairs Bureau)',
    descJa: '総務局が主催する、公文書の作成・管理と条例・規則の読み方の実務研修です。',
    descEn: 'Run by the General Affairs Bureau: drafting and keeping official documents, reading ordinances.',
    kind: 'departmental',
    owner: 'somu',
    grades: ['shuji', 'shunin'],
    jobs: ['jimu'],
    hours: 6,
    images: ['pride'],
    initiatives: ['1-4'],
  },
  {
    code: 'B02',
    ja: '人事・給与実務研修（総務局）',
    en: 'Personnel and payroll practice (General Affairs Bureau)',
    descJa: '各局区の庶務担当者向けに、人事・給与・服務の実務を解説します。',
    descEn: 'For the administration staff of each bureau and ward: personnel, payroll and duty rules.',
    kind: 'departmental',
    owner: 'somu',
    grades: ['shuji', 'shunin', 'kakaricho'],
    jobs: ['jimu'],
    hours: 4,
    images: ['collaboration'],
    initiatives: ['1-4', '2-5'],
  },
  {
    code: 'B03',
    ja: '保健師専門研修（健康福祉局）',
    en: 'Public health nurse training (Health and Welfare Bureau)',
    descJa: '健康福祉局が主催する、地区活動と家庭訪問の専門研修です。',
    descEn: 'Run by the Health and Welfare Bureau: community work and home visits.',
    kind: 'departmental',
    owner: 'kenkofukushi',
    grades: ['shuji', 'shunin'],
    jobs: ['hokenshi'],
    hours: 12,
    images: ['collaboration'],
    initiatives: ['1-4'],
  },
  {
    code: 'D01',
    ja: '自治大学校派遣研修',
    en: 'Secondment to the Local Autonomy College',
    descJa: '全国の自治体職員とともに、地方行政の幹部候補として長期の研修を受けます。',
    descEn: 'A long course, with staff of municipalities from across Japan, for future leaders.',
    kind: 'dispatch',
    grades: ['kakaricho'],
    hours: 280,
    images: ['challenge', 'collaboration'],
    initiatives: ['2-4', '1-3'],
  },
  {
    code: 'D02',
    ja: '民間企業派遣研修',
    en: 'Secondment to a private company',
    descJa: '民間企業で1年間勤務し、経営感覚と多様な働き方を学びます。',
    descEn: 'A year at a private company: business sense and different ways of working.',
    kind: 'dispatch',
    grades: ['shunin'],
    hours: 1600,
    images: ['challenge', 'collaboration'],
    initiatives: ['2-4'],
  },
  {
    code: 'E01',
    ja: '情報セキュリティ e-ラーニング',
    en: 'Information security e-learning',
    descJa: '全職員が毎年受講する、情報セキュリティの基本です。',
    descEn: 'The basics of information security, taken by every member of staff each year.',
    kind: 'elearning',
    grades: [],
    hours: 1,
    images: ['pride'],
    initiatives: ['1-3', '3-3'],
    history: true,
  },
  {
    code: 'E02',
    ja: '人権・男女共同参画 e-ラーニング',
    en: 'Human rights and gender equality e-learning',
    descJa: '多様な価値観を尊重し、誰もが活躍できる職場を考えます。',
    descEn: 'Respect for diverse values, and a workplace where everyone can do well.',
    kind: 'elearning',
    grades: [],
    hours: 1,
    images: ['mutual-growth'],
    initiatives: ['3-2'],
  },
  {
    code: 'E03',
    ja: 'キャリアデザイン e-ラーニング',
    en: 'Career design e-learning',
    descJa: '自分の強みと経験を振り返り、これからのキャリアを描きます。',
    descEn: 'Look back on your strengths and experience and sketch your career ahead.',
    kind: 'elearning',
    grades: ['shuji', 'shunin'],
    hours: 2,
    images: ['challenge'],
    initiatives: ['1-1'],
  },
];

/** A session: month/day in the 年度 (`fy`: 0 this one, -1 and -2 before), days, capacity, venue. */
type SessionSpec = {
  course: string;
  key: string;
  fy?: number;
  month: number;
  day: number;
  days?: number;
  capacity: number;
  venue?: string;
  online?: boolean;
};

const INSTITUTE = '仙台市職員研修所';
const SESSIONS: SessionSpec[] = [
  // history: the 年度 before and the one before that
  { course: 'K01', key: 'K01-2', fy: -2, month: 4, day: 8, days: 3, capacity: 120, venue: INSTITUTE },
  { course: 'K02', key: 'K02-2', fy: -2, month: 9, day: 18, capacity: 100, venue: INSTITUTE },
  { course: 'K03', key: 'K03-2', fy: -2, month: 6, day: 13, days: 2, capacity: 60, venue: INSTITUTE },
  { course: 'K04', key: 'K04-2', fy: -2, month: 5, day: 22, days: 2, capacity: 50, venue: INSTITUTE },
  { course: 'E01', key: 'E01-2', fy: -2, month: 7, day: 1, days: 92, capacity: 2000, online: true },
  { course: 'K02', key: 'K02-1', fy: -1, month: 9, day: 17, capacity: 100, venue: INSTITUTE },
  { course: 'K03', key: 'K03-1', fy: -1, month: 6, day: 12, days: 2, capacity: 60, venue: INSTITUTE },
  { course: 'K04', key: 'K04-1', fy: -1, month: 5, day: 21, days: 2, capacity: 50, venue: INSTITUTE },
  { course: 'E01', key: 'E01-1', fy: -1, month: 7, day: 1, days: 92, capacity: 2000, online: true },
  // this 年度
  { course: 'K01', key: 'K01', month: 4, day: 7, days: 3, capacity: 120, venue: INSTITUTE },
  { course: 'K02', key: 'K02', month: 9, day: 16, capacity: 100, venue: INSTITUTE },
  { course: 'K03', key: 'K03', month: 6, day: 11, days: 2, capacity: 60, venue: INSTITUTE },
  { course: 'K03', key: 'K03b', month: 1, day: 21, days: 2, capacity: 40, venue: INSTITUTE },
  { course: 'K04', key: 'K04', month: 5, day: 20, days: 2, capacity: 50, venue: INSTITUTE },
  { course: 'K05', key: 'K05', month: 2, day: 4, capacity: 40, venue: INSTITUTE },
  { course: 'K06', key: 'K06', month: 7, day: 9, days: 2, capacity: 30, venue: INSTITUTE },
  { course: 'K07', key: 'K07', month: 2, day: 18, capacity: 30, venue: '仙台市役所 本庁舎 8階 ホール' },
  { course: 'S01', key: 'S01', month: 1, day: 28, days: 2, capacity: 24, venue: INSTITUTE },
  { course: 'S02', key: 'S02', month: 10, day: 15, capacity: 30, venue: INSTITUTE },
  { course: 'S02', key: 'S02b', month: 2, day: 10, capacity: 30, venue: INSTITUTE },
  { course: 'S03', key: 'S03', month: 12, day: 17, capacity: 30, online: true },
  { course: 'S04', key: 'S04', month: 12, day: 22, capacity: 10, venue: INSTITUTE },
  { course: 'T01', key: 'T01', month: 8, day: 26, capacity: 200, venue: '日立システムズホール仙台' },
  { course: 'T02', key: 'T02', month: 1, day: 15, capacity: 80, venue: '仙台市防災センター' },
  { course: 'T03', key: 'T03', month: 11, day: 6, capacity: 60, online: true },
  { course: 'B01', key: 'B01', month: 12, day: 10, capacity: 20, venue: '本庁舎 2階 第一会議室' },
  { course: 'B02', key: 'B02', month: 6, day: 25, capacity: 40, venue: '本庁舎 2階 第一会議室' },
  { course: 'B03', key: 'B03', month: 2, day: 25, capacity: 25, venue: '健康福祉局 研修室' },
  {
    course: 'D01',
    key: 'D01',
    month: 1,
    day: 12,
    days: 60,
    capacity: 2,
    venue: '自治大学校（東京都立川市）',
  },
  { course: 'D02', key: 'D02', month: 4, day: 1, days: 365, capacity: 2, venue: '派遣先企業' },
  { course: 'E01', key: 'E01', month: 7, day: 1, days: 92, capacity: 2000, online: true },
  { course: 'E02', key: 'E02', month: 10, day: 1, days: 120, capacity: 2000, online: true },
  { course: 'E03', key: 'E03', month: 12, day: 1, days: 90, capacity: 500, online: true },
];

type Person = {
  id: string;
  loginId: string;
  employeeNumber: string;
  grade: string;
  unitId: string;
  unitCode: string;
  parentId: string | null;
  isHead: boolean;
  hireYear: number;
};

type AppRow = {
  sessionId: string;
  staffId: string;
  fiscalYear: number;
  reason: string;
  status: 'applied' | 'declined' | 'approved' | 'accepted' | 'waitlisted' | 'rejected' | 'withdrawn';
  assigned: boolean;
  supervisorId: string | null;
  supervisorDecidedAt: Date | null;
  supervisorReason: string | null;
  hrDecidedById: string | null;
  hrDecidedAt: Date | null;
  hrReason: string | null;
  waitlistedAt: Date | null;
  attendance: 'present' | 'absent' | 'partial' | null;
  completed: boolean;
  completedOn: Date | null;
  createdAt: Date;
};

const REASONS = [
  '担当業務に直結する知識を身に付けたいため。',
  '係内で学んだ内容を共有し、業務改善につなげたいため。',
  'キャリアプランで掲げた目標に向けて、必要な力を伸ばしたいため。',
  '他局の職員と交流し、視野を広げたいため。',
];

const dayMs = 86_400_000;

/** `YYYY-MM-DD` of a (month, day) in 年度 `fy` (April–March). */
function dateIn(fy: number, month: number, day: number): string {
  const year = month >= 4 ? fy : fy + 1;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export async function seedDemoTraining(db: Db): Promise<void> {
  if (await db.training.findUnique({ where: { code: 'K01' }, select: { id: true } })) return;
  const hr = await db.staff.findUnique({ where: { loginId: 'demo-hr' }, select: { id: true } });
  if (!hr) return; // no demo organisation

  const todayIso = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tokyo' }).format(new Date());
  const now = new Date();
  const fy = fiscalYearOf(todayIso);

  const [grades, jobs, units, policy, staffRows] = await Promise.all([
    db.grade.findMany({ select: { id: true, code: true } }),
    db.jobFamily.findMany({ select: { id: true, code: true } }),
    db.orgUnit.findMany({ select: { id: true, code: true, parentId: true } }),
    db.policy.findFirst({
      where: { inForce: true },
      select: {
        staffImages: { select: { id: true, code: true } },
        policyAreas: { select: { initiatives: { select: { id: true, code: true } } } },
      },
    }),
    db.staff.findMany({
      where: { disabledAt: null },
      orderBy: { employeeNumber: 'asc' },
      select: {
        id: true,
        loginId: true,
        employeeNumber: true,
        hireDate: true,
        assignments: {
          where: { endsOn: null },
          take: 1,
          orderBy: { startsOn: 'desc' },
          select: {
            isHead: true,
            grade: { select: { code: true } },
            orgUnit: { select: { id: true, code: true, parentId: true } },
          },
        },
      },
    }),
  ]);
  const gradeId = new Map(grades.map((g) => [g.code, g.id]));
  const jobId = new Map(jobs.map((j) => [j.code, j.id]));
  const unitId = new Map(units.map((u) => [u.code, u.id]));
  const imageId = new Map((policy?.staffImages ?? []).map((s) => [s.code, s.id]));
  const initiativeId = new Map(
    (policy?.policyAreas ?? []).flatMap((a) => a.initiatives).map((i) => [i.code, i.id]),
  );
  const people: Person[] = staffRows.flatMap((s) => {
    const a = s.assignments[0];
    return a
      ? [
          {
            id: s.id,
            loginId: s.loginId,
            employeeNumber: s.employeeNumber,
            grade: a.grade.code,
            unitId: a.orgUnit.id,
            unitCode: a.orgUnit.code,
            parentId: a.orgUnit.parentId,
            isHead: a.isHead,
            hireYear: s.hireDate.getUTCFullYear(),
          },
        ]
      : [];
  });
  const headOf = new Map(people.filter((p) => p.isHead).map((p) => [p.unitId, p.id]));
  const supervisorOf = (p: Person) =>
    (p.isHead ? (p.parentId ? headOf.get(p.parentId) : undefined) : headOf.get(p.unitId)) ?? null;
  const byLogin = new Map(people.map((p) => [p.loginId, p]));
  const ofGrade = (code: string) => people.filter((p) => p.grade === code && !p.loginId.startsWith('demo-'));

  // --- the catalogue ---------------------------------------------------------------------------
  const trainingIds = new Map<string, string>();
  await db.training.createMany({
    data: COURSES.map((c) => {
      const id = crypto.randomUUID();
      trainingIds.set(c.code, id);
      return {
        id,
        code: c.code,
        titleJa: c.ja,
        titleEn: c.en,
        descriptionJa: c.descJa,
        descriptionEn: c.descEn,
        kind: c.kind,
        ownerBureauId: c.owner ? (unitId.get(c.owner) ?? null) : null,
        targetGradeIds: c.grades.flatMap((g) => gradeId.get(g) ?? []),
        targetJobFamilyIds: (c.jobs ?? []).flatMap((j) => jobId.get(j) ?? []),
        hours: c.hours,
        staffImageIds: c.images.flatMap((code) => imageId.get(code) ?? []),
        initiativeIds: c.initiatives.flatMap((code) => initiativeId.get(code) ?? []),
        fiscalYears: c.history ? [fy - 2, fy - 1, fy] : [fy],
        mandatory: c.mandatory ?? false,
      };
    }),
  });

  // --- sessions --------------------------------------------------------------------------------
  const sessions = new Map<
    string,
    {
      id: string;
      fiscalYear: number;
      startsAt: Date;
      endsAt: Date;
      deadline: Date;
      capacity: number;
      past: boolean;
    }
  >();
  for (const s of SESSIONS) {
    const year = fy + (s.fy ?? 0);
    const start = dateIn(year, s.month, s.day);
    const startsAt = new Date(`${start}T09:30:00+09:00`);
    const endsAt = new Date(startsAt.getTime() + ((s.days ?? 1) - 1) * dayMs + 7.5 * 3600_000);
    const deadline = new Date(Date.parse(`${start}T00:00:00Z`) - 21 * dayMs);
    sessions.set(s.key, {
      id: crypto.randomUUID(),
      fiscalYear: year,
      startsAt,
      endsAt,
      deadline,
      capacity: s.capacity,
      past: endsAt < now,
    });
  }

  // --- applications ----------------------------------------------------------------------------
  const apps: AppRow[] = [];
  const taken = new Set<string>();
  const add = (
    key: string,
    person: Person | undefined,
    status: AppRow['status'],
    extra: Partial<AppRow> = {},
  ) => {
    const s = sessions.get(key);
    if (!s || !person || taken.has(`${key}|${person.id}`)) return;
    taken.add(`${key}|${person.id}`);
    const n = apps.length;
    const applied = new Date(s.deadline.getTime() - (10 + (n % 20)) * dayMs);
    const supervisor = supervisorOf(person);
    const decidedBySupervisor = ['declined', 'approved', 'accepted', 'waitlisted', 'rejected'].includes(
      status,
    );
    const decidedByHr = ['accepted', 'waitlisted', 'rejected'].includes(status);
    const done = status === 'accepted' && s.past;
    // 9 in 10 of a past session attended in full; a few absent or partly there
    const attendance = done ? (n % 23 === 0 ? 'absent' : n % 17 === 0 ? 'partial' : 'present') : null;
    // nothing is dated after today, whatever month the demo starts in
    const past = (d: Date | null) => (d && d > now ? now : d);
    apps.push({
      sessionId: s.id,
      staffId: person.id,
      fiscalYear: s.fiscalYear,
      reason: extra.assigned ? '' : (REASONS[n % REASONS.length] ?? ''),
      status,
      assigned: false,
      supervisorId: decidedBySupervisor ? supervisor : null,
      supervisorDecidedAt: decidedBySupervisor ? past(new Date(applied.getTime() + 2 * dayMs)) : null,
      supervisorReason: status === 'declined' ? '繁忙期と重なるため、次回の受講を検討してください。' : null,
      hrDecidedById: decidedByHr ? hr.id : null,
      hrDecidedAt: decidedByHr ? past(new Date(s.deadline.getTime() + dayMs)) : null,
      hrReason: status === 'rejected' ? '応募多数のため、受講歴の少ない職員を優先しました。' : null,
      waitlistedAt: status === 'waitlisted' ? past(new Date(s.deadline.getTime() + dayMs + n * 1000)) : null,
      attendance,
      completed: attendance === 'present',
      completedOn: attendance === 'present' ? new Date(`${todayIsoOf(s.endsAt)}T00:00:00Z`) : null,
      createdAt: past(applied) ?? now,
      ...extra,
    });
  };
  const assign = (key: string, list: Person[]) => {
    for (const p of list)
      add(key, p, 'accepted', { assigned: true, supervisorId: null, supervisorDecidedAt: null });
  };

  const shuji = ofGrade('shuji');
  const shunin = ofGrade('shunin');
  const kakaricho = ofGrade('kakaricho');
  const kacho = ofGrade('kacho');
  const demoStaff = byLogin.get('demo-staff');
  const demoSupervisor = byLogin.get('demo-supervisor');
  const demoOther = byLogin.get('demo-staff-other');
  const demoHr = byLogin.get('demo-hr');
  const mates = people.filter(
    (p) => demoStaff && p.unitId === demoStaff.unitId && !p.isHead && p.id !== demoStaff.id,
  );

  // demo-staff's history: 新規採用 and 2年目 in the two 年度 before, both with their practice confirmed
  assign(
    'K01-2',
    [demoStaff, ...shuji.filter((p) => p.hireYear >= fy - 2)].filter((p): p is Person => !!p),
  );
  assign(
    'K02-1',
    [demoStaff, ...shuji.slice(0, 40)].filter((p): p is Person => !!p),
  );
  assign('K02-2', shuji.slice(80, 100));
  assign('K03-2', shunin.slice(95, 125));
  assign('K04-2', kakaricho.slice(70));
  assign(
    'E01-2',
    people.filter((_, i) => i % 2 === 0),
  );
  assign('K03-1', shunin.slice(0, 45));
  assign('K04-1', kakaricho.slice(0, 35));
  assign(
    'E01-1',
    people.filter((_, i) => i % 3 !== 0),
  );

  // this 年度's mandatory 階層別研修, enrolled by HR
  assign('K01', shuji.slice(100, 115));
  assign('K02', shuji.slice(40, 80));
  assign('K03', shunin.slice(45, 95));
  assign('K04', kakaricho.slice(35, 70));
  assign('K06', kacho.slice(0, 25));
  assign(
    'E01',
    people.filter((_, i) => i % 4 !== 1),
  );
  assign('T01', [...shunin.slice(0, 60), ...shuji.slice(40, 100)].slice(0, 180));

  // elective and special courses people applied for
  for (const [i, p] of [...shuji.slice(0, 12), ...shunin.slice(0, 10), ...kakaricho.slice(0, 6)].entries()) {
    add('S02', p, i === 5 ? 'declined' : i === 9 ? 'withdrawn' : 'accepted');
  }
  if (demoStaff) add('S02', demoStaff, 'accepted');
  if (demoHr) add('S02', demoHr, 'accepted');
  for (const [i, p] of [...kakaricho.slice(6, 30), ...ofGrade('kacho-hosa').slice(0, 10)].entries()) {
    add('T03', p, i % 9 === 4 ? 'rejected' : 'accepted');
  }
  for (const [i, p] of [...shuji.slice(12, 22), ...shunin.slice(10, 16)].entries()) {
    add('B02', p, i === 3 ? 'rejected' : 'accepted');
  }
  for (const p of [...shuji.slice(22, 30), ...shunin.slice(16, 22)]) add('E02', p, 'accepted');

  // upcoming sessions: applications waiting at each step, and a full one with a waiting list
  if (demoStaff) add('S03', demoStaff, 'applied');
  if (demoStaff) add('T02', demoStaff, 'accepted');
  if (demoStaff) add('E03', demoStaff, 'accepted');
  const [mate1, mate2, mate3] = mates;
  if (mate1) add('S03', mate1, 'applied');
  if (mate2) add('S02b', mate2, 'approved');
  if (mate3) add('T02', mate3, 'accepted');
  if (demoOther) add('B01', demoOther, 'approved');
  for (const [i, p] of shuji.slice(30, 36).entries())
    add('B01', p, i < 2 ? 'accepted' : i < 4 ? 'approved' : 'applied');
  for (const [i, p] of [...shunin.slice(22, 30), ...kakaricho.slice(30, 35)].entries()) {
    add('S04', p, i < 10 ? 'accepted' : 'waitlisted');
  }
  for (const [i, p] of [...shunin.slice(30, 46), ...kakaricho.slice(35, 45)].entries()) {
    add('S01', p, i % 5 === 0 ? 'applied' : i % 5 === 1 ? 'approved' : i % 7 === 3 ? 'declined' : 'accepted');
  }
  for (const [i, p] of shuji.slice(36, 60).entries()) add('S03', p, i % 4 === 0 ? 'applied' : 'accepted');
  for (const [i, p] of kakaricho.slice(45, 50).entries())
    add('D01', p, i === 0 ? 'accepted' : i === 1 ? 'rejected' : 'approved');
  for (const p of shuji.slice(60, 90)) add('E03', p, 'accepted');
  add('D02', shunin[60], 'accepted');
  if (demoSupervisor) add('T02', demoSupervisor, 'approved');

  // capacity holds: anything accepted beyond a session's seats waits instead, in order
  const seats = new Map<string, number>();
  for (const a of apps) {
    if (a.status !== 'accepted') continue;
    const s = [...sessions.values()].find((x) => x.id === a.sessionId);
    const used = seats.get(a.sessionId) ?? 0;
    if (s && used >= s.capacity) {
      Object.assign(a, {
        status: 'waitlisted',
        waitlistedAt: new Date((a.hrDecidedAt ?? now).getTime() + used * 1000),
        attendance: null,
        completed: false,
        completedOn: null,
      });
    } else seats.set(a.sessionId, used + 1);
  }

  await db.$transaction(
    async (tx) => {
      await tx.trainingSession.createMany({
        data: SESSIONS.map((spec) => {
          const s = sessions.get(spec.key);
          if (!s) throw new Error(`no session ${spec.key}`);
          return {
            id: s.id,
            trainingId: trainingIds.get(spec.course) ?? '',
            fiscalYear: s.fiscalYear,
            startsAt: s.startsAt,
            endsAt: s.endsAt,
            venue: spec.online ? null : (spec.venue ?? null),
            online: spec.online ?? false,
            capacity: s.capacity,
            applicationDeadline: s.deadline,
            acceptedCount: seats.get(s.id) ?? 0,
            status: s.past ? ('finished' as const) : ('scheduled' as const),
          };
        }),
      });
      await tx.trainingApplication.createMany({ data: apps.map((a) => ({ ...a, updatedAt: a.createdAt })) });

      // Surveys for most completions, and practice reports some weeks after
      const done = await tx.trainingApplication.findMany({
        where: { completed: true },
        select: { id: true, staffId: true, completedOn: true },
        orderBy: { id: 'asc' },
      });
      const demoIds = new Set([demoStaff?.id, demoHr?.id].filter(Boolean));
      await tx.trainingFeedback.createMany({
        data: done
          .filter((a, i) => demoIds.has(a.staffId) || i % 3 !== 2)
          .map((a, i) => ({
            applicationId: a.id,
            satisfaction: 3 + (i % 3),
            usefulness: 3 + ((i + 1) % 3),
            comment: i % 4 === 0 ? '演習が多く、職場ですぐに使える内容でした。' : '',
          })),
      });
      const weeksAgo = (d: Date | null, w: number) =>
        d ? d.getTime() + w * 7 * dayMs < now.getTime() : false;
      const reports = done.filter(
        (a, i) => a.staffId !== demoStaff?.id && i % 4 === 1 && weeksAgo(a.completedOn, 4),
      );
      // demo-staff: 新規採用 and 2年目 reported and confirmed; the elective of this 年度 not reported yet
      const demoPast = demoStaff
        ? await tx.trainingApplication.findMany({
            where: { staffId: demoStaff.id, completed: true, fiscalYear: { lt: fy } },
            select: { id: true, staffId: true, completedOn: true },
          })
        : [];
      // one of demo-supervisor's team has a report waiting for confirmation
      const mateDone = mate1
        ? await tx.trainingApplication.findFirst({
            where: { staffId: { in: mates.map((m) => m.id) }, completed: true },
            select: { id: true, staffId: true, completedOn: true },
          })
        : null;
      const all = [...reports, ...demoPast, ...(mateDone ? [mateDone] : [])];
      const unique = [...new Map(all.map((a) => [a.id, a])).values()];
      await tx.practiceReport.createMany({
        data: unique.map((a, i) => {
          const submitted = new Date((a.completedOn?.getTime() ?? now.getTime()) + 30 * dayMs);
          const confirm = a.id !== mateDone?.id && i % 3 !== 0;
          const supervisor = people.find((p) => p.id === a.staffId);
          return {
            applicationId: a.id,
            body:
              i % 2 === 0
                ? '研修で学んだ振り返りの手法を係の朝会で取り入れ、課題の共有が早くなりました。'
                : '研修の演習を参考に、窓口対応のマニュアルを見直し、係内で共有しました。',
            submittedAt: submitted < now ? submitted : now,
            confirmedById: confirm && supervisor ? supervisorOf(supervisor) : null,
            confirmedAt: confirm ? new Date(Math.min(submitted.getTime() + 7 * dayMs, now.getTime())) : null,
            supervisorComment: confirm
              ? '職場での実践を確認しました。引き続き係内への展開をお願いします。'
              : null,
          };
        }),
      });
    },
    { timeout: 120_000 },
  );
}

function todayIsoOf(d: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tokyo' }).format(d);
}

export const demoTrainingSeeder: DemoSeeder = { name: 'training', seed: seedDemoTraining };
