import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate } from '../../../shared/format/date.ts';
import { useDocumentTitle } from '../../../shared/i18n/use-document-title.ts';
import { useLanguage, useLocalized } from '../../../shared/i18n/use-language.ts';
import { Button } from '../../../shared/ui/button.tsx';
import { cardClass, hintClass, panelClass } from '../../../shared/ui/form-styles.ts';
import { PageHeader } from '../../../shared/ui/page-header.tsx';
import { QueryContent } from '../../../shared/ui/states.tsx';
import { useAllRounds, useRoundProgress } from '../api/rounds.ts';

function Exports({ roundId }: { roundId: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [confirming, setConfirming] = useState(false);
  const base = `/api/self-declaration-rounds/${encodeURIComponent(roundId)}/export?lang=${language}`;
  const link =
    'inline-block rounded-8 border border-blue-900 px-4 py-2 text-std-16B-170 text-blue-900 underline';
  return (
    <div className="mt-4 grid gap-3">
      <div className="flex flex-wrap gap-3">
        <a className={link} href={`${base}&format=xlsx`} download>
          {t('selfDeclaration.hr.exportXlsx')}
        </a>
        <a className={link} href={`${base}&format=csv`} download>
          {t('selfDeclaration.hr.exportCsv')}
        </a>
        {!confirming ? (
          <Button variant="secondary" onClick={() => setConfirming(true)}>
            {t('selfDeclaration.hr.exportSensitive')}
          </Button>
        ) : null}
      </div>
      {confirming ? (
        <div role="alertdialog" aria-label={t('selfDeclaration.hr.confirmTitle')} className={panelClass}>
          <p className="text-std-16B-170">{t('selfDeclaration.hr.confirmTitle')}</p>
          <p className={hintClass}>{t('selfDeclaration.hr.confirmBody')}</p>
          <div className="mt-3 flex flex-wrap gap-3">
            <a
              className={link}
              href={`${base}&format=xlsx&sensitive=true`}
              download
              onClick={() => setConfirming(false)}
            >
              {t('selfDeclaration.hr.confirmExport')}
            </a>
            <Button variant="tertiary" onClick={() => setConfirming(false)}>
              {t('selfDeclaration.hr.cancel')}
            </Button>
          </div>
        </div>
      ) : null}
    </div>
  );
}

function Progress({ roundId }: { roundId: string }) {
  const { t } = useTranslation();
  const l = useLocalized();
  const query = useRoundProgress(roundId);
  return (
    <QueryContent query={query}>
      {(p) => (
        <div className="relative mt-3 overflow-x-auto">
          <table className="w-full min-w-[20rem] border-collapse text-left text-std-16N-170">
            <caption className="sr-only">{t('selfDeclaration.hr.progress')}</caption>
            <thead>
              <tr className="border-b border-solid-gray-420">
                <th scope="col" className="px-2 py-2 text-dns-16B-130">
                  {t('selfDeclaration.hr.bureau')}
                </th>
                <th scope="col" className="px-2 py-2 text-right text-dns-16B-130">
                  {t('selfDeclaration.hr.population')}
                </th>
                <th scope="col" className="px-2 py-2 text-right text-dns-16B-130">
                  {t('selfDeclaration.hr.submitted')}
                </th>
                <th scope="col" className="px-2 py-2 text-right text-dns-16B-130">
                  {t('selfDeclaration.hr.interviewed')}
                </th>
              </tr>
            </thead>
            <tbody>
              {p.bureaus.map((b) => (
                <tr key={b.bureau.id} className="border-b border-solid-gray-200">
                  <th scope="row" className="px-2 py-2 font-normal">
                    {l(b.bureau.name)}
                  </th>
                  <td className="px-2 py-2 text-right tabular-nums">{b.population}</td>
                  <td className="px-2 py-2 text-right tabular-nums">{b.submitted}</td>
                  <td className="px-2 py-2 text-right tabular-nums">{b.interviewed}</td>
                </tr>
              ))}
              <tr>
                <th scope="row" className="px-2 py-2">
                  {t('selfDeclaration.hr.total')}
                </th>
                <td className="px-2 py-2 text-right font-bold tabular-nums">{p.total.population}</td>
                <td className="px-2 py-2 text-right font-bold tabular-nums">{p.total.submitted}</td>
                <td className="px-2 py-2 text-right font-bold tabular-nums">{p.total.interviewed}</td>
              </tr>
            </tbody>
          </table>
        </div>
      )}
    </QueryContent>
  );
}

/** `/self-declaration-rounds` (HR): each round's progress per 局・区 and its exports for 人事異動 planning. */
export function RoundsPage() {
  const { t } = useTranslation();
  const l = useLocalized();
  const language = useLanguage();
  useDocumentTitle(t('selfDeclaration.hr.title'));
  const rounds = useAllRounds();
  return (
    <div>
      <PageHeader title={t('selfDeclaration.hr.title')} lead={t('selfDeclaration.hr.lead')} />
      <p className="mb-6">
        <Link to="/self-declaration-rounds/manage">{t('selfDeclaration.rounds.manageLink')}</Link>
      </p>
      <QueryContent
        query={rounds}
        isEmpty={(p) => p.items.length === 0}
        empty={t('selfDeclaration.noRounds')}
      >
        {(page) => (
          <ul className="grid gap-6">
            {page.items.map((r) => (
              <li key={r.id} className={cardClass}>
                <h2 className="text-std-20B-150">{l(r.title)}</h2>
                <p className={hintClass}>
                  {t('selfDeclaration.window', {
                    from: formatDate(r.opensOn, language),
                    to: formatDate(r.closesOn, language),
                  })}
                  {' — '}
                  {t(`selfDeclaration.hr.phase.${r.phase}`)}
                </p>
                <p className="mt-1">
                  <Link to={`/self-declaration-rounds/${r.id}/edit`}>
                    {t('selfDeclaration.rounds.editRound')}
                  </Link>
                </p>
                <Progress roundId={r.id} />
                <Exports roundId={r.id} />
              </li>
            ))}
          </ul>
        )}
      </QueryContent>
    </div>
  );
}
