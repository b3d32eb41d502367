/**
 * Reading the first worksheet of an .xlsx. An .xlsx is a zip: its central directory says how large
 * every part is once inflated, so a file that would inflate past ROSTER_MAX_UNCOMPRESSED_BYTES (a zip
 * bomb) is refused before anything is inflated. What is read runs in a worker thread (see
 * `roster.xlsx-worker.ts`) with a memory cap, so a file that lies about its sizes ends that worker,
 * not the server, and no import ever blocks the other requests.
 */
import { ROSTER_MAX_CELLS, ROSTER_MAX_UNCOMPRESSED_BYTES } from '@portal/contracts/roster/roster.schemas';
import ExcelJS from 'exceljs';

export type SheetRow = { row: number; cells: string[] };

/** Why a workbook is refused (the parser turns these into RosterFileErrors). */
export type XlsxRefusal = 'roster_unreadable' | 'roster_no_sheet' | 'roster_too_large';

export class XlsxRefused extends Error {
  constructor(
    readonly code: XlsxRefusal,
    message: string,
  ) {
    super(message);
    this.name = 'XlsxRefused';
  }
}

/**
 * The sum of the parts' inflated sizes as the zip's central directory declares them, or null when
 * the bytes are no zip this can read (exceljs then says what is wrong with it). A ZIP64 archive, which
 * no roster needs, counts as too large.
 */
export function declaredUncompressedSize(bytes: Uint8Array): number | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const lowest = Math.max(0, bytes.length - 22 - 0xffff);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= lowest; i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const entries = view.getUint16(eocd + 10, true);
  const directoryOffset = view.getUint32(eocd + 16, true);
  if (entries === 0xffff || directoryOffset === 0xffffffff) return Number.POSITIVE_INFINITY;
  let total = 0;
  let at = directoryOffset;
  for (let n = 0; n < entries; n++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== 0x02014b50) return null;
    const size = view.getUint32(at + 24, true);
    if (size === 0xffffffff) return Number.POSITIVE_INFINITY;
    total += size;
    at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return total;
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value instanceof Date) {
    // Excel dates carry no zone; exceljs reads them as UTC midnight.
    return value.toISOString().slice(0, 10);
  }
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((t) => t.text).join('');
    if ('result' in value) return cellText((value.result ?? null) as ExcelJS.CellValue);
    if ('text' in value)
      return typeof value.text === 'string' ? value.text : cellText(value.text as ExcelJS.CellValue);
    if ('error' in value) return '';
  }
  return String(value);
}

const tooLarge = () =>
  new XlsxRefused(
    'roster_too_large',
    `The workbook is too large once unpacked: at most ${ROSTER_MAX_UNCOMPRESSED_BYTES / 1024 / 1024} MB and ${ROSTER_MAX_CELLS} cells are accepted.`,
  );

/** The first worksheet's non-empty rows as text. Runs inside the worker. */
export async function readFirstSheet(bytes: Uint8Array): Promise<SheetRow[]> {
  const declared = declaredUncompressedSize(bytes);
  if (declared !== null && declared > ROSTER_MAX_UNCOMPRESSED_BYTES) throw tooLarge();
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs types its input as its own `Buffer` (an ArrayBuffer); at run time it takes Node's.
    await workbook.xlsx.load(
      Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ArrayBuffer,
    );
  } catch {
    throw new XlsxRefused('roster_unreadable', 'The file is not a readable Excel workbook (.xlsx).');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new XlsxRefused('roster_no_sheet', 'The workbook has no worksheet.');
  const rows: SheetRow[] = [];
  let cellCount = 0;
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      cells[col - 1] = cellText(cell.value);
    });
    cellCount += cells.length;
    if (cellCount > ROSTER_MAX_CELLS) throw tooLarge();
    for (let i = 0; i < cells.length; i++) cells[i] ??= '';
    if (cells.some((c) => c.trim() !== '')) rows.push({ row: rowNumber, cells });
  });
  return rows;
}
