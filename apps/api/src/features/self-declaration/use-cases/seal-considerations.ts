/**
 * Seals every 配慮事項 row still in clear (written before encryption at rest) and re-seals those of
 * an older key with the current one, a batch at a time, each batch one system transaction; refuses
 * (throws) when rows exist that these keys cannot handle — no key at all, or a key id none of them
 * has. Run when the server starts (decision 033).
 */
import type { Db } from '../../../db/client.ts';
import type { Keyring } from '../../../shared/sealed-text.ts';
import { systemWrite } from '../../../shared/write.ts';
import { createConsiderationRepository } from '../considerations.repository.ts';

const BATCH = 200;

export async function sealConsiderations(db: Db, keys: Keyring | null): Promise<{ sealed: number }> {
  const repo = createConsiderationRepository(keys);
  if (!keys) {
    const n = await repo.countConsiderations(db);
    if (n > 0) {
      throw new Error(
        `SENSITIVE_DATA_KEY must be set: the database holds ${n} encrypted or not yet encrypted 配慮事項 (see README, "Running it for real").`,
      );
    }
    return { sealed: 0 };
  }
  const unknown = await repo.considerationKeyIdsNotIn(db, [...keys.byId.keys()]);
  if (unknown.length) {
    throw new Error(
      `配慮事項 are encrypted with key id(s) ${unknown.join(', ')}, which neither SENSITIVE_DATA_KEY nor SENSITIVE_DATA_OLD_KEYS has. Configure the key they were sealed with.`,
    );
  }
  let sealed = 0;
  for (;;) {
    const rows = await repo.considerationsToSeal(db, keys.current.id, BATCH);
    if (!rows.length) return { sealed };
    await systemWrite(db, (tx) => repo.resealConsiderations(tx, rows));
    sealed += rows.length;
  }
}
