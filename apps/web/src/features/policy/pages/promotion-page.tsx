import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from '../../../shared/i18n/use-document-title.ts';
import { PageHeader } from '../../../shared/ui/page-header.tsx';
import { QueryContent } from '../../../shared/ui/states.tsx';
import { usePolicy } from '../api/get-policy.ts';
import { PromotionChart } from '../components/promotion-chart.tsx';

export function PromotionPage() {
  const { t } = useTranslation();
  const title = t('nav.promotion');
  useDocumentTitle(title);
  const query = usePolicy();
  return (
    <>
      <PageHeader title={title} lead={t('promotion.lead')} />
      <QueryContent
        query={query}
        isEmpty={(p) => p.promotionBodies.length === 0}
        empty={t('promotion.empty')}
      >
        {(policy) => <PromotionChart bodies={policy.promotionBodies} />}
      </QueryContent>
    </>
  );
}
