import type { CareerPlanComment } from '@portal/contracts';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../../shared/i18n/use-language.ts';
import { formatInstant } from '../lib/dates.ts';
import { personName } from '../lib/people.ts';
import { badgeClass, subTitleClass } from './styles.ts';

/** The supervisor's comments on a plan, newest first. */
export function PlanComments({ comments }: { comments: CareerPlanComment[] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const id = useId();
  return (
    <section aria-labelledby={id} className="mt-6">
      <h3 id={id} className={subTitleClass}>
        {t('career.comments.title')}
      </h3>
      {comments.length === 0 ? (
        <p className="mt-2 text-std-16N-170 text-solid-gray-700">{t('career.comments.none')}</p>
      ) : (
        <ol className="mt-3 grid gap-3" data-testid="plan-comments">
          {[...comments].reverse().map((c) => (
            <li
              key={c.id}
              className={`rounded-12 border-l-4 bg-solid-gray-50 p-4 ${c.requestsChanges ? 'border-error-1' : 'border-green-800'}`}
            >
              <p className="flex flex-wrap items-center gap-2 text-dns-14N-130 text-solid-gray-700">
                <span className="text-std-16B-170 text-solid-gray-900">{personName(c.author, language)}</span>
                <span>{formatInstant(c.createdAt, language)}</span>
                {c.requestsChanges ? (
                  <span className={`${badgeClass} border-error-1 bg-red-50 text-error-2`}>
                    {t('career.comments.changesRequested')}
                  </span>
                ) : null}
              </p>
              <p className="mt-2 whitespace-pre-wrap text-std-16N-170 text-solid-gray-900">{c.body}</p>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
