/**
 * The 配慮事項, kept apart from the declaration and sealed at rest: read only by `consideration`,
 * `considerationsOf` and `upsertConsideration` (decision 048), and (re)sealed at start-up
 * (`use-cases/seal-considerations.ts`, on the rows this repository hands it).
 */
import type { Db, Tx } from '../../db/client.ts';
import type { Prisma } from '../../generated/prisma/client.ts';
import { type Keyring, SealedTextError, seal, unseal } from '../../shared/sealed-text.ts';

type Client = Db | Tx;

export type ConsiderationColumns = { health: string; care: string; family: string };

const sealedSelect = {
  declarationId: true,
  sealed: true,
  keyId: true,
  legacyHealth: true,
  legacyCare: true,
  legacyFamily: true,
} as const satisfies Prisma.SelfDeclarationConsiderationSelect;
type SealedRow = Prisma.SelfDeclarationConsiderationGetPayload<{ select: typeof sealedSelect }>;

/** A row's 配慮事項 in clear: opened with the keys, or (a row not sealed yet) its legacy columns. */
function openConsideration(keys: Keyring | null, r: SealedRow): ConsiderationColumns {
  if (r.sealed === null || r.keyId === null) {
    return { health: r.legacyHealth ?? '', care: r.legacyCare ?? '', family: r.legacyFamily ?? '' };
  }
  const parsed: unknown = JSON.parse(unseal(keys, { sealed: r.sealed, keyId: r.keyId }, r.declarationId));
  const o = (parsed ?? {}) as Partial<Record<keyof ConsiderationColumns, unknown>>;
  const str = (v: unknown) => (typeof v === 'string' ? v : '');
  return { health: str(o.health), care: str(o.care), family: str(o.family) };
}

/** The columns that store `data` sealed (and no plaintext). */
function sealedColumns(keys: Keyring | null, declarationId: string, data: ConsiderationColumns) {
  const box = seal(
    keys,
    JSON.stringify({ health: data.health, care: data.care, family: data.family }),
    declarationId,
  );
  return { ...box, legacyHealth: null, legacyCare: null, legacyFamily: null };
}

/** `keys`: those that seal and open the 配慮事項 (`null`: none configured — they can be neither read nor written). */
export function createConsiderationRepository(keys: Keyring | null) {
  return {
    /** The 配慮事項 of one declaration. Call only for someone who may read them (decision 048). */
    async consideration(db: Client, declarationId: string): Promise<ConsiderationColumns | null> {
      const row = await db.selfDeclarationConsideration.findUnique({
        where: { declarationId },
        select: sealedSelect,
      });
      return row ? openConsideration(keys, row) : null;
    },

    /** Stores the 配慮事項 sealed; without a key, a 503 before anything is written. */
    async upsertConsideration(tx: Tx, declarationId: string, data: ConsiderationColumns) {
      if (!keys) throw new SealedTextError('key_missing');
      const columns = sealedColumns(keys, declarationId, data);
      await tx.selfDeclarationConsideration.upsert({
        where: { declarationId },
        create: { declarationId, ...columns },
        update: columns,
      });
    },

    /** How many 配慮事項 rows are stored, sealed or not. */
    countConsiderations(db: Client): Promise<number> {
      return db.selfDeclarationConsideration.count();
    },

    /** The key ids of sealed rows that none of `known` is. */
    async considerationKeyIdsNotIn(db: Client, known: string[]): Promise<(string | null)[]> {
      const rows = await db.selfDeclarationConsideration.groupBy({
        by: ['keyId'],
        where: { keyId: { notIn: known } },
        _count: true,
      });
      return rows.map((r) => r.keyId);
    },

    /** Up to `take` rows still in clear or sealed with another key than `currentKeyId`. */
    considerationsToSeal(db: Client, currentKeyId: string, take: number): Promise<SealedRow[]> {
      return db.selfDeclarationConsideration.findMany({
        where: { OR: [{ sealed: null }, { keyId: { not: currentKeyId } }] },
        select: sealedSelect,
        take,
      });
    },

    /** Seals `rows` (as `considerationsToSeal` read them) with the current key, in the caller's transaction. */
    async resealConsiderations(tx: Tx, rows: SealedRow[]): Promise<void> {
      if (!keys) throw new SealedTextError('key_missing');
      for (const r of rows) {
        await tx.selfDeclarationConsideration.update({
          where: { declarationId: r.declarationId },
          data: sealedColumns(keys, r.declarationId, openConsideration(keys, r)),
        });
      }
    },

    /** The 配慮事項 of a round's declarations, for HR's explicit sensitive export only (decision 048). */
    async considerationsOf(db: Client, roundId: string) {
      const rows = await db.selfDeclarationConsideration.findMany({
        where: { declaration: { roundId } },
        select: { ...sealedSelect, declaration: { select: { staffId: true } } },
      });
      return rows.map((r) => ({ staffId: r.declaration.staffId, ...openConsideration(keys, r) }));
    },
  };
}
