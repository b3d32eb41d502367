export const SIGN_IN_PATH = '/sign-in';

const ORIGIN = 'http://portal.invalid';

/**
 * Where to go after signing in: only a same-origin relative path (`/…`, not `//host` or `/\host`),
 * never the sign-in page itself; anything else is `/`.
 */
export function sanitizeReturnTo(value: string | null | undefined): string {
  if (typeof value !== 'string' || !value.startsWith('/') || value.startsWith('//')) return '/';
  // Browsers read `\` as `/` and drop tabs and newlines, so `/\evil.example` is another host.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: rejecting control characters is the point
  if (/[\\\u0000-\u001f\u007f]/.test(value)) return '/';
  let url: URL;
  try {
    url = new URL(value, ORIGIN);
  } catch {
    return '/';
  }
  if (url.origin !== ORIGIN) return '/';
  if (url.pathname === SIGN_IN_PATH || url.pathname.startsWith(`${SIGN_IN_PATH}/`)) return '/';
  return `${url.pathname}${url.search}${url.hash}`;
}

/** `/sign-in?returnTo=…` (and `&expired=1` when a session ended under the reader). */
export function signInPath(options: { returnTo?: string; expired?: boolean } = {}): string {
  const params = new URLSearchParams();
  const returnTo = options.returnTo === undefined ? '/' : sanitizeReturnTo(options.returnTo);
  if (returnTo !== '/') params.set('returnTo', returnTo);
  if (options.expired) params.set('expired', '1');
  const query = params.toString();
  return query ? `${SIGN_IN_PATH}?${query}` : SIGN_IN_PATH;
}
