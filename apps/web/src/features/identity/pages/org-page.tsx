import type { OrgUnit, OrgUnitList } from '@portal/contracts';
import { useEffect, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useDocumentTitle } from '../../../shared/i18n/use-document-title.ts';
import { useLocalized } from '../../../shared/i18n/use-language.ts';
import { PageHeader } from '../../../shared/ui/page-header.tsx';
import { EmptyState, QueryContent } from '../../../shared/ui/states.tsx';
import { useOrgUnits } from '../api/get-org-units.ts';
import {
  hintClass,
  inputClass,
  labelClass,
  panelClass,
  sectionTitleClass,
} from '../components/form-styles.ts';
import { OrgTree } from '../components/org-tree.tsx';
import { buildOrgTree, filterOrgTree, indexOrgTree } from '../lib/org-tree.ts';
import { staffOfUnitPath } from '../lib/staff-filters.ts';
import { useDebouncedValue } from '../lib/use-debounced-value.ts';

/** `/org`: the organisation in force (局・区 → 部 → 課 → 係), to browse and to find people by. */
export function OrgPage() {
  const { t } = useTranslation();
  const title = t('nav.org');
  useDocumentTitle(title);
  const query = useOrgUnits();
  return (
    <>
      <PageHeader title={title} lead={t('identity.org.lead')} />
      <QueryContent query={query} isEmpty={(d) => d.items.length === 0} empty={t('identity.org.empty')}>
        {(data) => <OrgBrowser data={data} />}
      </QueryContent>
    </>
  );
}

function OrgBrowser({ data }: { data: OrgUnitList }) {
  const { t } = useTranslation();
  const l = useLocalized();
  const ids = { filter: useId(), hint: useId(), detail: useId() };
  const tree = useMemo(() => buildOrgTree(data.items), [data]);
  const index = useMemo(() => indexOrgTree(tree), [tree]);
  const [filterText, setFilterText] = useState('');
  const settled = useDebouncedValue(filterText, 200);
  const filtered = useMemo(() => filterOrgTree(tree, settled), [tree, settled]);
  const [expanded, setExpanded] = useState<Set<string>>(() => new Set());
  const [selected, setSelected] = useState<OrgUnit | null>(null);

  // A filter opens the units on the way to what it found; clearing it closes them again.
  useEffect(() => {
    setExpanded(new Set(filtered.expand));
  }, [filtered]);

  const chain = (unit: OrgUnit) => {
    const out: OrgUnit[] = [];
    for (let node = index.get(unit.id); node; node = node.parentId ? index.get(node.parentId) : undefined) {
      out.unshift(node.unit);
    }
    return out;
  };

  return (
    <div className="grid gap-8 lg:grid-cols-[3fr_2fr]">
      <div>
        <div className={panelClass}>
          <label htmlFor={ids.filter} className={labelClass}>
            {t('identity.org.filter')}
          </label>
          <p id={ids.hint} className={hintClass}>
            {t('identity.org.filterHint')}
          </p>
          <input
            id={ids.filter}
            type="search"
            autoComplete="off"
            maxLength={100}
            value={filterText}
            onChange={(event) => setFilterText(event.target.value)}
            aria-describedby={ids.hint}
            className={inputClass}
          />
        </div>
        <p
          aria-live="polite"
          aria-atomic="true"
          className="mt-4 mb-2 min-h-7 text-std-16B-170 text-solid-gray-800"
        >
          {settled.trim() ? t('identity.org.matches', { count: filtered.matches }) : ''}
        </p>
        <p className="mb-2 text-dns-14N-130 text-solid-gray-700">{t('identity.org.keyboardHint')}</p>
        {filtered.roots.length ? (
          <OrgTree
            roots={filtered.roots}
            expanded={expanded}
            onExpandedChange={setExpanded}
            selectedId={selected?.id ?? null}
            onSelect={setSelected}
            label={t('identity.org.treeLabel')}
          />
        ) : (
          <EmptyState>{t('identity.org.noMatch')}</EmptyState>
        )}
      </div>
      <section
        aria-labelledby={ids.detail}
        className="self-start rounded-12 border border-solid-gray-200 p-4 md:p-5 lg:sticky lg:top-4"
      >
        <h2 id={ids.detail} className={sectionTitleClass}>
          {selected ? l(selected.name) : t('identity.org.detailTitle')}
        </h2>
        {selected ? (
          <>
            <dl className="text-std-16N-170">
              <dt className="text-std-16B-170">{t('identity.org.kindLabel')}</dt>
              <dd className="mb-3">{t(`identity.org.kind.${selected.kind}`)}</dd>
              <dt className="text-std-16B-170">{t('identity.org.path')}</dt>
              <dd className="mb-3">
                {chain(selected)
                  .map((u) => l(u.name))
                  .join(' › ')}
              </dd>
              <dt className="text-std-16B-170">{t('identity.org.code')}</dt>
              <dd className="mb-3 font-mono">{selected.code}</dd>
              <dt className="text-std-16B-170">{t('identity.org.staffCount')}</dt>
              <dd className="mb-3">{t('identity.org.people', { count: selected.staffCount })}</dd>
            </dl>
            <Link to={staffOfUnitPath(selected.id)} className="text-std-16B-170">
              {t('identity.org.showStaff', { unit: l(selected.name) })}
            </Link>
          </>
        ) : (
          <p className="text-std-16N-170 text-solid-gray-700">{t('identity.org.detailHint')}</p>
        )}
      </section>
    </div>
  );
}
