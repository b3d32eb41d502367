import type { RouteObject } from 'react-router';
import { onlyFor } from '../not-permitted-page.tsx';
import type { RouteKit } from './route-kit.ts';

/** People, organisation, audit log and roster import (features/identity). */
export function identityRoutes({ featurePage, afterMe, queryClient }: RouteKit): RouteObject[] {
  return [
    {
      path: 'staff',
      loader: ({ request }) =>
        afterMe(async () => {
          const [{ staffListQueryOptions }, { readStaffFilters, toStaffListParams }] = await Promise.all([
            import('../../features/identity/api/get-staff-list.ts'),
            import('../../features/identity/lib/staff-filters.ts'),
          ]);
          const filters = readStaffFilters(new URL(request.url).searchParams);
          return queryClient.prefetchQuery(staffListQueryOptions(toStaffListParams(filters)));
        }),
      lazy: featurePage(async () => ({
        Component: (await import('../../features/identity/pages/staff-directory-page.tsx'))
          .StaffDirectoryPage,
      })),
    },
    {
      path: 'staff/:id',
      loader: ({ params }) =>
        afterMe(async () => {
          const { personQueryOptions } = await import('../../features/identity/api/get-person.ts');
          await queryClient.prefetchQuery(personQueryOptions(params.id ?? ''));
        }),
      lazy: featurePage(async () => ({
        Component: (await import('../../features/identity/pages/person-page.tsx')).PersonPage,
      })),
    },
    {
      path: 'org',
      loader: () =>
        afterMe(async () => {
          const { orgUnitsQueryOptions } = await import('../../features/identity/api/get-org-units.ts');
          await queryClient.prefetchQuery(orgUnitsQueryOptions());
        }),
      lazy: featurePage(async () => ({
        Component: (await import('../../features/identity/pages/org-page.tsx')).OrgPage,
      })),
    },
    {
      path: 'audit',
      lazy: featurePage(
        onlyFor(['audit:read:any'], async () => ({
          Component: (await import('../../features/identity/pages/audit-log-page.tsx')).AuditLogPage,
        })),
      ),
    },
    {
      path: 'master-data',
      lazy: featurePage(
        onlyFor(['org:manage:any'], async () => ({
          Component: (await import('../../features/identity/pages/master-data-page.tsx')).MasterDataPage,
        })),
      ),
    },
    {
      path: 'roster-import',
      lazy: featurePage(
        onlyFor(['roster:import:any'], async () => ({
          Component: (await import('../../features/identity/pages/roster-import-page.tsx')).RosterImportPage,
        })),
      ),
    },
  ];
}
