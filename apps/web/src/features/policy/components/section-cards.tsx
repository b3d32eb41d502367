import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

const sections = [
  { to: '/policy/staff-images', titleKey: 'nav.staffImages', bodyKey: 'overview.cards.staffImages' },
  { to: '/policy/priorities', titleKey: 'nav.priorities', bodyKey: 'overview.cards.priorities' },
  { to: '/policy/initiatives', titleKey: 'nav.initiatives', bodyKey: 'overview.cards.initiatives' },
  { to: '/policy/promotion', titleKey: 'nav.promotion', bodyKey: 'overview.cards.promotion' },
  { to: '/policy/roles', titleKey: 'nav.roles', bodyKey: 'overview.cards.roles' },
] as const;

/** Cards that lead from the overview to each part of the policy; the whole card is the link. */
export function SectionCards() {
  const { t } = useTranslation();
  return (
    <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
      {sections.map((section) => (
        <li key={section.to}>
          <Link
            to={section.to}
            className="group flex h-full flex-col rounded-12 border border-solid-gray-200 bg-white p-5 text-solid-gray-800 no-underline shadow-1 hover:border-blue-900 hover:bg-blue-50 hover:text-solid-gray-900"
          >
            <h3 className="text-std-18B-160 text-blue-1000 underline underline-offset-4 group-hover:decoration-2">
              {t(section.titleKey)}
            </h3>
            <p className="mt-2 text-std-16N-170">{t(section.bodyKey)}</p>
          </Link>
        </li>
      ))}
    </ul>
  );
}
