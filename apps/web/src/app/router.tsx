import type { QueryClient } from '@tanstack/react-query';
import {
  createBrowserRouter,
  createMemoryRouter,
  type LoaderFunctionArgs,
  type RouteObject,
  redirect,
} from 'react-router';
import { meQueryOptions } from '../features/auth/api/get-me.ts';
import { SIGN_IN_PATH, signInPath } from '../features/auth/lib/return-to.ts';
import { policyQueryOptions } from '../features/policy/api/get-policy.ts';
import { isApiError } from '../shared/api/api-client.ts';
import { LoadingState } from '../shared/ui/states.tsx';
import { PublicLayout } from './layout/public-layout.tsx';
import { RootLayout } from './layout/root-layout.tsx';
import { RouteError } from './layout/route-error.tsx';

/**
 * The app's routes. `/sign-in` is public; everything else sits under a guard that needs `me` (and
 * redirects to `/sign-in?returnTo=…` on 401). Pages are loaded lazily; policy routes start fetching
 * the policy while their code loads — once `me` has answered, so a visit without a session makes
 * one 401 only — with the same `queryOptions` the page reads, and never block the navigation on it:
 * the page shows its own loading and error states.
 */
export function appRoutes(queryClient: QueryClient): RouteObject[] {
  const requireMe = async ({ request }: LoaderFunctionArgs) => {
    try {
      return await queryClient.ensureQueryData(meQueryOptions());
    } catch (error) {
      if (isApiError(error) && error.status === 401) {
        const url = new URL(request.url);
        throw redirect(signInPath({ returnTo: `${url.pathname}${url.search}` }));
      }
      throw error;
    }
  };
  const prefetchPolicy = () => {
    void queryClient.ensureQueryData(meQueryOptions()).then(
      () => queryClient.prefetchQuery(policyQueryOptions()),
      () => undefined,
    );
    return null;
  };
  const policyPages = () => import('../features/policy/pages/index.ts');

  return [
    {
      path: SIGN_IN_PATH,
      Component: PublicLayout,
      ErrorBoundary: RouteError,
      HydrateFallback: () => <LoadingState />,
      children: [
        {
          index: true,
          lazy: async () => ({
            Component: (await import('../features/auth/pages/sign-in-page.tsx')).SignInPage,
          }),
        },
      ],
    },
    {
      path: '/',
      id: 'app',
      loader: requireMe,
      Component: RootLayout,
      ErrorBoundary: RouteError,
      HydrateFallback: () => <LoadingState />,
      children: [
        {
          index: true,
          loader: prefetchPolicy,
          lazy: async () => ({ Component: (await policyPages()).OverviewPage }),
        },
        {
          path: 'policy/staff-images',
          loader: prefetchPolicy,
          lazy: async () => ({ Component: (await policyPages()).StaffImagesPage }),
        },
        {
          path: 'policy/priorities',
          loader: prefetchPolicy,
          lazy: async () => ({ Component: (await policyPages()).PrioritiesPage }),
        },
        {
          path: 'policy/initiatives',
          loader: prefetchPolicy,
          lazy: async () => ({ Component: (await policyPages()).InitiativesPage }),
        },
        {
          path: 'policy/promotion',
          loader: prefetchPolicy,
          lazy: async () => ({ Component: (await policyPages()).PromotionPage }),
        },
        {
          path: 'policy/roles',
          loader: prefetchPolicy,
          lazy: async () => ({ Component: (await policyPages()).RolesPage }),
        },
        {
          path: '*',
          lazy: async () => ({ Component: (await import('./not-found-page.tsx')).NotFoundPage }),
        },
      ],
    },
  ];
}

export type AppRouter = ReturnType<typeof createBrowserRouter>;

/** The browser's router, or (given `initialEntries`, in tests) one kept in memory. */
export function createAppRouter(
  queryClient: QueryClient,
  options: { initialEntries?: string[] } = {},
): AppRouter {
  const routes = appRoutes(queryClient);
  return options.initialEntries
    ? createMemoryRouter(routes, { initialEntries: options.initialEntries })
    : createBrowserRouter(routes);
}
