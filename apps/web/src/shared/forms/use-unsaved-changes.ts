import { useCallback, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useBlocker } from 'react-router';

/**
 * Warns before a changed form is left: another page of the portal asks first, and closing or
 * reloading the tab gets the browser's own question. Going to the sign-in page (a session that
 * ended) is never held up: the form's local draft keeps the text. Call the returned function just
 * before a navigation the form itself makes after saving.
 */
export function useUnsavedChanges(dirty: boolean, signInPath = '/sign-in') {
  const { t } = useTranslation();
  const saved = useRef(false);
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) =>
      dirty &&
      !saved.current &&
      currentLocation.pathname !== nextLocation.pathname &&
      nextLocation.pathname !== signInPath,
  );

  useEffect(() => {
    if (blocker.state !== 'blocked') return;
    if (window.confirm(t('forms.unsaved.leave'))) blocker.proceed();
    else blocker.reset();
  }, [blocker, t]);

  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      // older browsers show the question only when a value is set
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  return useCallback(() => {
    saved.current = true;
  }, []);
}
