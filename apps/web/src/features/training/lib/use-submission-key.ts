import { useCallback, useRef } from 'react';

/**
 * One `Idempotency-Key` per form submission: the same key until the submission succeeds, so a
 * double click, or a retry after an answer was lost, creates the record once.
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
