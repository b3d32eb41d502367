import { type FormEvent, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useDocumentTitle } from '../../../shared/i18n/use-document-title.ts';
import { Button } from '../../../shared/ui/button.tsx';
import { PageHeader } from '../../../shared/ui/page-header.tsx';
import { useErrorMessage } from '../../../shared/ui/states.tsx';
import { useChangePassword, useRemoveTotp } from '../api/account.ts';
import { useMe } from '../api/get-me.ts';
import { inputClass, NewPasswordInput } from '../components/password-input.tsx';
import { TotpEnrolment } from '../components/totp-enrolment.tsx';
import { passwordErrorMessage } from '../lib/password-error.ts';

/** `/account`: change my password; enrol or remove an authenticator app. */
export function AccountPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('myAccount.page.title'));
  const me = useMe();
  const account = me.data?.account;
  return (
    <>
      <PageHeader title={t('myAccount.page.title')} />
      <ChangePassword
        mfa={account?.mfaEnabled ?? false}
        userInputs={me.data ? [me.data.staff.loginId, me.data.staff.nameEn] : []}
      />
      <section aria-labelledby="totp-heading" className="mt-10">
        <h2 id="totp-heading" className="mb-4 text-std-20B-150">
          {t('myAccount.totp.title')}
        </h2>
        {account?.mfaEnabled ? (
          <RemoveTotp required={account.mfaRequired} />
        ) : (
          <TotpEnrolment onDone={() => void me.refetch()} />
        )}
      </section>
    </>
  );
}

/** `/account/enrol`: the only page for someone who must enrol TOTP before using the portal. */
export function EnrolPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('myAccount.enrol.title'));
  const navigate = useNavigate();
  const me = useMe();
  return (
    <>
      <PageHeader title={t('myAccount.enrol.title')} lead={t('myAccount.enrol.lead')} />
      <TotpEnrolment
        onDone={() => {
          void me.refetch().then(() => navigate('/', { replace: true }));
        }}
      />
    </>
  );
}

function ChangePassword({ mfa, userInputs }: { mfa: boolean; userInputs: string[] }) {
  const { t } = useTranslation();
  const mutation = useChangePassword();
  const [current, setCurrent] = useState('');
  const [password, setPassword] = useState('');
  const currentId = useId();
  const errorId = useId();
  const inputs = useMemo(() => userInputs, [userInputs.join('|')]);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    mutation.mutate(
      { currentPassword: current, password },
      {
        onSuccess: () => {
          setCurrent('');
          setPassword('');
        },
      },
    );
  };
  return (
    <section aria-labelledby="password-heading">
      <h2 id="password-heading" className="mb-4 text-std-20B-150">
        {t('myAccount.page.passwordTitle')}
      </h2>
      <form onSubmit={onSubmit} className="flex max-w-xl flex-col gap-6">
        {mutation.isError ? (
          <p
            id={errorId}
            role="alert"
            className="rounded-8 border-2 border-error-1 bg-red-50 p-4 text-error-2"
          >
            {passwordErrorMessage(mutation.error, t)}
          </p>
        ) : null}
        {mutation.isSuccess ? (
          <p role="status" className="rounded-8 border-2 border-success-1 bg-green-50 p-4">
            {t('myAccount.page.passwordChanged')}
          </p>
        ) : null}
        <div>
          <label htmlFor={currentId} className="text-std-17B-170 text-solid-gray-900">
            {t('myAccount.page.current')}
          </label>
          <input
            id={currentId}
            type="password"
            autoComplete="current-password"
            required
            maxLength={256}
            value={current}
            onChange={(event) => setCurrent(event.target.value)}
            className={inputClass}
          />
        </div>
        <NewPasswordInput
          label={t('myAccount.password.new')}
          value={password}
          onChange={setPassword}
          userInputs={inputs}
          minLength={mfa ? 8 : 15}
          invalid={mutation.isError}
          describedBy={mutation.isError ? errorId : undefined}
        />
        <Button type="submit" disabled={mutation.isPending} className="self-start">
          {t('myAccount.page.changePassword')}
        </Button>
      </form>
    </section>
  );
}

function RemoveTotp({ required }: { required: boolean }) {
  const { t } = useTranslation();
  const mutation = useRemoveTotp();
  const error = useErrorMessage(mutation.error);
  return (
    <div className="flex flex-col gap-3">
      <p className="text-std-16N-170">{t('myAccount.totp.on')}</p>
      {required ? (
        <p className="text-std-16N-170 text-solid-gray-700">{t('myAccount.totp.requiredForRole')}</p>
      ) : (
        <Button
          variant="secondary"
          onClick={() => mutation.mutate()}
          disabled={mutation.isPending}
          className="self-start"
        >
          {t('myAccount.totp.remove')}
        </Button>
      )}
      {mutation.isError ? (
        <p role="alert" className="text-error-2">
          {error}
        </p>
      ) : null}
    </div>
  );
}
