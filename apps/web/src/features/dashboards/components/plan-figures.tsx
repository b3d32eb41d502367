import type { DashboardInitiative, DashboardKpi, DashboardTag, DashboardTagOjt } from '@portal/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { formatList } from '../../../shared/format/list.ts';
import { useLanguage, useLocalized } from '../../../shared/i18n/use-language.ts';
import { num, pct } from '../lib/format.ts';
import { type Column, DataTable } from './data-table.tsx';
import { CHART } from './unit-figures.tsx';
import { WrappedTick } from './wrapped-tick.tsx';

const STATUS_COLOURS = {
  not_started: CHART.gray,
  in_progress: CHART.blue,
  done: CHART.green,
  delayed: CHART.orange,
};
const STATUSES = ['not_started', 'in_progress', 'done', 'delayed'] as const;
/** OJT minutes as hours, one decimal */
const hours = (minutes: number, language: 'ja' | 'en') => num(Math.round(minutes / 6) / 10, language);

export function InitiativesChart({ initiatives }: { initiatives: DashboardInitiative[] }) {
  const { t } = useTranslation();
  const data = initiatives.map((i) => ({ name: i.code, ...i.statusCounts }));
  return (
    <ResponsiveContainer width="100%" height="100%">
      <BarChart data={data} accessibilityLayer={false}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="name" tick={{ fontSize: 11 }} />
        <YAxis allowDecimals={false} width={32} />
        <Tooltip />
        <Legend verticalAlign="top" />
        {STATUSES.map((s) => (
          <Bar key={s} dataKey={s} stackId="s" name={t(`plan.itemStatus.${s}`)} fill={STATUS_COLOURS[s]} />
        ))}
      </BarChart>
    </ResponsiveContainer>
  );
}

