import type { PlanItemStatus, PlanPeriodStatus } from '@portal/contracts';

/** Badge colours with AA contrast, by status. */
export const itemStatusTone: Record<PlanItemStatus, string> = {
  not_started: 'border-solid-gray-600 bg-white text-solid-gray-800',
  in_progress: 'border-blue-900 bg-blue-50 text-blue-1100',
  done: 'border-green-900 bg-green-50 text-green-1100',
  delayed: 'border-red-900 bg-red-50 text-red-1000',
};

export const periodStatusTone: Record<PlanPeriodStatus, string> = {
  draft: 'border-solid-gray-600 bg-solid-gray-50 text-solid-gray-800',
  review: 'border-yellow-900 bg-yellow-50 text-yellow-1100',
  published: 'border-green-900 bg-green-50 text-green-1100',
};

export const badgeShape = 'inline-flex min-h-7 items-center rounded-full border px-3 py-0.5 text-dns-14B-130';
