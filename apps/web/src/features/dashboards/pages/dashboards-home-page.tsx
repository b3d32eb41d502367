import { useTranslation } from 'react-i18next';
import { Navigate } from 'react-router';
import { PageHeader } from '../../../shared/ui/page-header.tsx';
import { LoadingState } from '../../../shared/ui/states.tsx';
import { useMe } from '../../auth/api/get-me.ts';

/** `/dashboards`: executives and HR land on the rollout; a bureau officer on their own 局・区. */
export function DashboardsHomePage() {
  const { t } = useTranslation();
  const { data: me, isPending } = useMe();
  if (isPending || !me) return <LoadingState />;
  if (me.permissions.includes('dashboard:read:any')) return <Navigate to="/dashboards/rollout" replace />;
  const bureau = me.bureaus[0];
  if (me.permissions.includes('dashboard:read:bureau') && bureau) {
    return <Navigate to={`/dashboards/org-units/${bureau.id}`} replace />;
  }
  return <PageHeader title={t('dashboards.forbidden.title')} lead={t('dashboards.forbidden.body')} />;
}
