import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useMe } from '../../features/auth/api/get-me.ts';
import { OIDC_LOGOUT_URL, providersQueryOptions } from '../../features/auth/api/get-providers.ts';
import { useLogout } from '../../features/auth/api/logout.ts';
import { SIGN_IN_PATH } from '../../features/auth/lib/return-to.ts';
import { clearDrafts } from '../../shared/forms/use-local-draft.tsx';
import { useLanguage, useLocalized } from '../../shared/i18n/use-language.ts';

/** The signed-in person (name and unit, in the reader's language) and the sign-out button. */
export function UserMenu() {
  const { t } = useTranslation();
  const language = useLanguage();
  const localized = useLocalized();
  const { data: me } = useMe();
  const logout = useLogout();
  const queryClient = useQueryClient();
  const navigate = useNavigate();

  if (!me) return null;
  const { staff } = me;
  const name = language === 'en' ? staff.nameEn || staff.name : staff.name;
  const unit = staff.current ? localized(staff.current.orgUnit.name) : undefined;

  const signOut = () => {
    logout.mutate(undefined, {
      onSettled: async () => {
        // a shared computer keeps no drafts of a person who signed out
        clearDrafts(staff.id);
        // With single sign-on, the provider's session ends too (RP-initiated logout) where it can.
        const providers = await queryClient.fetchQuery(providersQueryOptions()).catch(() => null);
        queryClient.clear();
        if (providers?.oidc) window.location.assign(OIDC_LOGOUT_URL);
        else void navigate(SIGN_IN_PATH, { replace: true });
      },
    });
  };

  return (
    <div className="flex items-center gap-3 max-md:flex-wrap">
      <p className="flex flex-col text-right" data-testid="signed-in-user">
        <span className="sr-only">{t('auth.header.signedInAs')}</span>
        <span className="text-dns-16B-130 text-solid-gray-900">{name}</span>
        {unit ? <span className="text-dns-14N-130 text-solid-gray-700">{unit}</span> : null}
      </p>
      <Link
        to="/account"
        className="inline-flex min-h-11 items-center rounded-8 px-3 text-dns-14B-130 text-blue-900 underline underline-offset-4 hover:bg-blue-50"
      >
        {t('auth.header.account')}
      </Link>
      <button
        type="button"
        onClick={signOut}
        disabled={logout.isPending}
        className="inline-flex min-h-11 items-center rounded-8 border border-solid-gray-420 bg-white px-3 text-dns-14B-130 text-blue-900 hover:bg-blue-50 disabled:opacity-60"
      >
        {logout.isPending ? t('auth.header.signingOut') : t('auth.header.signOut')}
      </button>
    </div>
  );
}
