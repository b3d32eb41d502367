import { type FormEvent, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useDocumentTitle } from '../../../shared/i18n/use-document-title.ts';
import { Button } from '../../../shared/ui/button.tsx';
import { PageHeader } from '../../../shared/ui/page-header.tsx';
import { useSetPassword } from '../api/account.ts';
import { NewPasswordInput } from '../components/password-input.tsx';
import { passwordErrorMessage } from '../lib/password-error.ts';
import { SIGN_IN_PATH } from '../lib/return-to.ts';

/** `/invitation/:token` and `/password-reset/:token`: choose a password, then sign in. */
export function SetPasswordPage({ kind }: { kind: 'invitation' | 'reset' }) {
  const { t } = useTranslation();
  const title =
    kind === 'invitation' ? t('myAccount.password.invitationTitle') : t('myAccount.password.resetTitle');
  useDocumentTitle(title);
  const { token = '' } = useParams();
  const mutation = useSetPassword();
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const errorId = useId();
  const confirmId = useId();
  const userInputs = useMemo(() => [], []);
  const mismatch = confirm.length > 0 && confirm !== password;

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (password !== confirm) return;
    mutation.mutate({ token, password });
  };

  if (mutation.isSuccess) {
    return (
      <>
        <PageHeader title={title} />
        <p role="status" className="rounded-8 border-2 border-success-1 bg-green-50 p-4 text-std-16N-170">
          {t('myAccount.password.done')}
        </p>
        <p className="mt-6">
          <Link to={SIGN_IN_PATH} className="text-blue-900 underline underline-offset-4">
            {t('myAccount.password.toSignIn')}
          </Link>
        </p>
      </>
    );
  }

  return (
    <>
      <PageHeader title={title} lead={t('myAccount.password.lead')} />
      <form onSubmit={onSubmit} className="flex max-w-xl flex-col gap-6">
        {mutation.isError ? (
          <div id={errorId} role="alert" className="rounded-8 border-2 border-error-1 bg-red-50 p-4">
            <p className="text-std-16B-170 text-error-2">{passwordErrorMessage(mutation.error, t)}</p>
          </div>
        ) : null}
        <NewPasswordInput
          label={t('myAccount.password.new')}
          value={password}
          onChange={setPassword}
          userInputs={userInputs}
          minLength={15}
          invalid={mutation.isError}
          describedBy={mutation.isError ? errorId : undefined}
        />
        <div>
          <label htmlFor={confirmId} className="text-std-17B-170 text-solid-gray-900">
            {t('myAccount.password.confirm')}
          </label>
          <input
            id={confirmId}
            name="confirm-password"
            type="password"
            autoComplete="new-password"
            required
            maxLength={256}
            value={confirm}
            onChange={(event) => setConfirm(event.target.value)}
            aria-invalid={mismatch || undefined}
            className="mt-2 block w-full min-h-14 rounded-8 border border-solid-gray-600 bg-white px-4 py-3 text-std-16N-170"
          />
          {mismatch ? (
            <p className="mt-1 text-std-16N-170 text-error-2">{t('myAccount.password.mismatch')}</p>
          ) : null}
        </div>
        <Button type="submit" disabled={mutation.isPending || mismatch} className="self-start">
          {t('myAccount.password.submit')}
        </Button>
      </form>
    </>
  );
}

export function InvitationPage() {
  return <SetPasswordPage kind="invitation" />;
}
export function PasswordResetPage() {
  return <SetPasswordPage kind="reset" />;
}
