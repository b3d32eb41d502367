import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildOrgTree, filterOrgTree, visibleOrgNodes } from './lib/org-tree.ts';
import { loadIdentityPages, orgUnits, renderAt, serve, uuid } from './testing/serve.tsx';

beforeAll(loadIdentityPages);

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('the organisation as a tree', () => {
  it('nests units by parent and orders each level by position', () => {
    const roots = buildOrgTree(orgUnits);
    expect(roots.map((n) => n.unit.code)).toEqual(['somu', 'aoba']);
    expect(roots[0]?.children[0]?.children.map((n) => [n.unit.code, n.level])).toEqual([
      ['somu-1-1', 3],
      ['somu-1-2', 3],
    ]);
    const open = new Set([uuid(1), uuid(2)]);
    expect(visibleOrgNodes(roots, open).map((n) => n.unit.code)).toEqual([
      'somu',
      'somu-1',
      'somu-1-1',
      'somu-1-2',
      'aoba',
    ]);
  });

  it('filters by name, English name or code, keeping the way to each match open', () => {
    const roots = buildOrgTree(orgUnits);
    const found = filterOrgTree(roots, '文書');
    expect(found.matches).toBe(1);
    expect([...found.expand].sort()).toEqual([uuid(1), uuid(2), uuid(3)]);
    expect(visibleOrgNodes(found.roots, found.expand).map((n) => n.unit.code)).toEqual([
      'somu',
      'somu-1',
      'somu-1-1',
      'somu-1-1-2',
    ]);
    expect(filterOrgTree(roots, 'residents').matches).toBe(1);
    expect(filterOrgTree(roots, 'ＡＯＢＡ').matches).toBe(2);
    expect(filterOrgTree(roots, '').roots).toHaveLength(2);
  });
});

describe('org page', () => {
  const treeItem = (name: string) => screen.getByRole('treeitem', { name: new RegExp(`^${name}`) });
  const key = (k: string) => act(() => fireEvent.keyDown(document.activeElement as Element, { key: k }));

  it('moves, opens and closes with the arrow keys, as the WAI-ARIA tree pattern says', async () => {
    serve([['GET', /^\/api\/org-units$/, () => ({ items: orgUnits })]]);
    renderAt('/org');
    const tree = await screen.findByRole('tree', { name: '組織図' });
    const items = within(tree).getAllByRole('treeitem');
    // One tab stop: the first unit.
    expect(items.map((i) => i.getAttribute('tabindex'))).toEqual(['0', '-1']);
    const somu = treeItem('総務局');
    expect(somu.getAttribute('aria-expanded')).toBe('false');
    expect(somu.getAttribute('aria-level')).toBe('1');
    expect(somu.getAttribute('aria-posinset')).toBe('1');
    expect(somu.getAttribute('aria-setsize')).toBe('2');
    act(() => somu.focus());

    key('ArrowDown');
    expect(document.activeElement).toBe(treeItem('青葉区'));
    key('ArrowUp');
    expect(document.activeElement).toBe(somu);

    key('ArrowRight'); // opens, stays
    expect(somu.getAttribute('aria-expanded')).toBe('true');
    expect(document.activeElement).toBe(somu);
    key('ArrowRight'); // enters
    expect(document.activeElement).toBe(treeItem('総務部'));
    expect(treeItem('総務部').getAttribute('aria-level')).toBe('2');
    expect(treeItem('総務部').getAttribute('tabindex')).toBe('0');
    expect(somu.getAttribute('tabindex')).toBe('-1');
    key('ArrowRight');
    key('ArrowRight');
    expect(document.activeElement).toBe(treeItem('総務課'));
    key('ArrowDown');
    expect(document.activeElement).toBe(treeItem('人材育成課'));

    key('End');
    expect(document.activeElement).toBe(treeItem('青葉区'));
    key('Home');
    expect(document.activeElement).toBe(somu);
    key('End');
    key('ArrowUp');
    expect(document.activeElement).toBe(treeItem('人材育成課'));
    key('ArrowLeft'); // a leaf: to its parent
    expect(document.activeElement).toBe(treeItem('総務部'));
    key('ArrowLeft'); // open: closes
    expect(treeItem('総務部').getAttribute('aria-expanded')).toBe('false');
    expect(screen.queryByRole('treeitem', { name: /^総務課/ })).toBeNull();
    key('ArrowLeft');
    expect(document.activeElement).toBe(somu);
    key('ArrowLeft');
    expect(somu.getAttribute('aria-expanded')).toBe('false');

    key('*'); // every sibling with children opens
    expect(somu.getAttribute('aria-expanded')).toBe('true');
    expect(treeItem('青葉区').getAttribute('aria-expanded')).toBe('true');
  });

  it('selects a unit with Enter and links to its staff', async () => {
    serve([['GET', /^\/api\/org-units$/, () => ({ items: orgUnits })]]);
    renderAt('/org');
    const ward = await screen.findByRole('treeitem', { name: /^青葉区/ });
    act(() => ward.focus());
    key('Enter');
    expect(ward.getAttribute('aria-selected')).toBe('true');
    expect(screen.getByRole('heading', { level: 2, name: '青葉区' })).toBeTruthy();
    const link = screen.getByRole('link', { name: '青葉区の職員を見る' });
    expect(link.getAttribute('href')).toBe(`/staff?unit=${uuid(7)}`);
    expect(screen.getByText('2人')).toBeTruthy();
  });

  it('filters, opening the way to what it found and announcing the count', async () => {
    serve([['GET', /^\/api\/org-units$/, () => ({ items: orgUnits })]]);
    renderAt('/org');
    await screen.findByRole('tree');
    act(() => fireEvent.change(screen.getByLabelText('組織名で絞り込む'), { target: { value: '文書' } }));
    expect(await screen.findByText('1件の組織が見つかりました。')).toBeTruthy();
    await waitFor(() => expect(screen.getByRole('treeitem', { name: /^文書係/ })).toBeTruthy());
    expect(screen.queryByRole('treeitem', { name: /^青葉区/ })).toBeNull();
    expect(treeItem('総務課').getAttribute('aria-expanded')).toBe('true');

    act(() =>
      fireEvent.change(screen.getByLabelText('組織名で絞り込む'), { target: { value: 'どこにもない' } }),
    );
    expect(await screen.findByText('条件に合う組織はありません。')).toBeTruthy();
  });
});
