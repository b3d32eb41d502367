import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../shared/api/api-client.ts';
import { useErrorMessage } from '../../../shared/ui/states.tsx';
import { isConflict } from '../lib/format.ts';

/** A failed save, said in the reader's language; a conflict says that someone saved first. */
export function SaveError({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const message = useErrorMessage(error);
  if (!error) return null;
  const fields = isApiError(error) ? error.errors : [];
  return (
    <div
      role="alert"
      className="mt-3 rounded-8 border-2 border-error-1 bg-red-50 p-3 text-std-16N-170 text-solid-gray-900"
    >
      <p>{isConflict(error) ? t('plan.conflict') : message}</p>
      {fields.length ? (
        <ul className="mt-1 list-disc pl-6 text-dns-14N-130">
          {fields.map((f) => (
            <li key={f.field}>
              <code>{f.field.replace(/^body\./, '')}</code>: {f.message}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
