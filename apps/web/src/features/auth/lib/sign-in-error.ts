import type { TFunction } from 'i18next';
import { isApiError } from '../../../shared/api/api-client.ts';

/** The translated message for a failed sign-in, by the problem's code (and Retry-After for 429). */
export function signInErrorMessage(
  error: unknown,
  t: TFunction,
  unauthorizedKey = 'auth.signIn.errors.invalidCredentials',
): string {
  const code = isApiError(error) ? error.code : 'unknown';
  if (
    code === 'invalid_credentials' ||
    code === 'invalid_code' ||
    (isApiError(error) && error.status === 401)
  ) {
    return t(unauthorizedKey);
  }
  if (code === 'too_many_requests') {
    const seconds = isApiError(error) ? error.retryAfter : undefined;
    return seconds === undefined
      ? t('auth.signIn.errors.tooManyRequests')
      : t('auth.signIn.errors.tooManyRequestsWait', { count: Math.max(1, Math.ceil(seconds / 60)) });
  }
  if (code === 'validation') return t('auth.signIn.errors.validation');
  const key = `errors.codes.${code}`;
  return t([key, 'errors.codes.unknown']);
}
