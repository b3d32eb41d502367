import type { Permission } from '@portal/contracts';
import { useCallback } from 'react';
import { useMe } from '../api/get-me.ts';

const none: readonly Permission[] = [];

/** Whether a set of permissions holds `permission`. Only hides UI: the API decides. */
export function hasPermission(permissions: readonly Permission[], permission: Permission): boolean {
  return permissions.includes(permission);
}

/** `const { can } = usePermissions(); can('staff:read:team')` — false until `me` has loaded. */
export function usePermissions(): {
  permissions: readonly Permission[];
  can: (permission: Permission) => boolean;
} {
  const { data } = useMe();
  const permissions = data?.permissions ?? none;
  const can = useCallback((permission: Permission) => hasPermission(permissions, permission), [permissions]);
  return { permissions, can };
}
