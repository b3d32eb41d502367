import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useDocumentTitle } from '../../../shared/i18n/use-document-title.ts';
import { Button } from '../../../shared/ui/button.tsx';
import { PageHeader } from '../../../shared/ui/page-header.tsx';
import { useRequestPasswordReset } from '../api/account.ts';
import { useProviders } from '../api/get-providers.ts';
import { inputClass } from '../components/password-input.tsx';

/**
 * `/password-reset`: asks for a reset link by mail (the same answer whether the login exists). Where
 * mail is off no link can arrive, so the page says whom to ask instead of offering the form.
 */
export function ForgotPasswordPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('auth.forgot.title'));
  const mutation = useRequestPasswordReset();
  const providers = useProviders();
  const [loginId, setLoginId] = useState('');
  const id = useId();
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    mutation.mutate(loginId.trim());
  };
  return (
    <>
      <PageHeader title={t('auth.forgot.title')} lead={t('auth.forgot.lead')} />
      {providers.data?.mail === false ? (
        <div className="flex max-w-xl flex-col gap-6">
          <p
            role="note"
            data-testid="mail-off"
            className="rounded-8 border-2 border-yellow-700 bg-yellow-50 p-4 text-std-16N-170 text-solid-gray-900"
          >
            {t('auth.forgot.mailOff')}
          </p>
          <Link to="/sign-in" className="self-start text-blue-900 underline underline-offset-4">
            {t('auth.password.toSignIn')}
          </Link>
        </div>
      ) : mutation.isSuccess ? (
        <p role="status" className="rounded-8 border-2 border-blue-900 bg-blue-50 p-4 text-std-16N-170">
          {t('auth.forgot.sent')}
        </p>
      ) : (
        <form onSubmit={onSubmit} className="flex max-w-xl flex-col gap-6">
          <div>
            <label htmlFor={id} className="text-std-17B-170 text-solid-gray-900">
              {t('auth.signIn.loginId')}
            </label>
            <input
              id={id}
              name="loginId"
              autoComplete="username"
              required
              maxLength={64}
              value={loginId}
              onChange={(event) => setLoginId(event.target.value)}
              className={inputClass}
            />
          </div>
          <Button type="submit" disabled={mutation.isPending} className="self-start">
            {t('auth.forgot.submit')}
          </Button>
        </form>
      )}
    </>
  );
}
