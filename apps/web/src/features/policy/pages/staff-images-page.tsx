import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from '../../../shared/i18n/use-document-title.ts';
import { PageHeader } from '../../../shared/ui/page-header.tsx';
import { QueryContent } from '../../../shared/ui/states.tsx';
import { usePolicy } from '../api/get-policy.ts';
import { StaffImageList } from '../components/staff-image-list.tsx';

export function StaffImagesPage() {
  const { t } = useTranslation();
  const title = t('nav.staffImages');
  useDocumentTitle(title);
  const query = usePolicy();
  return (
    <>
      <PageHeader title={title} lead={t('staffImages.lead')} />
      <QueryContent query={query} isEmpty={(p) => p.staffImages.length === 0} empty={t('staffImages.empty')}>
        {(policy) => <StaffImageList images={policy.staffImages} />}
      </QueryContent>
    </>
  );
}
