import type { SelfDevelopmentRecord } from '@portal/contracts';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../shared/api/api-client.ts';
import { formatDate, formatFiscalYear } from '../../../shared/format/date.ts';
import { useLanguage } from '../../../shared/i18n/use-language.ts';
import { useAnnounce } from '../../../shared/ui/announcer.tsx';
import { Button } from '../../../shared/ui/button.tsx';
import { Pager } from '../../../shared/ui/pager.tsx';
import { EmptyState, ErrorState, LoadingState } from '../../../shared/ui/states.tsx';
import { PolicyLinkChips } from '../../policy/components/policy-link-chips.tsx';
import { useSelfDevelopment } from '../api/get-self-development.ts';
import { useSelfDevelopmentWrite } from '../api/save-self-development.ts';
import { formatInstant } from '../lib/dates.ts';
import { personName } from '../lib/people.ts';
import { useCareerParams } from '../lib/use-params.ts';
import { KindBadge, SupportBadge } from './badges.tsx';
import { FormError } from './form-error.tsx';
import { SelfDevelopmentForm } from './self-development-form.tsx';
import {
  cardClass,
  hintClass,
  labelClass,
  noticeClass,
  sectionTitleClass,
  textareaClass,
  warnClass,
} from './styles.ts';

const PAGE_SIZE = 10;

/** The supervisor's decision on a support request: approve, or decline with a reason. */
function DecisionForm({ staffId, record }: { staffId: string; record: SelfDevelopmentRecord }) {
  const { t } = useTranslation();
  const id = useId();
  const [decision, setDecision] = useState<'approved' | 'declined'>('approved');
  const [reason, setReason] = useState('');
  const [missingReason, setMissingReason] = useState(false);
  const mutation = useSelfDevelopmentWrite(staffId);
  const announce = useAnnounce();
  const stale = isApiError(mutation.error) && mutation.error.status === 409;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (decision === 'declined' && !reason.trim()) {
      setMissingReason(true);
      document.getElementById(`${id}-reason`)?.focus();
      return;
    }
    mutation.mutate(
      {
        op: 'decide',
        recordId: record.id,
        body: { decision, reason: reason.trim(), version: record.version },
      },
      { onSuccess: () => announce(t(`career.support.decidedNotice.${decision}`)) },
    );
  };

  return (
    <form onSubmit={submit} className="mt-3 grid gap-3 rounded-8 border-2 border-orange-800 p-3" noValidate>
      <fieldset>
        <legend className={labelClass}>{t('career.support.decide')}</legend>
        <div className="mt-1 flex flex-wrap gap-2">
          {(['approved', 'declined'] as const).map((d) => (
            <label
              key={d}
              className="inline-flex min-h-11 cursor-pointer items-center gap-2 rounded-8 border-2 border-solid-gray-420 bg-white px-3 has-[:checked]:border-blue-900 has-[:checked]:bg-blue-50"
            >
              <input
                type="radio"
                name={`${id}-decision`}
                className="size-5"
                checked={decision === d}
                onChange={() => setDecision(d)}
              />
              {t(`career.support.choice.${d}`)}
            </label>
          ))}
        </div>
      </fieldset>
      <div>
        <label htmlFor={`${id}-reason`} className={labelClass}>
          {decision === 'declined' ? t('career.support.reasonRequired') : t('career.support.reasonOptional')}
        </label>
        <textarea
          id={`${id}-reason`}
          className={textareaClass}
          rows={2}
          value={reason}
          maxLength={1000}
          aria-invalid={missingReason || undefined}
          aria-describedby={missingReason ? `${id}-reason-error` : undefined}
          onChange={(e) => {
            setReason(e.target.value);
            setMissingReason(false);
          }}
        />
        {missingReason ? (
          <p id={`${id}-reason-error`} className="mt-1 text-dns-14B-130 text-error-1">
            {t('career.support.reasonMissing')}
          </p>
        ) : null}
      </div>
      {stale ? (
        <p role="alert" className={warnClass}>
          {t('career.support.stale')}
        </p>
      ) : mutation.isError ? (
        <FormError error={mutation.error} labels={{ reason: t('career.support.reasonRequired') }} />
      ) : null}
      <div>
        <Button type="submit" disabled={mutation.isPending}>
          {mutation.isPending ? t('career.form.sending') : t('career.support.send')}
        </Button>
      </div>
    </form>
  );
}

