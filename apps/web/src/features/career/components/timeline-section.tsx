import { PriorityTagCode, type TimelineItem, TimelineKind } from '@portal/contracts';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, formatFiscalYear } from '../../../shared/format/date.ts';
import { useLanguage, useLocalized } from '../../../shared/i18n/use-language.ts';
import { Button } from '../../../shared/ui/button.tsx';
import { Pager } from '../../../shared/ui/pager.tsx';
import { EmptyState, ErrorState, LoadingState } from '../../../shared/ui/states.tsx';
import { usePolicy } from '../../policy/api/get-policy.ts';
import { PolicyLinkChips } from '../../policy/components/policy-link-chips.tsx';
import { useTimeline } from '../api/get-timeline.ts';
import type { TimelineFilters } from '../api/keys.ts';
import { personName } from '../lib/people.ts';
import { useCareerParams } from '../lib/use-params.ts';
import { KindBadge } from './badges.tsx';
import { hintClass, inputClass, labelClass, sectionTitleClass } from './styles.ts';

const PAGE_SIZE = 20;

/** The timeline's filters live in the address (`?kind=&image=&initiative=&tag=&page=`), so they can be shared. */
function useTimelineFilters(): [TimelineFilters, (patch: Record<string, string | undefined>) => void] {
  const [params, setParams] = useCareerParams();
  const kind = TimelineKind.safeParse(params.get('kind'));
  const tag = PriorityTagCode.safeParse(params.get('tag'));
  const page = Math.max(1, Number(params.get('page')) || 1);
  const filters: TimelineFilters = {
    kind: kind.success ? kind.data : undefined,
    staffImageId: params.get('image') || undefined,
    initiativeId: params.get('initiative') || undefined,
    tag: tag.success ? tag.data : undefined,
    page,
    pageSize: PAGE_SIZE,
  };
  // a new filter starts again from the first page
  const set = (patch: Record<string, string | undefined>) => setParams({ page: undefined, ...patch });
  return [filters, set];
}

function Entry({ item }: { item: TimelineItem }) {
  const { t } = useTranslation();
  const l = useLocalized();
  const language = useLanguage();
  let title = '';
  let detail = '';
  if (item.kind === 'assignment') {
    title = item.orgPath.map((u) => l(u.name)).join(' ');
    detail = [
      l(item.grade.name),
      item.post ? l(item.post) : '',
      item.endsOn
        ? t('career.timeline.until', { date: formatDate(item.endsOn, language) })
        : t('career.timeline.now'),
    ]
      .filter(Boolean)
      .join(' ・ ');
  } else if (item.kind === 'training') {
    title = l(item.title);
    detail = t('career.timeline.trainingDetail', {
      hours: item.hours,
      kind: t(`career.timeline.trainingKinds.${item.trainingKind}`, { defaultValue: '' }),
    });
  } else if (item.kind === 'ojt') {
    title = item.topic;
    detail = [
      t('career.timeline.ojtDetail', { minutes: item.minutes, who: personName(item.supervisor, language) }),
      t(`career.timeline.ojtMethods.${item.method}`, { defaultValue: '' }),
      item.acknowledged ? t('career.timeline.acknowledged') : t('career.timeline.notAcknowledged'),
    ]
      .filter(Boolean)
      .join(' ・ ');
  } else {
    title = item.title;
    detail = [
      t(`career.selfDev.kinds.${item.selfDevelopmentKind}`),
      item.provider ?? '',
      item.hours !== null ? t('career.selfDev.hoursValue', { count: item.hours }) : '',
      item.completed ? t('career.selfDev.completed') : t('career.selfDev.inProgress'),
    ]
      .filter(Boolean)
      .join(' ・ ');
  }
  return (
    <li className="relative border-l-4 border-blue-200 pb-4 pl-4">
      <p className="flex flex-wrap items-center gap-2 text-dns-14N-130 text-solid-gray-700">
        <time dateTime={item.date}>{formatDate(item.date, language)}</time>
        <KindBadge label={t(`career.timeline.kinds.${item.kind}`)} />
      </p>
      <p className="mt-1 text-std-16B-170 text-solid-gray-900">{title}</p>
      {detail ? <p className="text-std-16N-170 text-solid-gray-800">{detail}</p> : null}
      <PolicyLinkChips links={item.links} className="mt-2" />
    </li>
  );
}

