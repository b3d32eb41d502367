import { type QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { i18n as I18n } from 'i18next';
import { type ReactNode, useState } from 'react';
import { I18nextProvider } from 'react-i18next';
import { createI18n } from '../shared/i18n/i18n.ts';
import { createQueryClient } from './query-client.ts';

/** Everything the app runs inside, apart from the router: data cache and translations. */
export function AppProvider({
  children,
  queryClient,
  i18n,
}: {
  children: ReactNode;
  queryClient?: QueryClient;
  /** Without one, an instance that loads the reader's language on demand. */
  i18n?: I18n;
}) {
  const [client] = useState(() => queryClient ?? createQueryClient());
  const [translations] = useState(() => i18n ?? createI18n());
  return (
    <I18nextProvider i18n={translations}>
      <QueryClientProvider client={client}>{children}</QueryClientProvider>
    </I18nextProvider>
  );
}
