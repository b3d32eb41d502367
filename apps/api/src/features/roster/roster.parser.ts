/**
 * Reading a roster file: CSV (papaparse; UTF-8 with or without BOM, or Shift_JIS as many Japanese
 * personnel systems still write it) or Excel (exceljs, first worksheet) into records, each validated
 * by the contract's row schema. Nothing here touches the database: what needs it (unknown grades,
 * units that clash with the tree, …) is checked by the service.
 */
import { Worker } from 'node:worker_threads';
import {
  ROSTER_COLUMN_NAMES,
  ROSTER_COLUMNS,
  ROSTER_MAX_CELLS,
  ROSTER_MAX_ROWS,
  ROSTER_MAX_UNCOMPRESSED_BYTES,
  ROSTER_REQUIRED_COLUMNS,
  type RosterColumn,
  RosterRecord,
  type RosterRow,
  type RosterRowError,
  rosterIssueError,
} from '@portal/contracts/roster/roster.schemas';
import Papa from 'papaparse';
import type { XlsxRefusal } from './roster.xlsx.ts';

export type RosterFile = { name: string; contentType: string; bytes: Buffer };

export type ParsedRosterRow = { row: number; data: RosterRow };

export type ParsedRoster = {
  format: 'csv' | 'xlsx';
  encoding: 'utf-8' | 'shift_jis' | null;
  /** Data rows read (empty lines are not counted) */
  rowCount: number;
  /** Rows that passed validation, in file order */
  rows: ParsedRosterRow[];
  /** Every problem found, by row then column; row 1 is the header */
  errors: RosterRowError[];
  /** Rows with at least one error */
  invalidRows: Set<number>;
};

type RawSheet = { rows: { row: number; cells: string[] }[]; encoding: ParsedRoster['encoding'] };

/** The header's spelling, reduced to what matters for matching: `氏名（カナ）`, `氏名 (カナ)` → `氏名(カナ)`. */
const normaliseHeader = (h: string) =>
  h
    .replace(/^\uFEFF/, '')
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s　]+/g, '');

const HEADER_ALIASES: ReadonlyMap<string, RosterColumn> = new Map(
  ROSTER_COLUMN_NAMES.flatMap((column) => [
    [normaliseHeader(column), column] as const,
    ...ROSTER_COLUMNS[column].map((alias) => [normaliseHeader(alias), column] as const),
  ]),
);

const XLSX_TYPES = new Set(['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet']);

function isXlsx(file: RosterFile): boolean {
  // An .xlsx is a zip: trust its signature before the name or the declared type.
  const b = file.bytes;
  if (b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04) return true;
  return (
    XLSX_TYPES.has(file.contentType.split(';')[0]?.trim().toLowerCase() ?? '') || /\.xlsx$/i.test(file.name)
  );
}

/**
 * Why a file as a whole is refused: a stable code the web app translates (`errors.codes.<code>`).
 * `roster_columns` comes with the header's problems as row errors; the others name the file itself.
 */
export type RosterFileErrorCode =
  | 'roster_encoding'
  | 'roster_unreadable'
  | 'roster_no_sheet'
  | 'roster_empty'
  | 'roster_too_many_rows'
  | 'roster_too_large'
  | 'roster_columns';

/** The file as a whole cannot be read (the rows' own problems are returned, not thrown). */
export class RosterFileError extends Error {
  constructor(
    readonly code: RosterFileErrorCode,
    message: string,
    readonly errors: RosterRowError[] = [],
    /** The values the message names (`roster_too_many_rows`: `rows` and `max`; `roster_too_large`: `maxMegabytes` and `maxCells`) */
    readonly params: Record<string, string | number> = {},
  ) {
    super(message);
    this.name = 'RosterFileError';
  }
}

/** UTF-8 when the bytes are valid UTF-8 (a BOM is dropped), otherwise Shift_JIS (Windows-31J). */
export function decodeText(bytes: Uint8Array): { text: string; encoding: 'utf-8' | 'shift_jis' } {
  try {
    // `fatal` makes invalid sequences throw; ignoreBOM: false drops a leading BOM.
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    try {
      return { text: new TextDecoder('shift_jis', { fatal: true }).decode(bytes), encoding: 'shift_jis' };
    } catch {
      throw new RosterFileError('roster_encoding', 'The file is neither UTF-8 nor Shift_JIS text.');
    }
  }
}

