import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { meQueryOptions, useMe } from '../../features/auth/api/get-me.ts';
import { lastAnswered, markAnswered } from '../../shared/api/activity.ts';
import { Button } from '../../shared/ui/button.tsx';

/** The server notes a request at most once a minute; count from a minute earlier to be safe. */
const SERVER_LAG_MS = 60_000;

/** Seconds left before an idle session ends, from the last answer of the API. */
export function idleSecondsLeft(idleTimeoutSeconds: number, lastAnswerAt: number, now: number) {
  return Math.floor((lastAnswerAt - SERVER_LAG_MS + idleTimeoutSeconds * 1000 - now) / 1000);
}

/** Warn this long before the end: five minutes, or a sixth of a short timeout. */
export const warnAhead = (idleTimeoutSeconds: number) => Math.min(300, Math.floor(idleTimeoutSeconds / 6));

/**
 * A few minutes before an idle session would end, says so and offers to stay signed in (one request
 * renews it). Text typed meanwhile is kept as a local draft by the long forms in any case.
 */
export function IdleWarning({ checkEveryMs = 10_000 }: { checkEveryMs?: number }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const { data: me } = useMe();
  const idle = me?.session.idleTimeoutSeconds;
  const [left, setLeft] = useState<number | null>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!idle) return;
    const check = () => {
      const seconds = idleSecondsLeft(idle, lastAnswered(), Date.now());
      setLeft(seconds <= warnAhead(idle) && seconds > 0 ? seconds : null);
    };
    check();
    const timer = window.setInterval(check, checkEveryMs);
    return () => window.clearInterval(timer);
  }, [idle, checkEveryMs]);

  const showing = left !== null;
  useEffect(() => {
    if (showing) buttonRef.current?.focus();
  }, [showing]);

  if (left === null) return null;
  const stay = async () => {
    await queryClient.fetchQuery({ ...meQueryOptions(), staleTime: 0 });
    markAnswered();
    setLeft(null);
  };
  return (
    <div
      role="alertdialog"
      aria-labelledby="idle-warning-title"
      aria-describedby="idle-warning-body"
      className="fixed inset-x-2 bottom-2 z-50 mx-auto max-w-xl rounded-12 border-2 border-orange-800 bg-white p-4 shadow-lg md:bottom-6"
    >
      <h2 id="idle-warning-title" className="text-std-18B-160 text-solid-gray-900">
        {t('session.idle.title')}
      </h2>
      <p id="idle-warning-body" className="mt-1 text-std-16N-170 text-solid-gray-800">
        {t('session.idle.body', { count: Math.max(1, Math.ceil(left / 60)) })}
      </p>
      <Button ref={buttonRef} className="mt-3" onClick={() => void stay()}>
        {t('session.idle.stay')}
      </Button>
    </div>
  );
}
