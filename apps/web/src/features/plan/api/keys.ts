/** Query keys of the 推進計画; a write invalidates by prefix (`planKeys.all`), dashboards included. */
export const planKeys = {
  all: ['plan'] as const,
  periods: () => [...planKeys.all, 'periods'] as const,
  period: (id: string) => [...planKeys.all, 'period', id] as const,
  history: (itemId: string, page: number) => [...planKeys.all, 'history', itemId, page] as const,
};
