import { useEffect, useState } from 'react';

/**
 * The value as it was `ms` after it last changed: a query keyed by it asks once the person pauses,
 * not on every tick of a checkbox list. Compared by its JSON, so a new array with the same ids is no change.
 */
export function useDebouncedValue<T>(value: T, ms = 400): T {
  const [settled, setSettled] = useState(value);
  const key = JSON.stringify(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [key, ms]);
  return settled;
}