function readCsv(bytes: Buffer): RawSheet {
  const { text, encoding } = decodeText(bytes);
  const result = Papa.parse<string[]>(text, { header: false, skipEmptyLines: false, delimiter: '' });
  // Record numbers, not line numbers: a quoted field spanning lines is one row of the sheet, as a
  // spreadsheet program shows it.
  const rows: RawSheet['rows'] = [];
  result.data.forEach((cells, i) => {
    if (cells.some((c) => c.trim() !== '')) rows.push({ row: i + 1, cells });
  });
  return { rows, encoding };
}

/** The worker's heap: a workbook that needs more (one that lied about its size) is too large. */
const XLSX_WORKER_HEAP_MB = 1024;
/** The longest one workbook may take to read. */
const XLSX_WORKER_TIMEOUT_MS = 120_000;
const XLSX_WORKER = new URL('./roster.xlsx-worker.mjs', import.meta.url);

type WorkerAnswer = { ok: true; rows: RawSheet['rows'] } | { ok: false; code: XlsxRefusal; message: string };

const tooLargeParams = {
  maxMegabytes: ROSTER_MAX_UNCOMPRESSED_BYTES / 1024 / 1024,
  maxCells: ROSTER_MAX_CELLS,
};

function refusal(code: XlsxRefusal, message: string): RosterFileError {
  return new RosterFileError(code, message, [], code === 'roster_too_large' ? tooLargeParams : {});
}

/** Reads the workbook in a worker thread: the event loop keeps answering other requests meanwhile. */
function readXlsx(bytes: Buffer): Promise<RawSheet> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(XLSX_WORKER, {
      workerData: bytes,
      resourceLimits: { maxOldGenerationSizeMb: XLSX_WORKER_HEAP_MB },
    });
    let settled = false;
    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      outcome();
      void worker.terminate();
    };
    const timer = setTimeout(
      () => settle(() => reject(refusal('roster_too_large', 'The workbook takes too long to read.'))),
      XLSX_WORKER_TIMEOUT_MS,
    );
    worker.once('message', (answer: WorkerAnswer) =>
      settle(() =>
        answer.ok
          ? resolve({ rows: answer.rows, encoding: null })
          : reject(refusal(answer.code, answer.message)),
      ),
    );
    worker.once('error', (error: Error & { code?: string }) =>
      settle(() =>
        reject(
          error.code === 'ERR_WORKER_OUT_OF_MEMORY'
            ? refusal('roster_too_large', 'The workbook needs too much memory to read.')
            : error,
        ),
      ),
    );
    worker.once('exit', () =>
      settle(() =>
        reject(refusal('roster_unreadable', 'The file is not a readable Excel workbook (.xlsx).')),
      ),
    );
  });
}

/**
 * Reads and validates a roster file. Problems with the file as a whole (unreadable, no header, a
 * required column missing, too many rows) are thrown as `RosterFileError`; problems of rows are
 * returned, every one of them, with its row and column.
 */
