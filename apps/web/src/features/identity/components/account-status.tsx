import type { StaffDetail } from '@portal/contracts';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../shared/ui/button.tsx';
import { useErrorMessage } from '../../../shared/ui/states.tsx';
import { useSetStaffDisabled } from '../api/set-staff-disabled.ts';
import { sectionTitleClass } from './form-styles.ts';

/**
 * HR (`staff:manage:any`) disables or re-enables a person's account, after confirming. Disabling
 * ends the person's sessions at once, which the confirmation says.
 */
export function AccountStatus({ person, displayName }: { person: StaffDetail; displayName: string }) {
  const { t } = useTranslation();
  const headingId = useId();
  const [confirming, setConfirming] = useState(false);
  const [done, setDone] = useState<'disabled' | 'enabled' | null>(null);
  const mutation = useSetStaffDisabled(person.id);
  const errorMessage = useErrorMessage(mutation.error);
  const confirmRef = useRef<HTMLParagraphElement>(null);
  const toggleRef = useRef<HTMLButtonElement>(null);
  const wantDisabled = !person.disabled;

  // Focus goes to the confirmation when it opens, and back to the button when it closes.
  const opened = useRef(false);
  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
    else if (opened.current) toggleRef.current?.focus();
    opened.current = confirming;
  }, [confirming]);

  const cancel = () => {
    setConfirming(false);
    mutation.reset();
  };

  return (
    <section aria-labelledby={headingId} className="mt-10">
      <h2 id={headingId} className={sectionTitleClass}>
        {t('identity.person.account.title')}
      </h2>
      <p className="text-std-16N-170">
        {t('identity.person.account.state')}{' '}
        <strong data-testid="account-state" className={person.disabled ? 'text-error-2' : 'text-success-2'}>
          {person.disabled ? t('identity.person.account.disabled') : t('identity.person.account.enabled')}
        </strong>
      </p>
      <p aria-live="polite" className="mt-2 text-std-16N-170 text-solid-gray-800">
        {done ? t(`identity.person.account.done.${done}`, { name: displayName }) : null}
      </p>
      {confirming ? (
        // biome-ignore lint/a11y/noStaticElementInteractions: Escape from any control in it cancels
        <div
          onKeyDown={(event) => {
            if (event.key === 'Escape' && !mutation.isPending) cancel();
          }}
          className="mt-4 rounded-8 border-2 border-error-1 bg-red-50 p-4"
        >
          <p ref={confirmRef} tabIndex={-1} className="text-std-16B-170 text-solid-gray-900">
            {wantDisabled
              ? t('identity.person.account.confirmDisable', { name: displayName })
              : t('identity.person.account.confirmEnable', { name: displayName })}
          </p>
          {mutation.isError ? (
            <p role="alert" className="mt-2 text-std-16N-170 text-error-2">
              {errorMessage}
            </p>
          ) : null}
          <div className="mt-4 flex flex-wrap gap-3">
            <Button
              disabled={mutation.isPending}
              className={
                wantDisabled ? 'border-error-1 bg-error-1 hover:border-error-2 hover:bg-error-2' : ''
              }
              onClick={() =>
                mutation.mutate(wantDisabled, {
                  onSuccess: () => {
                    setConfirming(false);
                    setDone(wantDisabled ? 'disabled' : 'enabled');
                  },
                })
              }
            >
              {mutation.isPending
                ? t('identity.person.account.working')
                : wantDisabled
                  ? t('identity.person.account.doDisable')
                  : t('identity.person.account.doEnable')}
            </Button>
            <Button variant="secondary" onClick={cancel} disabled={mutation.isPending}>
              {t('identity.person.account.cancel')}
            </Button>
          </div>
        </div>
      ) : null}
      <Button
        ref={toggleRef}
        variant="secondary"
        className={`mt-4 ${confirming ? 'hidden' : ''}`}
        onClick={() => {
          setDone(null);
          setConfirming(true);
        }}
      >
        {wantDisabled ? t('identity.person.account.disable') : t('identity.person.account.enable')}
      </Button>
    </section>
  );
}
