import type { ReactNode } from 'react';
import { formatDate } from '../format/date.ts';
import { useLanguage } from '../i18n/use-language.ts';
import { errorClass, hintClass, inputClass, labelClass } from '../ui/form-styles.ts';

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The id of the reading that `DateReading` gives for the input `inputId`, for its `aria-describedby`. */
export function dateReadingId(inputId: string): string {
  return `${inputId}-reading`;
}

/**
 * The chosen day as the reader reads dates — `令和8年4月1日` in Japanese, `1 April 2026` in English —
 * beside a native date input, so that a 和暦 reader checks the day without converting. Nothing while
 * the input holds no whole date.
 */
export function DateReading({
  inputId,
  value,
  suffix,
}: {
  inputId: string;
  value: string;
  /** Said after the date (e.g. 「（今日）」) */
  suffix?: string;
}) {
  const language = useLanguage();
  if (!ISO_DAY.test(value)) return null;
  return (
    <p id={dateReadingId(inputId)} className={hintClass} data-testid="date-reading">
      <time dateTime={value}>{formatDate(value, language)}</time>
      {suffix ? ` ${suffix}` : ''}
    </p>
  );
}

/**
 * A labelled date field: a native `<input type="date">`, the chosen day read out in the reader's
 * calendar, an optional hint and the field's error, each tied to the input by `aria-describedby`.
 */
export function DateField({
  id,
  label,
  value,
  onChange,
  min,
  max,
  required,
  disabled,
  hint,
  error,
  suffix,
  labelClassName = labelClass,
  inputClassName = `${inputClass} max-w-60`,
}: {
  id: string;
  label: ReactNode;
  value: string;
  onChange: (value: string) => void;
  min?: string;
  max?: string;
  required?: boolean;
  disabled?: boolean;
  hint?: ReactNode;
  error?: string;
  suffix?: string;
  labelClassName?: string;
  inputClassName?: string;
}) {
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [
    ISO_DAY.test(value) ? dateReadingId(id) : null,
    hint ? hintId : null,
    error ? errorId : null,
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <div>
      <label htmlFor={id} className={labelClassName}>
        {label}
      </label>
      <input
        id={id}
        type="date"
        value={value}
        min={min}
        max={max}
        required={required}
        disabled={disabled}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy || undefined}
        className={inputClassName}
      />
      <DateReading inputId={id} value={value} suffix={suffix} />
      {hint ? (
        <p id={hintId} className={hintClass}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={errorId} className={errorClass}>
          {error}
        </p>
      ) : null}
    </div>
  );
}
