/**
 * A round's declarations for 人事異動 planning, as CSV (UTF-8 with BOM, so that Excel reads the
 * Japanese) or an Excel workbook, with the experience map's columns. The 配慮事項 columns exist only
 * when HR asked for them explicitly (`sensitive=true`); otherwise they are not in the file at all.
 */
import ExcelJS from 'exceljs';
import type { SelfDeclarationUseCases } from './self-declaration.use-cases.ts';

type Lang = 'ja' | 'en';
type Cell = string | number | null;
type Exported = Awaited<ReturnType<SelfDeclarationUseCases['exportRows']>>;

const L = (lang: Lang, ja: string, en: string) => (lang === 'ja' ? ja : en);
const STATUS: Record<string, [string, string]> = {
  none: ['未着手', 'Not started'],
  draft: ['下書き', 'Draft'],
  submitted: ['提出済み', 'Submitted'],
  interviewed: ['面談済み', 'Interview done'],
};

export function exportTable(e: Exported, lang: Lang): { columns: string[]; rows: Cell[][] } {
  const name = (x: { nameJa: string; nameEn: string }) => (lang === 'ja' ? x.nameJa : x.nameEn || x.nameJa);
  const fields = new Map(e.round.careerFields.map((f) => [f.id, f.name[lang]]));
  const posts = new Map(e.round.publicPosts.map((p) => [p.id, p.title[lang]]));
  const years = (list: { ja: string; en: string; years: number }[]) =>
    list.map((x) => `${lang === 'ja' ? x.ja : x.en} ${x.years}${L(lang, '年', 'y')}`).join('; ');
  const columns = [
    L(lang, '職員番号', 'Employee number'),
    L(lang, '氏名', 'Name'),
    L(lang, '局・区', 'Bureau / ward'),
    L(lang, '所属', 'Unit'),
    L(lang, '職位', 'Grade'),
    L(lang, '職種', 'Job family'),
    L(lang, '状況', 'Status'),
    L(lang, '提出日時', 'Submitted at'),
    L(lang, '現在の職務について', 'Reflections on the current work'),
    L(lang, '希望する所属・分野', 'Desired units'),
    L(lang, '希望する職種', 'Desired job families'),
    L(lang, '希望する職務（自由記述）', 'Desired work (free text)'),
    L(lang, 'キャリア選択（関心のある分野）', 'キャリア選択 fields of interest'),
    L(lang, '庁内公募（関心のあるポスト）', '庁内公募 posts of interest'),
    L(lang, 'キャリアビジョン', 'Career vision'),
    L(lang, '面談日', 'Interview date'),
    L(lang, '面談者', 'Interviewer'),
    L(lang, '所属長意見', 'Supervisor’s opinion'),
    L(lang, '在職年数', 'Years of service'),
    L(lang, '過去10年の局・区数', 'Bureaus/wards in the last 10 years'),
    L(lang, '局・区の経験（年）', 'Bureau/ward experience (years)'),
    L(lang, '分野（部）の経験（年）', 'Field (department) experience (years)'),
    L(lang, '職位の経験（年）', 'Grade experience (years)'),
    ...(e.considerations
      ? [
          L(lang, '配慮事項（健康）', 'Considerations (health)'),
          L(lang, '配慮事項（介護・育児）', 'Considerations (care)'),
          L(lang, '配慮事項（家庭）', 'Considerations (family)'),
        ]
      : []),
  ];
  const rows = e.rows.map((r): Cell[] => {
    const c = e.considerations?.get(r.staffId);
    return [
      r.employeeNumber,
      lang === 'ja' ? r.nameJa : r.nameEn,
      r.bureauNameJa ? (lang === 'ja' ? r.bureauNameJa : r.bureauNameEn) : null,
      r.unitNameJa ? (lang === 'ja' ? r.unitNameJa : r.unitNameEn) : null,
      r.gradeNameJa ? (lang === 'ja' ? r.gradeNameJa : r.gradeNameEn) : null,
      lang === 'ja' ? r.jobFamilyJa : r.jobFamilyEn,
      (STATUS[r.status ?? 'none'] ?? ['', ''])[lang === 'ja' ? 0 : 1],
      r.submittedAt ? r.submittedAt.toISOString() : null,
      r.reflection,
      (r.desiredUnitIds ?? [])
        .flatMap((id) => {
          const u = e.units.get(id);
          return u ? [name(u)] : [];
        })
        .join('; '),
      (r.desiredJobFamilyIds ?? [])
        .flatMap((id) => {
          const f = e.families.get(id);
          return f ? [name(f)] : [];
        })
        .join('; '),
      r.desiredWork,
      (r.careerFieldIds ?? []).flatMap((id) => fields.get(id) ?? []).join('; '),
      (r.publicPostIds ?? []).flatMap((id) => posts.get(id) ?? []).join('; '),
      r.careerVision,
      r.interviewedOn ? r.interviewedOn.toISOString().slice(0, 10) : null,
      r.interviewerJa ? (lang === 'ja' ? r.interviewerJa : r.interviewerEn) : null,
      r.supervisorOpinion,
      r.serviceYears,
      r.bureausInTenYears,
      years(r.bureauYears),
      years(r.fieldYears),
      years(r.gradeYears),
      ...(e.considerations ? [c?.health ?? '', c?.care ?? '', c?.family ?? ''] : []),
    ];
  });
  return { columns, rows };
}

function csvCell(v: Cell): string {
  if (v === null) return '';
  if (typeof v === 'number') return String(v);
  // A leading =, +, - or @ would be read as a formula by spreadsheet programs
  const safe = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function toCsv(t: { columns: string[]; rows: Cell[][] }): Buffer {
  const lines = [t.columns, ...t.rows].map((r) => r.map(csvCell).join(','));
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}

export async function toXlsx(t: { columns: string[]; rows: Cell[][] }, heading: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '人材育成ポータル';
  const ws = wb.addWorksheet(heading.slice(0, 31).replace(/[\\/?*[\]:]/g, ' '));
  ws.addRow([heading]).font = { bold: true };
  ws.addRow([]);
  ws.addRow(t.columns).font = { bold: true };
  for (const r of t.rows) ws.addRow(r);
  ws.columns.forEach((c, i) => {
    c.width = i < 2 ? 14 : 24;
  });
  ws.views = [{ state: 'frozen', ySplit: 3, xSplit: 2 }];
  return Buffer.from(await wb.xlsx.writeBuffer());
}
