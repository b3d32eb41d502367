import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../shared/api/api-client.ts';
import { formPath } from '../../../shared/forms/use-form-errors.tsx';
import { useValidationMessage } from '../../../shared/forms/validation-message.ts';
import { useErrorMessage } from '../../../shared/ui/states.tsx';
import { isConflict } from '../lib/format.ts';

/**
 * A failed save, said in the reader's language: a stale version says that someone saved first; a
 * validation problem names each field by its label with what is wrong, from the translation files.
 */
export function SaveError({ error }: { error: unknown }) {
  const { t, i18n } = useTranslation();
  const message = useErrorMessage(error);
  const fieldMessage = useValidationMessage();
  if (!error) return null;
  const fields = isApiError(error) ? error.errors : [];
  const labelOf = (field: string) => {
    const key = `plan.fields.${formPath(field).split('.')[0]}`;
    return i18n.exists(key) ? t(key) : null;
  };
  return (
    <div
      role="alert"
      className="mt-3 rounded-8 border-2 border-error-1 bg-red-50 p-3 text-std-16N-170 text-solid-gray-900"
    >
      <p>{isConflict(error) ? t('plan.conflict') : message}</p>
      {fields.length ? (
        <ul className="mt-1 list-disc pl-6 text-dns-14N-130">
          {fields.map((f) => {
            const label = labelOf(f.field);
            return (
              <li key={f.field}>
                {label ? `${label}: ` : ''}
                {fieldMessage(f)}
              </li>
            );
          })}
        </ul>
      ) : null}
    </div>
  );
}
