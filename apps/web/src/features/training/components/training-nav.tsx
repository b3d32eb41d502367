import type { Permission } from '@portal/contracts';
import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { usePermissions } from '../../auth/lib/permissions.ts';

const TABS: { to: string; key: string; end: boolean; permission?: Permission; any?: Permission[] }[] = [
  { to: '/training', key: 'catalogue', end: true },
  { to: '/training/applications', key: 'mine', end: false },
  { to: '/training/approvals', key: 'approvals', end: false, permission: 'training:approve:team' },
  {
    to: '/training/acceptance',
    key: 'acceptance',
    end: false,
    any: ['training:manage:any', 'training:manage:bureau'],
  },
];

/** The training pages' own tabs: catalogue, my applications, and the inboxes the reader has. */
export function TrainingNav() {
  const { t } = useTranslation();
  const { can } = usePermissions();
  const tabs = TABS.filter((tab) =>
    tab.permission ? can(tab.permission) : tab.any ? tab.any.some(can) : true,
  );
  return (
    <nav
      aria-label={t('training.nav.label')}
      className="mb-6 relative overflow-x-auto border-b border-solid-gray-200"
    >
      <ul className="flex gap-1">
        {tabs.map((tab) => (
          <li key={tab.to}>
            <NavLink
              to={tab.to}
              end={tab.end}
              className={({ isActive }) =>
                `inline-flex min-h-11 items-center whitespace-nowrap border-b-4 px-4 py-2 text-std-16B-170 no-underline ${
                  isActive
                    ? 'border-blue-900 text-blue-1100'
                    : 'border-transparent text-solid-gray-800 hover:border-solid-gray-420'
                }`
              }
            >
              {t(`training.nav.${tab.key}`)}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
