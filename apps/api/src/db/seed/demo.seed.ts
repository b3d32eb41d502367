/**
 * Demo data, seeded only in demo mode: an organisation of the bureaus and wards of DOMAIN.md §8
 * (局・区 → 部 → 課 → 係), about 340 staff of mixed grades and job families, the 推進体制 holdings, and the
 * demo accounts (password `demo-password`). Deterministic, and seeded once: a database that already has
 * the demo accounts is left as it is.
 */

import { hashPassword } from '../../features/auth/password.ts';
import type { Db } from '../client.ts';
import { DEFAULT_GRADES, seedMasterData } from './master-data.seed.ts';

export const DEMO_PASSWORD = 'demo-password';

/** The demo organisation exists from the start of the policy (令和3年度). */
const UNITS_FROM = '2021-04-01';

export const DEMO_ACCOUNTS = [
  {
    loginId: 'demo-staff',
    description: { ja: '若手職員（青葉区 戸籍係の主事）', en: 'Young staff member (青葉区, 主事)' },
  },
  {
    loginId: 'demo-supervisor',
    description: { ja: '管理監督者（同じ係の係長）', en: 'Supervisor (係長 of that section)' },
  },
  {
    loginId: 'demo-staff-other',
    description: { ja: '他局の職員（総務局の主事）', en: 'Staff member of another bureau (総務局)' },
  },
  {
    loginId: 'demo-bureau',
    description: {
      ja: '局区統括人材育成推進員（総務局次長）',
      en: 'Bureau lead promoter (総務局 deputy director)',
    },
  },
  {
    loginId: 'demo-hr',
    description: { ja: '人材育成部門 管理者', en: 'HR development administrator' },
  },
  {
    loginId: 'demo-exec',
    description: { ja: '副市長（人材育成副責任者）', en: 'Deputy mayor (deputy HR development officer)' },
  },
] as const;

/** The default ladder, and the demo city's grades above and between its rungs. */
const GRADES = [
  ...DEFAULT_GRADES,
  ['jicho', 7, '次長', 'Deputy director-general (jicho)', true],
  ['fuku-shicho', 9, '副市長', 'Deputy mayor', true],
  ['shicho', 10, '市長', 'Mayor', true],
] as const;

type UnitSpec = { code: string; ja: string; en: string };
type BureauSpec = UnitSpec & {
  kind: 'bureau' | 'ward';
  department: UnitSpec;
  divisions: [UnitSpec & { sections: [UnitSpec, UnitSpec] }, UnitSpec & { sections: [UnitSpec, UnitSpec] }];
};

const b = (
  code: string,
  ja: string,
  en: string,
  kind: 'bureau' | 'ward',
  dept: [string, string],
  div1: [string, string, [string, string], [string, string]],
  div2: [string, string, [string, string], [string, string]],
): BureauSpec => ({
  code,
  ja,
  en,
  kind,
  department: { code: `${code}-1`, ja: dept[0], en: dept[1] },
  divisions: [div1, div2].map((d, i) => ({
    code: `${code}-1-${i + 1}`,
    ja: d[0],
    en: d[1],
    sections: [d[2], d[3]].map((s, j) => ({ code: `${code}-1-${i + 1}-${j + 1}`, ja: s[0], en: s[1] })) as [
      UnitSpec,
      UnitSpec,
    ],
  })) as BureauSpec['divisions'],
});

/** Every ward office has the same 区民部 with the same two divisions. */
const ward = (code: string, ja: string, en: string): BureauSpec =>
  b(
    code,
    ja,
    en,
    'ward',
    ['区民部', 'Residents Dept.'],
    [
      '戸籍住民課',
      'Family Register and Residents Div.',
      ['戸籍係', 'Family Register Sect.'],
      ['住民係', 'Residents Sect.'],
    ],
    [
      'まちづくり推進課',
      'Community Development Div.',
      ['推進係', 'Promotion Sect.'],
      ['地域振興係', 'Local Promotion Sect.'],
    ],
  );

