import type { AuditLogQuery, StaffListQuery } from '@portal/contracts';

/** The staff directory's filters as the API takes them (`page` and `pageSize` always present). */
export type StaffListParams = Pick<
  StaffListQuery,
  'q' | 'orgUnitId' | 'gradeId' | 'account' | 'page' | 'pageSize'
>;

/** The audit log's filters, without the cursor (the infinite query pages through it). */
export type AuditLogFilters = Omit<AuditLogQuery, 'cursor' | 'limit'>;

/**
 * Query keys of the identity feature (people, organisation, audit log); invalidate by prefix:
 * `identityKeys.staff()` after a change to a person, `identityKeys.all` after a roster import.
 */
export const identityKeys = {
  all: ['identity'] as const,
  staff: () => [...identityKeys.all, 'staff'] as const,
  staffList: (params: StaffListParams) => [...identityKeys.staff(), 'list', params] as const,
  person: (id: string) => [...identityKeys.staff(), 'detail', id] as const,
  orgUnits: () => [...identityKeys.all, 'org-units'] as const,
  grades: () => [...identityKeys.all, 'grades'] as const,
  masterData: (kind: 'grades' | 'job-families') => [...identityKeys.all, 'master-data', kind] as const,
  auditLog: (filters: AuditLogFilters) => [...identityKeys.all, 'audit-log', filters] as const,
};
