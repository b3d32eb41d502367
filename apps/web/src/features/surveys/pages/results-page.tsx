import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useDocumentTitle } from '../../../shared/i18n/use-document-title.ts';
import { useLanguage, useLocalized } from '../../../shared/i18n/use-language.ts';
import { useSearchParamsWriter } from '../../../shared/navigation/use-search-params-writer.ts';
import {
  cellClass,
  headCellClass,
  labelClass,
  linkButtonClass,
  sectionTitleClass,
  selectClass,
  warnClass,
} from '../../../shared/ui/form-styles.ts';
import { PageHeader } from '../../../shared/ui/page-header.tsx';
import { QueryContent } from '../../../shared/ui/states.tsx';
import { useMe } from '../../auth/api/get-me.ts';
import { usePermissions } from '../../auth/lib/permissions.ts';
import { useOrgUnits } from '../../identity/api/get-org-units.ts';
import { resultsQuery, useResponseRate, useResults } from '../api/results.ts';
import { useSurvey } from '../api/rounds.ts';
import { Heatmap, Hidden, QuestionTable, ScoreChart, SuppressionNote } from '../components/results-views.tsx';
import { ScrollRegion } from '../components/scroll-region.tsx';

const GROUPS = ['bureau', 'grade', 'age', 'young'] as const;

function Controls({
  groupBy,
  orgUnitId,
  onChange,
}: {
  groupBy: string;
  orgUnitId: string;
  onChange: (g: string, u: string) => void;
}) {
  const { t } = useTranslation();
  const local = useLocalized();
  const { can } = usePermissions();
  const me = useMe();
  const units = useOrgUnits();
  const cityWide = can('survey:results:any');
  const bureaus = new Set((me.data?.bureaus ?? []).map((b) => b.id));
  const choices =
    cityWide || bureaus.size
      ? (units.data?.items ?? []).filter((u) =>
          cityWide
            ? u.kind === 'bureau' || u.kind === 'ward' || u.kind === 'department'
            : u.bureauId !== null && bureaus.has(u.bureauId) && u.kind !== 'section',
        )
      : (me.data?.teamUnits ?? []);
  return (
    <div className="mb-6 grid gap-4 sm:grid-cols-2">
      <label className={labelClass}>
        {t('surveys.results.groupBy')}
        <select className={selectClass} value={groupBy} onChange={(e) => onChange(e.target.value, orgUnitId)}>
          <option value="">{t('surveys.results.noGrouping')}</option>
          {GROUPS.map((g) => (
            <option key={g} value={g}>
              {t(`surveys.groupBy.${g}`)}
            </option>
          ))}
        </select>
      </label>
      {choices.length ? (
        <label className={labelClass}>
          {t('surveys.results.unit')}
          <select
            className={selectClass}
            value={orgUnitId}
            onChange={(e) => onChange(groupBy, e.target.value)}
          >
            <option value="">
              {cityWide ? t('surveys.results.wholeCity') : t('surveys.results.myReach')}
            </option>
            {choices.map((u) => (
              <option key={u.id} value={u.id}>
                {local(u.name)}
              </option>
            ))}
          </select>
        </label>
      ) : null}
    </div>
  );
}

