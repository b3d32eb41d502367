import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** The portal's mark and name, linking home. */
export function BrandLink() {
  const { t } = useTranslation();
  return (
    <Link
      to="/"
      className="flex min-w-0 items-center gap-2 text-solid-gray-900 md:gap-3 no-underline hover:underline"
    >
      <svg aria-hidden="true" viewBox="0 0 32 32" className="size-8 shrink-0 md:size-9">
        <rect width="32" height="32" rx="6" fill="#0031d8" />
        <circle cx="16" cy="11" r="5" fill="#fff" />
        <path d="M6 27c1.5-6 5.5-9 10-9s8.5 3 10 9z" fill="#fff" />
      </svg>
      <span className="flex min-w-0 flex-col">
        <span className="text-dns-14N-130 text-solid-gray-700">{t('app.owner')}</span>
        <span className="text-dns-16B-130 md:text-std-20B-150">{t('app.name')}</span>
      </span>
    </Link>
  );
}
