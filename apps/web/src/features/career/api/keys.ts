import type { PriorityTagCode } from '@portal/contracts';

/** The timeline's filters as the API takes them. */
export type TimelineFilters = {
  kind?: string | undefined;
  staffImageId?: string | undefined;
  initiativeId?: string | undefined;
  /** A 重点取組方針 tag code (`young` / `workplace` / `combined`) */
  tag?: PriorityTagCode | undefined;
  fiscalYear?: number | undefined;
  page: number;
  pageSize: number;
};

export type SelfDevelopmentFilters = { fiscalYear?: number | undefined; page: number; pageSize: number };

/**
 * Query keys of the career feature. A write to a person's plan or self-development invalidates
 * `careerKeys.person(staffId)` (the plan, timeline and lists move together) and `careerKeys.mine()`.
 */
export const careerKeys = {
  all: ['career'] as const,
  person: (staffId: string) => [...careerKeys.all, 'person', staffId] as const,
  plan: (staffId: string, fiscalYear: number | undefined) =>
    [...careerKeys.person(staffId), 'plan', fiscalYear ?? 'current'] as const,
  versions: (staffId: string, fiscalYear: number) =>
    [...careerKeys.person(staffId), 'versions', fiscalYear] as const,
  timeline: (staffId: string, filters: TimelineFilters) =>
    [...careerKeys.person(staffId), 'timeline', filters] as const,
  path: (staffId: string) => [...careerKeys.person(staffId), 'path'] as const,
  experience: (staffId: string) => [...careerKeys.person(staffId), 'experience'] as const,
  selfDevelopment: (staffId: string, filters: SelfDevelopmentFilters) =>
    [...careerKeys.person(staffId), 'self-development', filters] as const,
  mine: () => [...careerKeys.all, 'dashboard-me'] as const,
};

export const staffPath = (staffId: string) => `/api/staff/${encodeURIComponent(staffId)}`;
