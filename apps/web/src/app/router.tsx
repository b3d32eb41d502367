import type { QueryClient } from '@tanstack/react-query';
import { createBrowserRouter, createMemoryRouter, type RouteObject } from 'react-router';
import { LoadingState } from '../shared/ui/states.tsx';
import { RootLayout } from './layout/root-layout.tsx';
import { RouteError } from './layout/route-error.tsx';
import { careerPlanRoutes } from './routes/career-plan-routes.ts';
import { identityRoutes } from './routes/identity-routes.ts';
import { ojtDialogueRoutes } from './routes/ojt-dialogue-routes.ts';
import { policyRoutes } from './routes/policy-routes.ts';
import { publicRoutes } from './routes/public-routes.tsx';
import { type RouteOptions, routeKit } from './routes/route-kit.ts';
import { trainingSurveyRoutes } from './routes/training-survey-routes.ts';

export type { RouteOptions } from './routes/route-kit.ts';

/**
 * The app's routes. `/sign-in` is public; everything else sits under a guard that needs `me` (and
 * redirects to `/sign-in?returnTo=…` on 401). Pages are loaded lazily; policy routes start fetching
 * the policy while their code loads — once `me` has answered, so a visit without a session makes
 * one 401 only — with the same `queryOptions` the page reads, and never block the navigation on it:
 * the page shows its own loading and error states. Each feature area's routes are in `routes/`.
 */
export function appRoutes(queryClient: QueryClient, options: RouteOptions = {}): RouteObject[] {
  const kit = routeKit(queryClient, options);
  return [
    ...publicRoutes(kit),
    {
      path: '/',
      id: 'app',
      loader: kit.requireMe,
      Component: RootLayout,
      ErrorBoundary: RouteError,
      HydrateFallback: () => <LoadingState />,
      children: [
        ...policyRoutes(kit),
        ...identityRoutes(kit),
        ...ojtDialogueRoutes(kit),
        ...careerPlanRoutes(kit),
        ...trainingSurveyRoutes(kit),
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
  options: { initialEntries?: string[] } & RouteOptions = {},
): AppRouter {
  const routes = appRoutes(queryClient, options);
  return options.initialEntries
    ? createMemoryRouter(routes, { initialEntries: options.initialEntries })
    : createBrowserRouter(routes);
}
