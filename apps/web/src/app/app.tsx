import type { i18n as I18n } from 'i18next';
import { useState } from 'react';
import { RouterProvider } from 'react-router/dom';
import { handleSessionLost, isSessionLost } from '../features/auth/lib/session.ts';
import { loadFeatureTexts } from '../shared/i18n/i18n.ts';
import { AppProvider } from './provider.tsx';
import { createQueryClient } from './query-client.ts';
import { type AppRouter, createAppRouter, type RouteOptions } from './router.tsx';

/** The query client and router, wired so that any 401 sends the reader to the sign-in page. */
export function createApp(options: { initialEntries?: string[] } & RouteOptions = {}) {
  let router: AppRouter | undefined;
  const queryClient = createQueryClient({
    onError: (error, meta, client) => {
      if (router && isSessionLost(error, meta)) handleSessionLost(client, router);
    },
  });
  router = createAppRouter(queryClient, options);
  return { queryClient, router };
}

/** The app, with translations already loaded for the reader's language (see main.tsx). */
export function App({ i18n }: { i18n: I18n }) {
  const [{ queryClient, router }] = useState(() =>
    createApp({ loadFeatureTexts: () => loadFeatureTexts(i18n) }),
  );
  return (
    <AppProvider queryClient={queryClient} i18n={i18n}>
      <RouterProvider router={router} />
    </AppProvider>
  );
}
