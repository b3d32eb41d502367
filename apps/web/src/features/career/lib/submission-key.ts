import { useCallback, useRef } from 'react';

/**
 * One `Idempotency-Key` per form submission: the same key until the submission succeeds or is
 * dropped, so a double tap, or a retry after a lost answer, creates the record once.
 */
export function useSubmissionKey() {
  const key = useRef<string | null>(null);
  const current = useCallback(() => {
    key.current ??= crypto.randomUUID();
    return key.current;
  }, []);
  const reset = useCallback(() => {
    key.current = null;
  }, []);
  return { current, reset };
}
