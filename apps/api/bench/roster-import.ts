/**
 * Roster import benchmark (not a test): a 15,000-row personnel export over ~1,000 units, imported into
 * a fresh database on the local PostgreSQL. Times parse+validate, preview, the first apply, the same
 * file again (idempotent) and a file with 10% of rows changed; then drops the database.
 *
 *   cd apps/api && node --import tsx bench/roster-import.ts [rows]
 *
 * BENCH_DATABASE_URL overrides the server (default postgresql://postgres@127.0.0.1:5432/postgres).
 */
import { performance } from 'node:perf_hooks';
import { ROSTER_COLUMN_NAMES, type RosterColumn } from '@portal/contracts/roster/roster.schemas';
import ExcelJS from 'exceljs';
import pg from 'pg';
import type { Actor } from '../src/access/actor.ts';
import { createPrisma } from '../src/db/client.ts';
import { pgConfigFromUrl, withDatabase } from '../src/db/pg-config.ts';
import { prepareDatabase } from '../src/db/setup.ts';
import { parseRoster } from '../src/features/roster/roster.parser.ts';
import { createRosterService } from '../src/features/roster/roster.service.ts';
import { keyring, newKeyText } from '../src/shared/sealed-text.ts';

const ROWS = Number(process.argv[2] ?? 15_000);
// A standalone script: the app's env.ts does not apply (as in test/global-setup.ts).
const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';

const BUREAUS: [string, string][] = [
  ['総務局', 'bureau'],
  ['財政局', 'bureau'],
  ['市民局', 'bureau'],
  ['健康福祉局', 'bureau'],
  ['子供未来局', 'bureau'],
  ['環境局', 'bureau'],
  ['経済局', 'bureau'],
  ['文化観光局', 'bureau'],
  ['都市整備局', 'bureau'],
  ['建設局', 'bureau'],
  ['防災・減災局', 'bureau'],
  ['消防局', 'bureau'],
  ['水道局', 'bureau'],
  ['交通局', 'bureau'],
  ['教育局', 'bureau'],
  ['青葉区', 'ward'],
  ['宮城野区', 'ward'],
  ['若林区', 'ward'],
  ['太白区', 'ward'],
  ['泉区', 'ward'],
];
const DEPARTMENTS = ['総務部', '企画部', '事業部'];
const DIVISIONS = ['総務課', '企画課', '管理課', '事業課'];
const SECTIONS = ['庶務係', '調整係', '業務係'];

const SURNAMES: [string, string][] = [
  ['佐藤', 'サトウ'],
  ['高橋', 'タカハシ'],
  ['鈴木', 'スズキ'],
  ['伊藤', 'イトウ'],
  ['渡辺', 'ワタナベ'],
  ['阿部', 'アベ'],
  ['菅原', 'スガワラ'],
  ['千葉', 'チバ'],
  ['佐々木', 'ササキ'],
  ['遠藤', 'エンドウ'],
  ['斎藤', 'サイトウ'],
  ['庄司', 'ショウジ'],
  ['及川', 'オイカワ'],
  ['大友', 'オオトモ'],
  ['今野', 'コンノ'],
  ['後藤', 'ゴトウ'],
];
const GIVEN: [string, string, string][] = [
  ['太郎', 'タロウ', 'Taro'],
  ['花子', 'ハナコ', 'Hanako'],
  ['翔太', 'ショウタ', 'Shota'],
  ['美咲', 'ミサキ', 'Misaki'],
  ['健一', 'ケンイチ', 'Kenichi'],
  ['陽菜', 'ヒナ', 'Hina'],
  ['大輔', 'ダイスケ', 'Daisuke'],
  ['由美', 'ユミ', 'Yumi'],
  ['拓海', 'タクミ', 'Takumi'],
  ['彩', 'アヤ', 'Aya'],
  ['誠', 'マコト', 'Makoto'],
  ['恵', 'メグミ', 'Megumi'],
];
const ROMAJI: Record<string, string> = {
  佐藤: 'Sato',
  高橋: 'Takahashi',
  鈴木: 'Suzuki',
  伊藤: 'Ito',
  渡辺: 'Watanabe',
  阿部: 'Abe',
  菅原: 'Sugawara',
  千葉: 'Chiba',
  佐々木: 'Sasaki',
  遠藤: 'Endo',
  斎藤: 'Saito',
  庄司: 'Shoji',
  及川: 'Oikawa',
  大友: 'Otomo',
  今野: 'Konno',
  後藤: 'Goto',
};
const GRADES: [string, number, string, boolean][] = [
  ['shuji', 1, '主事・技師', false],
  ['shunin', 2, '主任', false],
  ['kakaricho', 3, '係長', true],
  ['kacho-hosa', 4, '課長補佐', true],
  ['kacho', 5, '課長', true],
];
const JOB_FAMILIES: [string, string][] = [
  ['jimu', '事務'],
  ['doboku', '土木'],
  ['kenchiku', '建築'],
  ['hokenshi', '保健師'],
  ['hoikushi', '保育士'],
];

