import type { SelfDeclarationRound } from '@portal/contracts';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { FormErrorsApi } from '../../../shared/forms/use-form-errors.tsx';
import { FieldMessage } from '../../../shared/forms/use-form-errors.tsx';
import { Button } from '../../../shared/ui/button.tsx';
import {
  hintClass,
  inputClass,
  labelClass,
  panelClass,
  selectClass,
  textareaClass,
} from '../../../shared/ui/form-styles.ts';
import { useOrgUnits } from '../../identity/api/get-org-units.ts';
import { UnitOptions } from '../../identity/components/unit-options.tsx';

/** A キャリア選択 field as the editor holds it: `id` once saved (declarations name it), `key` for React. */
export type FieldDraft = { key: string; id?: string; nameJa: string; nameEn: string; description: string };
/** A 庁内公募 post as the editor holds it; `openings` as typed. */
export type PostDraft = {
  key: string;
  id?: string;
  titleJa: string;
  titleEn: string;
  orgUnitId: string;
  description: string;
  openings: string;
};

let next = 0;
const newKey = () => `new-${++next}`;

export const fieldDraftsOf = (round?: SelfDeclarationRound): FieldDraft[] =>
  (round?.careerFields ?? []).map((f) => ({
    key: f.id,
    id: f.id,
    nameJa: f.name.ja,
    nameEn: f.name.en === f.name.ja ? '' : f.name.en,
    description: f.description,
  }));
export const postDraftsOf = (round?: SelfDeclarationRound): PostDraft[] =>
  (round?.publicPosts ?? []).map((p) => ({
    key: p.id,
    id: p.id,
    titleJa: p.title.ja,
    titleEn: p.title.en === p.title.ja ? '' : p.title.en,
    orgUnitId: p.orgUnit?.id ?? '',
    description: p.description,
    openings: String(p.openings),
  }));

/** The editor's own checks, by the names the form marks (`publicPosts.0.openings`), with translated text. */
export function checkItems(
  fields: FieldDraft[],
  posts: PostDraft[],
  t: (key: string, options?: Record<string, unknown>) => string,
): Record<string, string> {
  const errors: Record<string, string> = {};
  fields.forEach((f, i) => {
    if (!f.nameJa.trim()) errors[`careerFields.${i}.nameJa`] = t('validation.required');
  });
  posts.forEach((p, i) => {
    if (!p.titleJa.trim()) errors[`publicPosts.${i}.titleJa`] = t('validation.required');
    const n = Number(p.openings);
    if (!p.openings.trim() || !Number.isInteger(n) || n < 1 || n > 99)
      errors[`publicPosts.${i}.openings`] = t('validation.value_out_of_range', { min: 1, max: 99 });
  });
  return errors;
}

/** The API's field path (`publicPosts.0.title.ja`) as the form names it (`publicPosts.0.titleJa`). */
export function itemFieldOf(path: string): string | null {
  const m =
    /^(careerFields|publicPosts)\.(\d+)\.(name|title|orgUnitId|description|openings|id)(?:\.(ja|en))?/.exec(
      path,
    );
  if (!m) return null;
  const [, list, index, field, lang] = m;
  const name = lang ? `${field}${lang === 'ja' ? 'Ja' : 'En'}` : field;
  return `${list}.${index}.${name === 'id' ? (list === 'careerFields' ? 'nameJa' : 'titleJa') : name}`;
}

type Props = {
  form: FormErrorsApi;
  fields: FieldDraft[];
  posts: PostDraft[];
  onFields: (fields: FieldDraft[]) => void;
  onPosts: (posts: PostDraft[]) => void;
};

/**
 * The round's キャリア選択 fields and 庁内公募 posts: add, change, remove. A row keeps its id, so the
 * interest people declared in it stays; a removed one drops out of their declarations (decision 053).
 */
