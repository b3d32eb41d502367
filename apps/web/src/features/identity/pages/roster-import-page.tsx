import type { Language, RosterApplyResult, RosterPreview } from '@portal/contracts';
import { type FormEvent, type ReactNode, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../shared/api/api-client.ts';
import { useDocumentTitle } from '../../../shared/i18n/use-document-title.ts';
import { useLanguage } from '../../../shared/i18n/use-language.ts';
import { Button } from '../../../shared/ui/button.tsx';
import { PageHeader } from '../../../shared/ui/page-header.tsx';
import { useErrorMessage } from '../../../shared/ui/states.tsx';
import { usePermissions } from '../../auth/lib/permissions.ts';
import { useApplyRoster, usePreviewRoster } from '../api/import-roster.ts';
import { hintClass, labelClass, panelClass, sectionTitleClass } from '../components/form-styles.ts';
import { RosterErrors } from '../components/roster-errors.tsx';
import { columnLabel, rosterTemplateHref, rowErrorsOf } from '../lib/roster.ts';

const ACCEPT =
  '.csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/vnd.ms-excel';

/**
 * `/roster-import` (HR, `roster:import:any`): 職員名簿の取込. Choose a file, preview what it would
 * change and every bad row, then apply the same file. Apply is refused while the file has errors.
 */
export function RosterImportPage() {
  const { t } = useTranslation();
  const title = t('nav.rosterImport');
  useDocumentTitle(title);
  const { can } = usePermissions();
  return (
    <>
      <PageHeader title={title} lead={t('identity.roster.lead')} />
      {can('roster:import:any') ? <RosterImport /> : <p role="alert">{t('errors.codes.forbidden')}</p>}
    </>
  );
}

/**
 * A failed request's message, with the field errors the API named (a file without a column, …). A file
 * refused as a whole (`roster_empty`, `roster_too_many_rows`, …) is told by its code, with the values
 * its error on `body` carries; the API's English only for a code the app has no text for.
 */
function RequestError({ error, title }: { error: unknown; title: string }) {
  const { t, i18n } = useTranslation();
  const language = useLanguage();
  const fallback = useErrorMessage(error);
  const problem = isApiError(error) ? error : undefined;
  const fileError = problem?.errors.find((e) => e.field === 'body');
  const rows = problem ? rowErrorsOf(problem.errors.filter((e) => e.field !== 'body')) : [];
  const key = `errors.codes.${problem?.code}`;
  const known = Boolean(problem?.code.startsWith('roster_')) && i18n.exists(key);
  const message = known ? t(key, readableNumbers(fileError?.params ?? {}, language)) : fallback;
  const detail = !known && problem && problem.status < 500 ? problem.detail : undefined;
  return (
    <div role="alert" className="mt-6 rounded-8 border-2 border-error-1 bg-red-50 p-4 md:p-6">
      <p className="text-std-17B-170 text-error-2">{title}</p>
      <p className="mt-1 text-std-16N-170 text-solid-gray-800">{message}</p>
      {detail && rows.length === 0 ? (
        <p lang="en" className="mt-1 text-std-16N-170 text-solid-gray-800">
          {detail}
        </p>
      ) : null}
      {rows.length ? (
        <div className="mt-4 bg-white">
          <RosterErrors errors={rows} caption={t('identity.roster.errors.caption')} />
        </div>
      ) : null}
    </div>
  );
}

/** Counts (the row limit, …) with the reader's digit grouping. */
function readableNumbers(params: Record<string, string | number>, language: Language) {
  const format = new Intl.NumberFormat(language === 'ja' ? 'ja-JP' : 'en-GB');
  return Object.fromEntries(
    Object.entries(params).map(([name, value]) => [
      name,
      typeof value === 'number' ? format.format(value) : value,
    ]),
  );
}

function Totals({ items }: { items: Array<[label: string, value: number, testId: string]> }) {
  return (
    <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-6">
      {items.map(([label, value, testId]) => (
        <div key={testId} className="rounded-8 border border-solid-gray-200 bg-white p-3">
          <dt className="text-dns-14N-130 text-solid-gray-700">{label}</dt>
          <dd className="text-std-24B-150 text-solid-gray-900" data-testid={testId}>
            {value}
          </dd>
        </div>
      ))}
    </dl>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  const id = useId();
  return (
    <section aria-labelledby={id} className="mt-8">
      <h3 id={id} className="mb-3 text-std-20B-150 text-solid-gray-900">
        {title}
      </h3>
      {children}
    </section>
  );
}

function PreviewView({ preview }: { preview: RosterPreview }) {
  const { t, i18n } = useTranslation();
  const language = useLanguage();
  const { totals } = preview;
  // Columns by their names and codes by what they name (「職位：主事 → 主任」), never keys and codes alone.
  const sampleField = (field: string) => {
    const key = `identity.roster.sample.fields.${field}`;
    return i18n.exists(key) ? t(key) : columnLabel(field, language);
  };
  const sampleValue = (field: string, value: string | null, name?: { ja: string; en: string } | null) => {
    if (value === null || value === '') return t('identity.roster.sample.fields.none');
    if (name) return language === 'en' ? name.en : name.ja;
    if (field === 'is_head') return t(`identity.roster.sample.fields.${value === 'true' ? 'yes' : 'no'}`);
    return value;
  };
  return (
    <>
      <p className="text-std-16N-170 text-solid-gray-800">
        {t('identity.roster.preview.file', {
          name: preview.fileName,
          format: preview.format === 'xlsx' ? 'Excel (.xlsx)' : 'CSV',
        })}
        {preview.encoding ? ` ${t(`identity.roster.preview.encoding.${preview.encoding}`)}` : ''}
      </p>
      <div className="mt-4">
        <Totals
          items={[
            [t('identity.roster.totals.rows'), totals.rows, 'total-rows'],
            [t('identity.roster.totals.create'), totals.create, 'total-create'],
            [t('identity.roster.totals.update'), totals.update, 'total-update'],
            [t('identity.roster.totals.unchanged'), totals.unchanged, 'total-unchanged'],
            [t('identity.roster.totals.invalid'), totals.invalid, 'total-invalid'],
            [t('identity.roster.totals.newUnits'), preview.units.create, 'total-new-units'],
          ]}
        />
        <p className="mt-3 text-std-16N-170 text-solid-gray-800">
          {t('identity.roster.preview.assignments', {
            start: preview.assignments.start,
            end: preview.assignments.end,
            correct: preview.assignments.correct,
          })}
        </p>
      </div>

      {preview.errorCount > 0 ? (
        <Section title={t('identity.roster.errors.title', { count: preview.errorCount })}>
          {preview.errorCount > preview.errors.length ? (
            <p className="mb-3 text-std-16N-170">
              {t('identity.roster.errors.truncated', {
                shown: preview.errors.length,
                count: preview.errorCount,
              })}
            </p>
          ) : null}
          <RosterErrors errors={preview.errors} caption={t('identity.roster.errors.caption')} />
        </Section>
      ) : null}

      {preview.sample.length ? (
        <Section title={t('identity.roster.sample.title', { count: preview.sample.length })}>
          <details className="rounded-8 border border-solid-gray-200 p-3">
            <summary className="min-h-11 cursor-pointer py-2 text-std-16B-170 text-blue-1000">
              {t('identity.roster.sample.show')}
            </summary>
            <ul className="mt-2 space-y-3">
              {preview.sample.map((change) => (
                <li key={change.row} className="text-std-16N-170">
                  <p className="font-bold">
                    {t('identity.roster.sample.line', {
                      row: change.row,
                      name: change.name,
                      number: change.employeeNumber,
                      action: t(`identity.roster.sample.${change.action}`),
                    })}
                  </p>
                  <ul className="ml-4 list-disc pl-4 text-dns-14N-130 leading-170">
                    {change.changes.map((c) => (
                      <li key={c.field}>
                        <span className="font-bold">{sampleField(c.field)}</span>
                        {t('identity.roster.sample.separator')}
                        {sampleValue(c.field, c.from, c.fromName)} → {sampleValue(c.field, c.to, c.toName)}
                      </li>
                    ))}
                  </ul>
                </li>
              ))}
            </ul>
          </details>
        </Section>
      ) : null}

      {preview.newUnits.length ? (
        <Section title={t('identity.roster.newUnits.title', { count: preview.units.create })}>
          <ul className="list-disc pl-6 text-std-16N-170">
            {preview.newUnits.map((unit) => (
              <li key={unit.code}>
                {t('identity.roster.newUnits.line', {
                  name: unit.name,
                  kind: t(`identity.org.kind.${unit.kind}`),
                  code: unit.code,
                })}
              </li>
            ))}
          </ul>
        </Section>
      ) : null}
    </>
  );
}

function ResultView({ result }: { result: RosterApplyResult }) {
  const { t } = useTranslation();
  return (
    <div className="mt-6 rounded-8 border-2 border-success-1 bg-green-50 p-4 md:p-6">
      <p className="text-std-17B-170 text-success-2">
        {t('identity.roster.result.title', { name: result.fileName })}
      </p>
      <ul className="mt-2 list-disc pl-6 text-std-16N-170">
        <li>{t('identity.roster.result.staff', result.staff)}</li>
        <li>{t('identity.roster.result.units', { count: result.units.created })}</li>
        <li>{t('identity.roster.result.assignments', result.assignments)}</li>
      </ul>
    </div>
  );
}

function RosterImport() {
  const { t } = useTranslation();
  const ids = { file: useId(), hint: useId(), preview: useId(), applyHint: useId() };
  const [file, setFile] = useState<File | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const previewHeading = useRef<HTMLHeadingElement>(null);
  const previewMutation = usePreviewRoster();
  const applyMutation = useApplyRoster();
  const preview = previewMutation.data;
  const result = applyMutation.data;

  // A new preview brings the reader to it.
  useEffect(() => {
    if (preview) previewHeading.current?.focus();
  }, [preview]);

  const onPreview = (event: FormEvent) => {
    event.preventDefault();
    if (!file) {
      inputRef.current?.focus();
      return;
    }
    applyMutation.reset();
    previewMutation.mutate(file);
  };

  const blocked = !preview || preview.errorCount > 0 || preview.totals.rows === 0;
  const applyHint = !preview
    ? ''
    : preview.errorCount > 0
      ? t('identity.roster.apply.blocked', { count: preview.errorCount })
      : preview.totals.rows === 0
        ? t('identity.roster.apply.empty')
        : t('identity.roster.apply.ready');

  return (
    <>
      <form onSubmit={onPreview} className={panelClass}>
        <label htmlFor={ids.file} className={labelClass}>
          {t('identity.roster.file')}
        </label>
        <p id={ids.hint} className={hintClass}>
          {t('identity.roster.fileHint')}
        </p>
        <input
          ref={inputRef}
          id={ids.file}
          type="file"
          name="file"
          accept={ACCEPT}
          aria-describedby={ids.hint}
          onChange={(event) => {
            setFile(event.target.files?.[0] ?? null);
            previewMutation.reset();
            applyMutation.reset();
          }}
          className="mt-2 block w-full text-std-16N-170 file:mr-4 file:min-h-11 file:rounded-8 file:border-2 file:border-blue-900 file:bg-white file:px-4 file:text-oln-16B-100 file:text-blue-900"
        />
        <div className="mt-4 flex flex-wrap items-center gap-4">
          <Button type="submit" disabled={previewMutation.isPending || applyMutation.isPending}>
            {previewMutation.isPending
              ? t('identity.roster.previewing')
              : t('identity.roster.preview.submit')}
          </Button>
          <a href={rosterTemplateHref()} download="roster-template.csv" className="text-std-16N-170">
            {t('identity.roster.template')}
          </a>
        </div>
      </form>

      {previewMutation.isError ? (
        <RequestError error={previewMutation.error} title={t('identity.roster.preview.failed')} />
      ) : null}

      {preview ? (
        <section aria-labelledby={ids.preview} className="mt-10">
          <h2 id={ids.preview} ref={previewHeading} tabIndex={-1} className={sectionTitleClass}>
            {t('identity.roster.preview.title')}
          </h2>
          <PreviewView preview={preview} />
          <div className="mt-8 border-t border-solid-gray-200 pt-6">
            <p id={ids.applyHint} className={`mb-3 text-std-16N-170 ${blocked ? 'text-error-2' : ''}`}>
              {applyHint}
            </p>
            <Button
              disabled={blocked || applyMutation.isPending || Boolean(result)}
              aria-describedby={ids.applyHint}
              onClick={() => file && applyMutation.mutate({ file, token: preview.token })}
              className="disabled:cursor-not-allowed disabled:border-solid-gray-420 disabled:bg-solid-gray-420"
            >
              {applyMutation.isPending
                ? t('identity.roster.apply.working')
                : t('identity.roster.apply.submit')}
            </Button>
          </div>
        </section>
      ) : null}

      <div aria-live="polite">{result ? <ResultView result={result} /> : null}</div>
      {applyMutation.isError ? (
        <RequestError error={applyMutation.error} title={t('identity.roster.apply.failed')} />
      ) : null}
    </>
  );
}
