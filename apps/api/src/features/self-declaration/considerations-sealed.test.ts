/**
 * The 配慮事項 encrypted at rest (decision 033): the table holds no plaintext, the three readers open
 * it, rows in clear and rows of an older key are sealed again at start, and a key that does not fit
 * gives a clear 503 — never a 500, never the text.
 */
import type { SelfDeclaration, SelfDeclarationRound } from '@portal/contracts';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/app.ts';
import {
  OTHER_SENSITIVE_KEY,
  TEST_SENSITIVE_KEY,
  TEST_SENSITIVE_KEYS,
} from '../../../test/sensitive-keys.ts';
import { today } from '../../access/access.ts';
import { parseEnv, resolveSensitiveKeys } from '../../env.ts';
import { keyring, seal, unseal } from '../../shared/sealed-text.ts';
import { actors, idOf } from '../career/career.test-helpers.ts';
import { createSelfDeclarationRepository } from './self-declaration.repository.ts';
import { sealConsiderations } from './use-cases/seal-considerations.ts';

const ctx = useTestApp();
const as = actors(() => ctx().app);
const shift = (days: number) => new Date(today().getTime() + days * 86_400_000).toISOString().slice(0, 10);
const HEALTH = '腰痛の通院（暗号化マーカー）';

let staffId = '';
let roundId = '';
let declarationId = '';
const declUrl = () => `/api/staff/${staffId}/self-declarations/${roundId}`;
/** Every row of the table as the database holds it, as text. */
const rawTable = async () =>
  JSON.stringify(
    await ctx().database.db.$queryRaw<unknown[]>`SELECT * FROM "self_declaration_consideration"`,
  );

beforeAll(async () => {
  const { db } = ctx().database;
  staffId = await idOf(db, 'demo-staff');
  const aoba = (await db.orgUnit.findUniqueOrThrow({ where: { code: 'aoba' } })).id;
  const created = await as('demo-hr').post('/api/self-declaration-rounds', {
    fiscalYear: 2026,
    title: { ja: '暗号化の回', en: 'Sealed round' },
    opensOn: shift(-1),
    closesOn: shift(10),
    bureauIds: [aoba],
  });
  roundId = created.json<SelfDeclarationRound>().id;
  const saved = await as('demo-staff').put(declUrl(), {
    version: 0,
    reflection: '振り返り',
    considerations: { health: HEALTH, care: '', family: '' },
  });
  expect(saved.statusCode).toBe(200);
  declarationId = saved.json<SelfDeclaration>().id ?? '';
});

describe('配慮事項 at rest', () => {
  it('the table holds ciphertext and its key id, no plaintext — also for the seeded rows', async () => {
    const { db } = ctx().database;
    expect(await rawTable()).not.toContain('暗号化マーカー');
    expect(await rawTable()).not.toContain('親の通院'); // a seeded 配慮事項 of the demo
    const row = await db.selfDeclarationConsideration.findUniqueOrThrow({ where: { declarationId } });
    expect(row).toMatchObject({
      keyId: TEST_SENSITIVE_KEYS.current.id,
      legacyHealth: null,
      legacyCare: null,
      legacyFamily: null,
    });
    expect(row.sealed).toMatch(/^[A-Za-z0-9+/]+=*$/);
    expect(await db.selfDeclarationConsideration.count({ where: { sealed: null } })).toBe(0);
    expect(await db.selfDeclarationConsideration.count()).toBeGreaterThan(1);
  });

  it('the three readers open it: the person, their 所属長 and HR, and HR’s sensitive export', async () => {
    for (const who of ['demo-staff', 'demo-supervisor', 'demo-hr']) {
      const res = await as(who).get(declUrl());
      expect(res.json<SelfDeclaration>().considerations?.health).toBe(HEALTH);
    }
    const csv = await as('demo-hr').get(
      `/api/self-declaration-rounds/${roundId}/export?format=csv&sensitive=true`,
    );
    expect(csv.body).toContain(HEALTH);
    const repo = createSelfDeclarationRepository(TEST_SENSITIVE_KEYS);
    const { db } = ctx().database;
    expect(await repo.consideration(db, declarationId)).toEqual({ health: HEALTH, care: '', family: '' });
    expect(await repo.considerationsOf(db, roundId)).toEqual([
      { staffId, health: HEALTH, care: '', family: '' },
    ]);
  });

  it('a ciphertext moved onto another row does not open (bound to its declaration)', () => {
    const box = seal(TEST_SENSITIVE_KEYS, 'x', 'declaration-a');
    expect(unseal(TEST_SENSITIVE_KEYS, box, 'declaration-a')).toBe('x');
    expect(() => unseal(TEST_SENSITIVE_KEYS, box, 'declaration-b')).toThrow(/does not match its key/);
  });
});

