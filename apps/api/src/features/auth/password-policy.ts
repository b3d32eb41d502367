/**
 * Password rules of ASVS 5.0 §6.2: length only (15 without MFA, 8 with it, up to 256), any characters,
 * no composition rules; refused when among the common and breached passwords shipped with the app
 * (the ~49,000 of @zxcvbn-ts/language-common), or when it is the person's login id or name.
 */
import { PASSWORD_MAX, PASSWORD_MIN, PASSWORD_MIN_WITH_MFA, type PASSWORD_REFUSALS } from '@portal/contracts';
import { dictionary } from '@zxcvbn-ts/language-common';

export type PasswordRefusal = {
  code: (typeof PASSWORD_REFUSALS)[number];
  message: string;
  params?: Record<string, number>;
};

let common: Set<string> | undefined;
function commonPasswords(): Set<string> {
  common ??= new Set((dictionary['passwords-common'] as string[]).map((p) => p.toLowerCase()));
  return common;
}

/** Unicode-normalised (NFKC), as ASVS asks, so that the same password typed differently matches. */
export const normalisePassword = (password: string) => password.normalize('NFKC');

const fold = (s: string) => s.normalize('NFKC').toLowerCase().replace(/\s+/g, '');

export function checkPassword(
  password: string,
  person: { loginId: string; names: string[]; mfa: boolean },
): PasswordRefusal | null {
  const p = normalisePassword(password);
  const min = person.mfa ? PASSWORD_MIN_WITH_MFA : PASSWORD_MIN;
  const length = [...p].length;
  if (length < min)
    return { code: 'password_too_short', message: `Use at least ${min} characters.`, params: { min } };
  if (length > PASSWORD_MAX)
    return {
      code: 'password_too_long',
      message: `Use at most ${PASSWORD_MAX} characters.`,
      params: { max: PASSWORD_MAX },
    };
  const folded = fold(p);
  if (commonPasswords().has(p.toLowerCase()) || commonPasswords().has(folded))
    return { code: 'password_common', message: 'This password is among the common or breached passwords.' };
  const personal = [person.loginId, ...person.names].map(fold).filter((s) => s.length >= 3);
  if (personal.some((s) => folded.includes(s)))
    return { code: 'password_personal', message: 'Do not use your login ID or your name in the password.' };
  return null;
}
