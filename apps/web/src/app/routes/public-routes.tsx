import type { RouteObject } from 'react-router';
import { SIGN_IN_PATH } from '../../features/auth/lib/return-to.ts';
import { LoadingState } from '../../shared/ui/states.tsx';
import { PublicLayout } from '../layout/public-layout.tsx';
import { RouteError } from '../layout/route-error.tsx';
import { notificationPages, type RouteKit } from './route-kit.ts';

const passwordPages = () => import('../../features/auth/pages/set-password-page.tsx');

/** Signing in, and the pages reached from a mail without a session. */
export function publicRoutes({ featurePage }: RouteKit): RouteObject[] {
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
            Component: (await import('../../features/auth/pages/sign-in-page.tsx')).SignInPage,
          }),
        },
        {
          path: 'sso-error',
          lazy: async () => ({
            Component: (await import('../../features/auth/pages/sso-error-page.tsx')).SsoErrorPage,
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
            Component: (await import('../../features/auth/pages/forgot-password-page.tsx'))
              .ForgotPasswordPage,
          })),
        },
      ],
    },
  ];
}
