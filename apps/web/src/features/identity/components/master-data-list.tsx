import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../shared/api/api-client.ts';
import { useSubmissionKey } from '../../../shared/api/submission-key.ts';
import { FieldMessage, FormAlert, useFormErrors } from '../../../shared/forms/use-form-errors.tsx';
import { useValidationMessage } from '../../../shared/forms/validation-message.ts';
import { Button } from '../../../shared/ui/button.tsx';
import { badgeClass, cardClass, checkboxRowClass, warnClass } from '../../../shared/ui/form-styles.ts';
import { EmptyState, ErrorState, LoadingState } from '../../../shared/ui/states.tsx';
import {
  type MasterDataInput,
  type MasterDataItem,
  type MasterDataKind,
  useMasterData,
  useMasterDataWrites,
} from '../api/master-data.ts';
import { hintClass, inputClass, labelClass, panelClass, sectionTitleClass } from './form-styles.ts';

/**
 * One list HR maintains (the grade ladder or the job families): in order, each with Up / Down
 * buttons (the keyboard's way to reorder), edit, and retire or restore after a confirmation; below
 * it, the form that adds one. Every change names the version it saw: a stale one reloads the list
 * and says so.
 */
export function MasterDataList({ kind }: { kind: MasterDataKind }) {
  const { t, i18n } = useTranslation();
  const query = useMasterData(kind);
  const writes = useMasterDataWrites(kind);
  const [status, setStatus] = useState('');
  const [problem, setProblem] = useState('');
  const [editing, setEditing] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const focusAfter = useRef<string | null>(null);
  const headingId = useId();
  const grades = kind === 'grades';
  const title = t(grades ? 'identity.masterData.grades' : 'identity.masterData.jobFamilies');
  const nameOf = (item: MasterDataItem) =>
    i18n.language === 'en' ? item.name.en || item.name.ja : item.name.ja;

  // Keyboard: after a move the same button of the moved item keeps the focus.
  useEffect(() => {
    if (!focusAfter.current) return;
    document.getElementById(focusAfter.current)?.focus();
    focusAfter.current = null;
  });

  const failed = (error: unknown) => {
    setStatus('');
    setProblem(isApiError(error) && error.status === 409 ? t('identity.masterData.stale') : '');
    if (!(isApiError(error) && error.status === 409)) throw error;
  };

  if (query.isPending) return <LoadingState />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const items = query.data;

  const move = async (index: number, by: -1 | 1) => {
    const next = [...items];
    const [item] = next.splice(index, 1);
    if (!item) return;
    next.splice(index + by, 0, item);
    setProblem('');
    try {
      await writes.reorder.mutateAsync(next.map((i) => ({ id: i.id, version: i.version })));
      focusAfter.current = `${headingId}-${by < 0 ? 'up' : 'down'}-${item.id}`;
      if (index + by === 0 || index + by === items.length - 1)
        focusAfter.current = `${headingId}-edit-${item.id}`;
      setStatus(t('identity.masterData.moved', { name: nameOf(item), n: index + by + 1 }));
    } catch (e) {
      failed(e);
    }
  };

  const setRetired = async (item: MasterDataItem, retired: boolean) => {
    setProblem('');
    try {
      await writes.update.mutateAsync({
        item,
        retired,
        input: { nameJa: item.name.ja, nameEn: item.name.en, managerial: item.managerial ?? false },
      });
      setConfirming(null);
      focusAfter.current = `${headingId}-edit-${item.id}`;
      setStatus(
        t(retired ? 'identity.masterData.retired' : 'identity.masterData.restored', { name: nameOf(item) }),
      );
    } catch (e) {
      setConfirming(null);
      failed(e);
    }
  };

  return (
    <section aria-labelledby={headingId} className="mt-8">
      <h2 id={headingId} className={sectionTitleClass}>
        {title}
      </h2>
      <p className={hintClass}>
        {t(grades ? 'identity.masterData.gradesHint' : 'identity.masterData.jobFamiliesHint')}
      </p>
      <p aria-live="polite" className="mt-2 text-std-16N-170 text-green-900">
        {status}
      </p>
      {problem ? (
        <p role="alert" className={`mt-2 ${warnClass}`}>
          {problem}
        </p>
      ) : null}
      {items.length === 0 ? (
        <EmptyState>{t('identity.masterData.empty')}</EmptyState>
      ) : (
        <ol aria-label={t('identity.masterData.listLabel', { what: title })} className="mt-3 grid gap-2">
          {items.map((item, index) => (
            <li key={item.id} className={`${cardClass} ${item.retired ? 'bg-solid-gray-50' : ''}`}>
              {editing === item.id ? (
                <ItemForm
                  kind={kind}
                  item={item}
                  onDone={(saved) => {
                    setEditing(null);
                    focusAfter.current = `${headingId}-edit-${item.id}`;
                    if (saved) setStatus(t('identity.masterData.saved', { name: saved }));
                  }}
                  onStale={() => {
                    setEditing(null);
                    setProblem(t('identity.masterData.stale'));
                  }}
                />
              ) : (
                <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
                  <div className="min-w-0 flex-1">
                    <p className="text-std-16B-170 text-solid-gray-900">
                      <span className="mr-2 text-dns-14N-130 text-solid-gray-700">
                        {t('identity.masterData.position', { n: index + 1 })}
                      </span>
                      <span lang="ja">{item.name.ja}</span>
                      {item.retired ? (
                        <span className={`ml-2 ${badgeClass} border-solid-gray-600 text-solid-gray-800`}>
                          {t('identity.masterData.retiredBadge')}
                        </span>
                      ) : null}
                      {item.managerial ? (
                        <span className={`ml-2 ${badgeClass} border-blue-900 text-blue-900`}>
                          {t('identity.masterData.managerialBadge')}
                        </span>
                      ) : null}
                    </p>
                    <p className="break-words text-dns-14N-130 text-solid-gray-700">
                      <span lang="en">{item.name.en}</span> · <code>{item.code}</code>
                    </p>
                  </div>
                  <div className="flex flex-wrap gap-2">
                    <Button
                      variant="secondary"
                      id={`${headingId}-up-${item.id}`}
                      aria-label={t('identity.masterData.moveUp', { name: nameOf(item) })}
                      disabled={index === 0 || writes.reorder.isPending}
                      onClick={() => void move(index, -1)}
                    >
                      {t('identity.masterData.up')}
                    </Button>
                    <Button
                      variant="secondary"
                      id={`${headingId}-down-${item.id}`}
                      aria-label={t('identity.masterData.moveDown', { name: nameOf(item) })}
                      disabled={index === items.length - 1 || writes.reorder.isPending}
                      onClick={() => void move(index, 1)}
                    >
                      {t('identity.masterData.down')}
                    </Button>
                    <Button
                      variant="secondary"
                      id={`${headingId}-edit-${item.id}`}
                      aria-label={t('identity.masterData.editNamed', { name: nameOf(item) })}
                      onClick={() => {
                        setProblem('');
                        setEditing(item.id);
                      }}
                    >
                      {t('identity.masterData.edit')}
                    </Button>
                    {item.retired ? (
                      <Button
                        variant="tertiary"
                        aria-label={t('identity.masterData.restoreNamed', { name: nameOf(item) })}
                        disabled={writes.update.isPending}
                        onClick={() => void setRetired(item, false)}
                      >
                        {t('identity.masterData.restore')}
                      </Button>
                    ) : (
                      <Button
                        variant="tertiary"
                        aria-label={t('identity.masterData.retireNamed', { name: nameOf(item) })}
                        onClick={() => setConfirming(item.id)}
                      >
                        {t('identity.masterData.retire')}
                      </Button>
                    )}
                  </div>
                  {confirming === item.id ? (
                    <RetireConfirmation
                      name={nameOf(item)}
                      busy={writes.update.isPending}
                      onConfirm={() => void setRetired(item, true)}
                      onCancel={() => {
                        setConfirming(null);
                        focusAfter.current = `${headingId}-edit-${item.id}`;
                      }}
                    />
                  ) : null}
                </div>
              )}
            </li>
          ))}
        </ol>
      )}
      <ItemForm
        kind={kind}
        onDone={(added) => {
          if (added) setStatus(t('identity.masterData.added', { name: added }));
        }}
        onStale={() => setProblem(t('identity.masterData.stale'))}
      />
    </section>
  );
}

