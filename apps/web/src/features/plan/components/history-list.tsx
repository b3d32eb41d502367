import type { PlanHistoryEntry } from '@portal/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../shared/format/date.ts';
import { useLanguage, useLocalized } from '../../../shared/i18n/use-language.ts';
import { Button } from '../../../shared/ui/button.tsx';
import { QueryContent } from '../../../shared/ui/states.tsx';
import { HISTORY_PAGE_SIZE, useItemHistory } from '../api/get-item-history.ts';

/** When a change was made, as the rest of the portal writes it: 和暦 in Japanese, Japan time. */
const dateTime = formatDateTime;

/** Every change to an item, its KPIs and actuals: who, when, and each field before → after. */
export function HistoryList({ itemId }: { itemId: string }) {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const query = useItemHistory(itemId, page);
  return (
    <QueryContent query={query} isEmpty={(d) => d.total === 0} empty={t('plan.history.empty')}>
      {(data) => {
        const pages = Math.max(1, Math.ceil(data.total / HISTORY_PAGE_SIZE));
        return (
          <>
            <ol className="grid gap-3" aria-label={t('plan.history.title')}>
              {data.items.map((entry) => (
                <HistoryEntry key={entry.id} entry={entry} />
              ))}
            </ol>
            {pages > 1 ? (
              <nav aria-label={t('plan.history.pages')} className="mt-4 flex items-center gap-3">
                <Button variant="secondary" disabled={page <= 1} onClick={() => setPage((p) => p - 1)}>
                  {t('plan.history.newer')}
                </Button>
                <span>{t('plan.history.position', { page, pages })}</span>
                <Button variant="secondary" disabled={page >= pages} onClick={() => setPage((p) => p + 1)}>
                  {t('plan.history.older')}
                </Button>
              </nav>
            ) : null}
          </>
        );
      }}
    </QueryContent>
  );
}

function HistoryEntry({ entry }: { entry: PlanHistoryEntry }) {
  const { t, i18n } = useTranslation();
  const language = useLanguage();
  const l = useLocalized();
  const who = entry.actor
    ? language === 'en'
      ? entry.actor.nameEn || entry.actor.name
      : entry.actor.name
    : t('plan.history.system');
  const fieldLabel = (field: string) =>
    i18n.exists(`plan.fields.${field}`) ? t(`plan.fields.${field}`) : field;
  const value = (field: string, v: string | null) => {
    if (v === null || v === '') return t('plan.history.none');
    if (field === 'status' && i18n.exists(`plan.itemStatus.${v}`)) return t(`plan.itemStatus.${v}`);
    if (field === 'status' && i18n.exists(`plan.periodStatus.${v}`)) return t(`plan.periodStatus.${v}`);
    if (field === 'source' && i18n.exists(`plan.kpi.sources.${v}`)) return t(`plan.kpi.sources.${v}`);
    if (field === 'metric' && i18n.exists(`plan.kpi.metrics.${v}`)) return t(`plan.kpi.metrics.${v}`);
    return v;
  };
  return (
    <li className="rounded-8 border border-solid-gray-200 bg-white p-3">
      <p className="text-dns-14N-130 text-solid-gray-700">
        <time dateTime={entry.at}>{dateTime(entry.at, language)}</time> · {who}
      </p>
      <p className="mt-1 text-std-16B-170">
        {t(`plan.history.actions.${entry.entityType}.${entry.action}`, {
          defaultValue: `${entry.entityType} ${entry.action}`,
        })}
        {entry.subject ? `: ${l(entry.subject)}` : ''}
      </p>
      {entry.changes.length ? (
        <dl className="mt-2 grid gap-2 text-dns-14N-130">
          {entry.changes.map((c) => (
            <div key={c.field} className="grid gap-1 md:grid-cols-[10rem_1fr]">
              <dt className="font-bold">{fieldLabel(c.field)}</dt>
              <dd className="whitespace-pre-line">
                {entry.action === 'create' || entry.action === 'copy' ? null : (
                  <>
                    <del className="bg-red-50 text-red-1000">{value(c.field, c.before)}</del>
                    {entry.action === 'delete' ? null : (
                      <>
                        <span aria-hidden="true"> → </span>
                        <span className="sr-only">{t('plan.history.changedTo')}</span>
                      </>
                    )}
                  </>
                )}
                {entry.action === 'delete' ? null : (
                  <ins className="bg-green-50 text-green-1100 no-underline">{value(c.field, c.after)}</ins>
                )}
              </dd>
            </div>
          ))}
        </dl>
      ) : null}
    </li>
  );
}
