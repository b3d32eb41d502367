/**
 * The audit log as a file for HR: CSV (UTF-8 with a BOM, so Excel opens Japanese text) or an Excel
 * workbook, in the reader's language, with the same labels as the log's page (contracts' vocabulary).
 */
import {
  AUDIT_ACTION_LABELS,
  AUDIT_ENTITY_LABELS,
  type AuditAction,
  type AuditEntityType,
  type AuditLogEntry,
  auditFieldLabel,
  describeChanges,
} from '@portal/contracts';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';

type Lang = 'ja' | 'en';

const HEADERS: Record<Lang, string[]> = {
  ja: ['日時', '操作者', '操作', '対象の種類', '対象', '対象のID', '変更内容', 'IPアドレス', 'リクエストID'],
  en: [
    'Time',
    'Actor',
    'Action',
    'Kind of record',
    'Record',
    'Record ID',
    'Changes',
    'IP address',
    'Request ID',
  ],
};

/** `2026-11-30 15:04:05` in Japan time. */
const japanTime = (iso: string) =>
  new Date(Date.parse(iso) + 9 * 3600_000).toISOString().slice(0, 19).replace('T', ' ');

function rows(entries: AuditLogEntry[], lang: Lang): string[][] {
  return entries.map((e) => [
    japanTime(e.at),
    e.actor?.name ?? '',
    AUDIT_ACTION_LABELS[e.action as AuditAction]?.[lang] ?? e.action,
    e.entityType ? (AUDIT_ENTITY_LABELS[e.entityType as AuditEntityType]?.[lang] ?? e.entityType) : '',
    e.target?.name[lang] ?? '',
    e.entityId ?? '',
    describeChanges(e.before, e.after, lang)
      .map((c) => `${auditFieldLabel(c.field, lang)}: ${c.before} → ${c.after}`)
      .join('\n'),
    e.ip ?? '',
    e.requestId ?? '',
  ]);
}

export type AuditFile = { fileName: string; contentType: string; body: Buffer };

export async function auditFile(
  entries: AuditLogEntry[],
  format: 'csv' | 'xlsx',
  lang: Lang,
): Promise<AuditFile> {
  const base = `audit-log_${japanTime(new Date().toISOString()).slice(0, 10)}`;
  if (format === 'csv') {
    // Cells that a spreadsheet would read as a formula are quoted as text.
    const safe = (v: string) => (/^[=+\-@]/.test(v) ? `'${v}` : v);
    const text = Papa.unparse(
      { fields: HEADERS[lang], data: rows(entries, lang).map((r) => r.map(safe)) },
      { newline: '\r\n' },
    );
    return {
      fileName: `${base}.csv`,
      contentType: 'text/csv; charset=utf-8',
      body: Buffer.from(`\uFEFF${text}\r\n`, 'utf8'),
    };
  }
  const workbook = new ExcelJS.Workbook();
  workbook.created = new Date();
  const sheet = workbook.addWorksheet(lang === 'ja' ? '操作記録' : 'Audit log');
  sheet.addRow(HEADERS[lang]).font = { bold: true };
  for (const row of rows(entries, lang)) sheet.addRow(row);
  sheet.columns.forEach((column, i) => {
    column.width = [20, 16, 28, 18, 32, 38, 60, 16, 24][i] ?? 16;
  });
  sheet.getColumn(7).alignment = { wrapText: true, vertical: 'top' };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  return {
    fileName: `${base}.xlsx`,
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    body: Buffer.from(await workbook.xlsx.writeBuffer()),
  };
}
