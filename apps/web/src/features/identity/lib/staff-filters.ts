import { ACCOUNT_FILTERS, type AccountFilter } from '@portal/contracts';
import type { StaffListParams } from '../api/keys.ts';

/**
 * The staff directory's filters live in the URL (`/staff?q=…&unit=…&grade=…&page=…`), so a search can
 * be linked to, survives a reload, and Back returns to it.
 */

export const STAFF_PAGE_SIZE = 20;
const MAX_QUERY = 100;

export type StaffFilters = {
  q: string;
  orgUnitId: string | undefined;
  gradeId: string | undefined;
  /** HR only: an account state (`mfa`: an authenticator app enrolled) */
  account: AccountFilter | undefined;
  page: number;
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What the URL asks for; what the API would refuse (a malformed id, page 0) is left out. */
export function readStaffFilters(params: URLSearchParams): StaffFilters {
  const unit = params.get('unit') ?? '';
  const grade = params.get('grade') ?? '';
  const page = Number(params.get('page') ?? '1');
  const account = params.get('account') ?? '';
  return {
    q: (params.get('q') ?? '').trim().slice(0, MAX_QUERY),
    orgUnitId: UUID.test(unit) ? unit : undefined,
    gradeId: UUID.test(grade) ? grade : undefined,
    account: (ACCOUNT_FILTERS as readonly string[]).includes(account)
      ? (account as AccountFilter)
      : undefined,
    page: Number.isInteger(page) && page >= 1 && page <= 100_000 ? page : 1,
  };
}

/**
 * The URL parameters with some filters changed. A change to the search or a filter starts again at
 * page 1; other parameters are kept.
 */
export function writeStaffFilters(params: URLSearchParams, change: Partial<StaffFilters>): URLSearchParams {
  const next = new URLSearchParams(params);
  const set = (key: string, value: string | undefined) => {
    if (value) next.set(key, value);
    else next.delete(key);
  };
  if ('q' in change) set('q', change.q?.trim());
  if ('orgUnitId' in change) set('unit', change.orgUnitId);
  if ('gradeId' in change) set('grade', change.gradeId);
  if ('account' in change) set('account', change.account);
  if ('page' in change) set('page', change.page && change.page > 1 ? String(change.page) : undefined);
  else next.delete('page');
  return next;
}

/** `/staff?unit=…`: the directory filtered by a unit (and the units under it). */
export function staffOfUnitPath(orgUnitId: string): string {
  return `/staff?${new URLSearchParams({ unit: orgUnitId }).toString()}`;
}

/** The API's query for these filters (empty ones left out, so equal searches share a cache entry). */
export function toStaffListParams(filters: StaffFilters): StaffListParams {
  return {
    ...(filters.q ? { q: filters.q } : {}),
    ...(filters.orgUnitId ? { orgUnitId: filters.orgUnitId } : {}),
    ...(filters.gradeId ? { gradeId: filters.gradeId } : {}),
    ...(filters.account ? { account: filters.account } : {}),
    page: filters.page,
    pageSize: STAFF_PAGE_SIZE,
  };
}
