/**
 * Every dashboard table as CSV (UTF-8 with BOM, so that Excel reads the Japanese) or as an Excel
 * workbook (a sheet per table), in Japanese or English.
 */
import {
  type DashboardTable,
  fiscalYearLabelEn,
  fiscalYearLabelJa,
  type OrgUnitDashboard,
  type RolloutDashboard,
  type StaffFigures,
  type UnitFigures,
} from '@portal/contracts';
import ExcelJS from 'exceljs';

type Lang = 'ja' | 'en';
type Cell = string | number | null;
export type ExportTable = { key: DashboardTable; title: string; columns: string[]; rows: Cell[][] };
/** What a file needs of a table (other features' tables have no dashboard key) */
export type SheetTable = Pick<ExportTable, 'title' | 'columns' | 'rows'>;

const L = (lang: Lang, ja: string, en: string) => (lang === 'ja' ? ja : en);
const fy = (lang: Lang, year: number) =>
  lang === 'ja' ? `${fiscalYearLabelJa(year)} (${year})` : fiscalYearLabelEn(year);

const STATUS: Record<string, [string, string]> = {
  not_started: ['未着手', 'Not started'],
  in_progress: ['実施中', 'In progress'],
  done: ['完了', 'Done'],
  delayed: ['遅延', 'Delayed'],
};

const figureColumns = (lang: Lang) => [
  L(lang, '職員数', 'Staff'),
  L(lang, '若手職員数', 'Young staff'),
  L(lang, 'OJT実施率(%)', 'OJT coverage (%)'),
  L(lang, 'OJT回数', 'OJT sessions'),
  L(lang, '1人当たりOJT時間(分)', 'OJT minutes per person'),
  L(lang, '若手OJT実施率(%)', 'Young staff OJT coverage (%)'),
  L(lang, '研修受講決定数', 'Enrolments accepted'),
  L(lang, '研修修了数', 'Enrolments completed'),
  L(lang, '研修修了率(%)', 'Training completion (%)'),
  L(lang, '研修修了者割合(%)', 'Staff who completed a course (%)'),
  L(lang, 'キャリアプラン提出率(%)', 'Career-plan uptake (%)'),
  L(lang, '若手キャリアプラン提出率(%)', 'Young staff career-plan uptake (%)'),
  L(lang, '1on1実施率(%)', '1on1 coverage (%)'),
];
const figureCells = (f: StaffFigures): Cell[] => [
  f.staff,
  f.youngStaff,
  f.ojtCoverage,
  f.ojtSessions,
  f.ojtMinutesPerPerson,
  f.youngOjtCoverage,
  f.trainingAccepted,
  f.trainingCompleted,
  f.trainingCompletion,
  f.trainingStaffCompletedShare,
  f.careerUptake,
  f.youngCareerUptake,
  f.oneOnOneCoverage,
];

function unitsTable(lang: Lang, units: UnitFigures[], title: string): ExportTable {
  return {
    key: 'units',
    title,
    columns: [L(lang, '組織', 'Unit'), ...figureColumns(lang)],
    rows: units.map((u) => [
      u.unit ? u.unit.name[lang] : L(lang, '（直属）', '(directly in the unit)'),
      ...figureCells(u),
    ]),
  };
}

function trendTable(lang: Lang, trend: RolloutDashboard['trend']): ExportTable {
  return {
    key: 'trend',
    title: L(lang, '年度別推移', 'Trend by fiscal year'),
    columns: [L(lang, '年度', 'Fiscal year'), ...figureColumns(lang)],
    rows: trend.map((t) => [fy(lang, t.fiscalYear), ...figureCells(t)]),
  };
}

function kpiTable(
  lang: Lang,
  kpis: RolloutDashboard['kpis'],
  initiativeCode: (id: string) => string,
): ExportTable {
  return {
    key: 'kpis',
    title: L(lang, 'KPIの目標と実績', 'KPI targets and actuals'),
    columns: [
      L(lang, '施策', 'Initiative'),
      'KPI',
      L(lang, '単位', 'Unit'),
      L(lang, '算出方法', 'Source'),
      L(lang, '基準値', 'Baseline'),
      L(lang, '目標', 'Target'),
      L(lang, '実績', 'Actual'),
      L(lang, '達成率(%)', 'Achievement (%)'),
      L(lang, '所管局・区', 'Owning bureau'),
    ],
    rows: kpis.map((k) => [
      initiativeCode(k.initiativeId),
      k.name[lang],
      k.unit,
      k.source === 'computed' ? L(lang, '自動集計', 'Computed') : L(lang, '入力', 'Entered'),
      k.baseline ? `${k.baseline.value} (${fy(lang, k.baseline.fiscalYear)})` : null,
      k.target,
      k.actual,
      k.achievementRate,
      k.ownerBureau?.name[lang] ?? null,
    ]),
  };
}

