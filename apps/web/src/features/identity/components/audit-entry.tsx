import type { AuditLogEntry } from '@portal/contracts';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useLanguage } from '../../../shared/i18n/use-language.ts';
import { diffAudit, showValue } from '../lib/audit-diff.ts';
import { formatDateTime } from '../lib/format-date-time.ts';

/** An action's label: translated where the portal knows it, the code itself otherwise. */
export function useActionLabel() {
  const { t, i18n } = useTranslation();
  return (action: string) => {
    const key = `identity.audit.actions.${action.replaceAll('.', '_')}`;
    return i18n.exists(key) ? t(key) : action;
  };
}

/** One entry: when, who, what (and on what), and — on request — the fields it changed. */
export function AuditEntry({
  entry,
  onFilterActor,
}: {
  entry: AuditLogEntry;
  onFilterActor: (actorId: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const language = useLanguage();
  const actionLabel = useActionLabel();
  const [open, setOpen] = useState(false);
  const diffId = useId();
  const changes = diffAudit(entry.before, entry.after);
  const entityKey = `identity.audit.entities.${entry.entityType ?? ''}`;
  const entityLabel = entry.entityType ? (i18n.exists(entityKey) ? t(entityKey) : entry.entityType) : null;

  return (
    <li tabIndex={-1} className="border-b border-solid-gray-200 py-4" data-audit-id={entry.id}>
      <div className="grid gap-2 md:grid-cols-[16rem_1fr]">
        <p className="text-dns-16N-130 text-solid-gray-800">
          <time dateTime={entry.at}>{formatDateTime(entry.at, language)}</time>
        </p>
        <div>
          <p className="text-std-16B-170 text-solid-gray-900">
            {actionLabel(entry.action)}{' '}
            <code className="text-mono-14N-150 text-solid-gray-700">{entry.action}</code>
          </p>
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
            {entityLabel ? (
              <>
                <dt className="font-bold">{t('identity.audit.entity')}</dt>
                <dd className="break-all">
                  {entityLabel}
                  {entry.entityId ? (
                    entry.entityType === 'staff' ? (
                      <>
                        {' '}
                        <Link to={`/staff/${entry.entityId}`}>{t('identity.audit.openPerson')}</Link>
                      </>
                    ) : (
                      <code className="ml-2 text-mono-14N-150">{entry.entityId}</code>
                    )
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
                        <th scope="row" className="px-2 py-1 font-mono font-normal">
                          {change.field || t('identity.audit.value')}
                        </th>
                        <td className="px-2 py-1 break-all">
                          {change.before === undefined ? (
                            <span className="text-solid-gray-600">{t('identity.audit.absent')}</span>
                          ) : (
                            <del className="bg-red-50 text-red-1000 no-underline">
                              {showValue(change.before)}
                            </del>
                          )}
                        </td>
                        <td className="px-2 py-1 break-all">
                          {change.after === undefined ? (
                            <span className="text-solid-gray-600">{t('identity.audit.absent')}</span>
                          ) : (
                            <ins className="bg-green-50 text-green-1000 no-underline">
                              {showValue(change.after)}
                            </ins>
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
