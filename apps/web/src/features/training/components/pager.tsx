import { useTranslation } from 'react-i18next';

const buttonClass =
  'inline-flex min-h-11 items-center rounded-8 border-2 border-blue-900 bg-white px-4 text-oln-16B-100 text-blue-900 hover:bg-blue-50 aria-disabled:cursor-not-allowed aria-disabled:border-solid-gray-420 aria-disabled:text-solid-gray-420 aria-disabled:hover:bg-white';

/** Previous / next with the position; `aria-disabled` at the ends so focus stays on the button. */
export function Pager({
  page,
  total,
  pageSize,
  onPage,
}: {
  page: number;
  total: number;
  pageSize: number;
  onPage: (p: number) => void;
}) {
  const { t } = useTranslation();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (pages <= 1) return null;
  return (
    <nav aria-label={t('training.pager.label')} className="mt-6 flex flex-wrap items-center gap-3">
      <button
        type="button"
        className={buttonClass}
        aria-disabled={page <= 1}
        onClick={() => page > 1 && onPage(page - 1)}
      >
        {t('training.pager.previous')}
      </button>
      <p className="text-std-16N-170 text-solid-gray-800">
        {t('training.pager.position', { page, count: pages })}
      </p>
      <button
        type="button"
        className={buttonClass}
        aria-disabled={page >= pages}
        onClick={() => page < pages && onPage(page + 1)}
      >
        {t('training.pager.next')}
      </button>
    </nav>
  );
}
