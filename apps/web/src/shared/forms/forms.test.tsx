/**
 * The one way forms say what is wrong: messages from the translation files by the problem's code and
 * params, the field marked and described, focus on the first bad field — shown on the session form,
 * with only `fetch` stubbed.
 */
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppProvider } from '../../app/provider.tsx';
import { SessionForm } from '../../features/training/components/session-form.tsx';
import { en, ja } from '../../locales/index.ts';
import { createTestI18n } from '../test/i18n.ts';
import { CharCount } from './char-count.tsx';
import { validationKeys } from './validation-message.ts';

afterEach(() => {
  vi.unstubAllGlobals();
});

function renderSessionForm(language: 'ja' | 'en' = 'ja') {
  render(
    <AppProvider i18n={createTestI18n({ language })}>
      <SessionForm trainingId="00000000-0000-4000-8000-000000000001" />
    </AppProvider>,
  );
}

/** The texts the field is described by, in order. */
function description(field: HTMLElement): string {
  return (field.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .filter(Boolean)
    .map((id) => document.getElementById(id)?.textContent ?? `missing #${id}`)
    .join(' ');
}

/** Answers every POST with this problem, recording what was sent. */
function stubProblem(problem: object) {
  const sent: unknown[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (_input: RequestInfo | URL, init?: RequestInit) => {
      sent.push(JSON.parse(String(init?.body)));
      return new Response(JSON.stringify(problem), {
        status: 400,
        headers: { 'content-type': 'application/problem+json' },
      });
    }),
  );
  return sent;
}

describe('validation messages', () => {
  it('pick the most specific translation key for a code and its params', () => {
    expect(validationKeys({ code: 'too_small', params: { minimum: 1, origin: 'string' } })[0]).toBe(
      'validation.required',
    );
    expect(validationKeys({ code: 'too_big', params: { maximum: 200, origin: 'string' } })).toEqual([
      'validation.too_big_string',
      'validation.too_big',
      'validation.invalid',
    ]);
    expect(
      validationKeys({ code: 'too_small', params: { minimum: 0, origin: 'number', inclusive: 'no' } })[0],
    ).toBe('validation.too_small_number_exclusive');
    expect(validationKeys({})).toEqual(['validation.invalid', 'validation.invalid']);
  });

  it('exist for every code in both languages', () => {
    const keys = Object.keys((ja as { validation: object }).validation);
    expect(keys.length).toBeGreaterThan(20);
    expect(Object.keys((en as { validation: object }).validation).sort()).toEqual([...keys].sort());
  });
});

describe('a form with bad input', () => {
  it('refuses empty dates before sending, marks each field and moves focus to the first', async () => {
    const sent = stubProblem({});
    renderSessionForm();
    fireEvent.click(screen.getByRole('button', { name: '日程を追加する' }));

    const start = screen.getByLabelText('開始日時');
    await waitFor(() => expect(document.activeElement).toBe(start));
    expect(start.getAttribute('aria-invalid')).toBe('true');
    expect(description(start)).toBe('入力してください。');
    expect(screen.getByLabelText('終了日時').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByRole('alert').textContent).toContain('入力内容を確かめてください');
    expect(sent).toHaveLength(0);
  });

  it('says in Japanese what the API refused, never its English text', async () => {
    const sent = stubProblem({
      type: 'about:blank#validation',
      title: 'Bad Request',
      status: 400,
      code: 'validation',
      detail: 'The request has invalid fields.',
      errors: [
        { field: 'body.endsAt', message: 'must be after startsAt', code: 'ends_before_start' },
        {
          field: 'body.venue',
          message: 'Too small: expected string to have >=1 characters',
          code: 'too_big',
          params: { maximum: 200, origin: 'string' },
        },
        { field: 'body.online', message: 'Invalid input: expected boolean' },
      ],
    });
    renderSessionForm();
    fireEvent.change(screen.getByLabelText('開始日時'), { target: { value: '2026-12-17T09:30' } });
    fireEvent.change(screen.getByLabelText('終了日時'), { target: { value: '2026-12-17T17:00' } });
    fireEvent.click(screen.getByRole('button', { name: '日程を追加する' }));

    const end = screen.getByLabelText('終了日時');
    await waitFor(() => expect(document.activeElement).toBe(end));
    expect(sent).toHaveLength(1);
    expect(description(end)).toBe('令和8年12月17日 17:00 開始より後の日時にしてください。');
    expect(screen.getByText('200文字以内で入力してください。')).toBeTruthy();
    // a field the form has no control for is listed in the alert, translated
    expect(screen.getByRole('alert').textContent).toContain('この項目の内容を確かめてください。');
    const page = document.body.textContent ?? '';
    for (const english of ['must be', 'Too small', 'expected', 'Invalid input', 'startsAt'])
      expect(page).not.toContain(english);
  });

  it('says the same in English on an English page', async () => {
    stubProblem({
      type: 'about:blank#validation',
      title: 'Bad Request',
      status: 400,
      code: 'validation',
      errors: [{ field: 'body.endsAt', message: 'must be after startsAt', code: 'ends_before_start' }],
    });
    renderSessionForm('en');
    fireEvent.change(screen.getByLabelText('Starts'), { target: { value: '2026-12-17T09:30' } });
    fireEvent.change(screen.getByLabelText('Ends'), { target: { value: '2026-12-17T17:00' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add the session' }));
    expect(await screen.findByText('Choose a time after the start.')).toBeTruthy();
  });
});

describe('the session form’s dates', () => {
  it('read the chosen days back in 和暦: start and end with their time, the deadline as a day', () => {
    renderSessionForm();
    const start = screen.getByLabelText('開始日時');
    fireEvent.change(start, { target: { value: '2026-12-17T09:30' } });
    const end = screen.getByLabelText('終了日時');
    const deadline = screen.getByLabelText('申込締切日');
    expect(deadline.getAttribute('type')).toBe('date');
    // the end and the deadline follow the start: the same day at 17:00, two weeks before
    expect(description(start)).toBe('令和8年12月17日 09:30');
    expect(description(end)).toBe('令和8年12月17日 17:00');
    expect(description(deadline)).toBe('令和8年12月3日');
    fireEvent.change(deadline, { target: { value: '2026-12-01' } });
    expect(description(deadline)).toBe('令和8年12月1日');
  });

  it('read them in English on an English page', () => {
    renderSessionForm('en');
    fireEvent.change(screen.getByLabelText('Starts'), { target: { value: '2026-12-17T09:30' } });
    expect(description(screen.getByLabelText('Starts'))).toBe('17 December 2026 09:30');
  });
});

describe('a text with a limit', () => {
  it('shows how much of it is used, in the reader’s digits', () => {
    render(
      <AppProvider i18n={createTestI18n({ language: 'ja' })}>
        <CharCount id="c" value={'あ'.repeat(1950)} max={2000} />
      </AppProvider>,
    );
    expect(document.getElementById('c')?.textContent).toBe('1,950 / 2,000文字');
  });
});
