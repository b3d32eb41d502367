import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, useLocation } from 'react-router';
import { usePermissions } from '../../features/auth/lib/permissions.ts';
import { NotificationBell } from '../../features/notifications/components/notification-bell.tsx';
import { BrandLink } from './brand-link.tsx';
import { LanguageSwitch } from './language-switch.tsx';
import { visibleNavItems } from './nav-items.ts';
import { UserMenu } from './user-menu.tsx';

function MenuIcon({ open }: { open: boolean }) {
  return (
    <svg
      aria-hidden="true"
      viewBox="0 0 24 24"
      className="size-6"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
    >
      {open ? <path d="M6 6l12 12M18 6L6 18" /> : <path d="M4 7h16M4 12h16M4 17h16" />}
    </svg>
  );
}

export function SiteHeader() {
  const { t } = useTranslation();
  const location = useLocation();
  const navId = useId();
  const [menuOpen, setMenuOpen] = useState(false);
  const menuButton = useRef<HTMLButtonElement>(null);
  const { can } = usePermissions();
  const items = visibleNavItems(can);

  // A followed link closes the small-screen menu.
  useEffect(() => setMenuOpen(false), [location.pathname]);

  return (
    <header className="border-b border-solid-gray-200 bg-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-3 px-4 py-3 md:px-6">
        <BrandLink />
        <div className="flex flex-wrap items-center justify-end gap-2">
          {can('notification:read:self') ? <NotificationBell /> : null}
          <UserMenu />
          <LanguageSwitch />
          <button
            ref={menuButton}
            type="button"
            className="inline-flex min-h-11 items-center gap-1 rounded-8 border border-solid-gray-420 px-3 text-dns-14B-130 text-blue-900 md:hidden"
            aria-expanded={menuOpen}
            aria-controls={navId}
            onClick={() => setMenuOpen((open) => !open)}
          >
            <MenuIcon open={menuOpen} />
            {t('nav.menu')}
          </button>
        </div>
      </div>
      <nav
        id={navId}
        aria-label={t('nav.label')}
        className={`${menuOpen ? 'block' : 'hidden'} border-t border-solid-gray-200 bg-solid-gray-50 md:block`}
        onKeyDown={(event) => {
          if (event.key === 'Escape' && menuOpen) {
            setMenuOpen(false);
            menuButton.current?.focus();
          }
        }}
      >
        <ul className="mx-auto flex max-w-6xl flex-col px-2 md:flex-row md:flex-wrap md:px-4">
          {items.map((item) => (
            <li key={item.to}>
              <NavLink
                to={item.to}
                end={item.end}
                className={({ isActive }) =>
                  `block min-h-11 border-l-4 px-3 py-3 text-dns-16B-130 no-underline md:border-b-4 md:border-l-0 ${
                    isActive
                      ? 'border-blue-900 bg-white text-blue-1000'
                      : 'border-transparent text-solid-gray-800 hover:bg-white hover:text-blue-1000 hover:underline'
                  }`
                }
              >
                {t(item.labelKey)}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
    </header>
  );
}
