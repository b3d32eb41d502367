import type { Db } from '../../src/db/client.ts';
import type { DemoRole } from '../app.ts';

export type Who = 'anon' | DemoRole;
export const WHO: Who[] = ['anon', 'staff', 'supervisor', 'staffOther', 'bureau', 'hr', 'exec'];

/**
 * Ids the rows point at. Always there: `demoStaff` (青葉区, demo-supervisor's staff), `demoStaffOther`
 * (総務局), `teamMate` (a colleague of demo-staff in the same 係). A rows file adds its own in `prepare`.
 */
export type Targets = Record<string, string>;

export type Row = {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** The route as the OpenAPI document names it (`/api/staff/{id}`) */
  route: string;
  url: (t: Targets) => string;
  /** A string is sent as text/csv; anything else as JSON. A function gets the targets. */
  body?: unknown | ((t: Targets) => unknown);
  headers?: Record<string, string>;
  expect: Record<Who, number>;
  /**
   * What a list or a record answers, not only its status: per role, the targets whose ids must appear
   * in the answer (`in`) and those that must not (`out`) — records in and out of the role's scope.
   */
  returns?: Partial<Record<Who, { in?: string[]; out?: string[] }>>;
};

/** One feature's rows. Files are run in name order; each row asks every `Who` in turn. */
export type MatrixRows = {
  /** Creates what the rows need (records in and out of each role's scope) and names their ids. */
  prepare?: (db: Db, targets: Targets) => Promise<Targets>;
  rows: Row[];
};

/**
 * `returns` for a read: the `readers` see every id of `inIds` and none of `outIds`; every other
 * signed-in role, refused, sees none of them.
 */
export function scoped(readers: readonly Who[], inIds: string[], outIds: string[] = []): Row['returns'] {
  return Object.fromEntries(
    WHO.filter((who) => who !== 'anon').map((who) => [
      who,
      readers.includes(who) ? { in: inIds, out: outIds } : { out: [...inIds, ...outIds] },
    ]),
  );
}

export const all = (status: number, anon = 401): Record<Who, number> => ({
  anon,
  staff: status,
  supervisor: status,
  staffOther: status,
  bureau: status,
  hr: status,
  exec: status,
});
