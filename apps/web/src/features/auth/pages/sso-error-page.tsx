import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useDocumentTitle } from '../../../shared/i18n/use-document-title.ts';
import { PageHeader } from '../../../shared/ui/page-header.tsx';
import { OIDC_LOGIN_URL } from '../api/get-providers.ts';
import { SIGN_IN_PATH } from '../lib/return-to.ts';

const REASONS = ['state', 'provider', 'no_claim', 'not_on_roster', 'ambiguous', 'disabled'] as const;

/** `/sign-in/sso-error?reason=…`: why single sign-on did not open a session, and what to do. */
export function SsoErrorPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('auth.sso.error.title'));
  const [params] = useSearchParams();
  const given = params.get('reason');
  const reason = REASONS.find((r) => r === given) ?? 'provider';
  return (
    <>
      <PageHeader title={t('auth.sso.error.title')} />
      <div role="alert" className="rounded-8 border-2 border-error-1 bg-red-50 p-4 md:p-6">
        <p className="text-std-16B-170 text-error-2" data-testid="sso-error-reason">
          {t(`auth.sso.error.reasons.${reason}`)}
        </p>
      </div>
      <ul className="mt-6 flex flex-col gap-3 text-std-16N-170">
        {reason === 'state' || reason === 'provider' ? (
          <li>
            <a href={OIDC_LOGIN_URL}>{t('auth.sso.error.retry')}</a>
          </li>
        ) : null}
        <li>
          <Link to={SIGN_IN_PATH}>{t('auth.sso.error.back')}</Link>
        </li>
      </ul>
    </>
  );
}
