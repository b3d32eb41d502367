import { ExperienceSearchPage, OrgUnitList } from '@portal/contracts';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { apiFetch } from '../../../shared/api/api-client.ts';
import { useDocumentTitle } from '../../../shared/i18n/use-document-title.ts';
import { useLanguage, useLocalized } from '../../../shared/i18n/use-language.ts';
import { Button } from '../../../shared/ui/button.tsx';
import { hintClass, inputClass, labelClass, selectClass } from '../../../shared/ui/form-styles.ts';
import { PageHeader } from '../../../shared/ui/page-header.tsx';
import { Pager, pageCountOf } from '../../../shared/ui/pager.tsx';
import { QueryContent } from '../../../shared/ui/states.tsx';
import { selfDeclarationKeys } from '../api/self-declaration.ts';

type Filters = { years: number; bureausBelow: number; bureauId: string };
const PAGE_SIZE = 50;

/** `GET /api/experience-map`: people whose posts of the last N years lie in fewer than M 局・区. */
function useRotationCandidates(f: Filters, page: number) {
  const q = new URLSearchParams({
    years: String(f.years),
    bureausBelow: String(f.bureausBelow),
    page: String(page),
    pageSize: String(PAGE_SIZE),
    ...(f.bureauId ? { bureauId: f.bureauId } : {}),
  });
  return useQuery(
    queryOptions({
      queryKey: [...selfDeclarationKeys.all, 'rotation', f, page],
      queryFn: ({ signal }) => apiFetch(`/api/experience-map?${q}`, { schema: ExperienceSearchPage, signal }),
      placeholderData: keepPreviousData,
    }),
  );
}

function useBureaus() {
  return useQuery(
    queryOptions({
      queryKey: [...selfDeclarationKeys.all, 'bureaus'],
      queryFn: ({ signal }) => apiFetch('/api/org-units', { schema: OrgUnitList, signal }),
      select: (list) => list.items.filter((u) => u.kind === 'bureau' || u.kind === 'ward'),
      staleTime: 10 * 60_000,
    }),
  );
}

