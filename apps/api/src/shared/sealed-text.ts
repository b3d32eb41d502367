/**
 * Encryption at rest for the few texts the portal must not hold in clear (the 配慮事項, decision 033):
 * AES-256-GCM with a key from the environment, the key's id stored beside each ciphertext so that a
 * new key can take over while the old ones still open what they sealed. The additional data binds a
 * ciphertext to its row, so a sealed text copied onto another person's row does not open.
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { AppError } from './errors.ts';

export type SealingKey = { id: string; key: Buffer };
/** The key that seals, and every key that may open (the current one among them). */
export type Keyring = { current: SealingKey; byId: ReadonlyMap<string, SealingKey> };
export type Sealed = { keyId: string; sealed: string };

const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * A key from its configured text: 32 bytes as base64 (44 characters) or hex (64). Its id is the
 * start of its SHA-256, so nobody has to name keys and an id never reveals the key.
 */
export function sealingKey(text: string): SealingKey {
  const t = text.trim();
  const key = /^[0-9a-f]{64}$/i.test(t) ? Buffer.from(t, 'hex') : Buffer.from(t, 'base64');
  if (key.length !== 32) {
    throw new Error('not a 256-bit key: give 32 random bytes as base64 (e.g. `openssl rand -base64 32`)');
  }
  return { id: createHash('sha256').update(key).digest('hex').slice(0, 16), key };
}

export function keyring(current: string, old: readonly string[] = []): Keyring {
  const cur = sealingKey(current);
  const byId = new Map<string, SealingKey>(old.map((o) => sealingKey(o)).map((k) => [k.id, k]));
  byId.set(cur.id, cur);
  return { current: cur, byId };
}

/** A fresh random key as base64 (the demo's, kept in its data directory). */
export const newKeyText = () => randomBytes(32).toString('base64');

/** A sealed text cannot be opened: its key is not configured, or it was altered. Never a 500, never the text. */
export class SealedTextError extends AppError {
  constructor(reason: 'key_missing' | 'unknown_key' | 'tampered', keyId?: string) {
    super(
      503,
      'sensitive_data_unavailable',
      reason === 'key_missing'
        ? 'Sensitive data cannot be stored or read: the server has no SENSITIVE_DATA_KEY.'
        : reason === 'unknown_key'
          ? `Sensitive data was encrypted with a key this server does not have (key id ${keyId}).`
          : 'Sensitive data could not be decrypted: it does not match its key.',
    );
  }
}

export function seal(ring: Keyring | null, plaintext: string, boundTo: string): Sealed {
  if (!ring) throw new SealedTextError('key_missing');
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', ring.current.key, iv);
  cipher.setAAD(Buffer.from(boundTo, 'utf8'));
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return {
    keyId: ring.current.id,
    sealed: Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64'),
  };
}

export function unseal(ring: Keyring | null, box: Sealed, boundTo: string): string {
  if (!ring) throw new SealedTextError('key_missing');
  const k = ring.byId.get(box.keyId);
  if (!k) throw new SealedTextError('unknown_key', box.keyId);
  const raw = Buffer.from(box.sealed, 'base64');
  try {
    const decipher = createDecipheriv('aes-256-gcm', k.key, raw.subarray(0, IV_BYTES));
    decipher.setAAD(Buffer.from(boundTo, 'utf8'));
    decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    return Buffer.concat([decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString(
      'utf8',
    );
  } catch {
    throw new SealedTextError('tampered', box.keyId);
  }
}
