import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import {
  AUDIT_ACTION_LABELS,
  AUDIT_ACTIONS,
  AUDIT_ENTITY_LABELS,
  AUDIT_ENTITY_TYPES,
  type AuditLogPage,
  fiscalYearOf,
} from '@portal/contracts';
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { signIn, useTestApp } from '../../../test/app.ts';
import { recordAudit } from './audit.writer.ts';

const ctx = useTestApp();
let app: FastifyInstance;
let hr: string;

beforeAll(async () => {
  app = ctx().app;
  hr = await signIn(app, 'demo-hr');
});

const get = (url: string, cookie = hr) => app.inject({ url, headers: { cookie } });

/** Every file under `dir` ending in `.ts`, tests and generated code left out. */
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'generated' ? [] : sources(path);
    return name.endsWith('.ts') && !name.endsWith('.test.ts') ? [path] : [];
  });
}

describe('the audit vocabulary', () => {
  it('labels every action and every kind of record in Japanese and in English', () => {
    for (const action of AUDIT_ACTIONS) {
      const label = AUDIT_ACTION_LABELS[action];
      expect(label.ja, action).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
      expect(label.en, action).toMatch(/^[A-Z0-9][^\u3040-\u30ff\u4e00-\u9fff]*$/);
    }
    for (const type of AUDIT_ENTITY_TYPES) {
      expect(AUDIT_ENTITY_LABELS[type].ja, type).not.toBe('');
      expect(AUDIT_ENTITY_LABELS[type].en, type).not.toBe('');
    }
  });

  it('lists every action string that the API writes (so none reaches the log without a label)', () => {
    const listed = new Set<string>(AUDIT_ACTIONS);
    const found = new Set<string>();
    for (const file of sources(join(import.meta.dirname, '../..'))) {
      const text = readFileSync(file, 'utf8');
      if (!/recordAudit|audit:|record\(tx|audit\(\s*tx/.test(text)) continue;
      // Literal actions (`action: 'plan.item.create'`) and the plan's helpers (`record(tx, actor, meta,
      // 'plan.kpi.create', …)`); template actions (`training_application.${decision}`) are checked by type.
      for (const m of text.matchAll(/action:\s*'([a-z_-]+(?:\.[a-z_-]+)+)'/g)) found.add(m[1] ?? '');
      for (const m of text.matchAll(/\b(?:record|audit)\(\s*tx,[^'\n)]*'([a-z_-]+(?:\.[a-z_-]+)+)'/g)) {
        found.add(m[1] ?? '');
      }
    }
    expect(found.size).toBeGreaterThan(40);
    expect([...found].filter((a) => !listed.has(a))).toEqual([]);
  });
});

describe('GET /api/audit-log', () => {
  it('names the target of an entry and links to its page, in one statement with its actor', async () => {
    const { db } = ctx().database;
    const kpi = await db.kpi.findFirstOrThrow({
      where: { source: 'entered', item: { period: { status: 'published' } } },
      include: { item: { include: { period: true } } },
    });
    const year = Math.min(kpi.item.period.endFiscalYear, fiscalYearOf(new Date()));
    const existing = await db.kpiActual.findUnique({
      where: { kpiId_fiscalYear: { kpiId: kpi.id, fiscalYear: year } },
    });
    const put = await app.inject({
      method: 'PUT',
      url: `/api/kpis/${kpi.id}/actuals/${year}`,
      headers: { cookie: hr },
      payload: { value: 42, note: '', ...(existing ? { version: existing.version } : {}) },
    });
    expect(put.statusCode).toBe(200);
    const page = (await get('/api/audit-log?action=plan.kpi.actual&limit=5')).json<AuditLogPage>();
    const entry = page.items[0];
    expect(entry).toMatchObject({
      action: 'plan.kpi.actual',
      entityType: 'kpi',
      entityId: kpi.id,
      actor: { name: expect.stringMatching(/\S/) },
      target: {
        name: { ja: kpi.nameJa, en: kpi.nameEn || kpi.nameJa },
        path: `/plan/periods/${kpi.item.periodId}/items/${kpi.itemId}`,
      },
    });
  });

  it('filters by exact action when the action is known (training.assign is not training.assign.undo)', async () => {
    const { db } = ctx().database;
    const staff = await db.staff.findFirstOrThrow({ where: { loginId: 'demo-staff' } });
    await recordAudit(db, { actorId: staff.id, action: 'training.assign.undo' });
    const page = (await get('/api/audit-log?action=training.assign')).json<AuditLogPage>();
    expect(page.items.every((e) => e.action === 'training.assign')).toBe(true);
    const prefix = (await get('/api/audit-log?action=training.')).json<AuditLogPage>();
    expect(prefix.items.map((e) => e.action)).toContain('training.assign.undo');
  });

  it('never shows private notes or 配慮事項, only that they changed', async () => {
    const { db } = ctx().database;
    const staff = await db.staff.findFirstOrThrow({ where: { loginId: 'demo-staff' } });
    await recordAudit(db, {
      actorId: staff.id,
      action: 'one-on-one.update',
      entityType: 'one_on_one',
      entityId: staff.id,
      before: { sharedNotes: 'a', privateNotes: '' },
      after: { sharedNotes: 'b', privateNotes: '体調のことで相談あり', considerations: '介護のため' },
    });
    const page = (await get('/api/audit-log?action=one-on-one.update&limit=1')).json<AuditLogPage>();
    expect(page.items[0]?.before).toEqual({ sharedNotes: 'a', privateNotes: 'unchanged' });
    expect(page.items[0]?.after).toEqual({
      sharedNotes: 'b',
      privateNotes: 'changed',
      considerations: 'changed',
    });
    expect(JSON.stringify(page)).not.toMatch(/体調|介護/);
  });
});

describe('GET /api/audit-log/export', () => {
  it('gives HR the filtered log as CSV with labels in the chosen language', async () => {
    const ja = await get('/api/audit-log/export?format=csv&action=auth.login');
    expect(ja.statusCode).toBe(200);
    expect(ja.headers['content-type']).toMatch(/text\/csv/);
    expect(ja.body.charCodeAt(0)).toBe(0xfeff);
    const lines = ja.body.slice(1).trim().split('\r\n');
    expect(lines[0]).toBe('日時,操作者,操作,対象の種類,対象,対象のID,変更内容,IPアドレス,リクエストID');
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.slice(1).every((l) => l.includes(',サインイン,'))).toBe(true);
    const en = await get('/api/audit-log/export?format=csv&lang=en&action=auth.login');
    expect(en.body).toContain(',Signed in,');
    expect(en.body).not.toContain('サインイン');
  });

  it('gives an Excel workbook', async () => {
    const res = await get('/api/audit-log/export?format=xlsx&action=auth.');
    expect(res.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('操作記録');
    expect(sheet?.getRow(1).getCell(3).value).toBe('操作');
    expect(sheet?.rowCount).toBeGreaterThan(1);
  });

  it('is refused to anyone but HR', async () => {
    const staff = await signIn(app, 'demo-staff');
    expect((await get('/api/audit-log/export?format=csv', staff)).statusCode).toBe(403);
    expect((await app.inject({ url: '/api/audit-log/export' })).statusCode).toBe(401);
  });
});
