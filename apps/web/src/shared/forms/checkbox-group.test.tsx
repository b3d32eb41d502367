/**
 * The group of boxes the course editor's targets and the 自己申告's desired job families use: ticks are
 * kept in the order made, and with a limit the boxes not ticked are disabled once it is reached.
 */
import { fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { CheckboxGroup } from './checkbox-group.tsx';

function Group({ max }: { max?: number }) {
  const [checked, setChecked] = useState<string[]>([]);
  return (
    <>
      <CheckboxGroup
        legend="職種"
        layout="grid"
        items={[
          { value: 'a', label: '事務' },
          { value: 'b', label: '土木' },
          { value: 'c', label: '保健師' },
        ]}
        checked={checked}
        onChange={setChecked}
        {...(max === undefined ? {} : { max })}
      />
      <output>{checked.join(',')}</output>
    </>
  );
}

const box = (name: string) => screen.getByRole('checkbox', { name }) as HTMLInputElement;

describe('checkbox group', () => {
  it('keeps the ticks in the order made, and unticks', () => {
    render(<Group />);
    expect(screen.getByRole('group', { name: '職種' })).toBeTruthy();
    fireEvent.click(box('保健師'));
    fireEvent.click(box('事務'));
    expect(screen.getByRole('status').textContent).toBe('c,a');
    fireEvent.click(box('保健師'));
    expect(screen.getByRole('status').textContent).toBe('a');
  });

  it('disables the boxes not ticked once the limit is reached, and frees them when one is unticked', () => {
    render(<Group max={2} />);
    fireEvent.click(box('事務'));
    fireEvent.click(box('土木'));
    expect(box('保健師').disabled).toBe(true);
    expect(box('事務').disabled).toBe(false);
    fireEvent.click(box('事務'));
    expect(box('保健師').disabled).toBe(false);
  });
});
