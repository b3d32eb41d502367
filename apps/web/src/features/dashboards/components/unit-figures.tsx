import type { StaffFigures, TrendPoint, UnitFigures } from '@portal/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { useLanguage, useLocalized } from '../../../shared/i18n/use-language.ts';
import { fiscalYearWithWestern, num, pct } from '../lib/format.ts';
import { type Column, DataTable } from './data-table.tsx';

/** The design system's chart colours (distinguishable, AA against white). */
export const CHART = {
  blue: '#0031d8',
  green: '#197a4b',
  orange: '#c74700',
  purple: '#5c10be',
  gray: '#595959',
};

function figureColumns(t: (k: string) => string, language: 'ja' | 'en'): Column<StaffFigures>[] {
  return [
    {
      key: 'staff',
      label: t('dashboards.figures.staff'),
      numeric: true,
      cell: (r) => num(r.staff, language, 0),
    },
    {
      key: 'young',
      label: t('dashboards.figures.youngStaff'),
      numeric: true,
      cell: (r) => num(r.youngStaff, language, 0),
    },
    {
      key: 'ojt',
      label: t('dashboards.figures.ojtCoverage'),
      numeric: true,
      cell: (r) => pct(r.ojtCoverage, language),
    },
    {
      key: 'oneOnOne',
      label: t('dashboards.figures.oneOnOneCoverage'),
      numeric: true,
      cell: (r) => pct(r.oneOnOneCoverage, language),
    },
    {
      key: 'ojtMin',
      label: t('dashboards.figures.ojtMinutesPerPerson'),
      numeric: true,
      cell: (r) => num(r.ojtMinutesPerPerson, language),
    },
    {
      key: 'youngOjt',
      label: t('dashboards.figures.youngOjtCoverage'),
      numeric: true,
      cell: (r) => pct(r.youngOjtCoverage, language),
    },
    {
      key: 'training',
      label: t('dashboards.figures.trainingCompletion'),
      numeric: true,
      cell: (r) => pct(r.trainingCompletion, language),
    },
    {
      key: 'trained',
      label: t('dashboards.figures.trainingStaffCompletedShare'),
      numeric: true,
      cell: (r) => pct(r.trainingStaffCompletedShare, language),
    },
    {
      key: 'career',
      label: t('dashboards.figures.careerUptake'),
      numeric: true,
      cell: (r) => pct(r.careerUptake, language),
    },
    {
      key: 'youngCareer',
      label: t('dashboards.figures.youngCareerUptake'),
      numeric: true,
      cell: (r) => pct(r.youngCareerUptake, language),
    },
  ];
}

