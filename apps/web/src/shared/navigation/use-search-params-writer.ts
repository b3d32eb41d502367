import { useRef } from 'react';
import { type NavigateOptions, useSearchParams } from 'react-router';

/**
 * `useSearchParams` whose updates build on the latest URL the page wrote, not on the one it last
 * rendered. React Router hands a functional update the search params of the last render, and router
 * updates render in a transition: two filters changed before the page rendered again (a slow phone, a
 * busy machine) made the second write drop the first — a unit filter lost when the grade was picked.
 * A render of an older URL while writes are on their way (the one before them, or an earlier write) is
 * not taken as the base; any other URL (Back, a link) is.
 */
export function useSearchParamsWriter(): [
  URLSearchParams,
  (change: (current: URLSearchParams) => URLSearchParams, options?: NavigateOptions) => void,
] {
  const [params, setParams] = useSearchParams();
  const latest = useRef(params);
  // while writes are on their way: the URL before them, then each write, oldest first
  const pending = useRef<string[]>([]);
  const shown = params.toString();
  const at = pending.current.lastIndexOf(shown);
  if (at === -1) {
    pending.current = [];
    latest.current = params;
  } else if (at === pending.current.length - 1) {
    pending.current = [];
  }
  const update = (change: (current: URLSearchParams) => URLSearchParams, options?: NavigateOptions) => {
    if (!pending.current.length) pending.current.push(latest.current.toString());
    const next = change(new URLSearchParams(latest.current));
    latest.current = next;
    pending.current.push(next.toString());
    setParams(next, options);
  };
  return [params, update];
}
