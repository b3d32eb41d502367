import { describe, expect, it } from 'vitest';
import { formatList } from './list.ts';

describe('formatList', () => {
  it('joins with the reader’s conventions', () => {
    expect(formatList(['主事', '主任', '係長'], 'ja')).toBe('主事、主任、係長');
    expect(formatList(['Clerk', 'Senior clerk', 'Chief'], 'en')).toBe('Clerk, Senior clerk, and Chief');
    expect(formatList([], 'ja')).toBe('');
  });
});
