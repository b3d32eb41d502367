import type { Survey } from '@portal/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../shared/ui/button.tsx';
import { hintClass, panelClass, warnClass } from '../../../shared/ui/form-styles.ts';
import { useRemind } from '../api/rounds.ts';

/** Reminds those who have not answered yet, after a confirmation; says only how many were reminded. */
export function Remind({ survey }: { survey: Survey }) {
  const { t } = useTranslation();
  const remind = useRemind(survey.id);
  const [asking, setAsking] = useState(false);
  if (survey.status !== 'open' || !survey.accepting) return null;
  return (
    <section className={`${panelClass} mt-8`} aria-labelledby="remind-title">
      <h2 id="remind-title" className="text-std-18B-160">
        {t('surveys.remind.title')}
      </h2>
      <p className={hintClass}>{t('surveys.remind.hint')}</p>
      {remind.data ? (
        <p role="status" className="mt-3 text-std-16B-170 text-green-900">
          {t('surveys.remind.done', { count: remind.data.reminded })}
        </p>
      ) : null}
      {remind.isError ? (
        <p role="alert" className="mt-3 text-std-16B-170 text-error-1">
          {t('surveys.errors.generic')}
        </p>
      ) : null}
      {asking ? (
        <div role="alertdialog" aria-labelledby="remind-confirm" className={`${warnClass} mt-3`}>
          <p id="remind-confirm">{t('surveys.remind.confirm')}</p>
          <div className="mt-3 flex flex-wrap gap-3">
            <Button
              onClick={() => remind.mutate(undefined, { onSettled: () => setAsking(false) })}
              disabled={remind.isPending}
            >
              {t('surveys.remind.send')}
            </Button>
            <Button variant="secondary" onClick={() => setAsking(false)}>
              {t('surveys.editor.cancel')}
            </Button>
          </div>
        </div>
      ) : (
        <Button variant="secondary" className="mt-3" onClick={() => setAsking(true)}>
          {t('surveys.remind.send')}
        </Button>
      )}
    </section>
  );
}