function RetireConfirmation(props: {
  name: string;
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <div ref={ref} tabIndex={-1} className={`w-full ${warnClass}`}>
      <p>{t('identity.masterData.confirmRetire', { name: props.name })}</p>
      <div className="mt-3 flex flex-wrap gap-2">
        <Button onClick={props.onConfirm} disabled={props.busy}>
          {t('identity.masterData.retire')}
        </Button>
        <Button variant="secondary" onClick={props.onCancel}>
          {t('identity.masterData.cancel')}
        </Button>
      </div>
    </div>
  );
}

/** Adds one (no `item`), or edits one's names (and, for a grade, whether it is 管理監督者). */
function ItemForm(props: {
  kind: MasterDataKind;
  item?: MasterDataItem;
  onDone: (savedName: string | null) => void;
  onStale: () => void;
}) {
  const { kind, item } = props;
  const { t } = useTranslation();
  const form = useFormErrors();
  const message = useValidationMessage();
  const submission = useSubmissionKey();
  const writes = useMasterDataWrites(kind);
  const grades = kind === 'grades';
  const [code, setCode] = useState('');
  const [input, setInput] = useState<MasterDataInput>({
    nameJa: item?.name.ja ?? '',
    nameEn: item?.name.en ?? '',
    managerial: item?.managerial ?? false,
  });
  const pending = writes.create.isPending || writes.update.isPending;

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const errors: Record<string, string> = {};
    if (!item && !code.trim()) errors.code = message({ code: 'required' });
    if (!input.nameJa.trim()) errors.nameJa = message({ code: 'required' });
    if (!input.nameEn.trim()) errors.nameEn = message({ code: 'required' });
    if (form.show(errors)) return;
    try {
      if (item) {
        await writes.update.mutateAsync({ item, input, retired: item.retired });
      } else {
        await writes.create.mutateAsync({ code: code.trim(), input, key: submission.current() });
        submission.reset();
        setCode('');
        setInput({ nameJa: '', nameEn: '', managerial: false });
      }
      props.onDone(input.nameJa.trim());
    } catch (e) {
      if (isApiError(e) && e.status === 409) return props.onStale();
      if (!form.showProblem(e)) throw e;
    }
  };

  const legend = item
    ? t('identity.masterData.editNamed', { name: item.name.ja })
    : t(grades ? 'identity.masterData.addGrade' : 'identity.masterData.addJobFamily');
  return (
    <form
      ref={form.ref}
      noValidate
      onSubmit={(e) => void onSubmit(e)}
      className={item ? '' : `mt-4 ${panelClass}`}
    >
      <fieldset className="grid gap-4">
        <legend className="text-std-17B-170 text-solid-gray-900">{legend}</legend>
        {item ? null : (
          <p className={hintClass}>
            {t(grades ? 'identity.masterData.addHintGrade' : 'identity.masterData.addHintJobFamily')}
          </p>
        )}
        <FormAlert form={form} />
        {item ? null : (
          <div>
            <label htmlFor={form.field('code').id} className={labelClass}>
              {t('identity.masterData.code')}
            </label>
            <p id={`${form.id}-code-hint`} className={hintClass}>
              {t('identity.masterData.codeHint')}
            </p>
            <input
              {...form.field('code')}
              aria-describedby={[`${form.id}-code-hint`, form.field('code')['aria-describedby']]
                .filter(Boolean)
                .join(' ')}
              className={inputClass}
              value={code}
              maxLength={32}
              autoComplete="off"
              onChange={(e) => {
                setCode(e.target.value);
                form.clear('code');
              }}
            />
            <FieldMessage form={form} name="code" />
          </div>
        )}
        <div>
          <label htmlFor={form.field('nameJa').id} className={labelClass}>
            {t('identity.masterData.nameJa')}
          </label>
          <input
            {...form.field('nameJa')}
            className={inputClass}
            lang="ja"
            value={input.nameJa}
            maxLength={100}
            onChange={(e) => {
              setInput({ ...input, nameJa: e.target.value });
              form.clear('nameJa');
            }}
          />
          <FieldMessage form={form} name="nameJa" />
        </div>
        <div>
          <label htmlFor={form.field('nameEn').id} className={labelClass}>
            {t('identity.masterData.nameEn')}
          </label>
          <input
            {...form.field('nameEn')}
            className={inputClass}
            lang="en"
            value={input.nameEn}
            maxLength={100}
            onChange={(e) => {
              setInput({ ...input, nameEn: e.target.value });
              form.clear('nameEn');
            }}
          />
          <FieldMessage form={form} name="nameEn" />
        </div>
        {grades ? (
          <label className={checkboxRowClass}>
            <input
              type="checkbox"
              className="mt-1 size-5"
              checked={input.managerial ?? false}
              onChange={(e) => setInput({ ...input, managerial: e.target.checked })}
            />
            <span>{t('identity.masterData.managerial')}</span>
          </label>
        ) : null}
        <div className="flex flex-wrap gap-2">
          <Button type="submit" disabled={pending}>
            {item ? t('identity.masterData.save') : t('identity.masterData.add')}
          </Button>
          {item ? (
            <Button variant="secondary" onClick={() => props.onDone(null)}>
              {t('identity.masterData.cancel')}
            </Button>
          ) : null}
        </div>
      </fieldset>
    </form>
  );
}
