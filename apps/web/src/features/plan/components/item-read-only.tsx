import type { PlanItem } from '@portal/contracts';
import { useTranslation } from 'react-i18next';
import { formatFiscalYear } from '../../../shared/format/date.ts';
import { formatList } from '../../../shared/format/list.ts';
import { useLanguage, useLocalized } from '../../../shared/i18n/use-language.ts';

/** An item's content as those who may not change it read it. */
export function ItemReadOnly({ item }: { item: PlanItem }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const l = useLocalized();
  return (
    <dl className="grid gap-3">
      <div>
        <dt className="font-bold">{t('plan.fields.descriptionJa')}</dt>
        <dd>{l(item.description) || '—'}</dd>
      </div>
      <div>
        <dt className="font-bold">{t('plan.fields.actions')}</dt>
        <dd>
          <ul className="list-disc pl-6">
            {item.actions.map((a) => (
              <li key={a.textJa}>{language === 'en' ? a.textEn || a.textJa : a.textJa}</li>
            ))}
          </ul>
        </dd>
      </div>
      <div>
        <dt className="font-bold">{t('plan.fields.owners')}</dt>
        <dd>
          {formatList(
            item.owners.map((o) => l(o.name)),
            language,
          ) || '—'}
        </dd>
      </div>
      <div>
        <dt className="font-bold">{t('plan.fields.schedule')}</dt>
        <dd>
          <ul>
            {item.schedule.map((s) => (
              <li key={s.fiscalYear}>
                {formatFiscalYear(s.fiscalYear, language)}:{' '}
                {language === 'en' ? s.textEn || s.textJa : s.textJa}
              </li>
            ))}
          </ul>
        </dd>
      </div>
    </dl>
  );
}
