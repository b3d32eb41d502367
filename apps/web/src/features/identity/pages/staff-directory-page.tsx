import { ACCOUNT_FILTERS, type AccountFilter } from '@portal/contracts';
import { type FormEvent, useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from '../../../shared/i18n/use-document-title.ts';
import { useLocalized } from '../../../shared/i18n/use-language.ts';
import { useSearchParamsWriter } from '../../../shared/navigation/use-search-params-writer.ts';
import { Button } from '../../../shared/ui/button.tsx';
import { PageHeader } from '../../../shared/ui/page-header.tsx';
import { Pager } from '../../../shared/ui/pager.tsx';
import { EmptyState, ErrorState, LoadingState } from '../../../shared/ui/states.tsx';
import { usePermissions } from '../../auth/lib/permissions.ts';
import { useGrades } from '../api/get-grades.ts';
import { useOrgUnits } from '../api/get-org-units.ts';
import { useStaffList } from '../api/get-staff-list.ts';
import { BulkInvite } from '../components/bulk-invite.tsx';
import { inputClass, labelClass, panelClass } from '../components/form-styles.ts';
import { type StaffSelection, StaffTable } from '../components/staff-table.tsx';
import { UnitOptions } from '../components/unit-options.tsx';
import {
  readStaffFilters,
  type StaffFilters,
  toStaffListParams,
  writeStaffFilters,
} from '../lib/staff-filters.ts';
import { useDebouncedValue } from '../lib/use-debounced-value.ts';

export const SEARCH_DEBOUNCE_MS = 300;

/**
 * `/staff`: the people the reader may see — themselves, their team, their 局・区, or everyone, as
 * the API scopes it — searched by name, kana or employee number and filtered by unit and grade.
 * Every filter is in the URL; the search box writes to it once typing pauses.
 */
export function StaffDirectoryPage() {
  const { t } = useTranslation();
  const l = useLocalized();
  const title = t('nav.staffDirectory');
  useDocumentTitle(title);
  const ids = {
    q: useId(),
    unit: useId(),
    grade: useId(),
    account: useId(),
    hint: useId(),
    results: useId(),
  };
  const { can } = usePermissions();
  const manages = can('staff:manage:any');

  // HR's ticks survive paging and filtering, until an invitation goes out
  const [selected, setSelected] = useState<ReadonlyMap<string, string>>(new Map());
  const toggle = useCallback((people: readonly { id: string; name: string }[], on: boolean) => {
    setSelected((current) => {
      const next = new Map(current);
      for (const person of people) {
        if (on) next.set(person.id, person.name);
        else next.delete(person.id);
      }
      return next;
    });
  }, []);
  const selection: StaffSelection | undefined = useMemo(
    () => (manages ? { selected, toggle } : undefined),
    [manages, selected, toggle],
  );

  const [params, setParams] = useSearchParamsWriter();
  const filters = readStaffFilters(params);
  const update = (change: Partial<StaffFilters>) =>
    setParams((current) => writeStaffFilters(current, change), { replace: true, preventScrollReset: true });

  // The box leads the URL while the reader types; a change of the URL from elsewhere (Back, a link)
  // is copied into the box.
  const [text, setText] = useState(filters.q);
  const written = useRef(filters.q);
  const settled = useDebouncedValue(text, SEARCH_DEBOUNCE_MS);
  useEffect(() => {
    if (filters.q !== written.current) {
      written.current = filters.q;
      setText(filters.q);
    }
  }, [filters.q]);
  useEffect(() => {
    const q = settled.trim();
    if (q !== written.current) {
      written.current = q;
      update({ q });
    }
  }, [settled]);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const q = text.trim();
    written.current = q;
    update({ q });
  };

  const units = useOrgUnits();
  const grades = useGrades();
  const list = useStaffList(toStaffListParams(filters));
  const data = list.data;
  const pageCount = data ? Math.max(1, Math.ceil(data.total / data.pageSize)) : 1;
  const filtered = Boolean(filters.q || filters.orgUnitId || filters.gradeId || filters.account);
  const chosenUnit = filters.orgUnitId
    ? units.data?.items.find((unit) => unit.id === filters.orgUnitId)
    : undefined;

  const count = (() => {
    if (!data) return '';
    if (data.total === 0) return t('identity.directory.countNone');
    const from = (data.page - 1) * data.pageSize + 1;
    return t('identity.directory.count', {
      count: data.total,
      from,
      to: from + data.items.length - 1,
    });
  })();

  return (
    <>
      <PageHeader title={title} lead={t('identity.directory.lead')} />
      <search aria-label={t('identity.directory.searchLabel')}>
        <form onSubmit={onSubmit} className={panelClass}>
          <div className={`grid gap-4 ${manages ? 'md:grid-cols-4' : 'md:grid-cols-3'}`}>
            <div className={manages ? 'md:col-span-4' : 'md:col-span-3'}>
              <label htmlFor={ids.q} className={labelClass}>
                {t('identity.directory.q')}
              </label>
              <p id={ids.hint} className="text-dns-14N-130 text-solid-gray-700">
                {t('identity.directory.qHint')}
              </p>
              <input
                id={ids.q}
                type="search"
                name="q"
                autoComplete="off"
                maxLength={100}
                value={text}
                onChange={(event) => setText(event.target.value)}
                aria-describedby={ids.hint}
                aria-controls={ids.results}
                className={inputClass}
              />
            </div>
            <div className="md:col-span-2">
              <label htmlFor={ids.unit} className={labelClass}>
                {t('identity.directory.unit')}
              </label>
              <select
                id={ids.unit}
                name="unit"
                value={filters.orgUnitId ?? ''}
                onChange={(event) => update({ orgUnitId: event.target.value || undefined })}
                className={inputClass}
              >
                <option value="">{t('identity.directory.allUnits')}</option>
                {units.data ? <UnitOptions units={units.data.items} /> : null}
              </select>
            </div>
            <div>
              <label htmlFor={ids.grade} className={labelClass}>
                {t('identity.directory.grade')}
              </label>
              <select
                id={ids.grade}
                name="grade"
                value={filters.gradeId ?? ''}
                onChange={(event) => update({ gradeId: event.target.value || undefined })}
                className={inputClass}
              >
                <option value="">{t('identity.directory.allGrades')}</option>
                {grades.data?.items.map((grade) => (
                  <option key={grade.id} value={grade.id}>
                    {l(grade.name)}
                  </option>
                ))}
              </select>
            </div>
            {manages ? (
              <div>
                <label htmlFor={ids.account} className={labelClass}>
                  {t('identity.directory.account')}
                </label>
                <select
                  id={ids.account}
                  name="account"
                  value={filters.account ?? ''}
                  onChange={(event) =>
                    update({ account: (event.target.value || undefined) as AccountFilter | undefined })
                  }
                  className={inputClass}
                >
                  <option value="">{t('identity.directory.allAccounts')}</option>
                  {ACCOUNT_FILTERS.map((state) => (
                    <option key={state} value={state}>
                      {t(`identity.directory.accountFilter.${state}`)}
                    </option>
                  ))}
                </select>
              </div>
            ) : null}
          </div>
          <div className="mt-4 flex flex-wrap gap-3">
            <Button type="submit">{t('identity.directory.search')}</Button>
            <Button
              variant="tertiary"
              disabled={!filtered && text === ''}
              className="disabled:opacity-60"
              onClick={() => {
                setText('');
                written.current = '';
                update({ q: '', orgUnitId: undefined, gradeId: undefined, account: undefined });
              }}
            >
              {t('identity.directory.clear')}
            </Button>
          </div>
        </form>
      </search>

      <p
        aria-live="polite"
        aria-atomic="true"
        className="mt-6 mb-4 min-h-7 text-std-16B-170 text-solid-gray-800"
      >
        {count}
      </p>
      <div id={ids.results} aria-busy={list.isFetching}>
        {list.isPending ? (
          <LoadingState />
        ) : list.isError && !data ? (
          <ErrorState error={list.error} onRetry={() => void list.refetch()} />
        ) : data && data.items.length === 0 && data.total > 0 ? (
          <EmptyState>
            <p>{t('identity.directory.pastEnd')}</p>
            <Button variant="secondary" className="mt-3" onClick={() => update({ page: 1 })}>
              {t('identity.directory.firstPage')}
            </Button>
          </EmptyState>
        ) : data && data.items.length === 0 ? (
          <EmptyState>
            {filtered ? t('identity.directory.noMatch') : t('identity.directory.empty')}
          </EmptyState>
        ) : data ? (
          <>
            <StaffTable
              items={data.items}
              caption={t('identity.directory.tableCaption')}
              selection={selection}
            />
            <Pager page={data.page} pageCount={pageCount} onPage={(page) => update({ page })} />
          </>
        ) : null}
      </div>
      {manages ? (
        <BulkInvite
          selected={selected}
          unit={chosenUnit ? { id: chosenUnit.id, name: l(chosenUnit.name) } : undefined}
          onDone={() => setSelected(new Map())}
        />
      ) : null}
    </>
  );
}