export async function parseRoster(file: RosterFile): Promise<ParsedRoster> {
  const format = isXlsx(file) ? 'xlsx' : 'csv';
  const sheet = format === 'xlsx' ? await readXlsx(file.bytes) : readCsv(file.bytes);
  const [header, ...data] = sheet.rows;
  if (!header) throw new RosterFileError('roster_empty', 'The file is empty.');
  if (data.length > ROSTER_MAX_ROWS) {
    throw new RosterFileError(
      'roster_too_many_rows',
      `The file has ${data.length} rows; at most ${ROSTER_MAX_ROWS} are accepted.`,
      [],
      { rows: data.length, max: ROSTER_MAX_ROWS },
    );
  }

  const columns = new Map<RosterColumn, number>();
  const headerErrors: RosterRowError[] = [];
  header.cells.forEach((raw, index) => {
    const column = HEADER_ALIASES.get(normaliseHeader(raw));
    if (!column) return; // columns the portal does not use
    if (columns.has(column)) {
      headerErrors.push({
        row: header.row,
        field: column,
        code: 'column_duplicate',
        params: { column },
        message: `The column ${column} appears twice.`,
      });
      return;
    }
    columns.set(column, index);
  });
  for (const column of ROSTER_REQUIRED_COLUMNS) {
    if (!columns.has(column)) {
      headerErrors.push({
        row: header.row,
        field: column,
        code: 'column_missing',
        params: { column, header: ROSTER_COLUMNS[column][0] },
        message: `The column ${column} (${ROSTER_COLUMNS[column][0]}) is missing.`,
      });
    }
  }
  if (headerErrors.length > 0) {
    throw new RosterFileError('roster_columns', headerErrors.map((e) => e.message).join(' '), headerErrors);
  }

  const errors: RosterRowError[] = [];
  const rows: ParsedRosterRow[] = [];
  const entries = [...columns];
  for (const { row, cells } of data) {
    const record: Record<string, string> = {};
    for (const [column, index] of entries) record[column] = cells[index] ?? '';
    const result = RosterRecord.safeParse(record);
    if (result.success) {
      rows.push({ row, data: result.data });
    } else {
      const seen = new Set<string>();
      for (const issue of result.error.issues) {
        const field = String(issue.path[0] ?? 'row');
        // One message per column is enough to fix it.
        if (seen.has(field)) continue;
        seen.add(field);
        errors.push({ row, field, ...rosterIssueError(issue), message: issue.message });
      }
    }
  }

  const invalidRows = new Set(errors.map((e) => e.row));
  for (const e of findFileConflicts(rows)) {
    errors.push(e);
    invalidRows.add(e.row);
  }
  errors.sort((a, b) => a.row - b.row);
  return {
    format,
    encoding: sheet.encoding,
    rowCount: data.length,
    rows: rows.filter((r) => !invalidRows.has(r.row)),
    errors,
    invalidRows,
  };
}

/**
 * What contradicts itself inside the file: a person twice (same employee number or login ID), or a
 * unit described two ways (another name, kind or parent under the same code). The later row is the
 * one reported, pointing at the earlier.
 */
function findFileConflicts(rows: ParsedRosterRow[]): RosterRowError[] {
  const errors: RosterRowError[] = [];
  const byEmployee = new Map<string, number>();
  const byLogin = new Map<string, number>();
  const units = new Map<string, { row: number; kind: string; name: string; parentCode: string | null }>();
  for (const { row, data } of rows) {
    const firstEmployee = byEmployee.get(data.employeeNumber);
    if (firstEmployee === undefined) byEmployee.set(data.employeeNumber, row);
    else {
      errors.push({
        row,
        field: 'employee_number',
        code: 'duplicate_employee_number',
        params: { value: data.employeeNumber, row: firstEmployee },
        message: `Employee number ${data.employeeNumber} is also on row ${firstEmployee}.`,
      });
    }
    const firstLogin = byLogin.get(data.loginId);
    if (firstLogin === undefined) byLogin.set(data.loginId, row);
    else
      errors.push({
        row,
        field: 'login_id',
        code: 'duplicate_login_id',
        params: { value: data.loginId, row: firstLogin },
        message: `Login ID ${data.loginId} is also on row ${firstLogin}.`,
      });

    for (const unit of data.units) {
      const seen = units.get(unit.code);
      if (!seen) {
        units.set(unit.code, { row, kind: unit.kind, name: unit.name, parentCode: unit.parentCode });
        continue;
      }
      const field = `${unit.level}_code`;
      if (seen.kind !== unit.kind || seen.parentCode !== unit.parentCode) {
        errors.push({
          row,
          field,
          code: 'unit_conflict_kind',
          params: {
            code: unit.code,
            row: seen.row,
            kind: unit.kind,
            parent: unit.parentCode ?? '',
            otherKind: seen.kind,
            otherParent: seen.parentCode ?? '',
          },
          message: `Unit ${unit.code} is a ${seen.kind} under ${seen.parentCode ?? 'nothing'} on row ${seen.row}, here a ${unit.kind} under ${unit.parentCode ?? 'nothing'}.`,
        });
        break;
      }
      if (seen.name !== unit.name) {
        errors.push({
          row,
          field: `${unit.level}_name`,
          code: 'unit_conflict_name',
          params: { code: unit.code, row: seen.row, name: unit.name, otherName: seen.name },
          message: `Unit ${unit.code} is named ${seen.name} on row ${seen.row}, here ${unit.name}.`,
        });
        break;
      }
    }
  }
  return errors;
}
