/**
 * The row list and the form's text fields as the round editors use them: a new row's first field takes
 * focus and removing gives it to the add button; the remove button names its row; a bilingual text is
 * two fields by its names, whose message goes as it is typed in; a long text says how much is used.
 */
import { fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { createTestI18n } from '../test/i18n.ts';
import { RowList } from './row-list.tsx';
import { BilingualTextField, FormTextField } from './text-field.tsx';
import { useFormErrors } from './use-form-errors.tsx';

type Row = { key: string; nameJa: string; nameEn: string; description: string };

const words = {
  title: '分野',
  hint: '選べる分野',
  empty: 'まだありません',
  add: '分野を追加',
  remove: '削除',
  row: (n: number) => `分野 ${n}`,
  removeNamed: (name: string) => `${name}を削除`,
};

function Editor({ initial = [] as Row[] }) {
  const form = useFormErrors();
  const [rows, setRows] = useState<Row[]>(initial);
  return (
    <form ref={form.ref} noValidate>
      <RowList
        words={words}
        rows={rows}
        onRows={setRows}
        max={2}
        newRow={(key) => ({ key, nameJa: '', nameEn: '', description: '' })}
        rowName={(r) => r.nameJa}
      >
        {(row, i, set) => (
          <>
            <BilingualTextField
              form={form}
              field="name"
              path={`careerFields.${i}`}
              labels="selfDeclaration.rounds.items"
              value={row}
              onChange={set}
              max={200}
            />
            <FormTextField
              form={form}
              name={`careerFields.${i}.description`}
              label="説明"
              value={row.description}
              max={1000}
              multiline
              onChange={(description) => set({ description })}
            />
          </>
        )}
      </RowList>
      <button type="button" onClick={() => form.show({ 'careerFields.0.nameJa': '入力してください。' })}>
        check
      </button>
    </form>
  );
}

function renderEditor(initial?: Row[]) {
  render(
    <I18nextProvider i18n={createTestI18n({ language: 'ja' })}>
      <Editor initial={initial} />
    </I18nextProvider>,
  );
}

describe('RowList', () => {
  it('says when there is no row, and gives focus to the new row, then back to the add button', () => {
    renderEditor();
    expect(screen.getByText('まだありません')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '分野を追加' }));
    expect(screen.getByRole('group', { name: '分野 1' })).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByLabelText('分野名（日本語）'));
    fireEvent.click(screen.getByRole('button', { name: '分野 1を削除' }));
    expect(screen.queryByRole('group', { name: '分野 1' })).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: '分野を追加' }));
  });

  it('names a named row on its remove button and adds no more than its limit', () => {
    renderEditor([
      { key: 'a', nameJa: '総務', nameEn: '', description: '' },
      { key: 'b', nameJa: ' ', nameEn: '', description: '' },
    ]);
    expect(screen.getByRole('button', { name: '総務を削除' })).toBeTruthy();
    expect(screen.getByRole('button', { name: '分野 2を削除' })).toBeTruthy();
    expect((screen.getByRole('button', { name: '分野を追加' }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: '総務を削除' }));
    expect(screen.getByRole('group', { name: '分野 1' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: '総務を削除' })).toBeNull();
  });
});

describe('BilingualTextField and FormTextField', () => {
  it('mark a bad field by its name and take the message away as it is typed in', () => {
    renderEditor([{ key: 'a', nameJa: '', nameEn: '', description: '' }]);
    fireEvent.click(screen.getByRole('button', { name: 'check' }));
    const ja = screen.getByLabelText('分野名（日本語）');
    expect(ja.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('入力してください。')).toBeTruthy();
    expect(screen.getByLabelText('分野名（英語）').getAttribute('aria-invalid')).toBeNull();
    fireEvent.change(ja, { target: { value: '総務' } });
    expect(ja.getAttribute('aria-invalid')).toBeNull();
    expect(screen.queryByText('入力してください。')).toBeNull();
  });

  it('say how much of a long text is used', () => {
    renderEditor([{ key: 'a', nameJa: '', nameEn: '', description: 'あいう' }]);
    const description = screen.getByLabelText('説明');
    const count = document.getElementById(description.getAttribute('aria-describedby') ?? '');
    expect(count?.textContent).toBe('3 / 1,000文字');
  });
});
