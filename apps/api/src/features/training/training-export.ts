/**
 * A session's roster as a file for the training office: CSV (UTF-8 with a BOM, so Excel opens the
 * Japanese text correctly) or an Excel workbook. Headers are in Japanese, the office's language.
 */
import type { TrainingSessionRoster } from '@portal/contracts';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';

const STATUS_JA: Record<string, string> = {
  applied: '上司承認待ち',
  declined: '上司不承認',
  approved: '受付待ち',
  accepted: '受講決定',
  waitlisted: 'キャンセル待ち',
  rejected: '不受理',
  withdrawn: '取下げ',
};
const ATTENDANCE_JA: Record<string, string> = { present: '出席', absent: '欠席', partial: '一部出席' };

const HEADERS = [
  '職員番号',
  '氏名',
  '氏名（英字）',
  '所属',
  '職位',
  '状態',
  'キャンセル待ち順位',
  '申込区分',
  '出欠',
  '修了',
  '修了日',
  '申込理由',
] as const;

export type RosterFile = { fileName: string; contentType: string; body: Buffer };

function rows(roster: TrainingSessionRoster): (string | number)[][] {
  return roster.items.map((a) => [
    a.staff.employeeNumber,
    a.staff.name,
    a.staff.nameEn,
    a.staff.orgUnit?.name.ja ?? '',
    a.staff.grade?.name.ja ?? '',
    STATUS_JA[a.status] ?? a.status,
    a.waitlistPosition ?? '',
    a.assigned ? '指名' : '申込',
    a.attendance ? (ATTENDANCE_JA[a.attendance] ?? a.attendance) : '',
    a.completed ? '修了' : '',
    a.completedOn ?? '',
    a.reason,
  ]);
}

/** The calendar day in Japan of an ISO instant. */
const japanDay = (instant: string) => new Date(Date.parse(instant) + 9 * 3600_000).toISOString().slice(0, 10);

/** `R8-SHIN-01_2026-05-12` */
function baseName(roster: TrainingSessionRoster): string {
  return `${roster.training.code}_${japanDay(roster.session.startsAt)}`;
}

export async function rosterFile(roster: TrainingSessionRoster, format: 'csv' | 'xlsx'): Promise<RosterFile> {
  if (format === 'csv') {
    // Cells that a spreadsheet would read as a formula are quoted as text.
    const safe = (v: string | number) => (typeof v === 'string' && /^[=+\-@]/.test(v) ? `'${v}` : v);
    const text = Papa.unparse(
      { fields: [...HEADERS], data: rows(roster).map((r) => r.map(safe)) },
      { newline: '\r\n' },
    );
    return {
      fileName: `${baseName(roster)}.csv`,
      contentType: 'text/csv; charset=utf-8',
      body: Buffer.from(`\uFEFF${text}\r\n`, 'utf8'),
    };
  }
  const workbook = new ExcelJS.Workbook();
  workbook.created = new Date();
  const sheet = workbook.addWorksheet('受講者名簿');
  sheet.addRow([roster.training.title.ja]);
  sheet.addRow([
    `${japanDay(roster.session.startsAt)} 〜 ${japanDay(roster.session.endsAt)}`,
    roster.session.online ? 'オンライン' : (roster.session.venue ?? ''),
    `定員 ${roster.session.capacity}`,
    `受講決定 ${roster.session.acceptedCount}`,
  ]);
  sheet.addRow([]);
  const header = sheet.addRow([...HEADERS]);
  header.font = { bold: true };
  for (const r of rows(roster)) sheet.addRow(r);
  sheet.getRow(1).font = { bold: true, size: 14 };
  sheet.views = [{ state: 'frozen', ySplit: 4 }];
  const widths = [12, 16, 22, 24, 12, 14, 10, 8, 10, 8, 12, 40];
  widths.forEach((w, i) => {
    sheet.getColumn(i + 1).width = w;
  });
  const buffer = await workbook.xlsx.writeBuffer();
  return {
    fileName: `${baseName(roster)}.xlsx`,
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    body: Buffer.from(buffer as ArrayBuffer),
  };
}
