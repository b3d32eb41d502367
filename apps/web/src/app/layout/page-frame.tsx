import { type ReactNode, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { ScrollRestoration, useLocation } from 'react-router';
import { AnnouncerProvider } from '../../shared/ui/announcer.tsx';
import { SiteFooter } from './site-footer.tsx';

export const MAIN_ID = 'main-content';

/** Skip link, a header, the main landmark and the footer; shared by the signed-in and public layouts. */
export function PageFrame({ header, children }: { header: ReactNode; children: ReactNode }) {
  const { t } = useTranslation();
  const location = useLocation();
  const mainRef = useRef<HTMLElement>(null);
  const firstRender = useRef(true);

  // After a client-side navigation, move focus to the new content, as a full page load would.
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    mainRef.current?.focus();
  }, [location.pathname]);

  return (
    <AnnouncerProvider>
      <div className="flex min-h-screen flex-col">
        <a
          href={`#${MAIN_ID}`}
          onClick={(event) => {
            // Focus without touching the URL, so the router sees no navigation.
            event.preventDefault();
            mainRef.current?.focus();
            mainRef.current?.scrollIntoView();
          }}
          className="sr-only z-50 bg-yellow-300 px-4 py-3 text-std-16B-170 text-black focus:not-sr-only focus:absolute focus:top-2 focus:left-2"
        >
          {t('skipLink')}
        </a>
        {header}
        <main
          id={MAIN_ID}
          ref={mainRef}
          tabIndex={-1}
          className="mx-auto w-full max-w-6xl flex-1 px-4 py-8 md:px-6"
        >
          {children}
        </main>
        <SiteFooter />
        <ScrollRestoration />
      </div>
    </AnnouncerProvider>
  );
}
