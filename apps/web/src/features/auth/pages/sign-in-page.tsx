import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useDocumentTitle } from '../../../shared/i18n/use-document-title.ts';
import { Button } from '../../../shared/ui/button.tsx';
import { PageHeader } from '../../../shared/ui/page-header.tsx';
import { useDemoAccounts } from '../api/get-demo-accounts.ts';
import { OIDC_LOGIN_URL, useProviders } from '../api/get-providers.ts';
import { useLogin } from '../api/login.ts';
import { useVerifyMfa } from '../api/verify-mfa.ts';
import { DemoAccountsBox } from '../components/demo-accounts.tsx';
import { sanitizeReturnTo } from '../lib/return-to.ts';
import { signInErrorMessage } from '../lib/sign-in-error.ts';

const inputClass =
  'mt-2 block w-full min-h-14 rounded-8 border border-solid-gray-600 bg-white px-4 py-3 text-std-16N-170 text-solid-gray-900 aria-invalid:border-error-1';

/** `/sign-in?returnTo=…&expired=1`: the form, and the demo accounts in demo mode. */
export function SignInPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('auth.signIn.title'));
  const [params] = useSearchParams();
  const returnTo = sanitizeReturnTo(params.get('returnTo'));
  const expired = params.get('expired') === '1';
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const login = useLogin();
  const demo = useDemoAccounts();
  const providers = useProviders();
  // Until the methods are known, offer the form (the portal's default); SSO-only cities hide it.
  const local = providers.data?.local ?? true;
  const sso = providers.data?.oidc ?? false;
  const [loginId, setLoginId] = useState('');
  const [password, setPassword] = useState('');
  const submitRef = useRef<HTMLButtonElement>(null);
  const ids = { loginId: useId(), password: useId(), error: useId(), code: useId() };
  const [step, setStep] = useState<'password' | 'mfa'>('password');
  const [code, setCode] = useState('');
  const mfa = useVerifyMfa();

  const enter = (to: string) => {
    // Nothing cached before belongs to this session.
    queryClient.clear();
    void navigate(to, { replace: true });
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    login.mutate(
      { loginId: loginId.trim(), password },
      {
        onSuccess: (result) => {
          if (result.mfaRequired) {
            setStep('mfa');
            setPassword('');
          } else enter(result.mfaEnrolmentRequired ? '/account/enrol' : returnTo);
        },
      },
    );
  };

  const onCode = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    mfa.mutate(code.trim(), { onSuccess: () => enter(returnTo) });
  };

  if (step === 'mfa') {
    return (
      <>
        <PageHeader title={t('auth.signIn.title')} lead={t('auth.mfa.lead')} />
        <form onSubmit={onCode} className="flex max-w-xl flex-col gap-6">
          {mfa.isError ? (
            <div id={ids.error} role="alert" className="rounded-8 border-2 border-error-1 bg-red-50 p-4">
              <p className="text-std-16B-170 text-error-2">
                {signInErrorMessage(mfa.error, t, 'auth.mfa.wrong')}
              </p>
            </div>
          ) : null}
          <div>
            <label htmlFor={ids.code} className="text-std-17B-170 text-solid-gray-900">
              {t('auth.mfa.code')}
            </label>
            <input
              id={ids.code}
              name="code"
              autoComplete="one-time-code"
              required
              maxLength={32}
              value={code}
              onChange={(event) => setCode(event.target.value)}
              aria-invalid={mfa.isError || undefined}
              aria-describedby={mfa.isError ? ids.error : undefined}
              className={inputClass}
            />
          </div>
          <Button type="submit" disabled={mfa.isPending} className="self-start">
            {t('auth.mfa.submit')}
          </Button>
        </form>
      </>
    );
  }

  const invalid = login.isError;
  const describedBy = invalid ? ids.error : undefined;

  return (
    <>
      <PageHeader
        title={t('auth.signIn.title')}
        lead={local ? t('auth.signIn.lead') : t('auth.sso.onlySso')}
      />
      {demo.data?.enabled ? (
        <p
          role="note"
          data-testid="demo-notice"
          className="mb-6 rounded-8 border-2 border-yellow-700 bg-yellow-50 p-4 text-std-16B-170 text-solid-gray-900"
        >
          {t('auth.demo.notice')}
        </p>
      ) : null}
      {expired ? (
        <p role="status" className="mb-6 rounded-8 border-2 border-blue-900 bg-blue-50 p-4 text-std-16N-170">
          {t('auth.signIn.expired')}
        </p>
      ) : null}
      {sso ? (
        <div className="mb-8">
          <a
            href={OIDC_LOGIN_URL}
            className="inline-flex min-h-14 items-center justify-center rounded-8 border-2 border-blue-900 bg-blue-900 px-6 py-3 text-oln-16B-100 text-white hover:border-blue-1100 hover:bg-blue-1100"
          >
            {t('auth.sso.button')}
          </a>
          {local ? <p className="mt-6 text-std-16N-170 text-solid-gray-800">{t('auth.sso.or')}</p> : null}
        </div>
      ) : null}
      <div className="grid gap-8 md:grid-cols-2">
        {local ? (
          <form onSubmit={onSubmit} className="flex flex-col gap-6">
            {invalid ? (
              <div id={ids.error} role="alert" className="rounded-8 border-2 border-error-1 bg-red-50 p-4">
                <p className="text-std-16B-170 text-error-2">{signInErrorMessage(login.error, t)}</p>
              </div>
            ) : null}
            <div>
              <label htmlFor={ids.loginId} className="text-std-17B-170 text-solid-gray-900">
                {t('auth.signIn.loginId')}
              </label>
              <input
                id={ids.loginId}
                name="loginId"
                type="text"
                autoComplete="username"
                autoCapitalize="none"
                spellCheck={false}
                required
                maxLength={64}
                value={loginId}
                onChange={(event) => setLoginId(event.target.value)}
                aria-invalid={invalid || undefined}
                aria-describedby={describedBy}
                className={inputClass}
              />
            </div>
            <div>
              <label htmlFor={ids.password} className="text-std-17B-170 text-solid-gray-900">
                {t('auth.signIn.password')}
              </label>
              <input
                id={ids.password}
                name="password"
                type="password"
                autoComplete="current-password"
                required
                maxLength={256}
                value={password}
                onChange={(event) => setPassword(event.target.value)}
                aria-invalid={invalid || undefined}
                aria-describedby={describedBy}
                className={inputClass}
              />
            </div>
            <Button ref={submitRef} type="submit" disabled={login.isPending} className="self-start">
              {login.isPending ? t('auth.signIn.submitting') : t('auth.signIn.submit')}
            </Button>
            {providers.data?.mail === false ? (
              <p data-testid="mail-off" className="text-std-16N-170 text-solid-gray-800">
                {t('auth.forgot.mailOffShort')}
              </p>
            ) : (
              <Link to="/password-reset" className="text-blue-900 underline underline-offset-4">
                {t('auth.forgot.link')}
              </Link>
            )}
          </form>
        ) : null}
        {local && demo.data?.enabled ? (
          <DemoAccountsBox
            demo={demo.data}
            onUse={(id, demoPassword) => {
              setLoginId(id);
              if (demoPassword) setPassword(demoPassword);
              login.reset();
              submitRef.current?.focus();
            }}
          />
        ) : null}
      </div>
    </>
  );
}
