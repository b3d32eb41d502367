import { useLayoutEffect, useReducer, useRef } from 'react';
import {
  createSearchParams,
  type Location,
  type NavigateOptions,
  type URLSearchParamsInit,
  useLocation,
  useSearchParams,
} from 'react-router';

/** Where a write of this hook marks the address it made (in the history entry's state). */
const WRITE = 'searchParamsWrite';
let lastWrite = 0;

/** Writes on their way: the address they started from, each write's mark, and the params last written. */
type Writes = { from: string; marks: number[]; params: URLSearchParams };

export type SearchParamsWrite = URLSearchParamsInit | ((current: URLSearchParams) => URLSearchParamsInit);

const markOf = (location: Location): number | undefined => {
  const state: unknown = location.state;
  return state && typeof state === 'object' && WRITE in state
    ? (state as Record<string, number>)[WRITE]
    : undefined;
};

/**
 * Whether the writes are still the page's truth at this address: it is the one they started from
 * (the render before them) or one of them not yet the last. Any other address (Back, a link, a
 * navigation that did not go through this hook) or the last write itself ends them.
 */
const stillOnTheirWay = (writes: Writes, location: Location) => {
  const at = markOf(location);
  if (at === undefined) return location.key === writes.from;
  const index = writes.marks.indexOf(at);
  if (index === -1) return location.key === writes.from;
  return index < writes.marks.length - 1;
};

/**
 * `useSearchParams` for controls bound to the URL, as the page shows them: the params the page wrote
 * last, at once, and then the URL once it catches up. React Router commits a new URL in a
 * transition, which a re-render (a change of language, a slow phone) can hold back; a box bound to the
 * URL alone keeps its old state until then, a click on it looks lost, and a functional update built
 * on the last rendered URL drops the write before it (a unit filter lost when the grade was picked).
 *
 * Updates build on what the page shows. A navigation that did not go through the writer (Back, a
 * link, another `navigate`) ends the writes on their way: the page shows that URL, and the next
 * update builds on it.
 */
export function useSearchParamsWriter(): [
  URLSearchParams,
  (change: SearchParamsWrite, options?: NavigateOptions) => void,
] {
  const [params, setParams] = useSearchParams();
  const location = useLocation();
  const [, showWrite] = useReducer((n: number) => n + 1, 0);
  const writes = useRef<Writes | null>(null);
  // what this render shows (a render is not taken as settled until it commits: see the effect)
  const pending = writes.current && stillOnTheirWay(writes.current, location) ? writes.current : null;
  const shown = pending ? pending.params : params;
  const latest = useRef({ shown, key: location.key });
  useLayoutEffect(() => {
    latest.current = { shown, key: location.key };
    if (writes.current && !stillOnTheirWay(writes.current, location)) writes.current = null;
  });

  const update = (change: SearchParamsWrite, options?: NavigateOptions) => {
    const base = writes.current?.params ?? latest.current.shown;
    const next = createSearchParams(
      typeof change === 'function' ? change(new URLSearchParams(base)) : change,
    );
    lastWrite += 1;
    writes.current = {
      from: writes.current?.from ?? latest.current.key,
      marks: [...(writes.current?.marks ?? []), lastWrite],
      params: next,
    };
    const state = options?.state && typeof options.state === 'object' ? options.state : {};
    setParams(next, { ...options, state: { ...state, [WRITE]: lastWrite } });
    showWrite();
  };
  return [shown, update];
}
