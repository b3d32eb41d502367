import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../../shared/i18n/use-language.ts';
import { useMe } from '../../auth/api/get-me.ts';
import { usePermissions } from '../../auth/lib/permissions.ts';
import { useMyDashboard } from '../../career/api/get-my-dashboard.ts';
import { MyFiguresCard } from '../../career/components/my-figures-card.tsx';
import { OpenActions } from '../../dialogue/components/open-actions.tsx';
import { NextActionsList } from './next-actions-list.tsx';

/** My figures, unless they could not be loaded: the start page does not shout about a side panel. */
function QuietFigures() {
  const figures = useMyDashboard();
  if (figures.isError) return null;
  return <MyFiguresCard />;
}

/**
 * The top of the start page for the signed-in person: a greeting, what to do next by their role, and
 * their figures this 年度. Renders nothing until `me` is there; the policy overview follows it.
 */
export function WelcomeSection() {
  const { t } = useTranslation();
  const language = useLanguage();
  const me = useMe();
  const { can } = usePermissions();
  const id = useId();
  if (!me.data) return null;
  const { staff } = me.data;
  const name = language === 'en' ? staff.nameEn || staff.name : staff.name;
  return (
    <section
      aria-labelledby={id}
      className="mb-10 space-y-6 rounded-12 border border-solid-gray-200 bg-white p-4 md:p-6"
      data-testid="welcome"
    >
      <div>
        <h2 id={id} className="text-std-24B-150 text-solid-gray-900">
          {t('home.welcome.title', { name })}
        </h2>
        <p className="mt-2 max-w-prose text-std-16N-170 text-solid-gray-700">{t('home.welcome.lead')}</p>
      </div>
      <NextActionsList />
      {can('one-on-one:respond:self') ? <OpenActions quiet /> : null}
      {can('dashboard:read:self') ? <QuietFigures /> : null}
    </section>
  );
}
