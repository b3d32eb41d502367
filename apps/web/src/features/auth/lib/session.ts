import type { QueryClient } from '@tanstack/react-query';
import { isApiError } from '../../../shared/api/api-client.ts';
import { authKeys } from '../api/get-me.ts';
import { SIGN_IN_PATH, signInPath } from './return-to.ts';

/** What of the router the session guard needs (a data router satisfies it). */
export type Navigator = {
  state: {
    location: { pathname: string; search: string };
    /** The page being loaded, if any: a 401 met on the way there should come back to it. */
    navigation: { location?: { pathname: string; search: string } | undefined };
  };
  navigate: (to: string, options?: { replace?: boolean }) => unknown;
};

/** A 401 means the session is gone, unless the request says otherwise (`meta.authRedirect: false`). */
export function isSessionLost(error: unknown, meta?: Record<string, unknown>): boolean {
  return isApiError(error) && error.status === 401 && meta?.['authRedirect'] !== false;
}

/**
 * A session ended under the reader (expired, idle, signed out elsewhere): forget everything cached
 * and go to the sign-in page, which comes back here afterwards. A visit without any session is the
 * route guard's business (no `me` in the cache yet), so it is left alone here.
 */
export function handleSessionLost(queryClient: QueryClient, router: Navigator): void {
  const { pathname, search } = router.state.navigation.location ?? router.state.location;
  if (pathname === SIGN_IN_PATH) return;
  if (queryClient.getQueryData(authKeys.me()) === undefined) return;
  queryClient.clear();
  void router.navigate(signInPath({ returnTo: `${pathname}${search}`, expired: true }), { replace: true });
}
