import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate, formatFiscalYear } from '../../../shared/format/date.ts';
import { useDocumentTitle } from '../../../shared/i18n/use-document-title.ts';
import { useLanguage, useLocalized } from '../../../shared/i18n/use-language.ts';
import { badgeClass, cardClass, hintClass, primaryLinkClass } from '../../../shared/ui/form-styles.ts';
import { PageHeader } from '../../../shared/ui/page-header.tsx';
import { QueryContent } from '../../../shared/ui/states.tsx';
import { useAllRounds } from '../api/rounds.ts';
import { useScopeWords } from '../lib/scope-words.ts';

/** `/self-declaration-rounds/manage` (HR): every round with its window, population and phase. */
export function RoundListPage() {
  const { t } = useTranslation();
  const l = useLocalized();
  const language = useLanguage();
  const title = t('selfDeclaration.rounds.title');
  useDocumentTitle(title);
  const rounds = useAllRounds();
  const scope = useScopeWords();
  return (
    <>
      <PageHeader title={title} lead={t('selfDeclaration.rounds.lead')} />
      <p className="mb-6 flex flex-wrap gap-4">
        <Link className={primaryLinkClass} to="/self-declaration-rounds/new">
          {t('selfDeclaration.rounds.newTitle')}
        </Link>
        <Link className="self-center" to="/self-declaration-rounds">
          {t('selfDeclaration.rounds.progressLink')}
        </Link>
      </p>
      <QueryContent
        query={rounds}
        isEmpty={(p) => p.items.length === 0}
        empty={t('selfDeclaration.rounds.none')}
      >
        {(page) => (
          <ul className="grid gap-4">
            {page.items.map((r) => {
              const words = scope(
                r.bureaus.map((b) => b.id),
                r.grades.map((g) => g.id),
              );
              return (
                <li key={r.id} className={cardClass}>
                  <h2 className="text-std-20B-150">
                    <Link to={`/self-declaration-rounds/${r.id}/edit`}>{l(r.title)}</Link>
                  </h2>
                  <p className="mt-1">
                    <span className={badgeClass}>{t(`selfDeclaration.hr.phase.${r.phase}`)}</span>{' '}
                    {formatFiscalYear(r.fiscalYear, language)}
                  </p>
                  <p className={hintClass}>
                    {t('selfDeclaration.window', {
                      from: formatDate(r.opensOn, language),
                      to: formatDate(r.closesOn, language),
                    })}
                  </p>
                  <p className="mt-1 text-std-16N-170">
                    {t('selfDeclaration.rounds.scope', { bureaus: words.bureaus, grades: words.grades })}
                  </p>
                </li>
              );
            })}
          </ul>
        )}
      </QueryContent>
    </>
  );
}
