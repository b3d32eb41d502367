import type { Language } from '@portal/contracts';
import {
  ROSTER_COLUMN_NAMES,
  ROSTER_COLUMNS,
  type RosterColumn,
  type RosterRowError,
} from '@portal/contracts';
import type { FieldError } from '../../../shared/api/api-client.ts';

/** A column as the reader knows it: its Japanese header in Japanese, its English name otherwise. */
export function columnLabel(field: string, language: Language): string {
  if (language === 'en' || !(field in ROSTER_COLUMNS)) return field;
  return ROSTER_COLUMNS[field as RosterColumn][0];
}

/** The API's field errors of a refused file (`row[12].grade_code`) as rows and columns again. */
export function rowErrorsOf(errors: readonly FieldError[]): RosterRowError[] {
  return errors.map((e) => {
    const match = /^row\[(\d+)\]\.(.+)$/.exec(e.field);
    const why = { code: e.code ?? '', params: e.params ?? {}, message: e.message };
    return match
      ? { row: Number(match[1]), field: match[2] ?? '', ...why }
      : { row: 0, field: e.field, ...why };
  });
}

/** A template the personnel system's export can be shaped into: the header row, in Japanese. */
export function rosterTemplateHref(): string {
  const header = ROSTER_COLUMN_NAMES.map((c) => ROSTER_COLUMNS[c][0]).join(',');
  // The BOM makes Excel read the file as UTF-8.
  return `data:text/csv;charset=utf-8,${encodeURIComponent(`\uFEFF${header}\r\n`)}`;
}
