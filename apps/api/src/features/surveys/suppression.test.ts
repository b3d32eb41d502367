/** The k-threshold rules, proved over generated groups (fast-check), and what an answer keeps. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CITY, redactNames, suppressGroups, suppressInTree, suppressScope } from './suppression.ts';
import { coarsen } from './survey.attributes.ts';

const groupsArb = fc.dictionary(fc.string({ minLength: 1, maxLength: 4 }), fc.integer({ min: 0, max: 40 }), {
  maxKeys: 12,
});

describe('suppressGroups', () => {
  it('never shows a group below k, and (for a whole of at least k) the hidden together are 0 or at least k', () => {
    fc.assert(
      fc.property(groupsArb, fc.integer({ min: 5, max: 12 }), (dict, k) => {
        const groups = new Map(Object.entries(dict));
        const hidden = suppressGroups(groups, k);
        let hiddenTotal = 0;
        for (const [key, n] of groups) {
          if (n > 0 && n < k) expect(hidden.get(key)).toBe('below_k');
          if (hidden.has(key)) hiddenTotal += n;
        }
        // total − the shown groups is what differencing can learn: never 1 … k−1 people (a whole
        // below k shows nothing at all: suppressScope)
        const total = [...groups.values()].reduce((a, b) => a + b, 0);
        if (total >= k) expect(hiddenTotal === 0 || hiddenTotal >= k).toBe(true);
      }),
    );
  });

  it('hides nothing more than it must: with no small group, every group shows', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string({ minLength: 1 }), fc.integer({ min: 5, max: 50 })), (dict) => {
        expect(suppressGroups(new Map(Object.entries(dict)), 5).size).toBe(0);
      }),
    );
  });

  it('groups of k−1 and k: the first hidden, the second shown unless needed as a complement', () => {
    expect(
      suppressGroups(
        new Map([
          ['a', 5],
          ['b', 4],
          ['c', 1],
        ]),
        5,
      ),
    ).toEqual(
      new Map([
        ['b', 'below_k'],
        ['c', 'below_k'],
      ]),
    );
    expect(
      suppressGroups(
        new Map([
          ['a', 5],
          ['b', 4],
          ['c', 6],
        ]),
        5,
      ),
    ).toEqual(
      new Map([
        ['b', 'below_k'],
        ['a', 'complement'],
      ]),
    );
  });
});

describe('suppressScope', () => {
  it('stops drill-down below k and where the parent minus the scope leaves 1 … k−1', () => {
    expect(suppressScope(4, null, 5)).toBe('below_k');
    expect(suppressScope(5, null, 5)).toBeNull();
    expect(suppressScope(5, 5, 5)).toBeNull();
    expect(suppressScope(5, 9, 5)).toBe('complement');
    expect(suppressScope(5, 10, 5)).toBeNull();
  });
});

describe('coarsen', () => {
  const me = { bureauId: 'b', gradeBand: 'staff', serviceBand: 'lt3', young: true };
  const level = (unitId: string, n: number, same = n) => ({
    unitId,
    kind: 'x',
    n,
    sameGrade: same,
    sameService: same,
    sameYoung: same,
  });
  it('keeps the deepest unit where k people share every attribute', () => {
    const a = {
      me,
      levels: [level('section', 4), level('division', 9, 6), level('b', 21)],
      city: level('', 300),
    };
    expect(coarsen(a, 5)).toEqual({ ...me, unitId: 'division' });
  });
  it('drops an attribute too rare even in the 局・区, and the 局・区 when it is below k', () => {
    const rare = {
      me,
      levels: [level('b', 21, 3)],
      city: { n: 300, sameGrade: 40, sameService: 40, sameYoung: 40 },
    };
    expect(coarsen(rare, 5)).toEqual({
      bureauId: 'b',
      unitId: 'b',
      gradeBand: null,
      serviceBand: null,
      young: null,
    });
    const tiny = {
      me,
      levels: [level('b', 3)],
      city: { n: 300, sameGrade: 40, sameService: 2, sameYoung: 40 },
    };
    expect(coarsen(tiny, 5)).toEqual({
      bureauId: null,
      unitId: null,
      gradeBand: 'staff',
      serviceBand: null,
      young: true,
    });
  });
});

describe('redactNames', () => {
  it('removes a name before an honorific or title, English names after Mr/Ms, mails and numbers', () => {
    expect(redactNames('田中さんと鈴木係長に感謝')).toBe('＊＊さんと＊＊係長に感謝');
    expect(redactNames('Thanks to Ms. Sato')).toBe('Thanks to Ms. ＊＊');
    expect(redactNames('連絡は a.b@example.jp か 022-214-1234')).toBe('連絡は ＊＊ か ＊＊');
  });
});

/** A random hierarchy (局・区 → 部 → 課 …): each unit's parent comes before it; respondents placed in each. */
const treeArb = fc
  .array(fc.record({ parent: fc.nat(), direct: fc.integer({ min: 0, max: 12 }), root: fc.boolean() }), {
    minLength: 1,
    maxLength: 16,
  })
  .map((nodes) => {
    const parentOf = new Map<string, string>();
    const direct = new Map<string, number>();
    nodes.forEach((n, i) => {
      const id = `u${i}`;
      parentOf.set(id, i === 0 || n.root ? CITY : `u${n.parent % i}`);
      direct.set(id, n.direct);
    });
    return { parentOf, direct };
  });

