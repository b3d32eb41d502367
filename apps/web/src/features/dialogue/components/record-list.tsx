import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate } from '../../../shared/format/date.ts';
import { useLanguage } from '../../../shared/i18n/use-language.ts';
import { Pager, pageCountOf } from '../../../shared/ui/pager.tsx';
import { ErrorState, LoadingState } from '../../../shared/ui/states.tsx';
import { useOneOnOnes } from '../api/get-one-on-ones.ts';
import { usePersonName } from './person-name.ts';

const PAGE_SIZE = 20;

/** A page of 1on1 records (mine as the person, or those I recorded), newest first, each leading to its page. */
export function RecordList({
  title,
  staffId,
  authorId,
  empty,
}: {
  title: string;
  staffId?: string;
  authorId?: 'me';
  empty: string;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const name = usePersonName();
  const id = useId();
  const [page, setPage] = useState(1);
  const records = useOneOnOnes({ staffId, authorId, page, pageSize: PAGE_SIZE });
  return (
    <section aria-labelledby={id} className="mt-8">
      <h2 id={id} className="text-std-20B-150 text-solid-gray-900">
        {title}
      </h2>
      {records.isPending ? (
        <LoadingState />
      ) : records.isError ? (
        <ErrorState error={records.error} onRetry={() => void records.refetch()} />
      ) : records.data.items.length === 0 ? (
        <p className="mt-2 text-std-16N-170 text-solid-gray-700">{empty}</p>
      ) : (
        <>
          <ul className="mt-3 grid gap-2">
            {records.data.items.map((r) => {
              const open = r.actions.filter((a) => a.doneAt === null).length;
              return (
                <li key={r.id} className="rounded-8 border border-solid-gray-200 bg-white p-3">
                  <Link to={`/one-on-ones/${r.id}`} className="text-std-16B-170">
                    {`${formatDate(r.heldOn, language)} · ${t(`dialogue.kinds.${r.kind}`)}`}
                  </Link>
                  <p className="text-dns-14N-130 text-solid-gray-700">
                    {[
                      authorId ? name(r.staff) : t('dialogue.with', { name: name(r.author) }),
                      r.status === 'scheduled' ? t('dialogue.status.scheduled') : null,
                      r.status === 'held' && !r.acknowledgedAt ? t('dialogue.notAcknowledged') : null,
                      open ? t('dialogue.actions.openCount', { count: open }) : null,
                    ]
                      .filter(Boolean)
                      .join(' · ')}
                  </p>
                  {r.topics.length ? <p className="mt-1 text-std-16N-170">{r.topics.join(' / ')}</p> : null}
                </li>
              );
            })}
          </ul>
          <Pager
            page={page}
            pageCount={pageCountOf(records.data.total, PAGE_SIZE)}
            onPage={setPage}
            label={title}
          />
        </>
      )}
    </section>
  );
}
