import type { CareerPlanStatus, CourseProgress, LadderStepState, SupportStatus } from '@portal/contracts';
import { useTranslation } from 'react-i18next';
import { badgeClass } from './styles.ts';

const neutral = 'border-solid-gray-600 bg-solid-gray-50 text-solid-gray-900';
const waiting = 'border-orange-800 bg-orange-50 text-orange-900';
const done = 'border-green-800 bg-green-50 text-green-900';
const attention = 'border-error-1 bg-red-50 text-error-2';
const quiet = 'border-solid-gray-420 bg-white text-solid-gray-700';

const planTone: Record<CareerPlanStatus | 'none', string> = {
  none: quiet,
  draft: neutral,
  submitted: waiting,
  changes_requested: attention,
  commented: done,
};

/** 未作成 / 下書き / 提出済み / 修正依頼あり / コメントあり */
export function PlanStatusBadge({ status }: { status: CareerPlanStatus | 'none' }) {
  const { t } = useTranslation();
  return (
    <span data-status={status} className={`${badgeClass} ${planTone[status]}`}>
      {t(`career.planStatus.${status}`)}
    </span>
  );
}

const supportTone: Record<SupportStatus, string> = {
  none: quiet,
  pending: waiting,
  approved: done,
  declined: attention,
};

export function SupportBadge({ status }: { status: SupportStatus }) {
  const { t } = useTranslation();
  return (
    <span className={`${badgeClass} ${supportTone[status]}`}>{t(`career.support.status.${status}`)}</span>
  );
}

const progressTone: Record<CourseProgress, string> = { completed: done, enrolled: waiting, not_taken: quiet };

export function CourseProgressBadge({ progress }: { progress: CourseProgress }) {
  const { t } = useTranslation();
  return (
    <span className={`${badgeClass} ${progressTone[progress]}`}>{t(`career.path.progress.${progress}`)}</span>
  );
}

const stepTone: Record<LadderStepState, string> = {
  past: done,
  current: 'border-blue-900 bg-blue-900 text-white',
  next: 'border-blue-900 bg-blue-50 text-blue-1100',
  future: quiet,
};

export function StepBadge({ state }: { state: LadderStepState }) {
  const { t } = useTranslation();
  return <span className={`${badgeClass} ${stepTone[state]}`}>{t(`career.path.state.${state}`)}</span>;
}

/** The kind of a timeline entry or record: 異動 / 研修 / OJT / 自己啓発 / 資格 */
export function KindBadge({ label }: { label: string }) {
  return <span className={`${badgeClass} ${neutral}`}>{label}</span>;
}
