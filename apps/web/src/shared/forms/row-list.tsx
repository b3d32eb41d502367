import { type ReactNode, useEffect, useId, useRef } from 'react';
import { Button } from '../ui/button.tsx';
import { hintClass, panelClass } from '../ui/form-styles.ts';

/**
 * A list of rows that a form edits (a round's キャリア選択 fields, its 庁内公募 posts): each row a
 * numbered group of fields with a remove button that names the row, then a button that adds one, up
 * to `max`. After adding, the new row's first field takes focus; after removing, the add button does,
 * so the keyboard never lands on nothing. A row keeps its `key`, so React keeps what it holds.
 */
export function RowList<Row extends { key: string }>({
  words,
  rows,
  onRows,
  max,
  newRow,
  rowName,
  children,
}: {
  words: {
    title: string;
    hint: string;
    /** Said when there is no row */
    empty: string;
    add: string;
    remove: string;
    /** The row's group name (`分野 1`), numbered from 1 */
    row: (n: number) => string;
    /** The remove button's accessible name (`「総務」を削除`) */
    removeNamed: (name: string) => string;
  };
  rows: Row[];
  onRows: (rows: Row[]) => void;
  max: number;
  /** A blank row with this key */
  newRow: (key: string) => Row;
  /** What the row is called once named (its group name until then) */
  rowName: (row: Row) => string;
  /** The row's fields; `set` changes this row */
  children: (row: Row, index: number, set: (patch: Partial<Row>) => void) => ReactNode;
}) {
  const titleId = useId();
  const list = useRef<HTMLOListElement>(null);
  const add = useRef<HTMLButtonElement>(null);
  const focusNext = useRef<string | null>(null);

  useEffect(() => {
    const next = focusNext.current;
    if (next === null) return;
    focusNext.current = null;
    if (next === '') add.current?.focus();
    else
      list.current
        ?.querySelector<HTMLElement>(`[data-row="${next}"]`)
        ?.querySelector<HTMLElement>('input, textarea, select')
        ?.focus();
  });

  const set = (i: number) => (patch: Partial<Row>) =>
    onRows(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));

  return (
    <section className={panelClass} aria-labelledby={titleId}>
      <h2 id={titleId} className="text-std-18B-160">
        {words.title}
      </h2>
      <p className={hintClass}>{words.hint}</p>
      {rows.length === 0 ? <p className="mt-2">{words.empty}</p> : null}
      <ol ref={list} className="mt-3 grid gap-4">
        {rows.map((row, i) => (
          <li key={row.key} data-row={row.key}>
            <fieldset className="grid min-w-0 gap-3 rounded-8 border border-solid-gray-300 bg-white p-3">
              <legend className="px-1 text-std-16B-170">{words.row(i + 1)}</legend>
              {children(row, i, set(i))}
              <div>
                <Button
                  variant="tertiary"
                  aria-label={words.removeNamed(rowName(row).trim() || words.row(i + 1))}
                  onClick={() => {
                    focusNext.current = '';
                    onRows(rows.filter((_, j) => j !== i));
                  }}
                >
                  {words.remove}
                </Button>
              </div>
            </fieldset>
          </li>
        ))}
      </ol>
      <Button
        ref={add}
        variant="secondary"
        className="mt-3"
        disabled={rows.length >= max}
        onClick={() => {
          const key = `new-${crypto.randomUUID()}`;
          focusNext.current = key;
          onRows([...rows, newRow(key)]);
        }}
      >
        {words.add}
      </Button>
    </section>
  );
}
