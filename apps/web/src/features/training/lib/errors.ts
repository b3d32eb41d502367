import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../shared/api/api-client.ts';
import { useErrorMessage } from '../../../shared/ui/states.tsx';

/** The message for a failed training action: the feature's own codes first, then the portal's. */
export function useTrainingErrorMessage(error: unknown): string | null {
  const { t, i18n } = useTranslation();
  const general = useErrorMessage(error);
  if (!error) return null;
  const code = isApiError(error) ? error.code : '';
  const key = `training.errors.${code}`;
  return code && i18n.exists(key) ? t(key) : general;
}
