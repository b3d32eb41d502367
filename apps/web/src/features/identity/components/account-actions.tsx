import type { StaffDetail } from '@portal/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { toLanguage } from '../../../shared/i18n/language.ts';
import { Button } from '../../../shared/ui/button.tsx';
import { useErrorMessage } from '../../../shared/ui/states.tsx';
import { useMe } from '../../auth/api/get-me.ts';
import { useInvitePerson, useResetPersonMfa } from '../api/account-actions.ts';
import { formatDateTime } from '../lib/format-date-time.ts';

/**
 * HR's view of a person's sign-in account (no account / invited / active / disabled, MFA, last
 * sign-in) and its actions: invite or renew the invitation (its link shown to hand over where mail is
 * off), and reset MFA after a confirmation.
 */
export function AccountActions({ person, displayName }: { person: StaffDetail; displayName: string }) {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const invite = useInvitePerson(person.id);
  const reset = useResetPersonMfa(person.id);
  const inviteError = useErrorMessage(invite.error);
  const resetError = useErrorMessage(reset.error);
  const [confirmReset, setConfirmReset] = useState(false);
  const account = person.account;
  if (!account) return null;
  const mailOn = me.data?.account.mail ?? false;
  return (
    <div className="mt-4 flex flex-col gap-3" data-testid="account-actions">
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-std-16N-170">
        <dt>{t('identity.person.login.state')}</dt>
        <dd data-testid="login-state">{t(`identity.person.login.states.${account.state}`)}</dd>
        <dt>{t('identity.person.login.mfa')}</dt>
        <dd>{account.mfa ? t('identity.person.login.mfaOn') : t('identity.person.login.mfaOff')}</dd>
        <dt>{t('identity.person.login.lastSignIn')}</dt>
        <dd>
          {account.lastSignInAt ? formatDateTime(account.lastSignInAt, toLanguage(i18n.language)) : '—'}
        </dd>
      </dl>
      {!person.disabled ? (
        <div className="flex flex-wrap gap-3">
          <Button variant="secondary" onClick={() => invite.mutate()} disabled={invite.isPending}>
            {account.state === 'none' ? t('identity.person.login.invite') : t('identity.person.login.renew')}
          </Button>
          {account.mfa ? (
            <Button variant="secondary" onClick={() => setConfirmReset(true)} disabled={reset.isPending}>
              {t('identity.person.login.resetMfa')}
            </Button>
          ) : null}
        </div>
      ) : null}
      {!mailOn ? (
        <p className="text-std-16N-170 text-solid-gray-700">{t('identity.person.login.mailOff')}</p>
      ) : null}
      {invite.data ? (
        <div role="status" className="rounded-8 border-2 border-blue-900 bg-blue-50 p-4">
          <p>
            {invite.data.mailed
              ? t('identity.person.login.mailed', { name: displayName })
              : t('identity.person.login.handOver', { name: displayName })}
          </p>
          <p className="mt-2 break-all font-mono" data-testid="invitation-url">
            {invite.data.url}
          </p>
        </div>
      ) : null}
      {invite.isError ? (
        <p role="alert" className="text-error-2">
          {inviteError}
        </p>
      ) : null}
      {confirmReset ? (
        <div className="rounded-8 border-2 border-error-1 bg-red-50 p-4">
          <p className="text-std-16B-170">{t('identity.person.login.confirmReset', { name: displayName })}</p>
          <div className="mt-3 flex gap-3">
            <Button
              onClick={() => reset.mutate(undefined, { onSuccess: () => setConfirmReset(false) })}
              disabled={reset.isPending}
            >
              {t('identity.person.login.resetMfa')}
            </Button>
            <Button variant="secondary" onClick={() => setConfirmReset(false)}>
              {t('identity.person.login.cancel')}
            </Button>
          </div>
        </div>
      ) : null}
      {reset.isError ? (
        <p role="alert" className="text-error-2">
          {resetError}
        </p>
      ) : null}
    </div>
  );
}
