import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../shared/api/api-client.ts';
import { useValidationMessage } from '../../../shared/forms/validation-message.ts';
import { useErrorMessage } from '../../../shared/ui/states.tsx';

/**
 * A failed write, in words: the problem's translated code and, for a validation problem, each field
 * named (`body.shortTermGoal` → the field's label) with what is wrong with it, so the reader knows
 * what to fix.
 */
export function FormError({ error, labels }: { error: unknown; labels?: Record<string, string> }) {
  const { t } = useTranslation();
  const message = useErrorMessage(error);
  const fieldMessage = useValidationMessage();
  if (!error) return null;
  const fields = isApiError(error) ? error.errors : [];
  const labelOf = (field: string) => {
    const path = field.replace(/^(body|query|plan)\./, '');
    const head = path.split('.')[0] ?? path;
    return labels?.[path] ?? labels?.[head] ?? path;
  };
  return (
    <div role="alert" className="rounded-8 border-2 border-error-1 bg-red-50 p-4">
      <p className="text-std-16B-170 text-error-2">{t('career.form.failed')}</p>
      <p className="mt-1 text-std-16N-170 text-solid-gray-800">{message}</p>
      {fields.length ? (
        <ul className="mt-2 list-disc pl-6 text-std-16N-170 text-solid-gray-800">
          {fields.map((f) => (
            <li key={f.field}>
              {labelOf(f.field)}: {fieldMessage(f)}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
