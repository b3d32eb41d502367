/** The k-threshold rules, proved over generated groups (fast-check), and what an answer keeps. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { redactNames, suppressGroups, suppressScope } from './suppression.ts';
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
