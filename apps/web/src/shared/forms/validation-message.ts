import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldError } from '../api/api-client.ts';

/**
 * The translation keys that may say what is wrong with a field, most specific first: the code with
 * the kind of value (`too_small_string`), with its format or expected type (`invalid_format_date`),
 * then the code alone, then the general `invalid`. The API's English `message` is never shown.
 */
export function validationKeys(error: Pick<FieldError, 'code' | 'params'>): string[] {
  const code = error.code ?? 'invalid';
  const p = error.params ?? {};
  const keys: string[] = [];
  if (code === 'too_small' && p.origin === 'string' && Number(p.minimum) <= 1) keys.push('required');
  if (code === 'too_small' && p.origin === 'array' && Number(p.minimum) <= 1) keys.push('choose');
  const variant = p.origin ?? p.format ?? p.expected;
  if (variant !== undefined && p.inclusive === 'no') keys.push(`${code}_${variant}_exclusive`);
  if (variant !== undefined) keys.push(`${code}_${variant}`);
  keys.push(code, 'invalid');
  return keys.map((key) => `validation.${key}`);
}

/** Says in the reader's language what is wrong with one field of a validation problem. */
export function useValidationMessage() {
  const { t, i18n } = useTranslation();
  return useCallback(
    (error: Pick<FieldError, 'code' | 'params'>) => {
      const key = validationKeys(error).find((k) => i18n.exists(k)) ?? 'validation.invalid';
      return t(key, { ...error.params });
    },
    [t, i18n],
  );
}