type Row = Record<RosterColumn, string>;

function unitsOf(i: number) {
  const sectionsPerBureau = DEPARTMENTS.length * DIVISIONS.length * SECTIONS.length;
  const s = i % (BUREAUS.length * sectionsPerBureau);
  const b = Math.floor(s / sectionsPerBureau);
  const d = Math.floor(s / (DIVISIONS.length * SECTIONS.length)) % DEPARTMENTS.length;
  const k = Math.floor(s / SECTIONS.length) % DIVISIONS.length;
  const x = s % SECTIONS.length;
  const [bureauName, bureauKind] = BUREAUS[b] ?? ['?', 'bureau'];
  const bc = `${bureauKind === 'ward' ? 'W' : 'B'}${String(b + 1).padStart(2, '0')}`;
  return {
    bureau_kind: bureauKind,
    bureau_code: bc,
    bureau_name: bureauName,
    department_code: `${bc}-${d + 1}`,
    department_name: DEPARTMENTS[d] ?? '',
    division_code: `${bc}-${d + 1}-${k + 1}`,
    division_name: DIVISIONS[k] ?? '',
    section_code: `${bc}-${d + 1}-${k + 1}-${x + 1}`,
    section_name: SECTIONS[x] ?? '',
  };
}

function generate(rows: number): Row[] {
  return Array.from({ length: rows }, (_, i) => {
    const [surname, surnameKana] = SURNAMES[i % SURNAMES.length] ?? ['', ''];
    const [given, givenKana, givenEn] = GIVEN[Math.floor(i / SURNAMES.length) % GIVEN.length] ?? ['', '', ''];
    const number = String(100_000 + i);
    const grade = GRADES[i % 17 === 0 ? 2 : i % 3 === 0 ? 1 : 0] ?? GRADES[0];
    return {
      employee_number: number,
      name: `${surname} ${given}`,
      name_kana: `${surnameKana} ${givenKana}`,
      name_en: `${givenEn} ${ROMAJI[surname] ?? ''}`,
      login_id: `u${number}`,
      email: `u${number}@city.sendai.example.jp`,
      job_family_code: JOB_FAMILIES[i % 7 === 0 ? 1 + (i % 4) : 0]?.[0] ?? 'jimu',
      grade_code: grade?.[0] ?? 'shuji',
      hire_date: `${1990 + (i % 34)}-04-01`,
      ...unitsOf(i),
      post: grade?.[0] === 'kakaricho' ? '係長' : '',
      is_head: grade?.[0] === 'kakaricho' ? '1' : '0',
      starts_on: `${2020 + (i % 5)}-04-01`,
    };
  });
}

const toCsv = (rows: Row[]) =>
  Buffer.from(
    `\uFEFF${[ROSTER_COLUMN_NAMES.join(','), ...rows.map((r) => ROSTER_COLUMN_NAMES.map((c) => r[c]).join(','))].join('\r\n')}\r\n`,
  );

