import { cleanup, configure } from '@testing-library/react';
import { afterEach, vi } from 'vitest';

// `findBy…` and `waitFor` wait up to 5 s, not 1: a page's first render loads its route's code and its
// answers, which on a busy 2-core machine running the API's tests beside these can take over a second.
configure({ asyncUtilTimeout: 5_000 });

// jsdom does not lay out or scroll; the router's scroll restoration calls this.
window.scrollTo = vi.fn() as unknown as typeof window.scrollTo;

afterEach(() => {
  cleanup();
  window.localStorage.clear();
});
