import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from '../../../shared/i18n/use-document-title.ts';
import { PageHeader } from '../../../shared/ui/page-header.tsx';
import { LoadingState } from '../../../shared/ui/states.tsx';
import { useMe } from '../../auth/api/get-me.ts';
import { MyFiguresCard } from '../components/my-figures-card.tsx';
import { CareerWorkspace } from './career-workspace.tsx';

/** `/career`: the signed-in person's own career — figures, plan, path, timeline, self-development. */
export function MyCareerPage() {
  const { t } = useTranslation();
  const me = useMe();
  useDocumentTitle(t('career.page.myTitle'));
  return (
    <>
      <PageHeader title={t('career.page.myTitle')} lead={t('career.page.myLead')} />
      {me.data ? (
        <div className="grid gap-8">
          <MyFiguresCard />
          <CareerWorkspace staffId={me.data.staff.id} self />
        </div>
      ) : (
        <LoadingState />
      )}
    </>
  );
}