async function toXlsx(rows: Row[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('職員名簿');
  sheet.addRow(ROSTER_COLUMN_NAMES);
  for (const r of rows) sheet.addRow(ROSTER_COLUMN_NAMES.map((c) => r[c]));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** 10% of rows changed: promotions and transfers from 2025-04-01, and new e-mail addresses. */
function change(rows: Row[]): Row[] {
  return rows.map((r, i) => {
    if (i % 10 !== 0) return r;
    const kind = (i / 10) % 3;
    if (kind === 0)
      return { ...r, grade_code: r.grade_code === 'shuji' ? 'shunin' : 'kakaricho', starts_on: '2025-04-01' };
    if (kind === 1) return { ...r, ...unitsOf(i + 7), starts_on: '2025-04-01' };
    return { ...r, email: `new.${r.login_id}@city.sendai.example.jp` };
  });
}

const actor: Actor = {
  staffId: '00000000-0000-7000-8000-000000000000',
  sessionId: 'bench',
  roles: ['staff', 'hr_admin'],
  permissions: new Set(['roster:import:any']),
  teamPaths: [],
  overrideStaffIds: [],
  bureauIds: [],
};
const meta = { ip: null, requestId: 'bench' };

const results: { step: string; ms: number; note: string }[] = [];
async function time<T>(step: string, fn: () => Promise<T>, note: (r: T) => string): Promise<T> {
  const start = performance.now();
  const r = await fn();
  const ms = performance.now() - start;
  results.push({ step, ms, note: note(r) });
  console.info(`${step.padEnd(34)} ${ms.toFixed(0).padStart(7)} ms  ${note(r)}`);
  return r;
}

async function main() {
  const name = `bench_roster_${Date.now()}`;
  const admin = new pg.Client(pgConfigFromUrl(ADMIN_URL));
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  const url = withDatabase(ADMIN_URL, name);
  const db = createPrisma(url, 10);
  try {
    await time(
      'migrate + seed policy',
      () => prepareDatabase({ url, db }, { demo: false, sensitiveKeys: keyring(newKeyText()) }),
      (r) => `${r.applied.length} migrations`,
    );
    await db.grade.createMany({
      data: GRADES.map(([code, rank, nameJa, managerial]) => ({
        code,
        rank,
        nameJa,
        nameEn: code,
        managerial,
      })),
    });
    await db.jobFamily.createMany({
      data: JOB_FAMILIES.map(([code, nameJa]) => ({ code, nameJa, nameEn: code })),
    });

    const rows = generate(ROWS);
    const csv = toCsv(rows);
    const file = { name: 'roster.csv', contentType: 'text/csv', bytes: csv };
    console.info(`\n${ROWS} rows, CSV ${(csv.length / 1024 / 1024).toFixed(1)} MB\n`);
    const service = createRosterService({ db });

    await time(
      'parse + validate (CSV)',
      () => parseRoster(file),
      (p) => `${p.rows.length} valid, ${p.errors.length} errors`,
    );
    const xlsx = await toXlsx(rows);
    const xlsxFile = {
      name: 'roster.xlsx',
      contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      bytes: xlsx,
    };
    await time(
      `parse + validate (XLSX ${(xlsx.length / 1024 / 1024).toFixed(1)} MB)`,
      () => parseRoster(xlsxFile),
      (p) => `${p.rows.length} valid, ${p.errors.length} errors`,
    );
    const preview = await time(
      'preview (empty database)',
      () => service.previewRoster(actor, file),
      (p) => JSON.stringify(p.totals),
    );
    await time(
      'apply #1 (creates everything)',
      () => service.applyRoster(actor, file, preview.token, meta),
      (r) => `units +${r.units.created}, staff +${r.staff.created}, posts +${r.assignments.started}`,
    );
    await time(
      'preview again (all unchanged)',
      () => service.previewRoster(actor, file),
      (p) => JSON.stringify(p.totals),
    );
    await time(
      'apply #2 (same file: idempotent)',
      () => service.applyRoster(actor, file, preview.token, meta),
      (r) =>
        `unchanged ${r.totals.unchanged}, written: staff ${r.staff.created + r.staff.updated}, posts ${r.assignments.started + r.assignments.ended}`,
    );
    const changedFile = { name: 'roster-2025.csv', contentType: 'text/csv', bytes: toCsv(change(rows)) };
    const changed = await time(
      'preview (10% changed)',
      () => service.previewRoster(actor, changedFile),
      (p) => JSON.stringify(p.totals),
    );
    await time(
      'apply #3 (10% changed)',
      () => service.applyRoster(actor, changedFile, changed.token, meta),
      (r) =>
        `staff updated ${r.staff.updated}, posts ended ${r.assignments.ended} / started ${r.assignments.started}`,
    );
    // The changed roster again, as Excel: the workbook path end to end, nothing left to change.
    const changedXlsx = { ...xlsxFile, name: 'roster-2025.xlsx', bytes: await toXlsx(change(rows)) };
    await time(
      'preview + apply (XLSX, unchanged)',
      async () =>
        service.applyRoster(
          actor,
          changedXlsx,
          (await service.previewRoster(actor, changedXlsx)).token,
          meta,
        ),
      (r) => `update ${r.totals.update}, unchanged ${r.totals.unchanged}`,
    );
    // The first file once more: its posts now start before the current ones, so it is refused whole.
    await time(
      'apply the old file (refused)',
      () =>
        service.applyRoster(actor, file, preview.token, meta).then(
          () => 'applied?!',
          (e: unknown) => (e instanceof Error ? e.message : String(e)),
        ),
      (r) => r,
    );
    const counts = await Promise.all([db.staff.count(), db.orgUnit.count(), db.assignment.count()]);
    console.info(`\ndatabase: ${counts[0]} staff, ${counts[1]} units, ${counts[2]} assignments`);
  } finally {
    await db.$disconnect();
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
