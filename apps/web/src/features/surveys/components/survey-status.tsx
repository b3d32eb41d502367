import type { Survey } from '@portal/contracts';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../shared/format/date.ts';
import { useLanguage } from '../../../shared/i18n/use-language.ts';
import { badgeClass } from '../../../shared/ui/form-styles.ts';

/** The round's window, in the reader's language (和暦 in Japanese). */
export function SurveyWindow({ survey }: { survey: Pick<Survey, 'opensOn' | 'closesOn'> }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <span>
      {t('surveys.window', {
        from: formatDate(survey.opensOn, language),
        to: formatDate(survey.closesOn, language),
      })}
    </span>
  );
}

export function SurveyStatusBadge({ survey }: { survey: Pick<Survey, 'status' | 'accepting'> }) {
  const { t } = useTranslation();
  const key = survey.status === 'open' && !survey.accepting ? 'notAccepting' : survey.status;
  return <span className={badgeClass}>{t(`surveys.status.${key}`)}</span>;
}