const BUREAUS: BureauSpec[] = [
  b(
    'somu',
    '総務局',
    'General Affairs Bureau',
    'bureau',
    ['総務部', 'General Affairs Dept.'],
    ['総務課', 'General Affairs Div.', ['庶務係', 'Administration Sect.'], ['文書係', 'Documents Sect.']],
    [
      '人材育成課',
      'HR Development Div.',
      ['研修係', 'Training Sect.'],
      ['育成企画係', 'Development Planning Sect.'],
    ],
  ),
  b(
    'zaisei',
    '財政局',
    'Finance Bureau',
    'bureau',
    ['財政部', 'Finance Dept.'],
    ['財政課', 'Budget Div.', ['予算係', 'Budget Sect.'], ['財務係', 'Accounts Sect.']],
    ['税務課', 'Taxation Div.', ['市民税係', 'Municipal Tax Sect.'], ['資産税係', 'Property Tax Sect.']],
  ),
  b(
    'shimin',
    '市民局',
    'Citizens Bureau',
    'bureau',
    ['市民生活部', 'Civic Life Dept.'],
    [
      '市民協働推進課',
      'Civic Collaboration Div.',
      ['協働係', 'Collaboration Sect.'],
      ['地域係', 'Community Sect.'],
    ],
    ['男女共同参画課', 'Gender Equality Div.', ['企画係', 'Planning Sect.'], ['推進係', 'Promotion Sect.']],
  ),
  b(
    'kenkofukushi',
    '健康福祉局',
    'Health and Welfare Bureau',
    'bureau',
    ['保健衛生部', 'Public Health Dept.'],
    [
      '健康政策課',
      'Health Policy Div.',
      ['企画係', 'Planning Sect.'],
      ['健康づくり係', 'Health Promotion Sect.'],
    ],
    ['障害企画課', 'Disability Policy Div.', ['企画係', 'Planning Sect.'], ['支援係', 'Support Sect.']],
  ),
  b(
    'kodomo',
    '子供未来局',
    'Children and Future Bureau',
    'bureau',
    ['子供育成部', 'Child Development Dept.'],
    [
      '子供保健福祉課',
      'Child Health and Welfare Div.',
      ['企画係', 'Planning Sect.'],
      ['母子保健係', 'Maternal and Child Health Sect.'],
    ],
    [
      '幼稚園・保育部運営支援課',
      'Childcare Support Div.',
      ['運営係', 'Operations Sect.'],
      ['指導係', 'Guidance Sect.'],
    ],
  ),
  b(
    'kankyo',
    '環境局',
    'Environment Bureau',
    'bureau',
    ['環境部', 'Environment Dept.'],
    [
      '環境企画課',
      'Environmental Planning Div.',
      ['企画係', 'Planning Sect.'],
      ['脱炭素係', 'Decarbonisation Sect.'],
    ],
    ['廃棄物企画課', 'Waste Policy Div.', ['企画係', 'Planning Sect.'], ['減量係', 'Waste Reduction Sect.']],
  ),
  b(
    'keizai',
    '経済局',
    'Economic Affairs Bureau',
    'bureau',
    ['産業政策部', 'Industrial Policy Dept.'],
    ['経済企画課', 'Economic Planning Div.', ['企画係', 'Planning Sect.'], ['調査係', 'Research Sect.']],
    [
      '産業振興課',
      'Industry Promotion Div.',
      ['振興係', 'Promotion Sect.'],
      ['創業支援係', 'Start-up Support Sect.'],
    ],
  ),
  b(
    'bunkakanko',
    '文化観光局',
    'Culture and Tourism Bureau',
    'bureau',
    ['文化観光部', 'Culture and Tourism Dept.'],
    ['文化振興課', 'Culture Promotion Div.', ['振興係', 'Promotion Sect.'], ['事業係', 'Programmes Sect.']],
    ['観光課', 'Tourism Div.', ['企画係', 'Planning Sect.'], ['誘客係', 'Visitor Sect.']],
  ),
  b(
    'toshiseibi',
    '都市整備局',
    'Urban Development Bureau',
    'bureau',
    ['都市計画部', 'City Planning Dept.'],
    ['都市計画課', 'City Planning Div.', ['計画係', 'Planning Sect.'], ['調整係', 'Coordination Sect.']],
    [
      '市街地整備課',
      'Urban Redevelopment Div.',
      ['整備係', 'Development Sect.'],
      ['事業係', 'Projects Sect.'],
    ],
  ),
  b(
    'kensetsu',
    '建設局',
    'Construction Bureau',
    'bureau',
    ['道路部', 'Roads Dept.'],
    ['道路計画課', 'Road Planning Div.', ['計画係', 'Planning Sect.'], ['調査係', 'Survey Sect.']],
    ['道路保全課', 'Road Maintenance Div.', ['保全係', 'Maintenance Sect.'], ['管理係', 'Management Sect.']],
  ),
  b(
    'bosai',
    '防災・減災局',
    'Disaster Prevention and Mitigation Bureau',
    'bureau',
    ['防災・減災部', 'Disaster Prevention Dept.'],
    ['防災計画課', 'Disaster Planning Div.', ['計画係', 'Planning Sect.'], ['訓練係', 'Drills Sect.']],
    [
      '減災推進課',
      'Disaster Mitigation Div.',
      ['推進係', 'Promotion Sect.'],
      ['地域防災係', 'Community Preparedness Sect.'],
    ],
  ),
  b(
    'shobo',
    '消防局',
    'Fire Bureau',
    'bureau',
    ['総務部', 'General Affairs Dept.'],
    ['総務課', 'General Affairs Div.', ['庶務係', 'Administration Sect.'], ['人事係', 'Personnel Sect.']],
    ['警防課', 'Fire Fighting Div.', ['警防係', 'Operations Sect.'], ['救急係', 'Ambulance Sect.']],
  ),
  b(
    'suido',
    '水道局',
    'Waterworks Bureau',
    'bureau',
    ['総務部', 'General Affairs Dept.'],
    ['総務課', 'General Affairs Div.', ['庶務係', 'Administration Sect.'], ['人事係', 'Personnel Sect.']],
    ['給水課', 'Water Supply Div.', ['給水係', 'Supply Sect.'], ['管路係', 'Pipelines Sect.']],
  ),
  b(
    'kotsu',
    '交通局',
    'Transportation Bureau',
    'bureau',
    ['経営企画部', 'Management Planning Dept.'],
    [
      '経営企画課',
      'Management Planning Div.',
      ['企画係', 'Planning Sect.'],
      ['調整係', 'Coordination Sect.'],
    ],
    ['営業課', 'Operations Div.', ['営業係', 'Operations Sect.'], ['サービス係', 'Service Sect.']],
  ),
  b(
    'kyoiku',
    '教育局',
    'Education Bureau',
    'bureau',
    ['総務企画部', 'General Planning Dept.'],
    ['総務課', 'General Affairs Div.', ['庶務係', 'Administration Sect.'], ['企画係', 'Planning Sect.']],
    ['教職員課', 'Teaching Staff Div.', ['人事係', 'Personnel Sect.'], ['研修係', 'Training Sect.']],
  ),
  ward('aoba', '青葉区', 'Aoba Ward'),
  ward('miyagino', '宮城野区', 'Miyagino Ward'),
  ward('wakabayashi', '若林区', 'Wakabayashi Ward'),
  ward('taihaku', '太白区', 'Taihaku Ward'),
  ward('izumi', '泉区', 'Izumi Ward'),
];

