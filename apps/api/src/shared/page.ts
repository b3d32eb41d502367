/**
 * A page of a list and the list's total, the one way repositories page: `rows` reads the page's window
 * (`skip`, `take`: page `page`, from 1, of `pageSize`), `count` the whole list, side by side.
 */
export type PageWindow = { skip: number; take: number };

export function pageWindow(page: number, pageSize: number): PageWindow {
  return { skip: (page - 1) * pageSize, take: pageSize };
}

export async function pageOf<T>(
  page: number,
  pageSize: number,
  read: { rows: (window: PageWindow) => Promise<T[]>; count: () => Promise<number> },
): Promise<{ items: T[]; total: number }> {
  const [items, total] = await Promise.all([read.rows(pageWindow(page, pageSize)), read.count()]);
  return { items, total };
}
