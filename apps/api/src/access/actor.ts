import type { Permission, Role } from '@portal/contracts';

/** Who is acting, with everything access decisions need, loaded once per request. */
export type Actor = {
  staffId: string;
  sessionId: string;
  roles: Role[];
  permissions: ReadonlySet<Permission>;
  /** Paths (`/…/`) of the units this person heads: their team is everything below, themselves excluded */
  teamPaths: string[];
  /** Explicit supervisor overrides: staff ids this person supervises besides the team */
  overrideStaffIds: string[];
  /** Ids of the 局・区 this person serves as a bureau officer */
  bureauIds: string[];
};

/** Request metadata kept with audit entries. */
export type RequestMeta = { ip: string | null; requestId: string | null };
