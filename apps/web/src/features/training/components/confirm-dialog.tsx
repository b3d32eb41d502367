import { useTranslation } from 'react-i18next';
import { Button } from '../../../shared/ui/button.tsx';
import { Dialog } from './dialog.tsx';
import { errorClass } from './styles.ts';

/** "Are you sure?" with the action's own words, and the error if it failed. */
export function ConfirmDialog({
  open,
  title,
  body,
  confirmLabel,
  pending,
  error,
  onConfirm,
  onClose,
}: {
  open: boolean;
  title: string;
  body: string;
  confirmLabel: string;
  pending: boolean;
  error: string | null;
  onConfirm: () => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Dialog open={open} title={title} onClose={onClose}>
      <p className="text-std-16N-170">{body}</p>
      {error ? (
        <p role="alert" className={`${errorClass} mt-4`}>
          {error}
        </p>
      ) : null}
      <div className="mt-6 flex flex-wrap gap-3">
        <Button onClick={onConfirm} disabled={pending}>
          {pending ? t('training.sending') : confirmLabel}
        </Button>
        <Button variant="secondary" onClick={onClose}>
          {t('training.cancel')}
        </Button>
      </div>
    </Dialog>
  );
}
