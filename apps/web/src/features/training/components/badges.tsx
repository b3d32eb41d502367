import type { MyTrainingProgress, TrainingApplicationStatus, TrainingKind } from '@portal/contracts';
import { useTranslation } from 'react-i18next';
import { badgeClass } from './styles.ts';

const kindTone: Record<TrainingKind, string> = {
  institute_grade: 'border-blue-900 bg-blue-50 text-blue-1100',
  institute_elective: 'border-light-blue-900 bg-light-blue-50 text-light-blue-1100',
  institute_special: 'border-purple-800 bg-purple-50 text-purple-1000',
  departmental: 'border-green-800 bg-green-50 text-green-1000',
  dispatch: 'border-orange-800 bg-orange-50 text-orange-900',
  elearning: 'border-solid-gray-600 bg-solid-gray-50 text-solid-gray-900',
};

/** 研修所研修（階層別）, 部門別研修, 派遣研修, … */
export function KindBadge({ kind }: { kind: TrainingKind }) {
  const { t } = useTranslation();
  return <span className={`${badgeClass} ${kindTone[kind]}`}>{t(`training.kind.${kind}`)}</span>;
}

const statusTone: Record<TrainingApplicationStatus, string> = {
  applied: 'border-orange-800 bg-orange-50 text-orange-900',
  approved: 'border-light-blue-900 bg-light-blue-50 text-light-blue-1100',
  accepted: 'border-green-800 bg-green-50 text-green-1000',
  waitlisted: 'border-solid-gray-600 bg-yellow-50 text-solid-gray-900',
  declined: 'border-error-1 bg-red-50 text-error-2',
  rejected: 'border-error-1 bg-red-50 text-error-2',
  withdrawn: 'border-solid-gray-420 bg-white text-solid-gray-700',
};

/** 上司承認待ち / 受付待ち / 受講決定 / キャンセル待ち (n番目) / … */
export function StatusBadge({
  status,
  position,
  completed,
}: {
  status: TrainingApplicationStatus;
  position?: number | null;
  completed?: boolean;
}) {
  const { t } = useTranslation();
  if (completed) {
    return (
      <span className={`${badgeClass} border-green-900 bg-green-900 text-white`}>
        {t('training.status.completed')}
      </span>
    );
  }
  return (
    <span className={`${badgeClass} ${statusTone[status]}`}>
      {status === 'waitlisted' && position
        ? t('training.status.waitlistedAt', { position })
        : t(`training.status.${status}`)}
    </span>
  );
}

const progressTone: Record<Exclude<MyTrainingProgress, 'none'>, string> = {
  completed: 'border-green-900 bg-green-900 text-white',
  enrolled: 'border-green-800 bg-green-50 text-green-1000',
  pending: 'border-orange-800 bg-orange-50 text-orange-900',
};

/** Where I stand with a course: 修了 / 受講予定 / 申込中 */
export function ProgressBadge({ progress }: { progress: MyTrainingProgress }) {
  const { t } = useTranslation();
  if (progress === 'none') return null;
  return (
    <span className={`${badgeClass} ${progressTone[progress]}`}>{t(`training.progress.${progress}`)}</span>
  );
}

export function MandatoryBadge() {
  const { t } = useTranslation();
  return (
    <span className={`${badgeClass} border-error-1 bg-white text-error-2`}>{t('training.mandatory')}</span>
  );
}
