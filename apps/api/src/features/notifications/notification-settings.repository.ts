/** Each person's mail choices per category (no row: the default). */
import type { MailMode, NotificationCategory } from '@portal/contracts';
import type { Db, Tx } from '../../db/client.ts';

type Client = Db | Tx;

export async function settingsOf(
  client: Client,
  staffIds: readonly string[],
): Promise<Map<string, Map<string, string>>> {
  const out = new Map<string, Map<string, string>>();
  if (!staffIds.length) return out;
  const rows = await client.notificationSetting.findMany({
    where: { staffId: { in: [...new Set(staffIds)] } },
    select: { staffId: true, category: true, mode: true },
  });
  for (const r of rows) {
    const m = out.get(r.staffId) ?? new Map<string, string>();
    m.set(r.category, r.mode);
    out.set(r.staffId, m);
  }
  return out;
}

export async function saveSettings(
  client: Client,
  staffId: string,
  modes: Partial<Record<NotificationCategory, MailMode>>,
): Promise<void> {
  for (const [category, mode] of Object.entries(modes)) {
    if (!mode) continue;
    await client.notificationSetting.upsert({
      where: { staffId_category: { staffId, category } },
      create: { staffId, category, mode },
      update: { mode },
    });
  }
}

export async function hasMailAddress(client: Client, staffId: string): Promise<boolean> {
  const s = await client.staff.findUnique({ where: { id: staffId }, select: { email: true } });
  return !!s?.email;
}

export async function staffExists(client: Client, staffId: string): Promise<boolean> {
  return (await client.staff.count({ where: { id: staffId } })) > 0;
}