// Names: family and given names with their readings and romanisation.
const FAMILY = [
  ['佐藤', 'サトウ', 'Sato'],
  ['鈴木', 'スズキ', 'Suzuki'],
  ['高橋', 'タカハシ', 'Takahashi'],
  ['阿部', 'アベ', 'Abe'],
  ['伊藤', 'イトウ', 'Ito'],
  ['渡辺', 'ワタナベ', 'Watanabe'],
  ['菅原', 'スガワラ', 'Sugawara'],
  ['千葉', 'チバ', 'Chiba'],
  ['佐々木', 'ササキ', 'Sasaki'],
  ['遠藤', 'エンドウ', 'Endo'],
  ['斎藤', 'サイトウ', 'Saito'],
  ['加藤', 'カトウ', 'Kato'],
  ['菊地', 'キクチ', 'Kikuchi'],
  ['小野', 'オノ', 'Ono'],
  ['今野', 'コンノ', 'Konno'],
  ['後藤', 'ゴトウ', 'Goto'],
  ['武田', 'タケダ', 'Takeda'],
  ['大槻', 'オオツキ', 'Otsuki'],
  ['庄司', 'ショウジ', 'Shoji'],
  ['熊谷', 'クマガイ', 'Kumagai'],
] as const;
const GIVEN = [
  ['翔太', 'ショウタ', 'Shota'],
  ['陽菜', 'ヒナ', 'Hina'],
  ['大輔', 'ダイスケ', 'Daisuke'],
  ['美咲', 'ミサキ', 'Misaki'],
  ['健一', 'ケンイチ', 'Ken-ichi'],
  ['彩', 'アヤ', 'Aya'],
  ['拓也', 'タクヤ', 'Takuya'],
  ['由美', 'ユミ', 'Yumi'],
  ['直樹', 'ナオキ', 'Naoki'],
  ['真由', 'マユ', 'Mayu'],
  ['誠', 'マコト', 'Makoto'],
  ['恵', 'メグミ', 'Megumi'],
  ['亮', 'リョウ', 'Ryo'],
  ['千尋', 'チヒロ', 'Chihiro'],
  ['悠人', 'ユウト', 'Yuto'],
  ['葵', 'アオイ', 'Aoi'],
  ['隆', 'タカシ', 'Takashi'],
  ['結衣', 'ユイ', 'Yui'],
] as const;

