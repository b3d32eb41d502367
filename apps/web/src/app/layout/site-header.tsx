import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, useLocation } from 'react-router';
import { usePermissions } from '../../features/auth/lib/permissions.ts';
import { NotificationBell } from '../../features/notifications/components/notification-bell.tsx';
import { BrandLink } from './brand-link.tsx';
import { LanguageSwitch } from './language-switch.tsx';
import { visibleNavItems } from './nav-items.ts';
import { useWideScreen } from './use-wide-screen.ts';
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

/**
 * The header. From `md` up: the brand, the bell, the signed-in person and the language switch, with the
 * navigation as a second row. On a phone it is one row (brand, bell, menu button); the menu button
 * discloses the navigation, the person (account, sign-out) and the language switch. Escape closes the
 * menu and returns focus to its button; following a link closes it.
 */
export function SiteHeader() {
  const { t } = useTranslation();
  const location = useLocation();
  const navId = useId();
  const [menuOpen, setMenuOpen] = useState(false);
  const menuButton = useRef<HTMLButtonElement>(null);
  const { can } = usePermissions();
  const items = visibleNavItems(can);
  const wide = useWideScreen();

  // A followed link closes the small-screen menu.
  useEffect(() => setMenuOpen(false), [location.pathname]);
  // Escape closes the open menu and gives focus back to its button.
  useEffect(() => {
    if (!menuOpen) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      setMenuOpen(false);
      menuButton.current?.focus();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [menuOpen]);
  // Widening the window leaves no menu open behind the full header.
  useEffect(() => {
    if (wide) setMenuOpen(false);
  }, [wide]);

  return (
    <header className="border-b border-solid-gray-200 bg-white">
      <div className="mx-auto flex max-w-6xl items-center justify-between gap-2 px-4 py-2 md:flex-wrap md:gap-3 md:px-6 md:py-3">
        <BrandLink />
        <div className="flex shrink-0 items-center justify-end gap-2 md:flex-wrap">
          {can('notification:read:self') ? <NotificationBell /> : null}
          {wide ? (
            <>
              <UserMenu />
              <LanguageSwitch />
            </>
          ) : (
            <button
              ref={menuButton}
              type="button"
              className="inline-flex min-h-11 items-center gap-1 rounded-8 border border-solid-gray-420 px-2 text-dns-14B-130 text-blue-900"
              aria-expanded={menuOpen}
              aria-controls={navId}
              onClick={() => setMenuOpen((open) => !open)}
            >
              <MenuIcon open={menuOpen} />
              {t('nav.menu')}
            </button>
          )}
        </div>
      </div>
      <div
        id={navId}
        className={`${wide || menuOpen ? 'block' : 'hidden'} border-t border-solid-gray-200 bg-solid-gray-50`}
      >
        <nav aria-label={t('nav.label')}>
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
        {wide ? null : (
          <div
            className="flex flex-wrap items-center justify-between gap-3 border-t border-solid-gray-200 px-4 py-3"
            data-testid="menu-account"
          >
            <UserMenu />
            <LanguageSwitch />
          </div>
        )}
      </div>
    </header>
  );
}