/** Per unit: its figures, with a link down to the unit's own dashboard when it has units under it. */
export function UnitsTable({
  caption,
  units,
  fiscalYear,
}: {
  caption: string;
  units: UnitFigures[];
  fiscalYear: number;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const l = useLocalized();
  const columns: Column<UnitFigures>[] = [
    {
      key: 'unit',
      label: t('dashboards.figures.unit'),
      rowHeader: true,
      cell: (r) =>
        r.unit ? (
          <Link to={`/dashboards/org-units/${r.unit.id}?fy=${fiscalYear}`} data-drill={r.unit.code}>
            {l(r.unit.name)}
          </Link>
        ) : (
          t('dashboards.figures.direct')
        ),
    },
    ...(figureColumns(t, language) as Column<UnitFigures>[]),
  ];
  return (
    <DataTable caption={caption} columns={columns} rows={units} rowKey={(r) => r.unit?.id ?? 'direct'} />
  );
}

export function UnitsChart({ units }: { units: UnitFigures[] }) {
  const { t } = useTranslation();
  const l = useLocalized();
  const data = units.map((u) => ({
    name: u.unit ? l(u.unit.name) : t('dashboards.figures.direct'),
    ojt: u.ojtCoverage ?? 0,
    career: u.careerUptake ?? 0,
    training: u.trainingCompletion ?? 0,
  }));
  return (
    <ResponsiveContainer width="100%" height="100%">
      <BarChart data={data} accessibilityLayer={false} margin={{ left: 0, right: 8, bottom: 40 }}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="name" interval={0} angle={-40} textAnchor="end" height={70} tick={{ fontSize: 11 }} />
        <YAxis unit="%" domain={[0, 100]} width={52} />
        <Tooltip />
        <Legend verticalAlign="top" />
        <Bar dataKey="ojt" name={t('dashboards.figures.ojtCoverage')} fill={CHART.blue} />
        <Bar dataKey="training" name={t('dashboards.figures.trainingCompletion')} fill={CHART.green} />
        <Bar dataKey="career" name={t('dashboards.figures.careerUptake')} fill={CHART.orange} />
      </BarChart>
    </ResponsiveContainer>
  );
}

export function TrendTable({ caption, trend }: { caption: string; trend: TrendPoint[] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const columns: Column<TrendPoint>[] = [
    {
      key: 'fy',
      label: t('dashboards.fiscalYear'),
      rowHeader: true,
      cell: (r) => fiscalYearWithWestern(r.fiscalYear, language),
    },
    ...(figureColumns(t, language) as Column<TrendPoint>[]),
  ];
  return <DataTable caption={caption} columns={columns} rows={trend} rowKey={(r) => String(r.fiscalYear)} />;
}

export function TrendChart({ trend }: { trend: TrendPoint[] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const data = trend.map((p) => ({
    name: fiscalYearWithWestern(p.fiscalYear, language),
    ojt: p.ojtCoverage,
    young: p.youngOjtCoverage,
    training: p.trainingCompletion,
    career: p.careerUptake,
  }));
  return (
    <ResponsiveContainer width="100%" height="100%">
      <LineChart data={data} accessibilityLayer={false} margin={{ left: 0, right: 16 }}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis dataKey="name" tick={{ fontSize: 11 }} />
        <YAxis unit="%" domain={[0, 100]} width={52} />
        <Tooltip />
        <Legend verticalAlign="top" />
        <Line
          type="monotone"
          dataKey="ojt"
          name={t('dashboards.figures.ojtCoverage')}
          stroke={CHART.blue}
          strokeWidth={2}
        />
        <Line
          type="monotone"
          dataKey="young"
          name={t('dashboards.figures.youngOjtCoverage')}
          stroke={CHART.purple}
          strokeWidth={2}
          strokeDasharray="6 3"
        />
        <Line
          type="monotone"
          dataKey="training"
          name={t('dashboards.figures.trainingCompletion')}
          stroke={CHART.green}
          strokeWidth={2}
        />
        <Line
          type="monotone"
          dataKey="career"
          name={t('dashboards.figures.careerUptake')}
          stroke={CHART.orange}
          strokeWidth={2}
        />
      </LineChart>
    </ResponsiveContainer>
  );
}

/** The headline figures as tiles. */
export function SummaryTiles({
  figures,
  extra = [],
}: {
  figures: StaffFigures;
  extra?: { label: string; value: string }[];
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const tiles = [
    { label: t('dashboards.figures.staff'), value: num(figures.staff, language, 0) },
    { label: t('dashboards.figures.ojtCoverage'), value: pct(figures.ojtCoverage, language) },
    { label: t('dashboards.figures.ojtMinutesPerPerson'), value: num(figures.ojtMinutesPerPerson, language) },
    { label: t('dashboards.figures.youngOjtCoverage'), value: pct(figures.youngOjtCoverage, language) },
    { label: t('dashboards.figures.trainingCompletion'), value: pct(figures.trainingCompletion, language) },
    { label: t('dashboards.figures.careerUptake'), value: pct(figures.careerUptake, language) },
    { label: t('dashboards.figures.oneOnOneCoverage'), value: pct(figures.oneOnOneCoverage, language) },
    ...extra,
  ];
  return (
    <dl className="grid grid-cols-2 gap-3 md:grid-cols-4">
      {tiles.map((tile) => (
        <div key={tile.label} className="rounded-12 border border-solid-gray-200 bg-white p-4">
          <dt className="text-dns-14N-130 text-solid-gray-700">{tile.label}</dt>
          <dd className="mt-1 text-std-28B-150 text-solid-gray-900 tabular-nums">{tile.value}</dd>
        </div>
      ))}
    </dl>
  );
}
