import {
  type ChangePasswordRequest,
  RecoveryCodes,
  type SetPasswordRequest,
  TotpEnrolment,
} from '@portal/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../../shared/api/api-client.ts';
import { authKeys } from './get-me.ts';

/** `POST /api/auth/password`: a password from an invitation or reset link (410 when used or expired). */
export function setPassword(body: SetPasswordRequest): Promise<void> {
  return apiFetch('/api/auth/password', { method: 'POST', json: body });
}
export function useSetPassword() {
  return useMutation({ mutationFn: setPassword, meta: { authRedirect: false } });
}

/** `POST /api/auth/password-reset`: always 202. */
export function requestPasswordReset(loginId: string): Promise<void> {
  return apiFetch('/api/auth/password-reset', { method: 'POST', json: { loginId } });
}
export function useRequestPasswordReset() {
  return useMutation({ mutationFn: requestPasswordReset, meta: { authRedirect: false } });
}

/** `PUT /api/me/password`: ends my other sessions. */
export function changePassword(body: ChangePasswordRequest): Promise<void> {
  return apiFetch('/api/me/password', { method: 'PUT', json: body });
}
export function useChangePassword() {
  return useMutation({ mutationFn: changePassword });
}

/** `POST /api/me/mfa/totp`: a new secret to enrol, with its QR code. */
export function startTotp(): Promise<TotpEnrolment> {
  return apiFetch('/api/me/mfa/totp', { method: 'POST', schema: TotpEnrolment });
}
/** `PUT /api/me/mfa/totp`: confirm with a code; the recovery codes come back this once. */
export function confirmTotp(code: string): Promise<RecoveryCodes> {
  return apiFetch('/api/me/mfa/totp', { method: 'PUT', json: { code }, schema: RecoveryCodes });
}
/** `DELETE /api/me/mfa/totp` */
export function removeTotp(): Promise<void> {
  return apiFetch('/api/me/mfa/totp', { method: 'DELETE' });
}

export function useStartTotp() {
  return useMutation({ mutationFn: startTotp });
}
/** `me` is refreshed by the caller once the recovery codes have been read (they show only now). */
export function useConfirmTotp() {
  return useMutation({ mutationFn: confirmTotp });
}
export function useRemoveTotp() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: removeTotp,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: authKeys.me() }),
  });
}
