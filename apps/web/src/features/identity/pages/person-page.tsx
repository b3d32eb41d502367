import type { Assignment, StaffDetail } from '@portal/contracts';
import { type ReactNode, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { isApiError } from '../../../shared/api/api-client.ts';
import { formatDate } from '../../../shared/format/date.ts';
import { useDocumentTitle } from '../../../shared/i18n/use-document-title.ts';
import { useLanguage, useLocalized } from '../../../shared/i18n/use-language.ts';
import { PageHeader } from '../../../shared/ui/page-header.tsx';
import { ErrorState, LoadingState } from '../../../shared/ui/states.tsx';
import { useMe } from '../../auth/api/get-me.ts';
import { usePermissions } from '../../auth/lib/permissions.ts';
import { usePerson } from '../api/get-person.ts';
import { AccountActions } from '../components/account-actions.tsx';
import { AccountStatus } from '../components/account-status.tsx';
import { sectionTitleClass } from '../components/form-styles.ts';
import { HrAdminRole } from '../components/hr-admin-role.tsx';
import { useUnitPath } from '../components/staff-table.tsx';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What the API answers for a person outside the reader's scope, and for a malformed id. */
const isNotFound = (error: unknown) => isApiError(error) && (error.status === 404 || error.status === 400);

/** `/staff/:id`: one person, as far as the reader may see them (404 otherwise: not found or not visible). */
export function PersonPage() {
  const { id = '' } = useParams();
  const valid = UUID.test(id);
  return valid ? <PersonLoader id={id} /> : <PersonNotFound />;
}

function PersonLoader({ id }: { id: string }) {
  const query = usePerson(id);
  if (query.isPending) return <LoadingState />;
  if (query.isError) {
    if (isNotFound(query.error)) return <PersonNotFound />;
    return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  }
  return <PersonView person={query.data} />;
}

function PersonNotFound() {
  const { t } = useTranslation();
  useDocumentTitle(t('identity.person.notFound.title'));
  return (
    <>
      <PageHeader title={t('identity.person.notFound.title')} lead={t('identity.person.notFound.body')} />
      <p>
        <Link to="/staff">{t('identity.person.backToDirectory')}</Link>
      </p>
    </>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  const id = useId();
  return (
    <section aria-labelledby={id} className="mt-10">
      <h2 id={id} className={sectionTitleClass}>
        {title}
      </h2>
      {children}
    </section>
  );
}

function Field({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="grid gap-1 border-b border-solid-gray-200 py-3 md:grid-cols-[12rem_1fr]">
      <dt className="text-std-16B-170 text-solid-gray-900">{term}</dt>
      <dd className="text-std-16N-170 text-solid-gray-800">{children}</dd>
    </div>
  );
}

function PersonView({ person }: { person: StaffDetail }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const l = useLocalized();
  const unitPath = useUnitPath();
  const { can } = usePermissions();
  const { data: me } = useMe();
  const name = language === 'en' ? person.nameEn || person.name : person.name;
  useDocumentTitle(name);
  const current = person.current;
  const date = (iso: string) => formatDate(iso, language);
  const period = (a: Assignment) =>
    a.endsOn
      ? t('identity.person.history.range', { from: date(a.startsOn), to: date(a.endsOn) })
      : t('identity.person.history.since', { from: date(a.startsOn) });
  const canManage = can('staff:manage:any') && me?.staff.id !== person.id;
  // Executives read the directory, not individuals' career records (the API answers 403 there).
  const self = me?.staff.id === person.id;
  const showCareer = self || can('career:read:any') || !can('staff:read:any');

  return (
    <>
      <PageHeader
        title={name}
        lead={
          <span lang={language === 'en' ? 'ja' : undefined}>
            {language === 'en' ? `${person.name} ${person.nameKana}` : person.nameKana}
          </span>
        }
      />
      <p className="-mt-4 mb-6">
        <Link to="/staff">{t('identity.person.backToDirectory')}</Link>
      </p>

      <Section title={t('identity.person.profile')}>
        <dl>
          <Field term={t('identity.staff.employeeNumber')}>
            <span className="font-mono">{person.employeeNumber}</span>
          </Field>
          <Field term={t('identity.staff.nameKana')}>{person.nameKana}</Field>
          {person.nameEn ? <Field term={t('identity.staff.nameEn')}>{person.nameEn}</Field> : null}
          <Field term={t('identity.staff.jobFamily')}>{l(person.jobFamily.name)}</Field>
          <Field term={t('identity.staff.grade')}>{current ? l(current.grade.name) : '—'}</Field>
          <Field term={t('identity.staff.unit')}>
            {current ? unitPath(current.orgPath) : t('identity.staff.noPost')}
          </Field>
          <Field term={t('identity.staff.post')}>
            {current?.post ? l(current.post) : t('identity.staff.noTitle')}
            {current?.isHead ? ` ${t('identity.staff.head')}` : ''}
          </Field>
          <Field term={t('identity.staff.hireDate')}>{date(person.hireDate)}</Field>
          {person.email ? (
            <Field term={t('identity.staff.email')}>
              <a href={`mailto:${person.email}`}>{person.email}</a>
            </Field>
          ) : null}
        </dl>
      </Section>

      <Section title={t('identity.person.supervisors')}>
        {person.supervisors.length ? (
          <ul className="list-disc pl-6 text-std-16N-170">
            {person.supervisors.map((s) => (
              <li key={s.id}>{language === 'en' ? s.nameEn || s.name : s.name}</li>
            ))}
          </ul>
        ) : (
          <p className="text-std-16N-170 text-solid-gray-700">{t('identity.person.noSupervisor')}</p>
        )}
      </Section>

      <Section title={t('identity.person.promotionRoles')}>
        {person.promotionRoles.length ? (
          <ul className="list-disc pl-6 text-std-16N-170">
            {person.promotionRoles.map((role) => (
              <li key={`${role.code}-${role.orgUnit?.id ?? ''}`}>
                {role.orgUnit
                  ? t('identity.person.roleInUnit', { role: l(role.title), unit: l(role.orgUnit.name) })
                  : l(role.title)}
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-std-16N-170 text-solid-gray-700">{t('identity.person.noPromotionRole')}</p>
        )}
      </Section>

      <Section title={t('identity.person.history.title')}>
        {person.assignments.length ? (
          <div className="relative overflow-x-auto">
            <table className="w-full min-w-[36rem] border-collapse text-left text-std-16N-170">
              <caption className="sr-only">{t('identity.person.history.caption', { name })}</caption>
              <thead>
                <tr className="border-b-2 border-solid-gray-600">
                  <th scope="col" className="px-3 py-2 text-dns-16B-130">
                    {t('identity.person.history.periodHeader')}
                  </th>
                  <th scope="col" className="px-3 py-2 text-dns-16B-130">
                    {t('identity.staff.unit')}
                  </th>
                  <th scope="col" className="px-3 py-2 text-dns-16B-130">
                    {t('identity.staff.gradeAndPost')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {person.assignments.map((a) => (
                  <tr key={a.id} className="border-b border-solid-gray-200 align-top">
                    <td className="px-3 py-3">{period(a)}</td>
                    <td className="px-3 py-3">{unitPath(a.orgPath)}</td>
                    <td className="px-3 py-3">
                      {l(a.grade.name)}
                      {a.post ? ` ${l(a.post)}` : ''}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <p className="text-std-16N-170 text-solid-gray-700">{t('identity.person.history.none')}</p>
        )}
      </Section>

      {/*
        The person's career plan, OJT and training records are composed here by those features
        (career, OJT, training); nothing is shown until they are.
      */}
      <div id="person-career" />
      {showCareer ? (
        <Section title={t('career.personLink.title')}>
          <ul className="list-disc pl-6 text-std-16N-170">
            {(['plan', 'path', 'timeline', 'self-development'] as const).map((section) => (
              <li key={section}>
                <Link to={`${self ? '/career' : `/staff/${person.id}/career`}#${section}`}>
                  {t(`career.personLink.${section}`)}
                </Link>
              </li>
            ))}
          </ul>
        </Section>
      ) : null}

      {can('audit:read:any') ? (
        <Section title={t('identity.person.audit.title')}>
          <ul className="list-disc pl-6 text-std-16N-170">
            <li>
              <Link to={`/audit?${new URLSearchParams({ entityType: 'staff', entityId: person.id })}`}>
                {t('identity.person.audit.about')}
              </Link>
            </li>
            <li>
              <Link to={`/audit?${new URLSearchParams({ actor: person.id })}`}>
                {t('identity.person.audit.by')}
              </Link>
            </li>
          </ul>
        </Section>
      ) : null}

      {canManage ? <AccountStatus person={person} displayName={name} /> : null}
      {canManage ? <AccountActions person={person} displayName={name} /> : null}
      {canManage ? <HrAdminRole person={person} displayName={name} /> : null}
    </>
  );
}
