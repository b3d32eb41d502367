import type { ReactNode } from 'react';

/** The page's one `<h1>`, with an optional lead paragraph. */
export function PageHeader({ title, lead }: { title: ReactNode; lead?: ReactNode }) {
  return (
    <header className="mb-8 border-b border-solid-gray-200 pb-6">
      <h1 className="text-std-28B-150 text-solid-gray-900 md:text-std-32B-150">{title}</h1>
      {lead ? <p className="mt-3 max-w-prose text-std-16N-170 text-solid-gray-700">{lead}</p> : null}
    </header>
  );
}
