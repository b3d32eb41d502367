import { useMutation } from '@tanstack/react-query';
import { apiFetch } from '../../../shared/api/api-client.ts';

/** `POST /api/auth/logout`: ends the session server-side and clears the cookie. */
export async function logout(): Promise<void> {
  await apiFetch('/api/auth/logout', { method: 'POST' });
}

export function useLogout() {
  return useMutation({
    mutationFn: logout,
    // Signing out of a session that has already ended is still signing out.
    meta: { authRedirect: false },
  });
}
