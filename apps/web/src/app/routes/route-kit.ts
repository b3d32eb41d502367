import type { Me } from '@portal/contracts';
import type { QueryClient } from '@tanstack/react-query';
import { type LoaderFunctionArgs, redirect } from 'react-router';
import { meQueryOptions } from '../../features/auth/api/get-me.ts';
import { signInPath } from '../../features/auth/lib/return-to.ts';
import { policyQueryOptions } from '../../features/policy/api/get-policy.ts';
import { isApiError } from '../../shared/api/api-client.ts';

export type RouteOptions = {
  /** Loads the texts that the feature pages read (see shared/i18n); the sign-in, start and policy pages need none. */
  loadFeatureTexts?: () => Promise<void>;
};

export const ENROL_PATH = '/account/enrol';

/** The notification pages: the list and settings, and the unsubscribe link of a mail. */
export const notificationPages = () => import('../../features/notifications/pages/index.ts');

/** What the route groups share: the query client and the loaders' helpers over it. */
export type RouteKit = ReturnType<typeof routeKit>;

export function routeKit(queryClient: QueryClient, options: RouteOptions) {
  /** A feature page's code and its texts, loaded together. */
  const featurePage =
    <T>(load: () => Promise<T>) =>
    async (): Promise<T> => {
      const texts = options.loadFeatureTexts;
      if (!texts) return load();
      const [route] = await Promise.all([load(), texts()]);
      return route;
    };
  const requireMe = async ({ request }: LoaderFunctionArgs) => {
    let me: Me;
    try {
      me = await queryClient.ensureQueryData(meQueryOptions());
    } catch (error) {
      if (isApiError(error) && error.status === 401) {
        const url = new URL(request.url);
        throw redirect(signInPath({ returnTo: `${url.pathname}${url.search}` }));
      }
      throw error;
    }
    // Someone who must enrol an authenticator app sees nothing else until they have.
    const { pathname } = new URL(request.url);
    if (me.account.stage === 'enrol' && pathname !== ENROL_PATH) throw redirect(ENROL_PATH);
    return me;
  };
  const prefetchPolicy = () => {
    void queryClient.ensureQueryData(meQueryOptions()).then(
      () => queryClient.prefetchQuery(policyQueryOptions()),
      () => undefined,
    );
    return null;
  };
  /** Starts a page's fetch once `me` has answered, without holding up the navigation. */
  const afterMe = (prefetch: () => Promise<unknown>) => {
    void queryClient.ensureQueryData(meQueryOptions()).then(prefetch, () => undefined);
    return null;
  };
  return { queryClient, featurePage, requireMe, prefetchPolicy, afterMe };
}
