/**
 * The one-click unsubscribe link: a person and the categories a mail was about, signed with the
 * portal's secret (HMAC-SHA-256, 128 bits kept), so it works without signing in and cannot be made
 * for someone else. Short enough for a path segment: the person's id as 16 bytes, a byte per category.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { NOTIFICATION_CATEGORIES, type NotificationCategory } from '@portal/contracts';

export type Unsubscribe = { staffId: string; categories: NotificationCategory[] };

const sign = (secret: string, body: string) =>
  createHmac('sha256', `unsubscribe:${secret}`).update(body).digest().subarray(0, 16).toString('base64url');

export function unsubscribeToken(secret: string, u: Unsubscribe): string {
  const id = Buffer.from(u.staffId.replace(/-/g, ''), 'hex');
  const cats = [...new Set(u.categories)].map((c) => NOTIFICATION_CATEGORIES.indexOf(c));
  const body = Buffer.concat([id, Buffer.from(cats)]).toString('base64url');
  return `${body}.${sign(secret, body)}`;
}

/** The person and categories, or null when the token is not one the portal signed. */
export function readUnsubscribeToken(secret: string, token: string): Unsubscribe | null {
  const [body, sig, ...rest] = token.split('.');
  if (!body || !sig || rest.length) return null;
  const expected = Buffer.from(sign(secret, body));
  const given = Buffer.from(sig);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  const bytes = Buffer.from(body, 'base64url');
  if (bytes.length < 17) return null;
  const hex = bytes.subarray(0, 16).toString('hex');
  const staffId = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  const categories = [...bytes.subarray(16)].map((i) => NOTIFICATION_CATEGORIES[i]);
  if (categories.some((c) => c === undefined)) return null;
  return { staffId, categories: categories as NotificationCategory[] };
}
