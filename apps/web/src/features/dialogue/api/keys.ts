/** Query keys of the 1on1 feature; any write invalidates `dialogueKeys.all` (lists, actions, team move together). */
export type OneOnOneFilters = {
  staffId?: string | undefined;
  authorId?: 'me' | undefined;
  page: number;
  pageSize: number;
};

export const dialogueKeys = {
  all: ['one-on-ones'] as const,
  list: (filters: OneOnOneFilters) => [...dialogueKeys.all, 'list', filters] as const,
  record: (id: string) => [...dialogueKeys.all, 'record', id] as const,
  openActions: () => [...dialogueKeys.all, 'open-actions'] as const,
  team: () => [...dialogueKeys.all, 'team'] as const,
};
