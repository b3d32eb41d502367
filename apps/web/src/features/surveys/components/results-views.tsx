import type { SurveyGroupResult, SurveyResults, SurveyScore } from '@portal/contracts';
import { useTranslation } from 'react-i18next';
import { useLocalized } from '../../../shared/i18n/use-language.ts';
import { cellClass, headCellClass, sectionTitleClass } from '../../../shared/ui/form-styles.ts';
import { ScrollRegion } from './scroll-region.tsx';

/** What a hidden figure says instead of a number, and why (the footnote explains both). */
export function Hidden({ group }: { group: Pick<SurveyGroupResult, 'reason'> }) {
  const { t } = useTranslation();
  return (
    <span className="text-solid-gray-700">
      {t(group.reason === 'complement' ? 'surveys.results.hiddenComplement' : 'surveys.results.hiddenBelowK')}
    </span>
  );
}

export function SuppressionNote({ k }: { k: number }) {
  const { t } = useTranslation();
  return (
    <p className="mt-2 max-w-prose text-dns-14N-130 text-solid-gray-700">
      {t('surveys.results.suppressionNote', { k })}
    </p>
  );
}

const fmt = (n: number | null | undefined) => (n === null || n === undefined ? '—' : n.toFixed(1));

/** Scores 0–100 as bars, with the same numbers in the table beside them. */
export function ScoreChart({
  title,
  scores,
  previous,
}: {
  title: string;
  scores: SurveyScore[];
  previous?: SurveyScore[];
}) {
  const { t } = useTranslation();
  const local = useLocalized();
  const prev = new Map((previous ?? []).map((s) => [s.id, s.score]));
  return (
    <section className="mb-8" aria-label={title}>
      <h3 className="mb-3 text-std-18B-160">{title}</h3>
      <div className="grid gap-6 lg:grid-cols-2">
        <ul aria-hidden="true" className="grid gap-2">
          {scores.map((s) => (
            <li key={s.id}>
              <span className="text-dns-14N-130">{local(s.title)}</span>
              <span className="mt-1 flex items-center gap-2">
                <span
                  className="h-4 rounded-4 bg-blue-900"
                  style={{ width: `${Math.max(0, Math.min(100, s.score ?? 0))}%` }}
                />
                <span className="text-dns-14B-130 tabular-nums">{fmt(s.score)}</span>
              </span>
            </li>
          ))}
        </ul>
        <ScrollRegion label={t('surveys.results.tableOf', { title })}>
          <table className="w-full border-collapse text-dns-14N-130">
            <caption className="sr-only">{title}</caption>
            <thead>
              <tr>
                <th scope="col" className={headCellClass}>
                  {t('surveys.results.item')}
                </th>
                <th scope="col" className={`${headCellClass} text-right`}>
                  {t('surveys.results.score')}
                </th>
                {previous ? (
                  <th scope="col" className={`${headCellClass} text-right`}>
                    {t('surveys.results.previousScore')}
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody>
              {scores.map((s) => (
                <tr key={s.id}>
                  <th scope="row" className={`${cellClass} font-normal`}>
                    {local(s.title)}
                  </th>
                  <td className={`${cellClass} text-right tabular-nums`}>{fmt(s.score)}</td>
                  {previous ? (
                    <td className={`${cellClass} text-right tabular-nums`}>{fmt(prev.get(s.id))}</td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      </div>
    </section>
  );
}

/** 局・区 (or another grouping) × 職員像: a table whose cells carry the value as text, shaded by it. */
export function Heatmap({ results }: { results: SurveyResults }) {
  const { t } = useTranslation();
  const local = useLocalized();
  const images = results.overall.staffImages ?? results.groups.find((g) => g.staffImages)?.staffImages ?? [];
  const shade = (v: number | null | undefined) =>
    v === null || v === undefined
      ? 'bg-white'
      : v >= 75
        ? 'bg-blue-200'
        : v >= 60
          ? 'bg-blue-100'
          : v >= 45
            ? 'bg-blue-50'
            : 'bg-orange-50';
  return (
    <section className="mb-8">
      <h3 className="mb-3 text-std-18B-160">{t('surveys.results.heatmap')}</h3>
      <ScrollRegion label={t('surveys.results.heatmap')}>
        <table className="w-full min-w-[36rem] border-collapse text-dns-14N-130">
          <caption className="sr-only">{t('surveys.results.heatmap')}</caption>
          <thead>
            <tr>
              <th scope="col" className={headCellClass}>
                {t('surveys.results.group')}
              </th>
              <th scope="col" className={`${headCellClass} text-right`}>
                {t('surveys.results.respondents')}
              </th>
              {images.map((s) => (
                <th key={s.id} scope="col" className={`${headCellClass} text-right`}>
                  {local(s.title)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {results.groups.map((g) => (
              <tr key={g.key}>
                <th scope="row" className={`${cellClass} font-normal`}>
                  {local(g.label)}
                </th>
                {g.suppressed ? (
                  <td className={cellClass} colSpan={images.length + 1}>
                    <Hidden group={g} />
                  </td>
                ) : (
                  <>
                    <td className={`${cellClass} text-right tabular-nums`}>{g.respondents}</td>
                    {images.map((s) => {
                      const v = g.staffImages?.find((x) => x.id === s.id)?.score;
                      return (
                        <td key={s.id} className={`${cellClass} text-right tabular-nums ${shade(v)}`}>
                          {fmt(v)}
                        </td>
                      );
                    })}
                  </>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
      <SuppressionNote k={results.minGroupSize} />
    </section>
  );
}

/** Per question: mean and score, and the distribution as a table (with bars beside the counts). */
export function QuestionTable({ results }: { results: SurveyResults }) {
  const { t } = useTranslation();
  const local = useLocalized();
  const overall = results.overall;
  return (
    <section className="mb-8">
      <h3 className={sectionTitleClass}>{t('surveys.results.byQuestion')}</h3>
      <ol className="grid gap-6">
        {results.questions.map((q, i) => {
          const r = overall.questions?.find((x) => x.questionId === q.questionId);
          const prev = results.previous?.overall.questions?.find((x) => x.questionId === q.questionId);
          const max = Math.max(1, ...(r?.distribution ?? []).map((d) => d.count));
          const labelOf = (v: string) => {
            if (q.kind === 'agreement5') return t(`surveys.agreement.${v}`);
            const choice = q.choices.find((c) => c.value === v);
            return choice ? local({ ja: choice.ja, en: choice.en }) || choice.ja : v;
          };
          return (
            <li key={q.questionId} className="rounded-12 border border-solid-gray-200 p-4">
              <h4 className="text-std-16B-170">
                {i + 1}. {local(q.text) || q.text.ja}
              </h4>
              {r && q.kind !== 'free_text' ? (
                <>
                  <p className="mt-1 text-dns-14N-130">
                    {r.mean !== null
                      ? t('surveys.results.meanScore', { mean: r.mean.toFixed(2), score: fmt(r.score) })
                      : null}{' '}
                    {prev?.score !== undefined && prev?.score !== null
                      ? t('surveys.results.previousWas', { score: fmt(prev.score) })
                      : null}
                  </p>
                  <ScrollRegion label={t('surveys.results.distribution')} className="mt-2">
                    <table className="w-full border-collapse text-dns-14N-130">
                      <caption className="sr-only">{t('surveys.results.distribution')}</caption>
                      <thead>
                        <tr>
                          <th scope="col" className={headCellClass}>
                            {t('surveys.results.answer')}
                          </th>
                          <th scope="col" className={`${headCellClass} text-right`}>
                            {t('surveys.results.count')}
                          </th>
                          <th scope="col" className={headCellClass}>
                            <span className="sr-only">{t('surveys.results.bar')}</span>
                          </th>
                        </tr>
                      </thead>
                      <tbody>
                        {r.distribution.map((d) => (
                          <tr key={d.value}>
                            <th scope="row" className={`${cellClass} font-normal`}>
                              {labelOf(d.value)}
                            </th>
                            <td className={`${cellClass} text-right tabular-nums`}>{d.count}</td>
                            <td className={`${cellClass} w-1/2`} aria-hidden="true">
                              <span
                                className="block h-3 rounded-4 bg-blue-900"
                                style={{ width: `${(d.count / max) * 100}%` }}
                              />
                            </td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </ScrollRegion>
                </>
              ) : null}
              {r && q.kind === 'free_text' ? (
                r.comments?.length ? (
                  <ul className="mt-2 grid list-disc gap-1 pl-6 text-std-16N-170">
                    {r.comments.map((c, j) => (
                      <li key={j}>{c}</li>
                    ))}
                  </ul>
                ) : (
                  <p className="mt-2 text-dns-14N-130 text-solid-gray-700">
                    {t('surveys.results.noComments')}
                  </p>
                )
              ) : null}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
