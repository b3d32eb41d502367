import type { Me } from '@portal/contracts';
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
import { onlyFor } from './not-permitted-page.tsx';

const ENROL_PATH = '/account/enrol';
const accountPages = () => import('../features/auth/pages/account-page.tsx');
const passwordPages = () => import('../features/auth/pages/set-password-page.tsx');

/**
 * The app's routes. `/sign-in` is public; everything else sits under a guard that needs `me` (and
 * redirects to `/sign-in?returnTo=…` on 401). Pages are loaded lazily; policy routes start fetching
 * the policy while their code loads — once `me` has answered, so a visit without a session makes
 * one 401 only — with the same `queryOptions` the page reads, and never block the navigation on it:
 * the page shows its own loading and error states.
 */
export type RouteOptions = {
  /** Loads the texts that the feature pages read (see shared/i18n); the sign-in, start and policy pages need none. */
  loadFeatureTexts?: () => Promise<void>;
};

export function appRoutes(queryClient: QueryClient, options: RouteOptions = {}): RouteObject[] {
  /** A feature page's code and its texts, loaded together. */
  const featurePage =
    <T,>(load: () => Promise<T>) =>
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
  const policyPages = () => import('../features/policy/pages/index.ts');
  const trainingPages = () => import('../features/training/pages/index.ts');
  const surveyPages = () => import('../features/surveys/pages/index.ts');
  const notificationPages = () => import('../features/notifications/pages/index.ts');
  /** Starts a page's fetch once `me` has answered, without holding up the navigation. */
  const afterMe = (prefetch: () => Promise<unknown>) => {
    void queryClient.ensureQueryData(meQueryOptions()).then(prefetch, () => undefined);
    return null;
  };

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
        {
          path: 'sso-error',
          lazy: async () => ({
            Component: (await import('../features/auth/pages/sso-error-page.tsx')).SsoErrorPage,
          }),
        },
      ],
    },
    // Setting a password from an invitation or a reset link, and asking for a reset: no session
    {
      Component: PublicLayout,
      ErrorBoundary: RouteError,
      HydrateFallback: () => <LoadingState />,
      children: [
        {
          path: 'invitation/:token',
          lazy: featurePage(async () => ({ Component: (await passwordPages()).InvitationPage })),
        },
        {
          path: 'password-reset/:token',
          lazy: featurePage(async () => ({ Component: (await passwordPages()).PasswordResetPage })),
        },
        // the unsubscribe link of a notification mail: no session needed
        {
          path: 'unsubscribe/:token',
          lazy: featurePage(async () => ({ Component: (await notificationPages()).UnsubscribePage })),
        },
        {
          path: 'password-reset',
          lazy: featurePage(async () => ({
            Component: (await import('../features/auth/pages/forgot-password-page.tsx')).ForgotPasswordPage,
          })),
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
          path: 'account',
          lazy: featurePage(async () => ({ Component: (await accountPages()).AccountPage })),
        },
        {
          path: 'account/enrol',
          lazy: featurePage(async () => ({ Component: (await accountPages()).EnrolPage })),
        },
        // People, organisation, audit log and roster import (features/identity)
        {
          path: 'staff',
          loader: ({ request }) =>
            afterMe(async () => {
              const [{ staffListQueryOptions }, { readStaffFilters, toStaffListParams }] = await Promise.all([
                import('../features/identity/api/get-staff-list.ts'),
                import('../features/identity/lib/staff-filters.ts'),
              ]);
              const filters = readStaffFilters(new URL(request.url).searchParams);
              return queryClient.prefetchQuery(staffListQueryOptions(toStaffListParams(filters)));
            }),
          lazy: featurePage(async () => ({
            Component: (await import('../features/identity/pages/staff-directory-page.tsx'))
              .StaffDirectoryPage,
          })),
        },
        {
          path: 'staff/:id',
          loader: ({ params }) =>
            afterMe(async () => {
              const { personQueryOptions } = await import('../features/identity/api/get-person.ts');
              await queryClient.prefetchQuery(personQueryOptions(params.id ?? ''));
            }),
          lazy: featurePage(async () => ({
            Component: (await import('../features/identity/pages/person-page.tsx')).PersonPage,
          })),
        },
        {
          path: 'org',
          loader: () =>
            afterMe(async () => {
              const { orgUnitsQueryOptions } = await import('../features/identity/api/get-org-units.ts');
              await queryClient.prefetchQuery(orgUnitsQueryOptions());
            }),
          lazy: featurePage(async () => ({
            Component: (await import('../features/identity/pages/org-page.tsx')).OrgPage,
          })),
        },
        {
          path: 'audit',
          lazy: featurePage(
            onlyFor(['audit:read:any'], async () => ({
              Component: (await import('../features/identity/pages/audit-log-page.tsx')).AuditLogPage,
            })),
          ),
        },
        {
          path: 'master-data',
          lazy: featurePage(
            onlyFor(['org:manage:any'], async () => ({
              Component: (await import('../features/identity/pages/master-data-page.tsx')).MasterDataPage,
            })),
          ),
        },
        {
          path: 'roster-import',
          lazy: featurePage(
            onlyFor(['roster:import:any'], async () => ({
              Component: (await import('../features/identity/pages/roster-import-page.tsx')).RosterImportPage,
            })),
          ),
        },
        // OJT: the team dashboard, quick logging, sessions and 年間OJT計画 (features/ojt)
        {
          path: 'team',
          loader: ({ request }) =>
            afterMe(async () => {
              // only for supervisors: anyone else would be refused (and the refusal audited)
              const me = queryClient.getQueryData(meQueryOptions().queryKey);
              if (!me?.permissions.includes('dashboard:read:team')) return;
              const [{ teamDashboardQueryOptions }, { readTeamParams }] = await Promise.all([
                import('../features/ojt/api/get-team-dashboard.ts'),
                import('../features/ojt/lib/team-params.ts'),
              ]);
              await queryClient.prefetchQuery(
                teamDashboardQueryOptions(readTeamParams(new URL(request.url).searchParams)),
              );
            }),
          lazy: featurePage(async () => ({
            Component: (await import('../features/ojt/pages/team-page.tsx')).TeamPage,
          })),
        },
        {
          path: 'ojt',
          lazy: featurePage(async () => ({
            Component: (await import('../features/ojt/pages/ojt-sessions-page.tsx')).OjtSessionsPage,
          })),
        },
        {
          path: 'self-declaration',
          lazy: featurePage(async () => ({
            Component: (await import('../features/self-declaration/pages/declaration-pages.tsx'))
              .MyDeclarationsPage,
          })),
        },
        {
          path: 'self-declaration/:roundId',
          lazy: featurePage(async () => ({
            Component: (await import('../features/self-declaration/pages/declaration-pages.tsx'))
              .MyDeclarationPage,
          })),
        },
        {
          path: 'self-declaration-rounds',
          lazy: featurePage(
            onlyFor(['self-declaration:manage:any'], async () => ({
              Component: (await import('../features/self-declaration/pages/rounds-page.tsx')).RoundsPage,
            })),
          ),
        },
        {
          path: 'self-declaration-rounds/manage',
          lazy: featurePage(
            onlyFor(['self-declaration:manage:any'], async () => ({
              Component: (await import('../features/self-declaration/pages/round-list-page.tsx'))
                .RoundListPage,
            })),
          ),
        },
        {
          path: 'self-declaration-rounds/new',
          lazy: featurePage(
            onlyFor(['self-declaration:manage:any'], async () => ({
              Component: (await import('../features/self-declaration/pages/round-editor-page.tsx'))
                .RoundEditorPage,
            })),
          ),
        },
        {
          path: 'self-declaration-rounds/:id/edit',
          lazy: featurePage(
            onlyFor(['self-declaration:manage:any'], async () => ({
              Component: (await import('../features/self-declaration/pages/round-editor-page.tsx'))
                .RoundEditorPage,
            })),
          ),
        },
        {
          path: 'rotation-finder',
          lazy: featurePage(async () => ({
            Component: (await import('../features/self-declaration/pages/rotation-finder-page.tsx'))
              .RotationFinderPage,
          })),
        },
        {
          path: 'team/self-declarations',
          lazy: featurePage(async () => ({
            Component: (await import('../features/self-declaration/pages/interview-pages.tsx'))
              .TeamDeclarationsPage,
          })),
        },
        {
          path: 'team/self-declarations/:roundId/:staffId',
          lazy: featurePage(async () => ({
            Component: (await import('../features/self-declaration/pages/interview-pages.tsx')).InterviewPage,
          })),
        },
        {
          path: 'ojt/new',
          lazy: featurePage(async () => ({
            Component: (await import('../features/ojt/pages/ojt-new-page.tsx')).OjtNewPage,
          })),
        },
        {
          path: 'staff/:id/ojt-plan',
          lazy: featurePage(async () => ({
            Component: (await import('../features/ojt/pages/ojt-plan-page.tsx')).OjtPlanPage,
          })),
        },
        // 1on1 / 面談 records: the list with open actions and the team, recording, one record (features/dialogue)
        {
          path: 'one-on-ones',
          lazy: featurePage(async () => ({
            Component: (await import('../features/dialogue/pages/one-on-ones-page.tsx')).OneOnOnesPage,
          })),
        },
        {
          path: 'one-on-ones/new',
          lazy: featurePage(async () => ({
            Component: (await import('../features/dialogue/pages/one-on-one-new-page.tsx')).OneOnOneNewPage,
          })),
        },
        {
          path: 'one-on-ones/:id',
          lazy: featurePage(async () => ({
            Component: (await import('../features/dialogue/pages/one-on-one-page.tsx')).OneOnOnePage,
          })),
        },
        {
          path: 'one-on-ones/:id/edit',
          lazy: featurePage(async () => ({
            Component: (await import('../features/dialogue/pages/one-on-one-edit-page.tsx')).OneOnOneEditPage,
          })),
        },
        // Career: my own (/career) and someone else's (/staff/:id/career), sections by #hash (features/career)
        {
          path: 'career',
          loader: () =>
            afterMe(() =>
              Promise.all([
                import('../features/career/api/get-my-dashboard.ts').then(({ myDashboardQueryOptions }) =>
                  queryClient.prefetchQuery(myDashboardQueryOptions()),
                ),
                queryClient.prefetchQuery(policyQueryOptions()),
              ]),
            ),
          lazy: featurePage(async () => ({
            Component: (await import('../features/career/pages/index.ts')).MyCareerPage,
          })),
        },
        {
          path: 'staff/:id/career',
          loader: prefetchPolicy,
          lazy: featurePage(async () => ({
            Component: (await import('../features/career/pages/index.ts')).PersonCareerPage,
          })),
        },
        // The 推進計画 (features/plan) and the rollout dashboards (features/dashboards)
        {
          path: 'plan',
          lazy: featurePage(async () => ({
            Component: (await import('../features/plan/pages/index.ts')).PlanPage,
          })),
        },
        {
          path: 'plan/periods/:id',
          loader: prefetchPolicy,
          lazy: featurePage(async () => ({
            Component: (await import('../features/plan/pages/index.ts')).PeriodPage,
          })),
        },
        {
          path: 'plan/periods/:periodId/items/:itemId',
          lazy: featurePage(async () => ({
            Component: (await import('../features/plan/pages/index.ts')).ItemPage,
          })),
        },
        {
          path: 'dashboards',
          lazy: featurePage(async () => ({
            Component: (await import('../features/dashboards/pages/index.ts')).DashboardsHomePage,
          })),
        },
        {
          path: 'dashboards/rollout',
          lazy: featurePage(
            onlyFor(['dashboard:read:any'], async () => ({
              Component: (await import('../features/dashboards/pages/index.ts')).RolloutPage,
            })),
          ),
        },
        {
          path: 'dashboards/rollout/print',
          lazy: featurePage(
            onlyFor(['dashboard:read:any'], async () => ({
              Component: (await import('../features/dashboards/pages/index.ts')).RolloutPrintPage,
            })),
          ),
        },
        {
          path: 'dashboards/org-units/:id',
          lazy: featurePage(async () => ({
            Component: (await import('../features/dashboards/pages/index.ts')).OrgUnitDashboardPage,
          })),
        },
        // 研修: catalogue, courses, applications, approvals, acceptance and rosters (features/training)
        {
          path: 'training',
          loader: () =>
            afterMe(async () => {
              const { recommendedQueryOptions } = await import('../features/training/api/get-trainings.ts');
              await queryClient.prefetchQuery(recommendedQueryOptions());
            }),
          lazy: featurePage(async () => ({ Component: (await trainingPages()).CataloguePage })),
        },
        {
          path: 'training/new',
          lazy: featurePage(
            onlyFor(['training:manage:any', 'training:manage:bureau'], async () => ({
              Component: (await trainingPages()).CourseEditorPage,
            })),
          ),
        },
        {
          path: 'training/applications',
          lazy: featurePage(async () => ({ Component: (await trainingPages()).MyApplicationsPage })),
        },
        {
          path: 'training/approvals',
          lazy: featurePage(
            onlyFor(['training:approve:team'], async () => ({
              Component: (await trainingPages()).ApprovalsPage,
            })),
          ),
        },
        {
          path: 'training/acceptance',
          lazy: featurePage(
            onlyFor(['training:manage:any', 'training:manage:bureau'], async () => ({
              Component: (await trainingPages()).AcceptancePage,
            })),
          ),
        },
        {
          path: 'training/sessions/:id',
          lazy: featurePage(
            onlyFor(['training:manage:any', 'training:manage:bureau'], async () => ({
              Component: (await trainingPages()).RosterPage,
            })),
          ),
        },
        {
          path: 'training/:id',
          loader: ({ params }) =>
            afterMe(async () => {
              const { trainingQueryOptions } = await import('../features/training/api/get-training.ts');
              await queryClient.prefetchQuery(trainingQueryOptions(params.id ?? ''));
            }),
          lazy: featurePage(async () => ({ Component: (await trainingPages()).CoursePage })),
        },
        {
          path: 'training/:id/edit',
          lazy: featurePage(
            onlyFor(['training:manage:any', 'training:manage:bureau'], async () => ({
              Component: (await trainingPages()).CourseEditorPage,
            })),
          ),
        },
        // エンゲージメント調査: answering, HR's bank and rounds, results (features/surveys)
        {
          path: 'surveys',
          lazy: featurePage(async () => ({ Component: (await surveyPages()).SurveysPage })),
        },
        {
          path: 'surveys/questions',
          lazy: featurePage(
            onlyFor(['survey:manage:any'], async () => ({
              Component: (await surveyPages()).QuestionBankPage,
            })),
          ),
        },
        {
          path: 'surveys/new',
          lazy: featurePage(
            onlyFor(['survey:manage:any'], async () => ({
              Component: (await surveyPages()).RoundEditorPage,
            })),
          ),
        },
        {
          path: 'surveys/:id/edit',
          lazy: featurePage(
            onlyFor(['survey:manage:any'], async () => ({
              Component: (await surveyPages()).RoundEditorPage,
            })),
          ),
        },
        {
          path: 'surveys/:id/answer',
          lazy: featurePage(async () => ({ Component: (await surveyPages()).AnswerPage })),
        },
        {
          path: 'surveys/:id/results',
          lazy: featurePage(async () => ({ Component: (await surveyPages()).ResultsPage })),
        },
        // My notifications (features/notifications)
        {
          path: 'notifications',
          lazy: featurePage(async () => ({ Component: (await notificationPages()).NotificationsPage })),
        },
        {
          path: 'notifications/settings',
          lazy: featurePage(async () => ({
            Component: (await notificationPages()).NotificationSettingsPage,
          })),
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
  options: { initialEntries?: string[] } & RouteOptions = {},
): AppRouter {
  const routes = appRoutes(queryClient, options);
  return options.initialEntries
    ? createMemoryRouter(routes, { initialEntries: options.initialEntries })
    : createBrowserRouter(routes);
}