function RecordCard({
  staffId,
  record,
  canEdit,
  canDecide,
  onEdit,
  onDeleted,
}: {
  staffId: string;
  record: SelfDevelopmentRecord;
  canEdit: boolean;
  canDecide: boolean;
  onEdit: () => void;
  onDeleted: () => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const remove = useSelfDevelopmentWrite(staffId);
  const [confirming, setConfirming] = useState(false);
  const period = [
    record.startedOn ? formatDate(record.startedOn, language) : '',
    record.completedOn ? formatDate(record.completedOn, language) : '',
  ];
  const { support } = record;
  return (
    <li className={cardClass} data-testid="self-development-record">
      <p className="flex flex-wrap items-center gap-2">
        <KindBadge label={t(`career.selfDev.kinds.${record.kind}`)} />
        <span className="text-std-17B-170 text-solid-gray-900">{record.title}</span>
        {support.status !== 'none' ? <SupportBadge status={support.status} /> : null}
      </p>
      <p className="mt-1 text-std-16N-170 text-solid-gray-800">
        {[
          record.provider ?? '',
          period[0] || period[1]
            ? t('career.selfDev.period', {
                from: period[0] || '—',
                to: period[1] || t('career.selfDev.inProgress'),
              })
            : '',
          record.hours !== null ? t('career.selfDev.hoursValue', { count: record.hours }) : '',
          formatFiscalYear(record.fiscalYear, language),
        ]
          .filter(Boolean)
          .join(' ・ ')}
      </p>
      {record.description ? (
        <p className="mt-1 whitespace-pre-wrap text-std-16N-170 text-solid-gray-700">{record.description}</p>
      ) : null}
      <PolicyLinkChips links={record.links} className="mt-2" />
      {support.status !== 'none' ? (
        <div className="mt-3 rounded-8 bg-solid-gray-50 p-3 text-std-16N-170">
          <p>
            <span className="text-std-16B-170">{t('career.support.requested')}</span> {support.detail}
            {support.amountYen !== null
              ? ` ${t('career.support.amountValue', { amount: support.amountYen.toLocaleString(language === 'en' ? 'en-GB' : 'ja-JP') })}`
              : ''}
          </p>
          {support.decidedAt ? (
            <p className="mt-1">
              {t('career.support.decidedBy', {
                who: support.decidedBy ? personName(support.decidedBy, language) : '—',
                date: formatInstant(support.decidedAt, language),
              })}
              {support.reason ? ` ${t('career.support.reasonValue', { reason: support.reason })}` : ''}
            </p>
          ) : null}
        </div>
      ) : null}
      {canDecide && support.status === 'pending' ? <DecisionForm staffId={staffId} record={record} /> : null}
      {canEdit ? (
        <div className="mt-3 flex flex-wrap gap-3">
          <Button
            variant="secondary"
            onClick={onEdit}
            aria-label={t('career.selfDev.editNamed', { title: record.title })}
          >
            {t('career.selfDev.edit')}
          </Button>
          {support.status === 'approved' ? null : confirming ? (
            <>
              <Button
                variant="secondary"
                className="border-error-1 text-error-2"
                disabled={remove.isPending}
                onClick={() =>
                  remove.mutate(
                    { op: 'delete', recordId: record.id, version: record.version },
                    { onSuccess: onDeleted },
                  )
                }
              >
                {t('career.selfDev.confirmDelete')}
              </Button>
              <Button variant="tertiary" onClick={() => setConfirming(false)}>
                {t('career.form.cancel')}
              </Button>
            </>
          ) : (
            <Button
              variant="tertiary"
              onClick={() => setConfirming(true)}
              aria-label={t('career.selfDev.deleteNamed', { title: record.title })}
            >
              {t('career.selfDev.delete')}
            </Button>
          )}
        </div>
      ) : null}
      {remove.isError ? (
        <div className="mt-3">
          <FormError error={remove.error} />
        </div>
      ) : null}
    </li>
  );
}

/** 自己啓発: the person's records (and their requests for support), added and kept up to date by them. */
export function SelfDevelopmentSection({ staffId, self }: { staffId: string; self: boolean }) {
  const { t } = useTranslation();
  const id = useId();
  const [params, setParams] = useCareerParams();
  const page = Math.max(1, Number(params.get('sdpage')) || 1);
  const query = useSelfDevelopment(staffId, { page, pageSize: PAGE_SIZE });
  const [editing, setEditing] = useState<SelfDevelopmentRecord | 'new' | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const canCreate = query.data?.can.create ?? false;
  const canDecide = query.data?.can.decide ?? false;
  const pageCount = query.data ? Math.ceil(query.data.total / PAGE_SIZE) : 0;
  const done = (text: string) => {
    setEditing(null);
    setMessage(text);
  };

  return (
    <section aria-labelledby={id}>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 id={id} className={sectionTitleClass}>
          {t('career.selfDev.title')}
        </h2>
        {canCreate && editing === null ? (
          <Button
            onClick={() => {
              setEditing('new');
              setMessage(null);
            }}
          >
            {t('career.selfDev.new')}
          </Button>
        ) : null}
      </div>
      <p className={hintClass}>{self ? t('career.selfDev.leadSelf') : t('career.selfDev.leadOther')}</p>
      {message ? (
        <p role="status" className={`mt-4 ${noticeClass}`}>
          {message}
        </p>
      ) : null}
      {editing === 'new' ? (
        <div className="mt-4">
          <SelfDevelopmentForm
            staffId={staffId}
            record={null}
            onDone={done}
            onCancel={() => setEditing(null)}
          />
        </div>
      ) : null}
      <div className="mt-4">
        {query.isPending ? <LoadingState /> : null}
        {query.isError ? <ErrorState error={query.error} onRetry={() => void query.refetch()} /> : null}
        {query.data && query.data.items.length === 0 && editing !== 'new' ? (
          <EmptyState>{self ? t('career.selfDev.emptySelf') : t('career.selfDev.emptyOther')}</EmptyState>
        ) : null}
        {query.data && query.data.items.length > 0 ? (
          <>
            <ul className="grid gap-3">
              {query.data.items.map((record) =>
                editing !== null && editing !== 'new' && editing.id === record.id ? (
                  <li key={record.id}>
                    <SelfDevelopmentForm
                      staffId={staffId}
                      record={record}
                      onDone={done}
                      onCancel={() => setEditing(null)}
                    />
                  </li>
                ) : (
                  <RecordCard
                    key={record.id}
                    staffId={staffId}
                    record={record}
                    canEdit={canCreate}
                    canDecide={canDecide}
                    onEdit={() => {
                      setEditing(record);
                      setMessage(null);
                    }}
                    onDeleted={() => setMessage(t('career.selfDev.deleted'))}
                  />
                ),
              )}
            </ul>
            <Pager
              label={t('career.selfDev.pager')}
              page={page}
              pageCount={pageCount}
              onPage={(p) => setParams({ sdpage: String(p) })}
            />
          </>
        ) : null}
      </div>
    </section>
  );
}
