/**
 * Invitation letters for HR to hand out where mail is off: a CSV (for a mail merge) with the 和暦 date.
 */
import type { Invitation } from '@portal/contracts';

const wareki = (iso: string) =>
  new Intl.DateTimeFormat('ja-JP-u-ca-japanese', {
    era: 'long',
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'Asia/Tokyo',
  }).format(new Date(iso));

const cell = (v: string) =>
  /[",\r\n]/.test(v) || /^[=+\-@]/.test(v)
    ? `"${(/^[=+\-@]/.test(v) ? `'${v}` : v).replace(/"/g, '""')}"`
    : v;

/** UTF-8 with a byte-order mark, so that Excel opens the Japanese names correctly. */
export function invitationsCsv(items: Invitation[]): string {
  const header = ['login_id', 'name', 'url', 'expires_at', 'expires_at_ja'];
  const rows = items.map((i) => [i.loginId, i.name, i.url, i.expiresAt, wareki(i.expiresAt)]);
  return `\uFEFF${[header, ...rows].map((r) => r.map(cell).join(',')).join('\r\n')}\r\n`;
}