/** `/rotation-finder` (HR): who is due for a rotation — fewer than M 局・区 in the last N years. */
export function RotationFinderPage() {
  const { t } = useTranslation();
  const l = useLocalized();
  const language = useLanguage();
  const ids = { years: useId(), below: useId(), bureau: useId() };
  useDocumentTitle(t('selfDeclaration.rotation.title'));
  const [input, setInput] = useState<Filters>({ years: 10, bureausBelow: 2, bureauId: '' });
  const [filters, setFilters] = useState<Filters>(input);
  const [page, setPage] = useState(1);
  const bureaus = useBureaus();
  const results = useRotationCandidates(filters, page);
  const years = new Intl.NumberFormat(language, { maximumFractionDigits: 1 });
  return (
    <div>
      <PageHeader title={t('selfDeclaration.rotation.title')} lead={t('selfDeclaration.rotation.lead')} />
      <form
        aria-label={t('selfDeclaration.rotation.filters')}
        className="mb-6 flex flex-wrap items-end gap-4"
        onSubmit={(e) => {
          e.preventDefault();
          setPage(1);
          setFilters(input);
        }}
      >
        <div>
          <label htmlFor={ids.years} className={labelClass}>
            {t('selfDeclaration.rotation.years')}
          </label>
          <input
            id={ids.years}
            type="number"
            min={1}
            max={45}
            required
            className={`${inputClass} mt-2 w-28`}
            value={input.years}
            onChange={(e) =>
              setInput({ ...input, years: Math.min(45, Math.max(1, Number(e.target.value) || 1)) })
            }
          />
        </div>
        <div>
          <label htmlFor={ids.below} className={labelClass}>
            {t('selfDeclaration.rotation.bureausBelow')}
          </label>
          <input
            id={ids.below}
            type="number"
            min={1}
            max={20}
            required
            className={`${inputClass} mt-2 w-28`}
            value={input.bureausBelow}
            onChange={(e) =>
              setInput({ ...input, bureausBelow: Math.min(20, Math.max(1, Number(e.target.value) || 1)) })
            }
          />
        </div>
        <div className="min-w-0 max-w-full">
          <label htmlFor={ids.bureau} className={labelClass}>
            {t('selfDeclaration.rotation.bureau')}
          </label>
          <select
            id={ids.bureau}
            className={`${selectClass} mt-2 block max-w-full`}
            value={input.bureauId}
            onChange={(e) => setInput({ ...input, bureauId: e.target.value })}
          >
            <option value="">{t('selfDeclaration.rotation.anyBureau')}</option>
            {(bureaus.data ?? []).map((b) => (
              <option key={b.id} value={b.id}>
                {l(b.name)}
              </option>
            ))}
          </select>
        </div>
        <Button type="submit">{t('selfDeclaration.rotation.search')}</Button>
      </form>
      <p className={hintClass} aria-live="polite">
        {results.data
          ? t('selfDeclaration.rotation.found', {
              count: results.data.total,
              years: filters.years,
              below: filters.bureausBelow,
            })
          : ''}
      </p>
      <QueryContent
        query={results}
        isEmpty={(p) => p.items.length === 0}
        empty={t('selfDeclaration.rotation.empty')}
      >
        {(p) => (
          <>
            <div className="relative mt-3 overflow-x-auto">
              <table className="w-full min-w-[20rem] border-collapse text-left text-std-16N-170">
                <caption className="sr-only">{t('selfDeclaration.rotation.title')}</caption>
                <thead>
                  <tr className="border-b border-solid-gray-420">
                    <th scope="col" className="px-2 py-2 text-dns-16B-130">
                      {t('selfDeclaration.rotation.name')}
                    </th>
                    <th scope="col" className="px-2 py-2 text-dns-16B-130">
                      {t('selfDeclaration.rotation.current')}
                    </th>
                    <th scope="col" className="px-2 py-2 text-right text-dns-16B-130">
                      {t('selfDeclaration.rotation.inBureau')}
                    </th>
                    <th scope="col" className="px-2 py-2 text-right text-dns-16B-130">
                      {t('selfDeclaration.rotation.bureausInSpan')}
                    </th>
                    <th scope="col" className="px-2 py-2 text-right text-dns-16B-130">
                      {t('selfDeclaration.rotation.service')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {p.items.map((r) => (
                    <tr key={r.staff.id} className="border-b border-solid-gray-200">
                      <th scope="row" className="px-2 py-2 font-normal">
                        <Link
                          to={`/staff/${r.staff.id}/career`}
                          className="text-blue-1000 underline"
                          aria-label={t('selfDeclaration.rotation.careerOf', {
                            name: language === 'ja' ? r.staff.name : r.staff.nameEn || r.staff.name,
                          })}
                        >
                          {language === 'ja' ? r.staff.name : r.staff.nameEn || r.staff.name}
                        </Link>
                        <span className="block text-dns-14N-130 text-solid-gray-700">
                          {r.staff.employeeNumber}
                        </span>
                      </th>
                      <td className="px-2 py-2">
                        {r.bureau ? l(r.bureau.name) : '—'}
                        <span className="block text-dns-14N-130 text-solid-gray-700">
                          {[r.orgUnit ? l(r.orgUnit.name) : '', r.grade ? l(r.grade.name) : '']
                            .filter(Boolean)
                            .join(' ・ ')}
                        </span>
                      </td>
                      <td className="px-2 py-2 text-right tabular-nums">
                        {t('selfDeclaration.rotation.yearsValue', {
                          value: years.format(r.yearsInCurrentBureau),
                        })}
                      </td>
                      <td className="px-2 py-2 text-right tabular-nums">{r.bureausInSpan}</td>
                      <td className="px-2 py-2 text-right tabular-nums">
                        {t('selfDeclaration.rotation.yearsValue', { value: years.format(r.serviceYears) })}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <Pager page={page} pageCount={pageCountOf(p.total, PAGE_SIZE)} onPage={setPage} />
          </>
        )}
      </QueryContent>
    </div>
  );
}
