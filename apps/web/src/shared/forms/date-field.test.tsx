/** Every date field reads the chosen day back in the reader's calendar: 和暦 in Japanese, long English. */
import { fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { createTestI18n } from '../test/i18n.ts';
import { DateField } from './date-field.tsx';

function Field({ initial, error }: { initial: string; error?: string }) {
  const [value, setValue] = useState(initial);
  return (
    <DateField
      id="held-on"
      label="実施日"
      value={value}
      onChange={setValue}
      hint="予定も記録できます"
      error={error}
    />
  );
}

/** The texts the input is described by, in order. */
function description(input: HTMLElement): string {
  return (input.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .filter(Boolean)
    .map((id) => document.getElementById(id)?.textContent ?? `missing #${id}`)
    .join(' ');
}

function renderIn(language: 'ja' | 'en', initial: string, error?: string) {
  render(
    <I18nextProvider i18n={createTestI18n({ language })}>
      <Field initial={initial} error={error} />
    </I18nextProvider>,
  );
  return screen.getByLabelText('実施日');
}

describe('DateField', () => {
  it('reads the chosen day in 和暦 in Japanese and describes the input by it, the hint and the error', () => {
    const input = renderIn('ja', '2026-04-01', '日付を入力してください');
    expect(input.getAttribute('type')).toBe('date');
    expect(screen.getByTestId('date-reading').textContent).toBe('令和8年4月1日');
    expect(description(input)).toBe('令和8年4月1日 予定も記録できます 日付を入力してください');
    expect(input.getAttribute('aria-invalid')).toBe('true');

    fireEvent.change(input, { target: { value: '2019-05-01' } });
    expect(screen.getByTestId('date-reading').textContent).toBe('令和元年5月1日');
  });

  it('reads it in long English in English', () => {
    renderIn('en', '2026-04-01');
    expect(screen.getByTestId('date-reading').textContent).toBe('1 April 2026');
  });

  it('says nothing while no whole date is chosen', () => {
    const input = renderIn('ja', '');
    expect(screen.queryByTestId('date-reading')).toBeNull();
    expect(description(input)).toBe('予定も記録できます');
  });

  it('reads a day and time of day in 和暦 with the time as entered', () => {
    render(
      <I18nextProvider i18n={createTestI18n({ language: 'ja' })}>
        <DateField
          id="starts"
          label="開始"
          type="datetime-local"
          value="2026-06-15T10:00"
          onChange={() => {}}
        />
      </I18nextProvider>,
    );
    const input = screen.getByLabelText('開始');
    expect(input.getAttribute('type')).toBe('datetime-local');
    expect(screen.getByTestId('date-reading').textContent).toBe('令和8年6月15日 10:00');
    expect(description(input)).toBe('令和8年6月15日 10:00');
  });

  it('is marked bad and described by a message shown elsewhere', () => {
    render(
      <I18nextProvider i18n={createTestI18n({ language: 'en' })}>
        <DateField
          id="from"
          label="From"
          value="2026-04-01"
          onChange={() => {}}
          invalid
          describedBy="range"
        />
        <p id="range">The start is after the end</p>
      </I18nextProvider>,
    );
    const input = screen.getByLabelText('From');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(description(input)).toBe('1 April 2026 The start is after the end');
  });
});
