import type { ExperienceMap } from '@portal/contracts';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../shared/format/date.ts';
import { useLanguage, useLocalized } from '../../../shared/i18n/use-language.ts';
import { QueryContent } from '../../../shared/ui/states.tsx';
import { useExperienceMap } from '../api/get-experience-map.ts';
import { cardClass, hintClass, subTitleClass } from './styles.ts';

type Line = { key: string; name: string; years: number; from: string; to: string | null };

function Lines({ title, lines }: { title: string; lines: Line[] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const id = useId();
  return (
    <section aria-labelledby={id} className={cardClass}>
      <h4 id={id} className="text-std-16B-170 text-solid-gray-900">
        {title}
      </h4>
      {lines.length ? (
        <ul className="mt-2 grid gap-2">
          {lines.map((line) => (
            <li key={line.key} className="grid gap-0.5">
              <span className="flex flex-wrap items-baseline justify-between gap-x-3">
                <span className="text-std-16N-170">{line.name}</span>
                <span className="text-std-16B-170">
                  {t('career.experience.years', { count: line.years })}
                </span>
              </span>
              <span className="text-dns-14N-130 text-solid-gray-700">
                {line.to
                  ? t('career.experience.span', {
                      from: formatDate(line.from, language),
                      to: formatDate(line.to, language),
                    })
                  : t('career.experience.since', { from: formatDate(line.from, language) })}
              </span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="mt-1 text-dns-14N-130 text-solid-gray-700">{t('career.experience.none')}</p>
      )}
    </section>
  );
}

function Experience({ map }: { map: ExperienceMap }) {
  const { t } = useTranslation();
  const l = useLocalized();
  const byYears = <T extends { years: number }>(list: T[]) => [...list].sort((a, b) => b.years - a.years);
  return (
    <div className="mt-3 grid gap-3">
      <p className={hintClass}>{t('career.experience.service', { count: map.serviceYears })}</p>
      <div className="grid gap-3 md:grid-cols-3">
        <Lines
          title={t('career.experience.bureaus')}
          lines={byYears(map.bureaus).map((b) => ({ key: b.unit.id, name: l(b.unit.name), ...b }))}
        />
        <Lines
          title={t('career.experience.fields')}
          lines={byYears(map.fields).map((f) => ({ key: f.unit.id, name: l(f.unit.name), ...f }))}
        />
        <Lines
          title={t('career.experience.grades')}
          lines={map.grades.map((g) => ({ key: g.grade.id, name: l(g.grade.name), ...g }))}
        />
      </div>
    </div>
  );
}

/** 経験マップ: the 局・区, fields (部) and grades the person has served in, with years, from their posts. */
export function ExperienceMapSection({ staffId }: { staffId: string }) {
  const { t } = useTranslation();
  const query = useExperienceMap(staffId);
  const id = useId();
  return (
    <section aria-labelledby={id} className="mt-8">
      <h3 id={id} className={subTitleClass}>
        {t('career.experience.title')}
      </h3>
      <p className={hintClass}>{t('career.experience.hint')}</p>
      <QueryContent
        query={query}
        isEmpty={(m) => m.bureaus.length === 0 && m.grades.length === 0}
        empty={t('career.experience.empty')}
      >
        {(map) => <Experience map={map} />}
      </QueryContent>
    </section>
  );
}
