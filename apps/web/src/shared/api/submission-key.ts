import { useCallback, useMemo, useRef } from 'react';

/**
 * One `Idempotency-Key` per form submission: the same key until the submission succeeds (then
 * `reset`), so a double tap, or a retry after an answer was lost, creates the record once. A failed
 * answer keeps the key: the server stored nothing under it, and a lost answer may have.
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
  return useMemo(() => ({ current, reset }), [current, reset]);
}

/** The request header that carries a submission's key. */
export const idempotencyHeader = (key: string) => ({ 'idempotency-key': key });