describe('suppressInTree (drill-down at every level)', () => {
  it('no shown unit differs from a shown unit above it, nor from its shown children, by 1 … k−1', () => {
    fc.assert(
      fc.property(
        treeArb,
        fc.integer({ min: 0, max: 6 }),
        fc.integer({ min: 5, max: 8 }),
        (tree, cityOwn, k) => {
          const direct = new Map(tree.direct).set(CITY, cityOwn);
          const ids = [...tree.parentOf.keys()];
          const total = (id: string): number =>
            (direct.get(id) ?? 0) +
            ids.filter((c) => tree.parentOf.get(c) === id).reduce((a, c) => a + total(c), 0);
          const shown = new Set(ids.filter((id) => suppressInTree(tree.parentOf, direct, id, k) === null));
          if (total(CITY) >= k) shown.add(CITY);
          const small = (d: number) => d > 0 && d < k;
          for (const id of shown) {
            if (id === CITY) continue;
            expect(total(id)).toBeGreaterThanOrEqual(k);
            // every shown unit above it
            for (let up = tree.parentOf.get(id) ?? CITY; ; up = tree.parentOf.get(up) ?? CITY) {
              if (shown.has(up)) expect(small(total(up) - total(id))).toBe(false);
              if (up === CITY) break;
            }
          }
          // a shown unit minus its shown children (what the drill-down lists) never leaves 1 … k−1
          for (const p of shown) {
            const kids = ids.filter((c) => (tree.parentOf.get(c) ?? CITY) === p && shown.has(c));
            expect(small(total(p) - kids.reduce((a, c) => a + total(c), 0))).toBe(false);
          }
        },
      ),
    );
  });

  it('k−1 in a unit hides it; its sibling of k is hidden too when nothing else is left to hide with', () => {
    const parentOf = new Map([
      ['bureau', CITY],
      ['a', 'bureau'],
      ['b', 'bureau'],
      ['b1', 'b'],
    ]);
    const direct = new Map([
      ['a', 4],
      ['b1', 5],
      ['other', 0],
    ]);
    expect(suppressInTree(parentOf, direct, 'a', 5)).toBe('below_k');
    // bureau (9) − b (5) = 4: b would reveal a; and b1 = b, so b1 with it (two levels down)
    expect(suppressInTree(parentOf, direct, 'b', 5)).toBe('complement');
    expect(suppressInTree(parentOf, direct, 'b1', 5)).toBe('complement');
    // with a second bureau of 5 the city shows; the bureau of 9 shows beside it
    const wider = new Map(parentOf).set('bureau2', CITY);
    expect(suppressInTree(wider, new Map(direct).set('bureau2', 5), 'bureau', 5)).toBeNull();
    // a of 5: every level shows
    expect(suppressInTree(parentOf, new Map(direct).set('a', 5), 'b1', 5)).toBeNull();
  });
});
