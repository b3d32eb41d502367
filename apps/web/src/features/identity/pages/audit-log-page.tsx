import { AUDIT_ACTIONS, AUDIT_ENTITY_TYPES } from '@portal/contracts';
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { DateField } from '../../../shared/forms/date-field.tsx';
import { useDocumentTitle } from '../../../shared/i18n/use-document-title.ts';
import { useLanguage } from '../../../shared/i18n/use-language.ts';
import { Button } from '../../../shared/ui/button.tsx';
import { PageHeader } from '../../../shared/ui/page-header.tsx';
import { EmptyState, ErrorState, LoadingState, useErrorMessage } from '../../../shared/ui/states.tsx';
import { usePermissions } from '../../auth/lib/permissions.ts';
import { useAuditLog } from '../api/get-audit-log.ts';
import { AuditEntry, useActionLabel, useEntityLabel } from '../components/audit-entry.tsx';
import { inputClass, labelClass, panelClass } from '../components/form-styles.ts';
import {
  type AuditUrlFilters,
  auditExportHref,
  EMPTY_AUDIT_FILTERS,
  readAuditFilters,
  toAuditQuery,
  writeAuditFilters,
} from '../lib/audit-filters.ts';

/** `/audit` (HR, `audit:read:any`): who did what, when, newest first, filtered and paged by cursor. */
export function AuditLogPage() {
  const { t } = useTranslation();
  const title = t('nav.auditLog');
  useDocumentTitle(title);
  const { can } = usePermissions();
  return (
    <>
      <PageHeader title={title} lead={t('identity.audit.lead')} />
      {can('audit:read:any') ? <AuditLog /> : <p role="alert">{t('errors.codes.forbidden')}</p>}
    </>
  );
}

