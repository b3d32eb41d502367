import { useTranslation } from 'react-i18next';

const buttonClass =
  'inline-flex min-h-11 items-center rounded-8 border-2 border-blue-900 bg-white px-4 text-oln-16B-100 text-blue-900 hover:bg-blue-50 aria-disabled:cursor-not-allowed aria-disabled:border-solid-gray-420 aria-disabled:text-solid-gray-420 aria-disabled:hover:bg-white';

/** How many pages `total` rows fill, at least one. */
export const pageCountOf = (total: number, pageSize: number) => Math.max(1, Math.ceil(total / pageSize));

/**
 * Previous / next, with where the reader is. The buttons are `aria-disabled` rather than `disabled`
 * at either end, so the one that has focus keeps it when the last page is reached.
 */
export function Pager({
  page,
  pageCount,
  onPage,
  label,
}: {
  page: number;
  pageCount: number;
  onPage: (page: number) => void;
  /** Names the navigation landmark when a page has more than one pager. */
  label?: string;
}) {
  const { t } = useTranslation();
  if (pageCount <= 1) return null;
  const hasPrevious = page > 1;
  const hasNext = page < pageCount;
  return (
    <nav aria-label={label ?? t('common.pager.label')} className="mt-6 flex flex-wrap items-center gap-3">
      <button
        type="button"
        className={buttonClass}
        aria-disabled={!hasPrevious}
        onClick={() => hasPrevious && onPage(page - 1)}
      >
        {t('common.pager.previous')}
      </button>
      <p className="text-std-16N-170 text-solid-gray-800">
        {t('common.pager.position', { page, count: pageCount })}
      </p>
      <button
        type="button"
        className={buttonClass}
        aria-disabled={!hasNext}
        onClick={() => hasNext && onPage(page + 1)}
      >
        {t('common.pager.next')}
      </button>
    </nav>
  );
}
