import type { Db } from '../../db/client.ts';

/** How the configured claim is matched against the roster. */
export type RosterField = 'email' | 'loginId' | 'employeeNumber';

export function rosterFieldOf(claim: string): RosterField {
  if (claim === 'email') return 'email';
  if (claim === 'preferred_username') return 'loginId';
  return 'employeeNumber';
}

export const oidcRepository = {
  /** The people the identity names (more than one means the roster is ambiguous for this claim). */
  findByIdentity(db: Db, field: RosterField, value: string) {
    const where =
      field === 'email'
        ? { email: { equals: value, mode: 'insensitive' as const } }
        : field === 'loginId'
          ? { loginId: value }
          : { employeeNumber: value };
    return db.staff.findMany({ where, select: { id: true, disabledAt: true }, take: 2 });
  },
};
