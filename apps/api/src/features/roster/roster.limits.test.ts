/**
 * The .xlsx roster upload is bounded: a zip bomb is refused before it is inflated, as 400
 * `roster_too_large`, and a workbook is read in a worker thread, so that the rest of the API keeps
 * answering while a large one is parsed.
 */
import { crc32, deflateRawSync } from 'node:zlib';
import type { ProblemDetails } from '@portal/contracts';
import { ROSTER_COLUMN_NAMES, ROSTER_MAX_UNCOMPRESSED_BYTES } from '@portal/contracts/roster/roster.schemas';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { signIn, useTestApp } from '../../../test/app.ts';
import { declaredUncompressedSize } from './roster.xlsx.ts';

const ctx = useTestApp();
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A zip of one stored part: `size` bytes of spaces that deflate to almost nothing (a zip bomb). */
function zipBomb(size: number): Buffer {
  const name = Buffer.from('xl/worksheets/sheet1.xml');
  const content = Buffer.alloc(size, 0x20);
  const data = deflateRawSync(content, { level: 9 });
  const crc = crc32(content);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(crc, 14);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(size, 22);
  local.writeUInt16LE(name.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(crc, 16);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(size, 24);
  central.writeUInt16LE(name.length, 28);
  const directoryOffset = local.length + name.length + data.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + name.length, 12);
  end.writeUInt32LE(directoryOffset, 16);
  return Buffer.concat([local, name, data, central, name, end]);
}

async function workbook(rows: number): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('名簿');
  sheet.addRow([...ROSTER_COLUMN_NAMES]);
  for (let n = 0; n < rows; n++) {
    sheet.addRow(ROSTER_COLUMN_NAMES.map((c) => `${c}-${n}`));
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('.xlsx roster limits', () => {
  it('refuses a zip bomb before inflating it: 400 roster_too_large with the limits', async () => {
    const { app } = ctx();
    const hr = await signIn(app, 'demo-hr');
    const bomb = zipBomb(ROSTER_MAX_UNCOMPRESSED_BYTES + 1024 * 1024);
    expect(bomb.length).toBeLessThan(1024 * 1024);
    expect(declaredUncompressedSize(bomb)).toBeGreaterThan(ROSTER_MAX_UNCOMPRESSED_BYTES);
    const res = await app.inject({
      method: 'POST',
      url: '/api/roster-imports/preview',
      headers: { cookie: hr, 'content-type': XLSX, 'x-file-name': 'bomb.xlsx' },
      payload: bomb,
    });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    const problem = res.json<ProblemDetails>();
    expect(problem.code).toBe('roster_too_large');
    expect(problem.errors?.[0]).toMatchObject({ field: 'body', code: 'roster_too_large' });
    expect(problem.errors?.[0]?.params).toMatchObject({
      maxMegabytes: ROSTER_MAX_UNCOMPRESSED_BYTES / 1024 / 1024,
    });
  });

  it('keeps answering other requests while a large workbook is read', async () => {
    const { app } = ctx();
    const hr = await signIn(app, 'demo-hr');
    const file = await workbook(8_000);
    let done = false;
    const started = Date.now();
    const preview = app
      .inject({
        method: 'POST',
        url: '/api/roster-imports/preview',
        headers: { cookie: hr, 'content-type': XLSX, 'x-file-name': 'big.xlsx' },
        payload: file,
      })
      .finally(() => {
        done = true;
      });
    const healthTimes: number[] = [];
    while (!done) {
      const t = Date.now();
      const res = await app.inject({ url: '/api/health' });
      expect(res.statusCode).toBe(200);
      if (!done) healthTimes.push(Date.now() - t);
      await new Promise((r) => setTimeout(r, 100));
    }
    const res = await preview;
    const previewMs = Date.now() - started;
    expect(res.statusCode).toBe(200);
    expect(healthTimes.length).toBeGreaterThan(3);
    // Each answer took a fraction of the parse, never the parse's whole length.
    expect(Math.max(...healthTimes)).toBeLessThan(Math.min(1_500, previewMs / 2));
  }, 120_000);
});
