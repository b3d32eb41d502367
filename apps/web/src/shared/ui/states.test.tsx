import { onlineManager, QueryClient, useQuery } from '@tanstack/react-query';
import { act, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { AppProvider } from '../../app/provider.tsx';
import { createTestI18n } from '../test/i18n.ts';
import { QueryContent } from './states.tsx';

function Page() {
  const query = useQuery({ queryKey: ['figures'], queryFn: async () => 'loaded' });
  return <QueryContent query={query}>{(data) => <p>{data}</p>}</QueryContent>;
}

afterEach(() => {
  onlineManager.setOnline(true);
});

describe('a page without network', () => {
  it('says it is offline instead of loading forever, and loads when the connection is back', async () => {
    onlineManager.setOnline(false);
    render(
      <AppProvider queryClient={new QueryClient()} i18n={createTestI18n({ language: 'ja' })}>
        <Page />
      </AppProvider>,
    );
    expect(await screen.findByText('ネットワークにつながっていません')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'もう一度読み込む' })).toBeTruthy();
    expect(screen.queryByText('読み込んでいます…')).toBeNull();
    act(() => onlineManager.setOnline(true));
    expect(await screen.findByText('loaded')).toBeTruthy();
  });
});