/** Assignments, training, OJT received, self-development and qualifications: one chronological view. */
export function TimelineSection({ staffId, self }: { staffId: string; self: boolean }) {
  const { t } = useTranslation();
  const l = useLocalized();
  const language = useLanguage();
  const policy = usePolicy();
  const [filters, setFilters] = useTimelineFilters();
  const query = useTimeline(staffId, filters);
  const id = useId();
  const filtered = Boolean(filters.kind || filters.staffImageId || filters.initiativeId || filters.tag);
  const pageCount = query.data ? Math.ceil(query.data.total / PAGE_SIZE) : 0;

  // Group the page by 年度, newest first, as the items come
  const groups: { fiscalYear: number; items: TimelineItem[] }[] = [];
  for (const item of query.data?.items ?? []) {
    const last = groups[groups.length - 1];
    if (last?.fiscalYear === item.fiscalYear) last.items.push(item);
    else groups.push({ fiscalYear: item.fiscalYear, items: [item] });
  }

  return (
    <section aria-labelledby={id}>
      <h2 id={id} className={sectionTitleClass}>
        {t('career.timeline.title')}
      </h2>
      <form
        className="mt-4 grid gap-4 sm:grid-cols-2 lg:grid-cols-4"
        aria-label={t('career.timeline.filters')}
        onSubmit={(e) => e.preventDefault()}
      >
        <div>
          <label htmlFor={`${id}-kind`} className={labelClass}>
            {t('career.timeline.kind')}
          </label>
          <select
            id={`${id}-kind`}
            className={inputClass}
            value={filters.kind ?? ''}
            onChange={(e) => setFilters({ kind: e.target.value })}
          >
            <option value="">{t('career.timeline.allKinds')}</option>
            {TimelineKind.options.map((k) => (
              <option key={k} value={k}>
                {t(`career.timeline.kinds.${k}`)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor={`${id}-image`} className={labelClass}>
            {t('career.timeline.staffImage')}
          </label>
          <select
            id={`${id}-image`}
            className={inputClass}
            value={filters.staffImageId ?? ''}
            onChange={(e) => setFilters({ image: e.target.value })}
          >
            <option value="">{t('career.timeline.all')}</option>
            {policy.data?.staffImages.map((s) => (
              <option key={s.id} value={s.id}>
                {l(s.title)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor={`${id}-initiative`} className={labelClass}>
            {t('career.timeline.initiative')}
          </label>
          <select
            id={`${id}-initiative`}
            className={inputClass}
            value={filters.initiativeId ?? ''}
            onChange={(e) => setFilters({ initiative: e.target.value })}
          >
            <option value="">{t('career.timeline.all')}</option>
            {policy.data?.policyAreas.map((area) => (
              <optgroup key={area.id} label={l(area.title)}>
                {area.initiatives.map((i) => (
                  <option key={i.id} value={i.id}>
                    {i.marker} {l(i.title)}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor={`${id}-tag`} className={labelClass}>
            {t('policyLinks.tag')}
          </label>
          <select
            id={`${id}-tag`}
            className={inputClass}
            value={filters.tag ?? ''}
            onChange={(e) => setFilters({ tag: e.target.value })}
          >
            <option value="">{t('career.timeline.all')}</option>
            {PriorityTagCode.options.map((code) => (
              <option key={code} value={code}>
                {t(`policyLinks.tags.${code}`)}
              </option>
            ))}
          </select>
        </div>
        {filtered ? (
          <div className="sm:col-span-2 lg:col-span-4">
            <Button
              variant="tertiary"
              onClick={() =>
                setFilters({ kind: undefined, image: undefined, initiative: undefined, tag: undefined })
              }
            >
              {t('career.timeline.clear')}
            </Button>
          </div>
        ) : null}
      </form>
      {filtered ? <p className={hintClass}>{t('career.timeline.policyFilterHint')}</p> : null}

      <div className="mt-6" aria-live="polite" aria-busy={query.isFetching}>
        {query.isPending ? <LoadingState /> : null}
        {query.isError ? <ErrorState error={query.error} onRetry={() => void query.refetch()} /> : null}
        {query.data && query.data.items.length === 0 ? (
          <EmptyState>
            {filtered
              ? t('career.timeline.noMatch')
              : self
                ? t('career.timeline.emptySelf')
                : t('career.timeline.emptyOther')}
          </EmptyState>
        ) : null}
        {query.data && query.data.items.length > 0 ? (
          <>
            <p className={hintClass}>{t('career.timeline.count', { count: query.data.total })}</p>
            {groups.map((g) => (
              <section
                key={g.fiscalYear}
                aria-label={formatFiscalYear(g.fiscalYear, language)}
                className="mt-4"
              >
                <h3 className="mb-3 text-std-17B-170 text-solid-gray-900">
                  {formatFiscalYear(g.fiscalYear, language)}
                </h3>
                <ol className="grid gap-1" data-testid="timeline">
                  {g.items.map((item) => (
                    <Entry key={`${item.kind}-${item.id}`} item={item} />
                  ))}
                </ol>
              </section>
            ))}
            <Pager
              label={t('career.timeline.pager')}
              page={filters.page}
              pageCount={pageCount}
              onPage={(page) => setFilters({ page: String(page) })}
            />
          </>
        ) : null}
      </div>
    </section>
  );
}
