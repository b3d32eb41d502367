import { useMutation } from '@tanstack/react-query';
import { apiFetch } from '../../../shared/api/api-client.ts';

// Apart from the account API: the sign-in page needs only this, and none of the account's schemas.
/** `POST /api/auth/mfa`: the second factor of a pending sign-in (TOTP or recovery code). */
export function verifyMfa(code: string): Promise<{ expiresAt: string }> {
  return apiFetch('/api/auth/mfa', { method: 'POST', json: { code } });
}
export function useVerifyMfa() {
  return useMutation({ mutationFn: verifyMfa, meta: { authRedirect: false } });
}
