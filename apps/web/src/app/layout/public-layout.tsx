import { Outlet } from 'react-router';
import { BrandLink } from './brand-link.tsx';
import { LanguageSwitch } from './language-switch.tsx';
import { PageFrame } from './page-frame.tsx';

/** The layout of pages open without a session (sign-in): the portal's name and the language switch. */
export function PublicLayout() {
  return (
    <PageFrame
      header={
        <header className="border-b border-solid-gray-200 bg-white">
          <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-3 px-4 py-3 md:px-6">
            <BrandLink />
            <LanguageSwitch />
          </div>
        </header>
      }
    >
      <Outlet />
    </PageFrame>
  );
}