describe('sealing at start', () => {
  it('seals rows still in clear and re-seals an older key’s rows with the current key', async () => {
    const { db } = ctx().database;
    const other = await db.selfDeclaration.create({
      data: { roundId, staffId: await idOf(db, 'demo-staff-other'), reflection: '旧版の行' },
      select: { id: true },
    });
    await db.selfDeclarationConsideration.create({
      data: { declarationId: other.id, legacyCare: '平文の介護（移行マーカー）' },
    });
    expect(await rawTable()).toContain('移行マーカー');

    // the key is rotated: the new one seals, the former one (configured as old) still opens
    const rotated = keyring(OTHER_SENSITIVE_KEY, [TEST_SENSITIVE_KEY]);
    const { sealed } = await sealConsiderations(db, rotated);
    expect(sealed).toBe(await db.selfDeclarationConsideration.count());
    expect(await rawTable()).not.toContain('移行マーカー');
    expect(
      await db.selfDeclarationConsideration.count({ where: { keyId: { not: rotated.current.id } } }),
    ).toBe(0);
    const repo = createSelfDeclarationRepository(rotated);
    expect((await repo.consideration(db, other.id))?.care).toBe('平文の介護（移行マーカー）');
    expect((await repo.consideration(db, declarationId))?.health).toBe(HEALTH);

    // this app still has only the former key: a clear 503, not a 500, and nothing of the text
    const res = await as('demo-staff').get(declUrl());
    expect(res.statusCode).toBe(503);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toMatchObject({ status: 503, code: 'sensitive_data_unavailable' });
    expect(res.json().detail).toContain(rotated.current.id);
    expect(res.body).not.toContain('マーカー');

    // and a server with only that key refuses to start, naming the key id it lacks
    await expect(sealConsiderations(db, TEST_SENSITIVE_KEYS)).rejects.toThrow(rotated.current.id);
    await expect(sealConsiderations(db, null)).rejects.toThrow(/SENSITIVE_DATA_KEY must be set/);

    // back to the tests' key for whatever runs after
    await sealConsiderations(db, keyring(TEST_SENSITIVE_KEY, [OTHER_SENSITIVE_KEY]));
    expect((await as('demo-staff').get(declUrl())).json<SelfDeclaration>().considerations?.health).toBe(
      HEALTH,
    );
  });
});

describe('configuration', () => {
  it('refuses a key that is not 256 bits, naming the variable', () => {
    expect(() => parseEnv({ SENSITIVE_DATA_KEY: 'short' })).toThrow(/SENSITIVE_DATA_KEY: not a 256-bit key/);
    expect(() =>
      parseEnv({ SENSITIVE_DATA_KEY: TEST_SENSITIVE_KEY, SENSITIVE_DATA_OLD_KEYS: 'x,y' }),
    ).toThrow(/SENSITIVE_DATA_OLD_KEYS/);
  });

  it('a real installation has no key unless configured; demo mode keeps one in its data directory', async () => {
    const { mkdtemp, rm, readFile } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const dir = await mkdtemp(`${tmpdir()}/portal-keys-`);
    try {
      expect(
        await resolveSensitiveKeys(parseEnv({ DATABASE_URL: 'postgresql://x@localhost/db', DATA_DIR: dir })),
      ).toBeNull();
      const demo = parseEnv({ DATA_DIR: dir });
      const first = await resolveSensitiveKeys(demo);
      const again = await resolveSensitiveKeys(demo);
      expect(first?.current.id).toBe(again?.current.id);
      expect((await readFile(`${dir}/sensitive-data-key`, 'utf8')).trim()).toHaveLength(44);
      const configured = await resolveSensitiveKeys(
        parseEnv({ DATA_DIR: dir, SENSITIVE_DATA_KEY: TEST_SENSITIVE_KEY }),
      );
      expect(configured?.current.id).toBe(TEST_SENSITIVE_KEYS.current.id);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
