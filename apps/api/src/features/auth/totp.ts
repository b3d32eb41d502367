/**
 * TOTP (RFC 6238: SHA-1, 6 digits, 30 s — what every authenticator app reads) and recovery codes.
 */
import { createHash, randomInt } from 'node:crypto';
import { Secret, TOTP } from 'otpauth';
import QRCode from 'qrcode';

const ISSUER = '人材育成ポータル';

export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

function totp(secret: string, label: string): TOTP {
  return new TOTP({
    issuer: ISSUER,
    label,
    algorithm: 'SHA1',
    digits: 6,
    period: 30,
    secret: Secret.fromBase32(secret),
  });
}

export function totpUri(secret: string, label: string): string {
  return totp(secret, label).toString();
}

/** One step either side, for clocks a little apart. */
export function checkTotp(secret: string, code: string): boolean {
  return totpStep(secret, code) !== null;
}

/**
 * The time step (unix time / 30 s) a code belongs to, or null when it is wrong. The caller takes the
 * step once (`takeTotpStep`), so that a code seen over a shoulder cannot be used again in its window.
 */
export function totpStep(secret: string, code: string, now = Date.now()): number | null {
  const token = code.replace(/\s+/g, '');
  if (!/^\d{6}$/.test(token)) return null;
  const delta = totp(secret, 'check').validate({ token, window: 1, timestamp: now });
  return delta === null ? null : Math.floor(now / 30_000) + delta;
}

export function qrSvg(text: string): Promise<string> {
  return QRCode.toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
}

const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** Ten codes of ten characters (`ABCDE-FGHJK`), about 50 bits each. */
export function newRecoveryCodes(): string[] {
  return Array.from({ length: 10 }, () => {
    const chars = Array.from({ length: 10 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
    return `${chars.slice(0, 5)}-${chars.slice(5)}`;
  });
}

export function hashRecoveryCode(code: string): string {
  const normal = code.toUpperCase().replace(/[^A-Z0-9]/g, '');
  return createHash('sha256').update(normal).digest('hex');
}

export const looksLikeRecoveryCode = (code: string) => /^[A-Za-z0-9]{5}-?[A-Za-z0-9]{5}$/.test(code.trim());
