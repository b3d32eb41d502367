import type { TFunction } from 'i18next';
import { isApiError } from '../../../shared/api/api-client.ts';

/** Why the API refused a password or a link, in the reader's language. */
export function passwordErrorMessage(error: unknown, t: TFunction): string {
  if (!isApiError(error)) return t('errors.codes.unknown');
  if (error.status === 410) return t('myAccount.password.errors.tokenGone');
  const field = error.errors.find((e) => e.field === 'body.password' || e.field === 'body.currentPassword');
  if (field?.code)
    return t([`myAccount.password.errors.${field.code}`, 'errors.codes.unknown'], field.params ?? {});
  return t([`errors.codes.${error.code}`, 'errors.codes.unknown']);
}
