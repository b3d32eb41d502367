import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/api-client.ts';
import { errorClass } from '../ui/form-styles.ts';
import { useValidationMessage } from './validation-message.ts';

export type FormErrors = Record<string, string>;

/** `body.targets.0.value` → `targets.0.value`: the field's path inside the form. */
export const formPath = (field: string) => field.replace(/^(body|query|params)\./, '');

/**
 * One way for a form to show what is wrong: each bad field is marked (`aria-invalid`) and described
 * by its message (`aria-describedby`), the first one in the form takes focus, and errors the form has
 * no field for are listed in its alert. Messages come from the translation files — the form's own
 * checks pass translated text, and a 400 from the API is translated by each field's code and params.
 */
export function useFormErrors() {
  const id = useId();
  const ref = useRef<HTMLFormElement>(null);
  const [errors, setErrors] = useState<FormErrors>({});
  const [shown, setShown] = useState(0);
  const registered = useRef(new Set<string>());
  const message = useValidationMessage();

  useEffect(() => {
    if (!shown) return;
    const form = ref.current;
    const first =
      form?.querySelector<HTMLElement>('[aria-invalid="true"]') ??
      form?.querySelector<HTMLElement>('[data-form-alert]');
    first?.focus();
  }, [shown]);

  /** Shows these errors (or none); true when there were any. */
  const show = useCallback((next: FormErrors) => {
    setErrors(next);
    setShown((n) => n + 1);
    return Object.keys(next).length > 0;
  }, []);

  /**
   * Shows the field errors of a failed request; `fieldOf` maps an API field path to the form's field
   * (by default the path's first segment). Returns false when the error was not a validation problem.
   */
  const showProblem = useCallback(
    (error: unknown, fieldOf: (path: string) => string = (path) => path.split('.')[0] ?? path) => {
      if (!isApiError(error) || error.status !== 400 || !error.errors.length) return false;
      const next: FormErrors = {};
      for (const e of error.errors) {
        const name = fieldOf(formPath(e.field));
        next[name] ??= message(e);
      }
      show(next);
      return true;
    },
    [message, show],
  );

  const clear = useCallback((name: string) => {
    setErrors((current) => {
      if (!(name in current)) return current;
      const { [name]: _, ...rest } = current;
      return rest;
    });
  }, []);

  const field = useCallback(
    (name: string) => {
      registered.current.add(name);
      const bad = errors[name] !== undefined;
      return {
        id: `${id}-${name}`,
        'aria-invalid': bad ? true : undefined,
        'aria-describedby': bad ? `${id}-${name}-error` : undefined,
      } as const;
    },
    [errors, id],
  );

  return useMemo(
    () => ({ ref, errors, show, showProblem, clear, field, id, registered }),
    [errors, show, showProblem, clear, field, id],
  );
}

export type FormErrorsApi = ReturnType<typeof useFormErrors>;

/** The message under a field, tied to it by `aria-describedby`. */
export function FieldMessage({ form, name }: { form: FormErrorsApi; name: string }) {
  const text = form.errors[name];
  if (!text) return null;
  return (
    <p id={`${form.id}-${name}-error`} className={errorClass}>
      {text}
    </p>
  );
}

/**
 * The form's alert: "check what you entered" with the count, and the messages of fields the form
 * shows no control for (so nothing the server said is lost). `labels` names those fields.
 */
export function FormAlert({ form, labels = {} }: { form: FormErrorsApi; labels?: Record<string, string> }) {
  const { t } = useTranslation();
  const names = Object.keys(form.errors);
  if (!names.length) return null;
  const loose = names.filter((name) => !form.registered.current.has(name));
  return (
    <div
      role="alert"
      tabIndex={-1}
      data-form-alert
      className="rounded-8 border-2 border-error-1 bg-red-50 p-4 text-std-16N-170 text-solid-gray-900"
    >
      <p className="text-std-16B-170 text-error-2">
        {names.length > 1 ? t('validation.summaryCount', { count: names.length }) : t('validation.summary')}
      </p>
      {loose.length ? (
        <ul className="mt-2 list-disc pl-6">
          {loose.map((name) => (
            <li key={name}>
              {labels[name] ? `${labels[name]}: ` : ''}
              {form.errors[name]}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
