import type { RouteObject } from 'react-router';
import { meQueryOptions } from '../../features/auth/api/get-me.ts';
import { onlyFor } from '../not-permitted-page.tsx';
import type { RouteKit } from './route-kit.ts';

/** OJT, 自己申告 and 1on1 records (features/ojt, self-declaration, dialogue). */
export function ojtDialogueRoutes({ featurePage, afterMe, queryClient }: RouteKit): RouteObject[] {
  return [
    // OJT: the team dashboard, quick logging, sessions and 年間OJT計画 (features/ojt)
    {
      path: 'team',
      loader: ({ request }) =>
        afterMe(async () => {
          // only for supervisors: anyone else would be refused (and the refusal audited)
          const me = queryClient.getQueryData(meQueryOptions().queryKey);
          if (!me?.permissions.includes('dashboard:read:team')) return;
          const [{ teamDashboardQueryOptions }, { readTeamParams }] = await Promise.all([
            import('../../features/ojt/api/get-team-dashboard.ts'),
            import('../../features/ojt/lib/team-params.ts'),
          ]);
          await queryClient.prefetchQuery(
            teamDashboardQueryOptions(readTeamParams(new URL(request.url).searchParams)),
          );
        }),
      lazy: featurePage(async () => ({
        Component: (await import('../../features/ojt/pages/team-page.tsx')).TeamPage,
      })),
    },
    {
      path: 'ojt',
      lazy: featurePage(async () => ({
        Component: (await import('../../features/ojt/pages/ojt-sessions-page.tsx')).OjtSessionsPage,
      })),
    },
    {
      path: 'self-declaration',
      lazy: featurePage(async () => ({
        Component: (await import('../../features/self-declaration/pages/declaration-pages.tsx'))
          .MyDeclarationsPage,
      })),
    },
    {
      path: 'self-declaration/:roundId',
      lazy: featurePage(async () => ({
        Component: (await import('../../features/self-declaration/pages/declaration-pages.tsx'))
          .MyDeclarationPage,
      })),
    },
    {
      path: 'self-declaration-rounds',
      lazy: featurePage(
        onlyFor(['self-declaration:manage:any'], async () => ({
          Component: (await import('../../features/self-declaration/pages/rounds-page.tsx')).RoundsPage,
        })),
      ),
    },
    {
      path: 'self-declaration-rounds/manage',
      lazy: featurePage(
        onlyFor(['self-declaration:manage:any'], async () => ({
          Component: (await import('../../features/self-declaration/pages/round-list-page.tsx'))
            .RoundListPage,
        })),
      ),
    },
    {
      path: 'self-declaration-rounds/new',
      lazy: featurePage(
        onlyFor(['self-declaration:manage:any'], async () => ({
          Component: (await import('../../features/self-declaration/pages/round-editor-page.tsx'))
            .RoundEditorPage,
        })),
      ),
    },
    {
      path: 'self-declaration-rounds/:id/edit',
      lazy: featurePage(
        onlyFor(['self-declaration:manage:any'], async () => ({
          Component: (await import('../../features/self-declaration/pages/round-editor-page.tsx'))
            .RoundEditorPage,
        })),
      ),
    },
    {
      path: 'rotation-finder',
      lazy: featurePage(async () => ({
        Component: (await import('../../features/self-declaration/pages/rotation-finder-page.tsx'))
          .RotationFinderPage,
      })),
    },
    {
      path: 'team/self-declarations',
      lazy: featurePage(async () => ({
        Component: (await import('../../features/self-declaration/pages/interview-pages.tsx'))
          .TeamDeclarationsPage,
      })),
    },
    {
      path: 'team/self-declarations/:roundId/:staffId',
      lazy: featurePage(async () => ({
        Component: (await import('../../features/self-declaration/pages/interview-pages.tsx')).InterviewPage,
      })),
    },
    {
      path: 'ojt/new',
      lazy: featurePage(async () => ({
        Component: (await import('../../features/ojt/pages/ojt-new-page.tsx')).OjtNewPage,
      })),
    },
    {
      path: 'staff/:id/ojt-plan',
      lazy: featurePage(async () => ({
        Component: (await import('../../features/ojt/pages/ojt-plan-page.tsx')).OjtPlanPage,
      })),
    },
    // 1on1 / 面談 records: the list with open actions and the team, recording, one record (features/dialogue)
    {
      path: 'one-on-ones',
      lazy: featurePage(async () => ({
        Component: (await import('../../features/dialogue/pages/one-on-ones-page.tsx')).OneOnOnesPage,
      })),
    },
    {
      path: 'one-on-ones/new',
      lazy: featurePage(async () => ({
        Component: (await import('../../features/dialogue/pages/one-on-one-new-page.tsx')).OneOnOneNewPage,
      })),
    },
    {
      path: 'one-on-ones/:id',
      lazy: featurePage(async () => ({
        Component: (await import('../../features/dialogue/pages/one-on-one-page.tsx')).OneOnOnePage,
      })),
    },
    {
      path: 'one-on-ones/:id/edit',
      lazy: featurePage(async () => ({
        Component: (await import('../../features/dialogue/pages/one-on-one-edit-page.tsx')).OneOnOneEditPage,
      })),
    },
  ];
}
