import { useTranslation } from 'react-i18next';
import { hintClass, inputClass, labelClass, textareaClass } from '../ui/form-styles.ts';
import { CharCount } from './char-count.tsx';
import { FieldMessage, type FormErrorsApi } from './use-form-errors.tsx';

/**
 * A text of a form that says what is wrong (`useFormErrors`): its label, an optional hint, the input
 * (a textarea for a long text, with how much of `max` is used), and its message. Typing in it takes
 * its message away; each text is tied to the field by `aria-describedby`.
 */
export function FormTextField({
  form,
  name,
  label,
  hint,
  value,
  max,
  onChange,
  multiline = false,
  disabled,
}: {
  form: FormErrorsApi;
  /** The field's name in the form (`titleJa`, `publicPosts.0.titleJa`) */
  name: string;
  label: string;
  hint?: string;
  value: string;
  max: number;
  onChange: (value: string) => void;
  multiline?: boolean;
  disabled?: boolean;
}) {
  const attrs = form.field(name);
  const countId = `${attrs.id}-count`;
  const hintId = `${attrs.id}-hint`;
  const control = {
    ...attrs,
    'aria-describedby':
      [attrs['aria-describedby'], hint ? hintId : null, multiline ? countId : null]
        .filter(Boolean)
        .join(' ') || undefined,
    value,
    maxLength: max,
    disabled,
    onChange: (e: { target: { value: string } }) => {
      form.clear(name);
      onChange(e.target.value);
    },
  };
  return (
    <div>
      <label htmlFor={attrs.id} className={labelClass}>
        {label}
      </label>
      {hint ? (
        <p id={hintId} className={hintClass}>
          {hint}
        </p>
      ) : null}
      {multiline ? (
        <>
          <textarea className={textareaClass} {...control} />
          <CharCount id={countId} value={value} max={max} />
        </>
      ) : (
        <input className={inputClass} {...control} />
      )}
      <FieldMessage form={form} name={name} />
    </div>
  );
}

/** A draft's text in both languages, by the names `<field>Ja` and `<field>En`. */
export type Bilingual<N extends string> = Record<`${N}Ja` | `${N}En`, string>;

/**
 * A text written in Japanese and in English (a title, a description): two `FormTextField`s named
 * `<field>Ja` and `<field>En` (under `path`, for a row of a list), read from and written to the draft
 * by those names, and labelled by the translations of the same names under `labels`.
 */
export function BilingualTextField<N extends string>({
  form,
  field,
  path,
  labels,
  value,
  onChange,
  max,
  multiline,
}: {
  form: FormErrorsApi;
  /** The draft's key without its language (`title` for `titleJa` and `titleEn`) */
  field: N;
  /** Where the draft stands in the form (`careerFields.0`), when not at its top */
  path?: string;
  /** Where the labels are among the translations (`surveys.editor` for `surveys.editor.titleJa`) */
  labels: string;
  value: Bilingual<N>;
  onChange: (patch: Partial<Bilingual<N>>) => void;
  max: number;
  multiline?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <>
      {(['Ja', 'En'] as const).map((lang) => {
        const key = `${field}${lang}` as const;
        return (
          <FormTextField
            key={lang}
            form={form}
            name={path ? `${path}.${key}` : key}
            label={t(`${labels}.${key}`)}
            value={value[key]}
            max={max}
            multiline={multiline}
            onChange={(v) => onChange({ [key]: v } as Partial<Bilingual<N>>)}
          />
        );
      })}
    </>
  );
}
