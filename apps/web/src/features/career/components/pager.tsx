import { useTranslation } from 'react-i18next';

const buttonClass =
  'inline-flex min-h-11 items-center rounded-8 border-2 border-blue-900 bg-white px-4 text-oln-16B-100 text-blue-900 hover:bg-blue-50 aria-disabled:cursor-not-allowed aria-disabled:border-solid-gray-420 aria-disabled:text-solid-gray-420 aria-disabled:hover:bg-white';

/** Previous / next with where the reader is; `aria-disabled` at either end so focus stays put. */
export function Pager({
  page,
  pageCount,
  onPage,
  label,
}: {
  page: number;
  pageCount: number;
  onPage: (page: number) => void;
  label: string;
}) {
  const { t } = useTranslation();
  if (pageCount <= 1) return null;
  const hasPrevious = page > 1;
  const hasNext = page < pageCount;
  return (
    <nav aria-label={label} className="mt-6 flex flex-wrap items-center gap-3">
      <button
        type="button"
        className={buttonClass}
        aria-disabled={!hasPrevious}
        onClick={() => hasPrevious && onPage(page - 1)}
      >
        {t('career.pager.previous')}
      </button>
      <p className="text-std-16N-170 text-solid-gray-800">
        {t('career.pager.position', { page, count: pageCount })}
      </p>
      <button
        type="button"
        className={buttonClass}
        aria-disabled={!hasNext}
        onClick={() => hasNext && onPage(page + 1)}
      >
        {t('career.pager.next')}
      </button>
    </nav>
  );
}
