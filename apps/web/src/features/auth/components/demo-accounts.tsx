import type { DemoAccounts } from '@portal/contracts';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocalized } from '../../../shared/i18n/use-language.ts';
import { Button } from '../../../shared/ui/button.tsx';

/** The demo accounts (demo mode only), each with a button that fills in the form. */
export function DemoAccountsBox({
  demo,
  onUse,
}: {
  demo: DemoAccounts;
  onUse: (loginId: string, password: string | null) => void;
}) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const headingId = useId();
  return (
    <section
      aria-labelledby={headingId}
      className="rounded-8 border-2 border-dashed border-yellow-700 bg-yellow-50 p-4 md:p-6"
      data-testid="demo-accounts"
    >
      <h2 id={headingId} className="flex flex-wrap items-center gap-2 text-std-20B-150 text-solid-gray-900">
        <span className="rounded-4 bg-yellow-300 px-2 py-0.5 text-dns-14B-130 text-solid-gray-900">
          {t('auth.demo.badge')}
        </span>
        {t('auth.demo.title')}
      </h2>
      <p className="mt-2 text-std-16N-170 text-solid-gray-800">{t('auth.demo.lead')}</p>
      {demo.password ? (
        <p className="mt-2 text-std-16N-170 text-solid-gray-900">
          {t('auth.demo.password')} <code className="rounded-4 bg-white px-1 font-mono">{demo.password}</code>
        </p>
      ) : null}
      <ul className="mt-4 flex flex-col gap-3">
        {demo.accounts.map((account) => (
          <li
            key={account.loginId}
            className="flex flex-wrap items-center justify-between gap-3 rounded-8 border border-solid-gray-420 bg-white p-3"
          >
            <span className="flex flex-col">
              <code className="font-mono text-dns-16B-130 text-solid-gray-900">{account.loginId}</code>
              <span className="text-std-16N-170 text-solid-gray-700">{localized(account.description)}</span>
            </span>
            <Button
              variant="secondary"
              aria-label={t('auth.demo.useAccount', { loginId: account.loginId })}
              onClick={() => onUse(account.loginId, demo.password)}
            >
              {t('auth.demo.use')}
            </Button>
          </li>
        ))}
      </ul>
    </section>
  );
}
