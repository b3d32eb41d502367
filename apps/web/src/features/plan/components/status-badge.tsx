import type { PlanItemStatus, PlanPeriodStatus } from '@portal/contracts';
import { useTranslation } from 'react-i18next';
import { badgeShape, itemStatusTone, periodStatusTone } from '../lib/labels.ts';

export function ItemStatusBadge({ status }: { status: PlanItemStatus }) {
  const { t } = useTranslation();
  return (
    <span className={`${badgeShape} ${itemStatusTone[status]}`} data-status={status}>
      {t(`plan.itemStatus.${status}`)}
    </span>
  );
}

export function PeriodStatusBadge({ status }: { status: PlanPeriodStatus }) {
  const { t } = useTranslation();
  return (
    <span className={`${badgeShape} ${periodStatusTone[status]}`} data-status={status}>
      {t(`plan.periodStatus.${status}`)}
    </span>
  );
}