type StaffRow = {
  employeeNumber: string;
  nameJa: string;
  nameKana: string;
  nameEn: string;
  loginId: string;
  jobFamily: string;
  hireDate: string;
  unitCode: string;
  grade: string;
  post?: [string, string];
  isHead: boolean;
  passwordHash?: string;
  hr?: boolean;
};

export async function seedDemo(db: Db): Promise<void> {
  if (await db.staff.findUnique({ where: { loginId: 'demo-staff' }, select: { id: true } })) return;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const startsOn = new Date('2026-04-01');

  await db.$transaction(
    async (tx) => {
      await seedMasterData(tx, GRADES);
      const grades = new Map((await tx.grade.findMany()).map((g) => [g.code, g.id]));
      const jobs = new Map((await tx.jobFamily.findMany()).map((j) => [j.code, j.id]));

      // Units, top-down, with ids chosen here so paths can be written in one pass.
      const units: {
        id: string;
        code: string;
        kind: 'bureau' | 'ward' | 'department' | 'division' | 'section';
        nameJa: string;
        nameEn: string;
        parentId: string | null;
        path: string;
        bureauId: string;
        position: number;
        validFrom: Date;
      }[] = [];
      const unitId = new Map<string, string>();
      const add = (
        spec: UnitSpec,
        kind: (typeof units)[number]['kind'],
        parent: (typeof units)[number] | null,
        position: number,
      ) => {
        const id = crypto.randomUUID();
        const unit = {
          id,
          code: spec.code,
          kind,
          nameJa: spec.ja,
          nameEn: spec.en,
          parentId: parent?.id ?? null,
          path: `${parent?.path ?? '/'}${id}/`,
          bureauId: parent?.bureauId ?? id,
          position,
          validFrom: new Date(UNITS_FROM),
        };
        units.push(unit);
        unitId.set(spec.code, id);
        return unit;
      };
      BUREAUS.forEach((bureau, i) => {
        const top = add(bureau, bureau.kind, null, i + 1);
        const dept = add(bureau.department, 'department', top, 1);
        bureau.divisions.forEach((division, j) => {
          const div = add(division, 'division', dept, j + 1);
          division.sections.forEach((section, k) => {
            add(section, 'section', div, k + 1);
          });
        });
      });
      await tx.orgUnit.createMany({ data: units });

      // People: a head for every unit and two or three members per 係.
      const rows: StaffRow[] = [];
      let n = 0;
      const person = (
        unitCode: string,
        grade: string,
        isHead: boolean,
        post?: [string, string],
        job = 'jimu',
      ) => {
        n += 1;
        const family = FAMILY[(n * 7) % FAMILY.length] ?? FAMILY[0];
        const given = GIVEN[(n * 5 + Math.floor(n / FAMILY.length)) % GIVEN.length] ?? GIVEN[0];
        const rank = GRADES.find((g) => g[0] === grade)?.[1] ?? 1;
        const row: StaffRow = {
          employeeNumber: String(100000 + n),
          nameJa: `${family[0]} ${given[0]}`,
          nameKana: `${family[1]} ${given[1]}`,
          nameEn: `${given[2]} ${family[2]}`,
          loginId: `s${100000 + n}`,
          jobFamily: job,
          hireDate: `${2025 - rank * 3 - (n % 3)}-04-01`,
          unitCode,
          grade,
          post,
          isHead,
        };
        rows.push(row);
        return row;
      };
      const technical = ['doboku', 'kenchiku', 'denki', 'kikai'];
      for (const bureau of BUREAUS) {
        const ward = bureau.kind === 'ward';
        person(bureau.code, 'kyokucho', true, ward ? ['区長', 'Ward Mayor'] : ['局長', 'Director-General']);
        person(
          bureau.code,
          'jicho',
          false,
          ward ? ['副区長', 'Deputy Ward Mayor'] : ['次長', 'Deputy Director-General'],
        );
        person(bureau.department.code, 'bucho', true, ['部長', 'Department Director']);
        for (const division of bureau.divisions) {
          person(division.code, 'kacho', true, ['課長', 'Division Director']);
          for (const section of division.sections) {
            person(section.code, 'kakaricho', true, ['係長', 'Section Chief']);
            const job =
              bureau.code === 'shobo'
                ? 'shobo'
                : bureau.code === 'kenkofukushi'
                  ? 'hokenshi'
                  : bureau.code === 'kodomo'
                    ? 'hoikushi'
                    : ['kensetsu', 'toshiseibi', 'suido'].includes(bureau.code)
                      ? (technical[n % 4] ?? 'doboku')
                      : 'jimu';
            person(section.code, 'shunin', false, undefined, job);
            person(section.code, n % 2 ? 'shuji' : 'shunin', false, undefined, job);
            person(section.code, 'shuji', false, undefined, job);
          }
        }
      }
      // The demo accounts take the places DOMAIN.md and the issue describe.
      const claim = (unitCode: string, grade: string, loginId: string, overrides: Partial<StaffRow> = {}) => {
        const row = rows.find(
          (r) => r.unitCode === unitCode && r.grade === grade && r.loginId.startsWith('s'),
        );
        if (!row) throw new Error(`no ${grade} in ${unitCode}`);
        Object.assign(row, { loginId, passwordHash, ...overrides });
      };
      claim('aoba-1-1-1', 'kakaricho', 'demo-supervisor', {
        nameJa: '青木 直子',
        nameKana: 'アオキ ナオコ',
        nameEn: 'Naoko Aoki',
      });
      claim('aoba-1-1-1', 'shuji', 'demo-staff', {
        nameJa: '若林 翼',
        nameKana: 'ワカバヤシ ツバサ',
        nameEn: 'Tsubasa Wakabayashi',
        hireDate: '2024-04-01',
      });
      claim('somu-1-1-1', 'shuji', 'demo-staff-other', {
        nameJa: '東 奈々',
        nameKana: 'アズマ ナナ',
        nameEn: 'Nana Azuma',
      });
      claim('somu', 'jicho', 'demo-bureau', {
        nameJa: '本田 和彦',
        nameKana: 'ホンダ カズヒコ',
        nameEn: 'Kazuhiko Honda',
      });
      claim('somu-1-2-1', 'shunin', 'demo-hr', {
        nameJa: '森 早紀',
        nameKana: 'モリ サキ',
        nameEn: 'Saki Mori',
        hr: true,
      });
      const mayor = person('somu', 'shicho', false, ['市長', 'Mayor']);
      const deputy = person('somu', 'fuku-shicho', false, ['副市長', 'Deputy Mayor']);
      Object.assign(deputy, {
        loginId: 'demo-exec',
        passwordHash,
        nameJa: '仙石 明美',
        nameKana: 'センゴク アケミ',
        nameEn: 'Akemi Sengoku',
      });

      await tx.staff.createMany({
        data: rows.map((r) => ({
          employeeNumber: r.employeeNumber,
          nameJa: r.nameJa,
          nameKana: r.nameKana,
          nameEn: r.nameEn,
          loginId: r.loginId,
          email: `${r.loginId}@city.sendai.example`,
          jobFamilyId: jobs.get(r.jobFamily) ?? '',
          hireDate: new Date(r.hireDate),
          passwordHash: r.passwordHash ?? null,
          systemRoles: r.hr ? ['hr_admin'] : [],
        })),
      });
      const staffIds = new Map(
        (await tx.staff.findMany({ select: { id: true, employeeNumber: true } })).map((s) => [
          s.employeeNumber,
          s.id,
        ]),
      );
      const history = postHistory(rows, startsOn);
      const post = (r: StaffRow, at: StaffRow, from: Date, to: Date | null) => ({
        staffId: staffIds.get(r.employeeNumber) ?? '',
        orgUnitId: unitId.get(at.unitCode) ?? '',
        gradeId: grades.get(at.grade) ?? '',
        postJa: at.post?.[0] ?? null,
        postEn: at.post?.[1] ?? null,
        isHead: at.isHead,
        startsOn: from,
        endsOn: to,
      });
      await tx.assignment.createMany({
        data: rows.flatMap((r) => {
          const h = history.get(r) ?? { since: startsOn };
          return [
            post(r, r, h.since, null),
            ...(h.before ? [post(r, h.before.held, h.before.from, new Date(h.since.getTime() - DAY))] : []),
          ];
        }),
      });

      // 推進体制: 市長, 副市長, and every 局長・区長 / 次長・副区長 for their own 局・区.
      const roles = new Map(
        (await tx.promotionRole.findMany({ select: { id: true, code: true } })).map((r) => [r.code, r.id]),
      );
      const holding = (row: StaffRow, role: string, unitCode?: string) => ({
        staffId: staffIds.get(row.employeeNumber) ?? '',
        promotionRoleId: roles.get(role) ?? '',
        orgUnitId: unitCode ? (unitId.get(unitCode) ?? null) : null,
        startsOn: history.get(row)?.since ?? startsOn,
      });
      await tx.promotionRoleHolding.createMany({
        data: [
          holding(mayor, 'chief'),
          holding(deputy, 'deputy'),
          ...rows.filter((r) => r.grade === 'kyokucho').map((r) => holding(r, 'bureau-officer', r.unitCode)),
          ...rows.filter((r) => r.grade === 'jicho').map((r) => holding(r, 'bureau-promoter', r.unitCode)),
        ],
      });
    },
    { timeout: 120_000 },
  );
}

