import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';

export const CAREER_SECTIONS = ['plan', 'path', 'timeline', 'self-development'] as const;
export type CareerSection = (typeof CAREER_SECTIONS)[number];

/** The open section of the career page: the address's `#hash` (`#self-development`), the plan by default. */
export function useCareerSection(): CareerSection {
  const { hash } = useLocation();
  const name = hash.replace(/^#/, '');
  return (CAREER_SECTIONS as readonly string[]).includes(name) ? (name as CareerSection) : 'plan';
}

/** Links to the page's sections, as tabs; the open one is marked for assistive technology. */
export function SectionNav() {
  const { t } = useTranslation();
  const { search } = useLocation();
  const current = useCareerSection();
  return (
    <nav aria-label={t('career.sections.label')} className="-mx-4 relative overflow-x-auto px-4">
      <ul className="flex min-w-max gap-1 border-b-2 border-solid-gray-200">
        {CAREER_SECTIONS.map((section) => (
          <li key={section}>
            <Link
              to={{ search, hash: section }}
              replace
              preventScrollReset
              aria-current={current === section ? 'true' : undefined}
              className={`-mb-0.5 inline-flex min-h-12 items-center border-b-4 px-4 text-std-16B-170 no-underline ${
                current === section
                  ? 'border-blue-900 text-blue-1100'
                  : 'border-transparent text-solid-gray-800 hover:border-solid-gray-420'
              }`}
            >
              {t(`career.sections.${section}`)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