export function rolloutTables(d: RolloutDashboard, lang: Lang): ExportTable[] {
  const codes = new Map(d.initiatives.map((i) => [i.id, `${i.code} ${i.title[lang]}`]));
  return [
    {
      key: 'initiatives',
      title: L(lang, '施策別の進捗', 'Progress by initiative'),
      columns: [
        L(lang, '施策分野', 'Policy area'),
        L(lang, '施策', 'Initiative'),
        L(lang, '重点取組方針', 'Priority tags'),
        L(lang, '計画項目数', 'Plan items'),
        ...Object.values(STATUS).map(([ja, en]) => L(lang, ja, en)),
        L(lang, 'KPI数', 'KPIs'),
        L(lang, 'KPI平均達成率(%)', 'Mean KPI achievement (%)'),
        L(lang, 'OJT回数', 'OJT sessions'),
        L(lang, 'OJT時間(分)', 'OJT minutes'),
      ],
      rows: d.initiatives.map((i) => [
        i.area.title[lang],
        `${i.code} ${i.title[lang]}`,
        i.tagCodes.map((c) => d.tags.find((t) => t.tagCode === c)?.label[lang] ?? c).join('・'),
        i.items.length,
        i.statusCounts.not_started,
        i.statusCounts.in_progress,
        i.statusCounts.done,
        i.statusCounts.delayed,
        i.kpiCount,
        i.achievementRate,
        i.ojtSessions,
        i.ojtMinutes,
      ]),
    },
    kpiTable(lang, d.kpis, (id) => codes.get(id) ?? ''),
    unitsTable(lang, d.units, L(lang, '局・区別の状況', 'Figures by bureau and ward')),
    {
      key: 'tags',
      title: L(lang, '重点取組方針別の取組', 'Effort by priority policy'),
      columns: [
        L(lang, '重点取組方針', 'Priority policy'),
        L(lang, '施策数', 'Initiatives'),
        L(lang, '計画項目数', 'Plan items'),
        L(lang, '完了', 'Done'),
        L(lang, 'KPI数', 'KPIs'),
        L(lang, 'KPI平均達成率(%)', 'Mean KPI achievement (%)'),
        L(lang, '関連研修コース数', 'Linked courses'),
        L(lang, 'OJT回数', 'OJT sessions'),
        L(lang, 'OJT時間(分)', 'OJT minutes'),
      ],
      rows: d.tags.map((t) => [
        `${t.label[lang]} ${t.title[lang]}`,
        t.initiativeCount,
        t.itemCount,
        t.statusCounts.done,
        t.kpiCount,
        t.achievementRate,
        t.trainingCourses,
        t.ojtSessions,
        t.ojtMinutes,
      ]),
    },
    trendTable(lang, d.trend),
  ];
}

export function orgUnitTables(d: OrgUnitDashboard, lang: Lang): ExportTable[] {
  return [
    {
      key: 'initiatives',
      title: L(lang, '所管の計画項目', 'Plan items owned'),
      columns: [L(lang, '施策', 'Initiative'), L(lang, '計画項目', 'Plan item'), L(lang, '状況', 'Status')],
      rows: d.items.map((i) => [
        i.initiativeCode,
        i.title[lang],
        L(lang, ...(STATUS[i.status] ?? [i.status, i.status])),
      ]),
    },
    kpiTable(lang, d.kpis, () => ''),
    unitsTable(lang, d.children, L(lang, `${d.unit.name.ja}の内訳`, `Units of ${d.unit.name.en}`)),
    {
      key: 'tags',
      title: L(lang, '重点取組方針別のOJT', 'OJT by priority policy'),
      columns: [
        L(lang, '重点取組方針', 'Priority policy'),
        L(lang, 'OJT回数', 'OJT sessions'),
        L(lang, 'OJT時間(分)', 'OJT minutes'),
      ],
      rows: d.tags.map((t) => [`${t.label[lang]} ${t.title[lang]}`, t.ojtSessions, t.ojtMinutes]),
    },
    trendTable(lang, d.trend),
  ];
}

function csvCell(v: Cell): string {
  if (v === null) return '';
  if (typeof v === 'number') return String(v);
  // A leading =, +, - or @ would be read as a formula by spreadsheet programs
  const safe = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function toCsv(table: SheetTable): Buffer {
  const lines = [table.columns, ...table.rows].map((r) => r.map(csvCell).join(','));
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}

export async function toXlsx(tables: SheetTable[], heading: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '人材育成ポータル';
  for (const t of tables) {
    const ws = wb.addWorksheet(t.title.slice(0, 31).replace(/[\\/?*[\]:]/g, ' '));
    ws.addRow([heading]).font = { bold: true };
    ws.addRow([t.title]);
    ws.addRow([]);
    const header = ws.addRow(t.columns);
    header.font = { bold: true };
    for (const r of t.rows) ws.addRow(r);
    ws.columns.forEach((c, i) => {
      c.width = i === 0 ? 28 : 14;
    });
    ws.views = [{ state: 'frozen', ySplit: 4 }];
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