function AuditLog() {
  const { t } = useTranslation();
  const language = useLanguage();
  const actionLabel = useActionLabel();
  const entityLabel = useEntityLabel();
  const [params, setParams] = useSearchParams();
  const applied = readAuditFilters(params);
  const [draft, setDraft] = useState<AuditUrlFilters>(applied);
  const appliedKey = writeAuditFilters(applied).toString();
  // A change of the URL from elsewhere (Back, a link from a person) becomes the form's.
  useEffect(() => setDraft(applied), [appliedKey]);

  const ids = {
    action: useId(),
    entityType: useId(),
    entityId: useId(),
    from: useId(),
    to: useId(),
    rangeError: useId(),
  };
  const badRange = Boolean(draft.from && draft.to && draft.from > draft.to);
  const apply = (filters: AuditUrlFilters) =>
    setParams(writeAuditFilters(filters), { preventScrollReset: true });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!badRange) apply(draft);
  };

  const log = useAuditLog(toAuditQuery(applied));
  const loadMoreError = useErrorMessage(log.error);
  const entries = log.data?.pages.flatMap((page) => page.items) ?? [];
  // After "load more", focus moves to the first entry that arrived (the button may be gone).
  const listRef = useRef<HTMLOListElement>(null);
  const firstNew = useRef<number | null>(null);
  useEffect(() => {
    const index = firstNew.current;
    if (index === null || entries.length <= index) return;
    firstNew.current = null;
    listRef.current?.querySelectorAll<HTMLElement>(':scope > li')[index]?.focus();
  }, [entries.length]);
  const actorName = applied.actor
    ? (entries.find((e) => e.actor?.id === applied.actor)?.actor?.name ?? applied.actor)
    : '';
  const field = (key: keyof AuditUrlFilters) => ({
    value: draft[key],
    onChange: (event: { target: { value: string } }) =>
      setDraft((d) => ({ ...d, [key]: event.target.value })),
  });
  // Every action and kind the API writes (one list in contracts); a prefix from a link is kept.
  const actionOptions: string[] = [
    ...AUDIT_ACTIONS,
    ...(draft.action && !(AUDIT_ACTIONS as readonly string[]).includes(draft.action) ? [draft.action] : []),
  ];
  const entityOptions: string[] = [
    ...AUDIT_ENTITY_TYPES,
    ...(draft.entityType && !(AUDIT_ENTITY_TYPES as readonly string[]).includes(draft.entityType)
      ? [draft.entityType]
      : []),
  ];
  const actionOption = (action: string) =>
    (AUDIT_ACTIONS as readonly string[]).includes(action)
      ? actionLabel(action)
      : t('identity.audit.actionPrefix', { prefix: action });

  return (
    <>
      <form
        onSubmit={onSubmit}
        aria-label={t('identity.audit.filtersLabel')}
        className={panelClass}
        noValidate
      >
        {applied.actor ? (
          <p className="mb-4 flex flex-wrap items-center gap-2 text-std-16N-170">
            <span>{t('identity.audit.actorFilter', { name: actorName })}</span>
            <Button variant="tertiary" onClick={() => apply({ ...draft, actor: '' })}>
              {t('identity.audit.clearActor')}
            </Button>
          </p>
        ) : null}
        <div className="grid gap-4 md:grid-cols-2">
          <div>
            <label htmlFor={ids.action} className={labelClass}>
              {t('identity.audit.action')}
            </label>
            <select id={ids.action} className={inputClass} {...field('action')}>
              <option value="">{t('identity.audit.anyAction')}</option>
              {actionOptions.map((action) => (
                <option key={action} value={action}>
                  {actionOption(action)}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor={ids.entityType} className={labelClass}>
              {t('identity.audit.entityType')}
            </label>
            <select id={ids.entityType} className={inputClass} {...field('entityType')}>
              <option value="">{t('identity.audit.anyEntity')}</option>
              {entityOptions.map((type) => (
                <option key={type} value={type}>
                  {entityLabel(type)}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor={ids.entityId} className={labelClass}>
              {t('identity.audit.entityId')}
            </label>
            <input
              id={ids.entityId}
              type="text"
              maxLength={64}
              autoComplete="off"
              className={inputClass}
              {...field('entityId')}
            />
          </div>
          <fieldset className="grid grid-cols-2 gap-3">
            <legend className={labelClass}>{t('identity.audit.period')}</legend>
            <DateField
              id={ids.from}
              label={t('identity.audit.from')}
              labelClassName="text-dns-14N-130 text-solid-gray-800"
              inputClassName={inputClass}
              value={draft.from}
              onChange={(value) => setDraft((d) => ({ ...d, from: value }))}
              invalid={badRange}
              describedBy={badRange ? ids.rangeError : undefined}
            />
            <DateField
              id={ids.to}
              label={t('identity.audit.to')}
              labelClassName="text-dns-14N-130 text-solid-gray-800"
              inputClassName={inputClass}
              value={draft.to}
              onChange={(value) => setDraft((d) => ({ ...d, to: value }))}
              invalid={badRange}
              describedBy={badRange ? ids.rangeError : undefined}
            />
            {badRange ? (
              <p id={ids.rangeError} className="col-span-2 text-dns-14N-130 text-error-2">
                {t('identity.audit.badRange')}
              </p>
            ) : null}
          </fieldset>
        </div>
        <div className="mt-4 flex flex-wrap gap-3">
          <Button type="submit">{t('identity.audit.apply')}</Button>
          <Button
            variant="tertiary"
            onClick={() => {
              setDraft(EMPTY_AUDIT_FILTERS);
              apply(EMPTY_AUDIT_FILTERS);
            }}
          >
            {t('identity.audit.clear')}
          </Button>
        </div>
      </form>

      <p className="mt-4 flex flex-wrap items-center gap-x-4 gap-y-2 text-std-16N-170">
        <span>{t('identity.audit.export')}</span>
        <a
          href={auditExportHref(applied, 'csv', language)}
          download
          className="text-blue-1000 underline underline-offset-4"
        >
          {t('identity.audit.exportCsv')}
        </a>
        <a
          href={auditExportHref(applied, 'xlsx', language)}
          download
          className="text-blue-1000 underline underline-offset-4"
        >
          {t('identity.audit.exportXlsx')}
        </a>
      </p>
      <p
        aria-live="polite"
        aria-atomic="true"
        className="mt-6 mb-2 min-h-7 text-std-16B-170 text-solid-gray-800"
      >
        {log.data
          ? log.hasNextPage
            ? t('identity.audit.shownMore', { count: entries.length })
            : t('identity.audit.shown', { count: entries.length })
          : ''}
      </p>
      {log.isPending ? (
        <LoadingState />
      ) : log.isError && !log.data ? (
        <ErrorState error={log.error} onRetry={() => void log.refetch()} />
      ) : entries.length === 0 ? (
        <EmptyState>{t('identity.audit.empty')}</EmptyState>
      ) : (
        <>
          <ol ref={listRef} aria-label={t('identity.audit.listLabel')} className="list-none">
            {entries.map((entry) => (
              <AuditEntry
                key={entry.id}
                entry={entry}
                onFilterActor={(actor) => apply({ ...applied, actor })}
              />
            ))}
          </ol>
          {log.isFetchNextPageError ? (
            <p role="alert" className="mt-4 text-std-16N-170 text-error-2">
              {loadMoreError}
            </p>
          ) : null}
          {log.hasNextPage ? (
            <Button
              variant="secondary"
              className="mt-6"
              aria-disabled={log.isFetchingNextPage}
              onClick={() => {
                if (log.isFetchingNextPage) return;
                firstNew.current = entries.length;
                void log.fetchNextPage();
              }}
            >
              {log.isFetchingNextPage ? t('common.loading') : t('identity.audit.loadMore')}
            </Button>
          ) : null}
        </>
      )}
    </>
  );
}
