import type { TeamCareerPlanStatus } from '@portal/contracts';
import { useTranslation } from 'react-i18next';

const badge = 'inline-flex items-center rounded-full border px-2 py-0.5 text-dns-14B-130 whitespace-nowrap';

const careerTone: Record<TeamCareerPlanStatus, string> = {
  none: 'border-solid-gray-420 bg-white text-solid-gray-700',
  draft: 'border-solid-gray-600 bg-solid-gray-50 text-solid-gray-900',
  submitted: 'border-orange-800 bg-orange-50 text-orange-900',
  changes_requested: 'border-solid-gray-600 bg-yellow-50 text-solid-gray-900',
  commented: 'border-green-800 bg-green-50 text-green-900',
};

/** なし / 下書き / 提出済み (コメント待ち) / 修正依頼 / コメント済み */
export function CareerPlanBadge({ status }: { status: TeamCareerPlanStatus }) {
  const { t } = useTranslation();
  return <span className={`${badge} ${careerTone[status]}`}>{t(`ojt.careerStatus.${status}`)}</span>;
}

/** OJT overdue against the plan, or (`label`) another overdue flag such as the 1on1 cadence */
export function OverdueBadge({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <span className={`${badge} border-error-1 bg-red-50 text-error-2`}>{label ?? t('ojt.team.overdue')}</span>
  );
}

export function AcknowledgedBadge({ acknowledged }: { acknowledged: boolean }) {
  const { t } = useTranslation();
  return acknowledged ? (
    <span className={`${badge} border-green-800 bg-green-50 text-green-900`}>
      {t('ojt.session.acknowledged')}
    </span>
  ) : (
    <span className={`${badge} border-orange-800 bg-orange-50 text-orange-900`}>
      {t('ojt.session.notAcknowledged')}
    </span>
  );
}
