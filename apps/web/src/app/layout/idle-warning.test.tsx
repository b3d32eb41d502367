import { QueryClient } from '@tanstack/react-query';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { markAnswered } from '../../shared/api/activity.ts';
import { createTestI18n } from '../../shared/test/i18n.ts';
import { meFixture } from '../../shared/test/me.ts';
import { AppProvider } from '../provider.tsx';
import { IdleWarning, idleSecondsLeft, warnAhead } from './idle-warning.tsx';

afterEach(() => {
  vi.unstubAllGlobals();
  markAnswered();
});

describe('the idle warning', () => {
  it('counts from the last answer, with a minute for the server’s lag, and warns five minutes ahead', () => {
    const now = Date.parse('2026-06-15T10:00:00Z');
    expect(idleSecondsLeft(1800, now, now)).toBe(1740);
    expect(idleSecondsLeft(1800, now - 25 * 60_000, now)).toBe(240);
    expect(warnAhead(1800)).toBe(300);
    expect(warnAhead(600)).toBe(100);
  });

  it('offers to stay signed in when the session is about to end, and renews it', async () => {
    const me = meFixture(['staff']);
    const calls: string[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (input: RequestInfo | URL) => {
        calls.push(String(input));
        return Response.json(me);
      }),
    );
    const queryClient = new QueryClient();
    queryClient.setQueryData(['auth', 'me'], { ...me, session: { ...me.session, idleTimeoutSeconds: 1800 } });
    markAnswered(Date.now() - 26 * 60_000);
    render(
      <AppProvider queryClient={queryClient} i18n={createTestI18n({ language: 'ja' })}>
        <IdleWarning />
      </AppProvider>,
    );
    const dialog = await screen.findByRole('alertdialog', { name: 'まもなくサインインの有効期限が切れます' });
    expect(dialog.textContent).toMatch(/あと約3分/);
    const stay = screen.getByRole('button', { name: 'サインインを続ける' });
    await waitFor(() => expect(document.activeElement).toBe(stay));
    fireEvent.click(stay);
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    expect(calls).toEqual(['/api/me']);
  });
});
