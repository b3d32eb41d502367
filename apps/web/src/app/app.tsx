import { useState } from 'react';
import { RouterProvider } from 'react-router/dom';
import { handleSessionLost, isSessionLost } from '../features/auth/lib/session.ts';
import { AppProvider } from './provider.tsx';
import { createQueryClient } from './query-client.ts';
import { type AppRouter, createAppRouter } from './router.tsx';

/** The query client and router, wired so that any 401 sends the reader to the sign-in page. */
export function createApp(options: { initialEntries?: string[] } = {}) {
  let router: AppRouter | undefined;
  const queryClient = createQueryClient({
    onError: (error, meta, client) => {
      if (router && isSessionLost(error, meta)) handleSessionLost(client, router);
    },
  });
  router = createAppRouter(queryClient, options);
  return { queryClient, router };
}

export function App() {
  const [{ queryClient, router }] = useState(() => createApp());
  return (
    <AppProvider queryClient={queryClient}>
      <RouterProvider router={router} />
    </AppProvider>
  );
}
