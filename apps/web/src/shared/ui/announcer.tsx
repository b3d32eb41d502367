import { createContext, type ReactNode, useCallback, useContext, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

type Announce = (message: string) => void;

const AnnouncerContext = createContext<Announce>(() => {});

/** How long a confirmation stays on screen. */
const SHOWN_MS = 10_000;

/**
 * The one way a page confirms that a save went through (「出欠を保存しました」): a status message at the
 * foot of the screen, wherever the person has scrolled, read out by screen readers. The live region
 * is always in the page, so the message is announced the first time too; a new message replaces the
 * last. It stays ten seconds, or until closed.
 */
export function AnnouncerProvider({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const [message, setMessage] = useState('');
  const [count, setCount] = useState(0);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);

  const announce = useCallback<Announce>((next) => {
    setMessage(next);
    setCount((c) => c + 1);
  }, []);

  useEffect(() => {
    if (!message) return;
    clearTimeout(timer.current);
    timer.current = setTimeout(() => setMessage(''), SHOWN_MS);
    return () => clearTimeout(timer.current);
  }, [message, count]);

  return (
    <AnnouncerContext.Provider value={announce}>
      {children}
      {/* A live region without the status role, so a page's own status messages stay the only ones. */}
      <div
        aria-live="polite"
        aria-atomic="true"
        data-testid="announcer"
        className="pointer-events-none fixed inset-x-0 bottom-4 z-40 flex justify-center px-4 print:hidden"
      >
        {message ? (
          <p
            key={count}
            className="pointer-events-auto flex max-w-xl items-center gap-3 rounded-8 border-2 border-green-900 bg-green-50 px-4 py-2 text-std-16B-170 text-green-1000 shadow-2"
          >
            <span>{message}</span>
            <button
              type="button"
              onClick={() => setMessage('')}
              className="min-h-11 min-w-11 rounded-8 text-std-16N-170 underline underline-offset-4"
            >
              {t('common.close')}
            </button>
          </p>
        ) : null}
      </div>
    </AnnouncerContext.Provider>
  );
}

/** `const announce = useAnnounce(); … onSuccess: () => announce(t('…saved'))` */
export function useAnnounce(): Announce {
  return useContext(AnnouncerContext);
}
