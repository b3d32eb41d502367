/** Query keys of the dashboards; the plan's writes invalidate `dashboardKeys.all`. */
export const dashboardKeys = {
  all: ['dashboards'] as const,
  rollout: (fiscalYear: number | undefined) =>
    [...dashboardKeys.all, 'rollout', fiscalYear ?? 'current'] as const,
  orgUnit: (id: string, fiscalYear: number | undefined) =>
    [...dashboardKeys.all, 'org-unit', id, fiscalYear ?? 'current'] as const,
};