const DAY = 86_400_000;
const april = (year: number) => new Date(`${year}-04-01T00:00:00Z`);

type History = { since: Date; before?: { held: StaffRow; from: Date } };

/**
 * Where everyone was before this 年度, so that the past 年度 of every dashboard, trend and year picker
 * have their people. 人事異動 happen on 1 April: within each kind of post (grade, head or not, job
 * family) a third of the people moved on 1 April of this 年度 and a third a year before, each into the
 * post the next mover of their kind leaves, so every post, and every unit's head, had exactly one
 * holder on every day; the others have held their post since the organisation began (or since they
 * were hired). The demo accounts and the executives stay where they are, so the demo supervisor's team of
 * last 年度 is the same 係.
 */
function postHistory(rows: StaffRow[], startsOn: Date): Map<StaffRow, History> {
  const year = startsOn.getUTCFullYear();
  const settled = new Date(UNITS_FROM);
  const hired = (r: StaffRow) => new Date(`${r.hireDate}T00:00:00Z`);
  const later = (a: Date, b: Date) => (a > b ? a : b);
  const history = new Map<StaffRow, History>();
  const fixed = ['kyokucho', 'jicho', 'fuku-shicho', 'shicho'];
  const kinds = new Map<string, StaffRow[]>();
  for (const r of rows) {
    history.set(
      r,
      // the demo staff member came from the 推進係 of the same ward this 年度, so their history has a move
      r.loginId === 'demo-staff'
        ? { since: startsOn, before: { held: { ...r, unitCode: 'aoba-1-2-1' }, from: hired(r) } }
        : { since: later(settled, hired(r)) },
    );
    if (r.loginId.startsWith('demo-') || fixed.includes(r.grade)) continue;
    const kind = `${r.grade}|${r.isHead}|${r.jobFamily}`;
    kinds.set(kind, [...(kinds.get(kind) ?? []), r]);
  }
  for (const people of kinds.values()) {
    for (const wave of [0, 1]) {
      const movers = people.filter((_, i) => i % 3 === wave);
      if (movers.length < 2) continue;
      const moved = april(year - wave);
      movers.forEach((r, i) => {
        const held = movers[(i + 1) % movers.length] ?? r;
        const from = later(settled, hired(r));
        history.set(r, from < moved ? { since: moved, before: { held, from } } : { since: moved });
      });
    }
  }
  return history;
}
