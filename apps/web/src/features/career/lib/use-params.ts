import { useCallback, useMemo } from 'react';
import { useLocation, useNavigate } from 'react-router';

/**
 * The address's query parameters, and a setter that keeps the path and the `#section` (react-router's
 * `setSearchParams` drops the hash, which names the open section of the career page).
 */
export function useCareerParams(): [URLSearchParams, (patch: Record<string, string | undefined>) => void] {
  const location = useLocation();
  const navigate = useNavigate();
  const params = useMemo(() => new URLSearchParams(location.search), [location.search]);
  const set = useCallback(
    (patch: Record<string, string | undefined>) => {
      const next = new URLSearchParams(location.search);
      for (const [key, value] of Object.entries(patch)) {
        if (value) next.set(key, value);
        else next.delete(key);
      }
      const search = next.toString();
      navigate(
        { pathname: location.pathname, search: search ? `?${search}` : '', hash: location.hash },
        { replace: true, preventScrollReset: true },
      );
    },
    [location.hash, location.pathname, location.search, navigate],
  );
  return [params, set];
}
