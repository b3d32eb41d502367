import type { RouteObject } from 'react-router';
import { policyQueryOptions } from '../../features/policy/api/get-policy.ts';
import { onlyFor } from '../not-permitted-page.tsx';
import type { RouteKit } from './route-kit.ts';

/** Career, the 推進計画 and the rollout dashboards (features/career, plan, dashboards). */
export function careerPlanRoutes({
  featurePage,
  prefetchPolicy,
  afterMe,
  queryClient,
}: RouteKit): RouteObject[] {
  return [
    // Career: my own (/career) and someone else's (/staff/:id/career), sections by #hash (features/career)
    {
      path: 'career',
      loader: () =>
        afterMe(() =>
          Promise.all([
            import('../../features/career/api/get-my-dashboard.ts').then(({ myDashboardQueryOptions }) =>
              queryClient.prefetchQuery(myDashboardQueryOptions()),
            ),
            queryClient.prefetchQuery(policyQueryOptions()),
          ]),
        ),
      lazy: featurePage(async () => ({
        Component: (await import('../../features/career/pages/index.ts')).MyCareerPage,
      })),
    },
    {
      path: 'staff/:id/career',
      loader: prefetchPolicy,
      lazy: featurePage(async () => ({
        Component: (await import('../../features/career/pages/index.ts')).PersonCareerPage,
      })),
    },
    // The 推進計画 (features/plan) and the rollout dashboards (features/dashboards)
    {
      path: 'plan',
      lazy: featurePage(async () => ({
        Component: (await import('../../features/plan/pages/index.ts')).PlanPage,
      })),
    },
    {
      path: 'plan/periods/:id',
      loader: prefetchPolicy,
      lazy: featurePage(async () => ({
        Component: (await import('../../features/plan/pages/index.ts')).PeriodPage,
      })),
    },
    {
      path: 'plan/periods/:periodId/items/:itemId',
      lazy: featurePage(async () => ({
        Component: (await import('../../features/plan/pages/index.ts')).ItemPage,
      })),
    },
    {
      path: 'dashboards',
      lazy: featurePage(async () => ({
        Component: (await import('../../features/dashboards/pages/index.ts')).DashboardsHomePage,
      })),
    },
    {
      path: 'dashboards/rollout',
      lazy: featurePage(
        onlyFor(['dashboard:read:any'], async () => ({
          Component: (await import('../../features/dashboards/pages/index.ts')).RolloutPage,
        })),
      ),
    },
    {
      path: 'dashboards/rollout/print',
      lazy: featurePage(
        onlyFor(['dashboard:read:any'], async () => ({
          Component: (await import('../../features/dashboards/pages/index.ts')).RolloutPrintPage,
        })),
      ),
    },
    {
      path: 'dashboards/org-units/:id',
      lazy: featurePage(async () => ({
        Component: (await import('../../features/dashboards/pages/index.ts')).OrgUnitDashboardPage,
      })),
    },
  ];
}
