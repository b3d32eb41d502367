import type { RouteObject } from 'react-router';
import type { RouteKit } from './route-kit.ts';

const policyPages = () => import('../../features/policy/pages/index.ts');
const accountPages = () => import('../../features/auth/pages/account-page.tsx');

/** The policy pages (their policy fetched beside their code) and my account. */
export function policyRoutes({ featurePage, prefetchPolicy }: RouteKit): RouteObject[] {
  return [
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
      path: 'account',
      lazy: featurePage(async () => ({ Component: (await accountPages()).AccountPage })),
    },
    {
      path: 'account/enrol',
      lazy: featurePage(async () => ({ Component: (await accountPages()).EnrolPage })),
    },
  ];
}
