import { useTranslation } from 'react-i18next';

export function SiteFooter() {
  const { t } = useTranslation();
  return (
    <footer className="mt-16 border-t border-solid-gray-200 bg-solid-gray-50">
      <div className="mx-auto max-w-6xl px-4 py-8 text-dns-14N-130 text-solid-gray-700 md:px-6">
        <p className="leading-170">{t('footer.basis')}</p>
        <p className="mt-2">
          <small>{t('footer.copyright', { year: new Date().getFullYear() })}</small>
        </p>
      </div>
    </footer>
  );
}
