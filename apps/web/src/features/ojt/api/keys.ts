import type { TeamDashboardQuery } from '@portal/contracts';

/** The OJT sessions list's filters as the API takes them. */
export type OjtSessionFilters = {
  staffId?: string | undefined;
  supervisorId?: string | undefined;
  acknowledged?: boolean | undefined;
  page: number;
  pageSize: number;
};

export type TeamDashboardParams = Pick<
  TeamDashboardQuery,
  'fiscalYear' | 'q' | 'overdueOnly' | 'sort' | 'order' | 'page' | 'pageSize'
>;

/**
 * Query keys of the OJT feature; a session logged or acknowledged invalidates `ojtKeys.all` (lists,
 * plans' progress and the team dashboard move together).
 */
export const ojtKeys = {
  all: ['ojt'] as const,
  sessions: (filters: OjtSessionFilters) => [...ojtKeys.all, 'sessions', filters] as const,
  plan: (staffId: string, fiscalYear: number) => [...ojtKeys.all, 'plan', staffId, fiscalYear] as const,
  team: (params: TeamDashboardParams) => [...ojtKeys.all, 'team', params] as const,
};
