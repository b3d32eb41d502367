import { describe, expect, it } from 'vitest';
import { notificationLine } from './notification-mail.ts';

describe('notificationLine', () => {
  it("writes a survey reminder's closing day in each language's calendar", () => {
    const line = notificationLine({
      kind: 'survey.reminder',
      link: '/surveys/x/answer',
      params: { title: '職場の調査', closesOn: '2026-12-10' },
    });
    expect(line.ja).toContain('（令和8年12月10日まで）');
    expect(line.en).toContain('(open until 10 December 2026)');
  });
});
