import type { ReactNode } from 'react';
import { checkboxRowClass, hintClass, labelClass } from '../ui/form-styles.ts';

/**
 * A list of boxes to tick under its legend; `checked` in the order ticked. With `max`, the boxes not
 * ticked are disabled once that many are (the ticked ones can always be unticked).
 */
export function CheckboxGroup<V extends string | number>({
  legend,
  hint,
  layout,
  items,
  checked,
  onChange,
  error,
  max,
  disabled,
}: {
  legend: string;
  hint?: string;
  layout: string;
  items: { value: V; label: string }[];
  checked: V[];
  onChange: (next: V[]) => void;
  error?: ReactNode;
  max?: number;
  disabled?: boolean;
}) {
  const full = max !== undefined && checked.length >= max;
  return (
    <fieldset disabled={disabled}>
      <legend className={labelClass}>{legend}</legend>
      {hint ? <p className={hintClass}>{hint}</p> : null}
      <div className={layout}>
        {items.map((item) => {
          const on = checked.includes(item.value);
          return (
            <label key={item.value} className={checkboxRowClass}>
              <input
                type="checkbox"
                className="mt-1 size-5"
                checked={on}
                disabled={!on && full}
                onChange={(e) =>
                  onChange(
                    e.target.checked ? [...checked, item.value] : checked.filter((v) => v !== item.value),
                  )
                }
              />
              <span>{item.label}</span>
            </label>
          );
        })}
      </div>
      {error}
    </fieldset>
  );
}
