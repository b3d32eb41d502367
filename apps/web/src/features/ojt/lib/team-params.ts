import { TEAM_SORTS, type TeamSort } from '@portal/contracts';
import type { TeamDashboardParams } from '../api/keys.ts';

export const TEAM_PAGE_SIZE = 50;

const isSort = (v: string | null): v is TeamSort =>
  v !== null && (TEAM_SORTS as readonly string[]).includes(v);

/** The team dashboard's state, kept in the URL (`?sort=lastOn&order=desc&q=…&overdue=1&fy=2026&page=2`). */
export function readTeamParams(search: URLSearchParams): TeamDashboardParams {
  const sort = search.get('sort');
  const fy = Number(search.get('fy'));
  const page = Number(search.get('page'));
  return {
    sort: isSort(sort) ? sort : 'name',
    order: search.get('order') === 'desc' ? 'desc' : 'asc',
    q: search.get('q')?.trim() || undefined,
    overdueOnly: search.get('overdue') === '1' || undefined,
    fiscalYear: Number.isInteger(fy) && fy >= 2000 && fy <= 2100 ? fy : undefined,
    page: Number.isInteger(page) && page >= 1 ? page : 1,
    pageSize: TEAM_PAGE_SIZE,
  };
}

export function writeTeamParams(
  current: URLSearchParams,
  change: Partial<TeamDashboardParams>,
): URLSearchParams {
  const next = { ...readTeamParams(current), page: 1, ...change };
  const search = new URLSearchParams();
  if (next.sort !== 'name') search.set('sort', next.sort);
  if (next.order === 'desc') search.set('order', 'desc');
  if (next.q) search.set('q', next.q);
  if (next.overdueOnly) search.set('overdue', '1');
  if (next.fiscalYear) search.set('fy', String(next.fiscalYear));
  if (next.page > 1) search.set('page', String(next.page));
  return search;
}

/** Clicking a column: the same column flips the order; another starts with the order that helps most. */
export function nextSort(
  params: TeamDashboardParams,
  sort: TeamSort,
): Pick<TeamDashboardParams, 'sort' | 'order'> {
  if (params.sort === sort) return { sort, order: params.order === 'asc' ? 'desc' : 'asc' };
  const descFirst: TeamSort[] = ['careerPlan', 'selfDevelopment'];
  return { sort, order: descFirst.includes(sort) ? 'desc' : 'asc' };
}
