import type { LoginRequest } from '@portal/contracts';
import { useMutation } from '@tanstack/react-query';
import { apiFetch } from '../../../shared/api/api-client.ts';

export type LoginResult = { expiresAt: string; mfaRequired: boolean; mfaEnrolmentRequired: boolean };

/** `POST /api/auth/login`: sets the HttpOnly session cookie. 401 `invalid_credentials`, 429, 400. */
export function login(body: LoginRequest): Promise<LoginResult> {
  return apiFetch<LoginResult>('/api/auth/login', { method: 'POST', json: body });
}

export function useLogin() {
  return useMutation({
    mutationFn: login,
    // A 401 here is a wrong password, not a lost session.
    meta: { authRedirect: false },
  });
}
