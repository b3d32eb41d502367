import { describe, expect, it } from 'vitest';
import { pageOf, pageWindow } from './page.ts';

describe('pageOf', () => {
  it('reads the window of the page asked for and the total', async () => {
    const list = Array.from({ length: 23 }, (_, i) => i);
    const windows: { skip: number; take: number }[] = [];
    const read = (page: number) =>
      pageOf(page, 10, {
        rows: async (w) => {
          windows.push(w);
          return list.slice(w.skip, w.skip + w.take);
        },
        count: async () => list.length,
      });
    expect(await read(1)).toEqual({ items: list.slice(0, 10), total: 23 });
    expect(await read(3)).toEqual({ items: [20, 21, 22], total: 23 });
    expect(await read(4)).toEqual({ items: [], total: 23 });
    expect(windows).toEqual([
      { skip: 0, take: 10 },
      { skip: 20, take: 10 },
      { skip: 30, take: 10 },
    ]);
  });

  it('starts the count without waiting for the rows', async () => {
    const order: string[] = [];
    let release: () => void = () => {};
    const rowsDone = new Promise<void>((resolve) => {
      release = resolve;
    });
    const page = pageOf(1, 5, {
      rows: async () => {
        order.push('rows');
        await rowsDone;
        return ['a'];
      },
      count: async () => {
        order.push('count');
        release();
        return 1;
      },
    });
    expect(await page).toEqual({ items: ['a'], total: 1 });
    expect(order).toEqual(['rows', 'count']);
  });

  it('windows from page 1', () => {
    expect(pageWindow(1, 50)).toEqual({ skip: 0, take: 50 });
    expect(pageWindow(2, 50)).toEqual({ skip: 50, take: 50 });
  });
});
