import {
  AUDIT_ACTION_LABELS,
  AUDIT_ENTITY_LABELS,
  type AuditAction,
  type AuditEntityType,
  type AuditLogEntry,
  auditFieldLabel,
  describeChanges,
} from '@portal/contracts';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useLanguage } from '../../../shared/i18n/use-language.ts';
import { formatDateTime } from '../lib/format-date-time.ts';

/** An action's label in the reader's language (every action the API writes has one). */
export function useActionLabel() {
  const language = useLanguage();
  return (action: string) => AUDIT_ACTION_LABELS[action as AuditAction]?.[language] ?? action;
}

/** A kind of record's label in the reader's language. */
export function useEntityLabel() {
  const language = useLanguage();
  return (type: string) => AUDIT_ENTITY_LABELS[type as AuditEntityType]?.[language] ?? type;
}

/** One entry: when, who, what (and on what), and — on request — the fields it changed. */
export function AuditEntry({
  entry,
  onFilterActor,
}: {
  entry: AuditLogEntry;
  onFilterActor: (actorId: string) => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const actionLabel = useActionLabel();
  const entityLabel = useEntityLabel();
  const [open, setOpen] = useState(false);
  const diffId = useId();
  const changes = describeChanges(entry.before, entry.after, language);
  const targetName = entry.target ? (language === 'en' ? entry.target.name.en : entry.target.name.ja) : null;

  return (
    <li tabIndex={-1} className="border-b border-solid-gray-200 py-4" data-audit-id={entry.id}>
      <div className="grid gap-2 md:grid-cols-[16rem_1fr]">
        <p className="text-dns-16N-130 text-solid-gray-800">
          <time dateTime={entry.at}>{formatDateTime(entry.at, language)}</time>
        </p>
        <div>
          <p className="text-std-16B-170 text-solid-gray-900">{actionLabel(entry.action)}</p>
          <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-3 text-dns-14N-130 leading-170 text-solid-gray-800">
            <dt className="font-bold">{t('identity.audit.actor')}</dt>
            <dd>
              {entry.actor ? (
                <>
                  {entry.actor.name || entry.actor.id}{' '}
                  <button
                    type="button"
                    className="ml-1 text-blue-1000 underline underline-offset-4"
                    onClick={() => entry.actor && onFilterActor(entry.actor.id)}
                  >
                    {t('identity.audit.onlyThisActor', { name: entry.actor.name || entry.actor.id })}
                  </button>
                </>
              ) : (
                t('identity.audit.noActor')
              )}
            </dd>
            {entry.entityType ? (
              <>
                <dt className="font-bold">{t('identity.audit.entity')}</dt>
                <dd className="break-words">
                  {entityLabel(entry.entityType)}
                  {targetName ? (
                    <>
                      {t('identity.audit.targetSeparator')}
                      {entry.target?.path ? (
                        <Link to={entry.target.path} className="text-blue-1000 underline underline-offset-4">
                          {targetName}
                        </Link>
                      ) : (
                        targetName
                      )}
                    </>
                  ) : null}
                </dd>
              </>
            ) : null}
            {entry.ip ? (
              <>
                <dt className="font-bold">{t('identity.audit.ip')}</dt>
                <dd className="font-mono">{entry.ip}</dd>
              </>
            ) : null}
          </dl>
          {changes.length ? (
            <>
              <button
                type="button"
                aria-expanded={open}
                aria-controls={diffId}
                onClick={() => setOpen((v) => !v)}
                className="mt-2 inline-flex min-h-11 items-center gap-1 text-dns-16B-130 text-blue-1000 underline underline-offset-4"
              >
                {open
                  ? t('identity.audit.hideChanges')
                  : t('identity.audit.showChanges', { count: changes.length })}
              </button>
              <div id={diffId} hidden={!open} className="mt-2 relative overflow-x-auto">
                <table className="w-full min-w-[28rem] border-collapse text-left text-dns-14N-130">
                  <caption className="sr-only">{t('identity.audit.changesCaption')}</caption>
                  <thead>
                    <tr className="border-b-2 border-solid-gray-600">
                      <th scope="col" className="px-2 py-1">
                        {t('identity.audit.field')}
                      </th>
                      <th scope="col" className="px-2 py-1">
                        {t('identity.audit.before')}
                      </th>
                      <th scope="col" className="px-2 py-1">
                        {t('identity.audit.after')}
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {changes.map((change) => (
                      <tr key={change.field} className="border-b border-solid-gray-200 align-top">
                        <th scope="row" className="px-2 py-1 font-normal">
                          {change.field ? auditFieldLabel(change.field, language) : t('identity.audit.value')}
                        </th>
                        <td className="px-2 py-1 break-words">
                          {change.before === '—' ? (
                            <span className="text-solid-gray-600">{t('identity.audit.absent')}</span>
                          ) : (
                            <del className="bg-red-50 text-red-1000 no-underline">{change.before}</del>
                          )}
                        </td>
                        <td className="px-2 py-1 break-words">
                          {change.after === '—' ? (
                            <span className="text-solid-gray-600">{t('identity.audit.absent')}</span>
                          ) : (
                            <ins className="bg-green-50 text-green-1000 no-underline">{change.after}</ins>
                          )}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </>
          ) : null}
        </div>
      </div>
    </li>
  );
}