function ResponseRate({
  surveyId,
  groupBy,
  orgUnitId,
}: {
  surveyId: string;
  groupBy: string;
  orgUnitId: string;
}) {
  const { t } = useTranslation();
  const local = useLocalized();
  const query = useResponseRate(surveyId, { groupBy: groupBy || 'bureau', orgUnitId });
  return (
    <section className="mb-8">
      <h3 className={sectionTitleClass}>{t('surveys.results.rateTitle')}</h3>
      <QueryContent query={query}>
        {(r) => (
          <>
            <ScrollRegion label={t('surveys.results.rateTitle')}>
              <table className="w-full border-collapse text-dns-14N-130">
                <caption className="sr-only">{t('surveys.results.rateTitle')}</caption>
                <thead>
                  <tr>
                    <th scope="col" className={headCellClass}>
                      {t('surveys.results.group')}
                    </th>
                    <th scope="col" className={`${headCellClass} text-right`}>
                      {t('surveys.results.eligible')}
                    </th>
                    <th scope="col" className={`${headCellClass} text-right`}>
                      {t('surveys.results.answered')}
                    </th>
                    <th scope="col" className={`${headCellClass} text-right`}>
                      {t('surveys.results.rate')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {[r.overall, ...r.groups].map((g) => (
                    <tr key={g.key}>
                      <th scope="row" className={`${cellClass} font-normal`}>
                        {local(g.label)}
                      </th>
                      {g.suppressed ? (
                        <td className={cellClass} colSpan={3}>
                          <Hidden group={g} />
                        </td>
                      ) : (
                        <>
                          <td className={`${cellClass} text-right tabular-nums`}>{g.eligible}</td>
                          <td className={`${cellClass} text-right tabular-nums`}>{g.answered}</td>
                          <td className={`${cellClass} text-right tabular-nums`}>
                            {g.rate === null || g.rate === undefined ? '—' : `${g.rate}%`}
                          </td>
                        </>
                      )}
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollRegion>
            <SuppressionNote k={r.minGroupSize} />
          </>
        )}
      </QueryContent>
    </section>
  );
}

/** /surveys/:id/results: scores, heatmap, questions, the previous round, response rate — only where k is reached. */
export function ResultsPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const local = useLocalized();
  const language = useLanguage();
  const [params, setParams] = useSearchParamsWriter();
  const groupBy = params.get('groupBy') ?? 'bureau';
  const orgUnitId = params.get('orgUnitId') ?? '';
  const survey = useSurvey(id);
  const results = useResults(id, { groupBy, orgUnitId });
  const title = survey.data
    ? t('surveys.results.title', { title: local(survey.data.title) })
    : t('surveys.title');
  useDocumentTitle(title);
  const q = resultsQuery({ groupBy, orgUnitId });
  return (
    <>
      <PageHeader title={title} lead={t('surveys.results.lead')} />
      <p className="mb-4">
        <Link to="/surveys">{t('surveys.back')}</Link>
      </p>
      <Controls
        groupBy={groupBy}
        orgUnitId={orgUnitId}
        onChange={(g, u) =>
          setParams(new URLSearchParams({ groupBy: g, ...(u ? { orgUnitId: u } : {}) }), { replace: true })
        }
      />
      <ResponseRate surveyId={id} groupBy={groupBy} orgUnitId={orgUnitId} />
      <QueryContent query={results}>
        {(r) =>
          !r.available ? (
            <p className={warnClass}>{t('surveys.results.notYet')}</p>
          ) : r.overall.suppressed ? (
            <div className={warnClass}>
              <p className="text-std-16B-170">
                <Hidden group={r.overall} />
              </p>
              <SuppressionNote k={r.minGroupSize} />
            </div>
          ) : (
            <>
              <p className="mb-4 text-std-16N-170">
                {t('surveys.results.summary', { count: r.overall.respondents ?? 0, k: r.minGroupSize })}
                {r.previous
                  ? ` ${t('surveys.results.comparedWith', { title: local(r.previous.title) })}`
                  : ''}
              </p>
              <p className="mb-6 flex flex-wrap gap-3">
                <a
                  className={linkButtonClass}
                  href={`/api/surveys/${id}/results/export?${q}&format=csv&lang=${language}`}
                  download
                >
                  {t('surveys.results.csv')}
                </a>
                <a
                  className={linkButtonClass}
                  href={`/api/surveys/${id}/results/export?${q}&format=xlsx&lang=${language}`}
                  download
                >
                  {t('surveys.results.xlsx')}
                </a>
              </p>
              <ScoreChart
                title={t('surveys.results.byStaffImage')}
                scores={r.overall.staffImages ?? []}
                {...(r.previous?.overall.staffImages ? { previous: r.previous.overall.staffImages } : {})}
              />
              <ScoreChart
                title={t('surveys.results.byPriority')}
                scores={r.overall.priorityPolicies ?? []}
                {...(r.previous?.overall.priorityPolicies
                  ? { previous: r.previous.overall.priorityPolicies }
                  : {})}
              />
              {r.groups.length ? <Heatmap results={r} /> : null}
              <QuestionTable results={r} />
            </>
          )
        }
      </QueryContent>
    </>
  );
}
