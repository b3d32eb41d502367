import type { SelfDeclarationRound } from '@portal/contracts';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { RowList } from '../../../shared/forms/row-list.tsx';
import { type Bilingual, BilingualTextField, FormTextField } from '../../../shared/forms/text-field.tsx';
import type { FormErrorsApi } from '../../../shared/forms/use-form-errors.tsx';
import { FieldMessage } from '../../../shared/forms/use-form-errors.tsx';
import { inputClass, labelClass, selectClass } from '../../../shared/ui/form-styles.ts';
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
  const k = (key: string, options?: Record<string, unknown>) =>
    t(`selfDeclaration.rounds.items.${key}`, options);
  const words = (list: 'Fields' | 'Posts', one: 'Field' | 'Post', count: number) => ({
    title: k(`${list.toLowerCase()}Title`, { count }),
    hint: k(`${list.toLowerCase()}Hint`),
    empty: k(`no${list}`),
    add: k(`add${one}`),
    remove: k('remove'),
    row: (n: number) => k(`${one.toLowerCase()}N`, { n }),
    removeNamed: (name: string) => k('removeNamed', { name }),
  });
  /** A row's name or title in both languages, what stands between, then its description. */
  const texts = <N extends 'name' | 'title'>(
    path: string,
    field: N,
    row: Bilingual<N> & { description: string },
    set: (patch: Partial<Bilingual<N>> | { description: string }) => void,
    max: number,
    between?: ReactNode,
  ) => (
    <>
      <BilingualTextField
        form={form}
        field={field}
        path={path}
        labels="selfDeclaration.rounds.items"
        value={row}
        onChange={set}
        max={200}
      />
      {between}
      <FormTextField
        form={form}
        name={`${path}.description`}
        label={k('description')}
        value={row.description}
        max={max}
        multiline
        onChange={(description) => set({ description })}
      />
    </>
  );

  return (
    <div className="grid gap-5">
      <RowList
        words={words('Fields', 'Field', fields.length)}
        rows={fields}
        onRows={onFields}
        max={50}
        newRow={(key) => ({ key, nameJa: '', nameEn: '', description: '' })}
        rowName={(f) => f.nameJa}
      >
        {(f, i, set) => texts(`careerFields.${i}`, 'name', f, set, 1000)}
      </RowList>

      <RowList
        words={words('Posts', 'Post', posts.length)}
        rows={posts}
        onRows={onPosts}
        max={100}
        newRow={(key) => ({ key, titleJa: '', titleEn: '', orgUnitId: '', description: '', openings: '1' })}
        rowName={(p) => p.titleJa}
      >
        {(p, i, set) => {
          const unit = form.field(`publicPosts.${i}.orgUnitId`);
          const openings = form.field(`publicPosts.${i}.openings`);
          return texts(
            `publicPosts.${i}`,
            'title',
            p,
            set,
            2000,
            <div className="grid gap-3 sm:grid-cols-[1fr_10rem]">
              <div className="min-w-0">
                <label className={labelClass} htmlFor={unit.id}>
                  {k('unit')}
                </label>
                <select
                  className={selectClass}
                  {...unit}
                  value={p.orgUnitId}
                  onChange={(e) => set({ orgUnitId: e.target.value })}
                >
                  <option value="">{k('noUnit')}</option>
                  <UnitOptions units={units.data?.items ?? []} />
                </select>
                <FieldMessage form={form} name={`publicPosts.${i}.orgUnitId`} />
              </div>
              <div>
                <label className={labelClass} htmlFor={openings.id}>
                  {k('openings')}
                </label>
                <input
                  type="number"
                  inputMode="numeric"
                  min={1}
                  max={99}
                  className={inputClass}
                  {...openings}
                  value={p.openings}
                  onChange={(e) => set({ openings: e.target.value })}
                />
                <FieldMessage form={form} name={`publicPosts.${i}.openings`} />
              </div>
            </div>,
          );
        }}
      </RowList>
    </div>
  );
}
