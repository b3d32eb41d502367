import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from '../../../shared/i18n/use-document-title.ts';
import { PageHeader } from '../../../shared/ui/page-header.tsx';
import { MasterDataList } from '../components/master-data-list.tsx';

/** `/master-data` (HR, `org:manage:any`, declared on the route): the grade ladder (職位) and the job families (職種). */
export function MasterDataPage() {
  const { t } = useTranslation();
  const title = t('nav.masterData');
  useDocumentTitle(title);
  return (
    <>
      <PageHeader title={title} lead={t('identity.masterData.lead')} />
      <MasterDataList kind="grades" />
      <MasterDataList kind="job-families" />
    </>
  );
}