export function RoundItemsEditor({ form, fields, posts, onFields, onPosts }: Props) {
  const { t } = useTranslation();
  const units = useOrgUnits();
  const focusNext = useRef<string | null>(null);
  const root = useRef<HTMLDivElement>(null);

  // After adding, the new row's first field takes focus; after removing, the list's add button does.
  useEffect(() => {
    if (!focusNext.current) return;
    root.current?.querySelector<HTMLElement>(`[data-focus="${focusNext.current}"]`)?.focus();
    focusNext.current = null;
  });

  const setField = (i: number, patch: Partial<FieldDraft>) =>
    onFields(fields.map((f, j) => (j === i ? { ...f, ...patch } : f)));
  const setPost = (i: number, patch: Partial<PostDraft>) =>
    onPosts(posts.map((p, j) => (j === i ? { ...p, ...patch } : p)));

  const text = (
    name: string,
    label: string,
    value: string,
    onChange: (v: string) => void,
    options: { max: number; focusKey?: string; multiline?: boolean },
  ) => {
    const props = form.field(name);
    return (
      <div>
        <label className={labelClass} htmlFor={props.id}>
          {label}
        </label>
        {options.multiline ? (
          <textarea
            className={textareaClass}
            {...props}
            value={value}
            maxLength={options.max}
            onChange={(e) => onChange(e.target.value)}
          />
        ) : (
          <input
            className={inputClass}
            {...props}
            data-focus={options.focusKey}
            value={value}
            maxLength={options.max}
            onChange={(e) => onChange(e.target.value)}
          />
        )}
        <FieldMessage form={form} name={name} />
      </div>
    );
  };

  return (
    <div ref={root} className="grid gap-5">
      <section className={panelClass} aria-labelledby="round-fields-title">
        <h2 id="round-fields-title" className="text-std-18B-160">
          {t('selfDeclaration.rounds.items.fieldsTitle', { count: fields.length })}
        </h2>
        <p className={hintClass}>{t('selfDeclaration.rounds.items.fieldsHint')}</p>
        {fields.length === 0 ? <p className="mt-2">{t('selfDeclaration.rounds.items.noFields')}</p> : null}
        <ol className="mt-3 grid gap-4">
          {fields.map((f, i) => {
            const label = f.nameJa.trim() || t('selfDeclaration.rounds.items.fieldN', { n: i + 1 });
            return (
              <li key={f.key}>
                <fieldset className="grid min-w-0 gap-3 rounded-8 border border-solid-gray-300 bg-white p-3">
                  <legend className="px-1 text-std-16B-170">
                    {t('selfDeclaration.rounds.items.fieldN', { n: i + 1 })}
                  </legend>
                  {text(
                    `careerFields.${i}.nameJa`,
                    t('selfDeclaration.rounds.items.nameJa'),
                    f.nameJa,
                    (v) => setField(i, { nameJa: v }),
                    { max: 200, focusKey: f.key },
                  )}
                  {text(
                    `careerFields.${i}.nameEn`,
                    t('selfDeclaration.rounds.items.nameEn'),
                    f.nameEn,
                    (v) => setField(i, { nameEn: v }),
                    { max: 200 },
                  )}
                  {text(
                    `careerFields.${i}.description`,
                    t('selfDeclaration.rounds.items.description'),
                    f.description,
                    (v) => setField(i, { description: v }),
                    { max: 1000, multiline: true },
                  )}
                  <div>
                    <Button
                      variant="tertiary"
                      aria-label={t('selfDeclaration.rounds.items.removeNamed', { name: label })}
                      onClick={() => {
                        focusNext.current = 'add-field';
                        onFields(fields.filter((_, j) => j !== i));
                      }}
                    >
                      {t('selfDeclaration.rounds.items.remove')}
                    </Button>
                  </div>
                </fieldset>
              </li>
            );
          })}
        </ol>
        <Button
          variant="secondary"
          className="mt-3"
          data-focus="add-field"
          disabled={fields.length >= 50}
          onClick={() => {
            const key = newKey();
            focusNext.current = key;
            onFields([...fields, { key, nameJa: '', nameEn: '', description: '' }]);
          }}
        >
          {t('selfDeclaration.rounds.items.addField')}
        </Button>
      </section>

      <section className={panelClass} aria-labelledby="round-posts-title">
        <h2 id="round-posts-title" className="text-std-18B-160">
          {t('selfDeclaration.rounds.items.postsTitle', { count: posts.length })}
        </h2>
        <p className={hintClass}>{t('selfDeclaration.rounds.items.postsHint')}</p>
        {posts.length === 0 ? <p className="mt-2">{t('selfDeclaration.rounds.items.noPosts')}</p> : null}
        <ol className="mt-3 grid gap-4">
          {posts.map((p, i) => {
            const label = p.titleJa.trim() || t('selfDeclaration.rounds.items.postN', { n: i + 1 });
            const unit = form.field(`publicPosts.${i}.orgUnitId`);
            const openings = form.field(`publicPosts.${i}.openings`);
            return (
              <li key={p.key}>
                <fieldset className="grid min-w-0 gap-3 rounded-8 border border-solid-gray-300 bg-white p-3">
                  <legend className="px-1 text-std-16B-170">
                    {t('selfDeclaration.rounds.items.postN', { n: i + 1 })}
                  </legend>
                  {text(
                    `publicPosts.${i}.titleJa`,
                    t('selfDeclaration.rounds.items.titleJa'),
                    p.titleJa,
                    (v) => setPost(i, { titleJa: v }),
                    { max: 200, focusKey: p.key },
                  )}
                  {text(
                    `publicPosts.${i}.titleEn`,
                    t('selfDeclaration.rounds.items.titleEn'),
                    p.titleEn,
                    (v) => setPost(i, { titleEn: v }),
                    { max: 200 },
                  )}
                  <div className="grid gap-3 sm:grid-cols-[1fr_10rem]">
                    <div className="min-w-0">
                      <label className={labelClass} htmlFor={unit.id}>
                        {t('selfDeclaration.rounds.items.unit')}
                      </label>
                      <select
                        className={selectClass}
                        {...unit}
                        value={p.orgUnitId}
                        onChange={(e) => setPost(i, { orgUnitId: e.target.value })}
                      >
                        <option value="">{t('selfDeclaration.rounds.items.noUnit')}</option>
                        <UnitOptions units={units.data?.items ?? []} />
                      </select>
                      <FieldMessage form={form} name={`publicPosts.${i}.orgUnitId`} />
                    </div>
                    <div>
                      <label className={labelClass} htmlFor={openings.id}>
                        {t('selfDeclaration.rounds.items.openings')}
                      </label>
                      <input
                        type="number"
                        inputMode="numeric"
                        min={1}
                        max={99}
                        className={inputClass}
                        {...openings}
                        value={p.openings}
                        onChange={(e) => setPost(i, { openings: e.target.value })}
                      />
                      <FieldMessage form={form} name={`publicPosts.${i}.openings`} />
                    </div>
                  </div>
                  {text(
                    `publicPosts.${i}.description`,
                    t('selfDeclaration.rounds.items.description'),
                    p.description,
                    (v) => setPost(i, { description: v }),
                    { max: 2000, multiline: true },
                  )}
                  <div>
                    <Button
                      variant="tertiary"
                      aria-label={t('selfDeclaration.rounds.items.removeNamed', { name: label })}
                      onClick={() => {
                        focusNext.current = 'add-post';
                        onPosts(posts.filter((_, j) => j !== i));
                      }}
                    >
                      {t('selfDeclaration.rounds.items.remove')}
                    </Button>
                  </div>
                </fieldset>
              </li>
            );
          })}
        </ol>
        <Button
          variant="secondary"
          className="mt-3"
          data-focus="add-post"
          disabled={posts.length >= 100}
          onClick={() => {
            const key = newKey();
            focusNext.current = key;
            onPosts([
              ...posts,
              { key, titleJa: '', titleEn: '', orgUnitId: '', description: '', openings: '1' },
            ]);
          }}
        >
          {t('selfDeclaration.rounds.items.addPost')}
        </Button>
      </section>
    </div>
  );
}
