import type { ReactNode } from 'react';

export type Column<Row> = {
  key: string;
  label: string;
  /** Numbers are right-aligned */
  numeric?: boolean;
  cell: (row: Row) => ReactNode;
  /** The row's header cell (the unit, the initiative, …) */
  rowHeader?: boolean;
};

const cell = 'border-b border-solid-gray-200 px-3 py-2 align-top';
const head = 'border-b-2 border-solid-gray-600 px-3 py-2 align-bottom text-dns-14B-130';

/** An accessible table of a dashboard's figures (the chart beside it shows the same numbers). */
export function DataTable<Row>({
  caption,
  columns,
  rows,
  rowKey,
}: {
  caption: string;
  columns: Column<Row>[];
  rows: Row[];
  rowKey: (row: Row) => string;
}) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a table wider than a phone scrolls; the keyboard must reach it
    <section className="relative overflow-x-auto print:overflow-visible" tabIndex={0} aria-label={caption}>
      <table className="w-full min-w-[36rem] border-collapse text-dns-14N-130 print:min-w-0 print:text-[10pt]">
        <caption className="mb-2 text-left text-std-16B-170 text-solid-gray-900 print:sr-only">
          {caption}
        </caption>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c.key} scope="col" className={`${head} ${c.numeric ? 'text-right' : 'text-left'}`}>
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={rowKey(row)}>
              {columns.map((c) =>
                c.rowHeader ? (
                  <th key={c.key} scope="row" className={`${cell} text-left font-normal`}>
                    {c.cell(row)}
                  </th>
                ) : (
                  <td
                    key={c.key}
                    className={`${cell} ${c.numeric ? 'text-right tabular-nums' : 'text-left'}`}
                  >
                    {c.cell(row)}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