export function InitiativesTable({
  caption,
  initiatives,
  tags,
}: {
  caption: string;
  initiatives: DashboardInitiative[];
  tags: DashboardTag[];
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const l = useLocalized();
  const tagLabel = (code: string) => {
    const tag = tags.find((x) => x.tagCode === code);
    return tag ? l(tag.label) : code;
  };
  const columns: Column<DashboardInitiative>[] = [
    {
      key: 'initiative',
      label: t('dashboards.plan.initiative'),
      rowHeader: true,
      cell: (i) => (
        <>
          <span className="text-solid-gray-700">({i.area.position}) </span>
          {i.marker} {l(i.title)}
          {i.tagCodes.length ? (
            <span className="ml-1 text-solid-gray-700">
              ［{formatList(i.tagCodes.map(tagLabel), language)}］
            </span>
          ) : null}
        </>
      ),
    },
    {
      key: 'items',
      label: t('dashboards.plan.items'),
      cell: (i) =>
        i.items.length ? (
          <ul className="grid gap-1">
            {i.items.map((it) => (
              <li key={it.id}>
                {l(it.title)}{' '}
                <span className="text-solid-gray-700">（{t(`plan.itemStatus.${it.status}`)}）</span>
              </li>
            ))}
          </ul>
        ) : (
          '—'
        ),
    },
    ...STATUSES.map(
      (s): Column<DashboardInitiative> => ({
        key: s,
        label: t(`plan.itemStatus.${s}`),
        numeric: true,
        cell: (i) => i.statusCounts[s],
      }),
    ),
    { key: 'kpis', label: t('dashboards.plan.kpis'), numeric: true, cell: (i) => i.kpiCount },
    {
      key: 'rate',
      label: t('dashboards.plan.achievement'),
      numeric: true,
      cell: (i) => pct(i.achievementRate, language),
    },
    {
      key: 'ojtSessions',
      label: t('dashboards.ojt.sessions'),
      numeric: true,
      cell: (i) => num(i.ojtSessions, language),
    },
    {
      key: 'ojtHours',
      label: t('dashboards.ojt.hours'),
      numeric: true,
      cell: (i) => hours(i.ojtMinutes, language),
    },
  ];
  return <DataTable caption={caption} columns={columns} rows={initiatives} rowKey={(i) => i.id} />;
}

export function KpiChart({ kpis }: { kpis: DashboardKpi[] }) {
  const { t } = useTranslation();
  const l = useLocalized();
  const data = kpis
    .filter((k) => k.achievementRate !== null)
    .map((k) => ({ name: l(k.name), rate: Math.min(k.achievementRate ?? 0, 150) }));
  return (
    <ResponsiveContainer width="100%" height="100%">
      <BarChart data={data} layout="vertical" accessibilityLayer={false} margin={{ left: 8, right: 16 }}>
        <CartesianGrid strokeDasharray="3 3" horizontal={false} />
        <XAxis type="number" unit="%" domain={[0, 150]} />
        <YAxis type="category" dataKey="name" width={150} interval={0} tick={<WrappedTick width={150} />} />
        <Tooltip />
        <ReferenceLine x={100} stroke={CHART.gray} strokeDasharray="4 4" />
        <Bar dataKey="rate" name={t('dashboards.plan.achievement')} fill={CHART.blue} />
      </BarChart>
    </ResponsiveContainer>
  );
}

export function KpiTable({
  caption,
  kpis,
  initiativeLabel,
  itemHref,
}: {
  caption: string;
  kpis: DashboardKpi[];
  initiativeLabel?: (id: string) => string;
  itemHref?: (kpi: DashboardKpi) => string | null;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const l = useLocalized();
  const value = (v: number | null, unit: string) =>
    v === null ? '—' : `${num(v, language)}${unit === '%' ? '%' : ` ${unit}`}`;
  const columns: Column<DashboardKpi>[] = [
    ...(initiativeLabel
      ? [
          {
            key: 'initiative',
            label: t('dashboards.plan.initiative'),
            cell: (k: DashboardKpi) => initiativeLabel(k.initiativeId),
          },
        ]
      : []),
    {
      key: 'kpi',
      label: 'KPI',
      rowHeader: true,
      cell: (k) => {
        const href = itemHref?.(k);
        return href ? <Link to={href}>{l(k.name)}</Link> : l(k.name);
      },
    },
    {
      key: 'target',
      label: t('dashboards.plan.target'),
      numeric: true,
      cell: (k) => value(k.target, k.unit),
    },
    {
      key: 'actual',
      label: t('dashboards.plan.actual'),
      numeric: true,
      cell: (k) => (
        <span data-kpi-actual={k.id}>
          {k.actualSuppressed
            ? t('plan.kpi.suppressed')
            : k.actual === null
              ? t('dashboards.kpiHeadline.notEntered')
              : value(k.actual, k.unit)}
        </span>
      ),
    },
    {
      key: 'rate',
      label: t('dashboards.plan.achievement'),
      numeric: true,
      cell: (k) => pct(k.achievementRate, language),
    },
    { key: 'source', label: t('dashboards.plan.source'), cell: (k) => t(`plan.kpi.sources.${k.source}`) },
    {
      key: 'owner',
      label: t('dashboards.plan.owner'),
      cell: (k) => (k.ownerBureau ? l(k.ownerBureau.name) : t('dashboards.plan.hr')),
    },
  ];
  return <DataTable caption={caption} columns={columns} rows={kpis} rowKey={(k) => k.id} />;
}

export function TagsChart({ tags }: { tags: DashboardTag[] }) {
  const { t } = useTranslation();
  const l = useLocalized();
  const data = tags.map((x) => ({
    name: l(x.label),
    items: x.itemCount,
    kpis: x.kpiCount,
    courses: x.trainingCourses,
    ojt: x.ojtSessions,
  }));
  return (
    <ResponsiveContainer width="100%" height="100%">
      <BarChart data={data} accessibilityLayer={false}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="name" />
        <YAxis yAxisId="count" allowDecimals={false} width={32} />
        {/* OJT sessions run to thousands: their own axis on the right */}
        <YAxis yAxisId="ojt" orientation="right" allowDecimals={false} width={56} />
        <Tooltip />
        <Legend verticalAlign="top" />
        <Bar yAxisId="count" dataKey="items" name={t('dashboards.plan.items')} fill={CHART.blue} />
        <Bar yAxisId="count" dataKey="kpis" name={t('dashboards.plan.kpis')} fill={CHART.green} />
        <Bar yAxisId="count" dataKey="courses" name={t('dashboards.plan.courses')} fill={CHART.purple} />
        <Bar yAxisId="ojt" dataKey="ojt" name={t('dashboards.ojt.sessionsAxis')} fill={CHART.orange} />
      </BarChart>
    </ResponsiveContainer>
  );
}

export function TagsTable({ caption, tags }: { caption: string; tags: DashboardTag[] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const l = useLocalized();
  const columns: Column<DashboardTag>[] = [
    {
      key: 'tag',
      label: t('dashboards.plan.priority'),
      rowHeader: true,
      cell: (x) => `${l(x.label)} — ${l(x.title)}`,
    },
    {
      key: 'initiatives',
      label: t('dashboards.plan.initiatives'),
      numeric: true,
      cell: (x) => x.initiativeCount,
    },
    { key: 'items', label: t('dashboards.plan.items'), numeric: true, cell: (x) => x.itemCount },
    { key: 'done', label: t('plan.itemStatus.done'), numeric: true, cell: (x) => x.statusCounts.done },
    { key: 'kpis', label: t('dashboards.plan.kpis'), numeric: true, cell: (x) => x.kpiCount },
    {
      key: 'rate',
      label: t('dashboards.plan.achievement'),
      numeric: true,
      cell: (x) => pct(x.achievementRate, language),
    },
    { key: 'courses', label: t('dashboards.plan.courses'), numeric: true, cell: (x) => x.trainingCourses },
    {
      key: 'ojtSessions',
      label: t('dashboards.ojt.sessions'),
      numeric: true,
      cell: (x) => num(x.ojtSessions, language),
    },
    {
      key: 'ojtHours',
      label: t('dashboards.ojt.hours'),
      numeric: true,
      cell: (x) => hours(x.ojtMinutes, language),
    },
  ];
  return <DataTable caption={caption} columns={columns} rows={tags} rowKey={(x) => x.tagCode} />;
}

/** OJT by 重点取組方針 tag within one unit: sessions and hours. */
export function TagOjtChart({ tags }: { tags: DashboardTagOjt[] }) {
  const { t } = useTranslation();
  const l = useLocalized();
  const data = tags.map((x) => ({ name: l(x.label), ojt: x.ojtSessions }));
  return (
    <ResponsiveContainer width="100%" height="100%">
      <BarChart data={data} accessibilityLayer={false}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="name" />
        <YAxis allowDecimals={false} width={56} />
        <Tooltip />
        <Bar dataKey="ojt" name={t('dashboards.ojt.sessions')} fill={CHART.orange} />
      </BarChart>
    </ResponsiveContainer>
  );
}

export function TagOjtTable({ caption, tags }: { caption: string; tags: DashboardTagOjt[] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const l = useLocalized();
  const columns: Column<DashboardTagOjt>[] = [
    {
      key: 'tag',
      label: t('dashboards.plan.priority'),
      rowHeader: true,
      cell: (x) => `${l(x.label)} — ${l(x.title)}`,
    },
    {
      key: 'ojtSessions',
      label: t('dashboards.ojt.sessions'),
      numeric: true,
      cell: (x) => num(x.ojtSessions, language),
    },
    {
      key: 'ojtHours',
      label: t('dashboards.ojt.hours'),
      numeric: true,
      cell: (x) => hours(x.ojtMinutes, language),
    },
  ];
  return <DataTable caption={caption} columns={columns} rows={tags} rowKey={(x) => x.tagCode} />;
}
