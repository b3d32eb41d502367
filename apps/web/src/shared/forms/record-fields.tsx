import { type ReactNode, useId } from 'react';
import { isApiError } from '../api/api-client.ts';
import { Button } from '../ui/button.tsx';
import { choiceClass, errorClass, hintClass, inputClass, labelClass } from '../ui/form-styles.ts';
import { useErrorMessage } from '../ui/states.tsx';
import { CharCount } from './char-count.tsx';

/**
 * The parts that the portal's quick records (an OJT session, a 1on1) draw alike, so that both are
 * logged on a phone the same way: a row of choices to tap, the minutes (a few taps or a number), and
 * the submit button that stays in reach with what to do when the sending failed.
 */

/** One choice of a few, as big buttons (radio inputs underneath, so the keyboard path is the usual one). */
export function ChoiceField<T extends string>({
  legend,
  name,
  options,
  value,
  onChange,
  label,
  wide = false,
  disabled = false,
  children,
}: {
  legend: string;
  name: string;
  options: readonly T[];
  value: T;
  onChange: (value: T) => void;
  label: (option: T) => string;
  /** Long labels: a column on a phone, two on a wider screen */
  wide?: boolean;
  disabled?: boolean;
  children?: ReactNode;
}) {
  return (
    <fieldset disabled={disabled}>
      <legend className={labelClass}>{legend}</legend>
      <div className={wide ? 'mt-2 grid gap-2 sm:grid-cols-2' : 'mt-2 flex flex-wrap gap-2'}>
        {options.map((option) => (
          <label key={option} className={wide ? `${choiceClass} justify-start` : choiceClass}>
            <input
              type="radio"
              name={name}
              value={option}
              checked={value === option}
              onChange={() => onChange(option)}
              className="sr-only"
            />
            {label(option)}
          </label>
        ))}
      </div>
      {children}
    </fieldset>
  );
}

/** How long it took: a few common lengths to tap, or any number of minutes up to `max`. */
export function MinutesField({
  legend,
  otherLabel,
  choices,
  choiceLabel,
  value,
  onChange,
  max,
  error,
  disabled = false,
  hint,
}: {
  legend: string;
  otherLabel: string;
  choices: readonly number[];
  choiceLabel: (minutes: number) => string;
  /** As typed (a string, so that a half-typed number stays as it is) */
  value: string;
  onChange: (value: string) => void;
  max: number;
  error?: string | undefined;
  disabled?: boolean;
  hint?: ReactNode;
}) {
  const id = useId();
  return (
    <ChoiceField
      legend={legend}
      name={`${id}-choice`}
      options={choices.map(String)}
      value={value}
      onChange={onChange}
      label={(m) => choiceLabel(Number(m))}
      disabled={disabled}
    >
      <label htmlFor={id} className="mt-3 block text-dns-14B-130">
        {otherLabel}
      </label>
      <input
        id={id}
        type="number"
        inputMode="numeric"
        min={1}
        max={max}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={error ? true : undefined}
        className={`${inputClass} max-w-40`}
      />
      {hint}
      {error ? <p className={errorClass}>{error}</p> : null}
    </ChoiceField>
  );
}

/** A text of some length (notes, topics): its label, an optional hint, and how much of `max` is used. */
export function TextAreaField({
  label,
  hint,
  value,
  onChange,
  max,
  rows = 3,
  className = inputClass,
}: {
  label: string;
  hint?: string;
  value: string;
  onChange: (value: string) => void;
  max: number;
  rows?: number;
  /** The textarea's look (e.g. taller for long texts) */
  className?: string;
}) {
  const id = useId();
  return (
    <div>
      <label htmlFor={id} className={labelClass}>
        {label}
      </label>
      {hint ? (
        <p id={`${id}-hint`} className={hintClass}>
          {hint}
        </p>
      ) : null}
      <textarea
        id={id}
        rows={rows}
        maxLength={max}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-describedby={hint ? `${id}-hint ${id}-count` : `${id}-count`}
        className={className}
      />
      <CharCount id={`${id}-count`} value={value} max={max} />
    </div>
  );
}

/**
 * The submit button, kept at the bottom of a phone's screen while the form scrolls, and above it what
 * went wrong when sending failed for another reason than the fields (the fields say theirs): the
 * message and that sending again is safe.
 */
export function SubmitBar({
  error,
  retryNote,
  pending,
  children,
}: {
  error: unknown;
  retryNote: string;
  pending: boolean;
  children: ReactNode;
}) {
  const message = useErrorMessage(error);
  const failed = error != null && !(isApiError(error) && error.status === 400);
  return (
    <>
      {failed ? (
        <p
          role="alert"
          className="rounded-8 border-2 border-error-1 bg-red-50 p-3 text-std-16N-170 text-error-2"
        >
          {message} {retryNote}
        </p>
      ) : null}
      <div className="sticky bottom-0 -mx-4 border-t border-solid-gray-200 bg-white px-4 py-3 sm:static sm:mx-0 sm:border-0 sm:p-0">
        <Button type="submit" className="w-full sm:w-auto" aria-disabled={pending || undefined}>
          {children}
        </Button>
      </div>
    </>
  );
}
