import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useDocumentTitle } from '../../../shared/i18n/use-document-title.ts';
import { primaryLinkClass } from '../../../shared/ui/form-styles.ts';
import { PageHeader } from '../../../shared/ui/page-header.tsx';
import { useMe } from '../../auth/api/get-me.ts';
import { usePermissions } from '../../auth/lib/permissions.ts';
import { OpenActions } from '../components/open-actions.tsx';
import { RecordList } from '../components/record-list.tsx';
import { TeamCadence } from '../components/team-cadence.tsx';

/**
 * `/one-on-ones`: open actions on my side; for a supervisor, the team against the cadence and the 1on1s
 * they recorded; everyone's own 1on1s (to add an agenda, acknowledge, complete actions).
 */
export function OneOnOnesPage() {
  const { t } = useTranslation();
  const title = t('dialogue.list.title');
  useDocumentTitle(title);
  const { can } = usePermissions();
  const me = useMe();
  const supervisor = can('one-on-one:write:team');
  return (
    <>
      <PageHeader title={title} lead={t('dialogue.list.lead')} />
      {supervisor ? (
        <Link to="/one-on-ones/new" className={`${primaryLinkClass} mb-6`}>
          {t('dialogue.list.record')}
        </Link>
      ) : null}
      <OpenActions />
      {supervisor ? <TeamCadence /> : null}
      {supervisor ? (
        <RecordList title={t('dialogue.list.given')} authorId="me" empty={t('dialogue.list.noneGiven')} />
      ) : null}
      {me.data ? (
        <RecordList
          title={t('dialogue.list.mine')}
          staffId={me.data.staff.id}
          empty={t('dialogue.list.noneMine')}
        />
      ) : null}
    </>
  );
}
