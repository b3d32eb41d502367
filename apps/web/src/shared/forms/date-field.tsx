import type { ReactNode } from 'react';
import { formatDate } from '../format/date.ts';
import { useLanguage } from '../i18n/use-language.ts';
import { errorClass, hintClass, inputClass, labelClass } from '../ui/form-styles.ts';

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
/** A `datetime-local` value: a day and a time of day, as the reader entered them. */
const ISO_DAY_TIME = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/;

/** True when `value` holds a whole day (a date input's) or a whole day and time (a datetime-local's). */
function isWhole(value: string): boolean {
  return ISO_DAY.test(value) || ISO_DAY_TIME.test(value);
}

/** The id of the reading that `DateReading` gives for the input `inputId`, for its `aria-describedby`. */
export function dateReadingId(inputId: string): string {
  return `${inputId}-reading`;
}

/**
 * The chosen day as the reader reads dates — `令和8年4月1日` in Japanese, `1 April 2026` in English —
 * beside a native date input, so that a 和暦 reader checks the day without converting; a
 * `datetime-local` value is read with its time of day as entered (`令和8年4月1日 10:00`). Nothing while
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
  if (!isWhole(value)) return null;
  const withTime = ISO_DAY_TIME.exec(value);
  const reading = withTime
    ? `${formatDate(withTime[1] ?? value, language)} ${withTime[2]}`
    : formatDate(value, language);
  return (
    <p id={dateReadingId(inputId)} className={hintClass} data-testid="date-reading">
      <time dateTime={value}>{reading}</time>
      {suffix ? ` ${suffix}` : ''}
    </p>
  );
}

/**
 * A labelled date field: a native `<input type="date">` (or `datetime-local`), the chosen day read
 * out in the reader's calendar, an optional hint and the field's error, each tied to the input by
 * `aria-describedby`.
 */
export function DateField({
  id,
  label,
  value,
  onChange,
  type = 'date',
  min,
  max,
  required,
  disabled,
  hint,
  error,
  invalid,
  describedBy: alsoDescribedBy,
  suffix,
  labelClassName = labelClass,
  inputClassName = `${inputClass} max-w-60`,
}: {
  id: string;
  label: ReactNode;
  value: string;
  onChange: (value: string) => void;
  /** `datetime-local` for a day and a time of day */
  type?: 'date' | 'datetime-local';
  min?: string;
  max?: string;
  required?: boolean;
  disabled?: boolean;
  hint?: ReactNode;
  error?: string;
  /** Marks the field bad when its message is shown elsewhere (e.g. one message for a from–to pair) */
  invalid?: boolean;
  /** Ids of other texts that describe the field (e.g. that message, or why it is locked) */
  describedBy?: string;
  suffix?: string;
  labelClassName?: string;
  inputClassName?: string;
}) {
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [
    isWhole(value) ? dateReadingId(id) : null,
    hint ? hintId : null,
    error ? errorId : null,
    alsoDescribedBy || null,
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
        type={type}
        value={value}
        min={min}
        max={max}
        required={required}
        disabled={disabled}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={error || invalid ? true : undefined}
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
