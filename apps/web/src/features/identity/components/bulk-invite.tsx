import { type BulkInvitationRequest, MAX_INVITATION_LETTERS } from '@portal/contracts';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../shared/ui/button.tsx';
import {
  choiceClass,
  hintClass,
  noticeClass,
  sectionTitleClass,
  warnClass,
} from '../../../shared/ui/form-styles.ts';
import { useErrorMessage } from '../../../shared/ui/states.tsx';
import { useMe } from '../../auth/api/get-me.ts';
import {
  type BulkInvitationOutcome,
  headCount,
  type InvitationDelivery,
  useInviteMany,
} from '../api/invite-many.ts';
import { identityKeys } from '../api/keys.ts';

type Scope = 'selected' | 'unit' | 'withoutAccount';

/** Saves a file the browser holds (letters, a CSV of links) under a name. */
function save(file: Blob, fileName: string) {
  const url = URL.createObjectURL(file);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** The links that were not mailed, as a CSV for HR to hand over (UTF-8 with a BOM, for Excel). */
function unmailedCsv(outcome: Extract<BulkInvitationOutcome, { delivery: 'mail' }>): Blob {
  const cell = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  const rows = outcome.items
    .filter((i) => !i.mailed)
    .map((i) => [i.loginId, i.name, i.url, i.expiresAt].map(cell).join(','));
  return new Blob([`\uFEFF${['login_id,name,url,expires_at', ...rows].join('\r\n')}\r\n`], {
    type: 'text/csv;charset=utf-8',
  });
}

/**
 * HR invites many at once: the people ticked in the list, the unit chosen in the filters, or everyone
 * without an account. Before anything is sent the panel states the head count (asked of the API by
 * the same rules it invites by) and how the invitations will reach people; after, what happened and
 * the file of letters or links.
 */
export function BulkInvite({
  selected,
  unit,
  onDone,
}: {
  selected: ReadonlyMap<string, string>;
  unit: { id: string; name: string } | undefined;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const me = useMe();
  const mailOn = me.data?.account.mail ?? false;
  const ids = { title: useId(), scope: useId(), delivery: useId(), confirm: useId() };
  const [scope, setScope] = useState<Scope>(selected.size > 0 ? 'selected' : 'withoutAccount');
  const [delivery, setDelivery] = useState<InvitationDelivery>(mailOn ? 'mail' : 'pdf');
  const [confirming, setConfirming] = useState(false);
  const invite = useInviteMany();
  const inviteError = useErrorMessage(invite.error);
  const confirmRef = useRef<HTMLDivElement>(null);
  const resultRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!mailOn && delivery === 'mail') setDelivery('pdf');
  }, [mailOn, delivery]);
  useEffect(() => {
    if (scope === 'unit' && !unit) setScope('withoutAccount');
    if (scope === 'selected' && selected.size === 0) setScope('withoutAccount');
  }, [scope, unit, selected.size]);

  const request: BulkInvitationRequest =
    scope === 'selected'
      ? { staffIds: [...selected.keys()] }
      : scope === 'unit' && unit
        ? { orgUnitId: unit.id }
        : { withoutAccount: true };

  const count = useQuery({
    queryKey: [...identityKeys.staff(), 'invitation-head-count', scope, unit?.id ?? null],
    queryFn: ({ signal }) =>
      headCount(scope === 'unit' && unit ? { orgUnitId: unit.id } : { withoutAccount: true }, signal),
    enabled: confirming && scope !== 'selected',
  });
  const heads =
    scope === 'selected'
      ? { total: selected.size, renewed: 0, active: 0 }
      : count.data
        ? count.data
        : undefined;
  const tooMany = delivery === 'pdf' && heads !== undefined && heads.total > MAX_INVITATION_LETTERS;

  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);
  useEffect(() => {
    if (invite.isSuccess) resultRef.current?.focus();
  }, [invite.isSuccess]);

  const send = () =>
    invite.mutate(
      { request, delivery },
      {
        onSuccess: (outcome) => {
          setConfirming(false);
          if (outcome.delivery !== 'mail') save(outcome.file, outcome.fileName);
          onDone();
        },
      },
    );

  const outcome = invite.data;
  const unmailed = outcome?.delivery === 'mail' ? outcome.items.filter((i) => !i.mailed).length : 0;

  return (
    <section
      aria-labelledby={ids.title}
      className="mt-6 rounded-12 border border-solid-gray-200 bg-white p-4 md:p-5"
    >
      <h2 id={ids.title} className={sectionTitleClass}>
        {t('identity.bulkInvite.title')}
      </h2>
      <fieldset aria-describedby={ids.scope}>
        <legend className="text-std-16B-170 text-solid-gray-900">{t('identity.bulkInvite.who')}</legend>
        <p id={ids.scope} className={hintClass}>
          {t('identity.bulkInvite.whoHint')}
        </p>
        <div className="mt-2 flex flex-wrap gap-2">
          <label className={choiceClass}>
            <input
              type="radio"
              name="bulk-scope"
              className="sr-only"
              checked={scope === 'selected'}
              disabled={selected.size === 0}
              onChange={() => {
                setScope('selected');
                setConfirming(false);
              }}
            />
            {t('identity.bulkInvite.selected', { count: selected.size })}
          </label>
          {unit ? (
            <label className={choiceClass}>
              <input
                type="radio"
                name="bulk-scope"
                className="sr-only"
                checked={scope === 'unit'}
                onChange={() => {
                  setScope('unit');
                  setConfirming(false);
                }}
              />
              {t('identity.bulkInvite.unit', { unit: unit.name })}
            </label>
          ) : null}
          <label className={choiceClass}>
            <input
              type="radio"
              name="bulk-scope"
              className="sr-only"
              checked={scope === 'withoutAccount'}
              onChange={() => {
                setScope('withoutAccount');
                setConfirming(false);
              }}
            />
            {t('identity.bulkInvite.withoutAccount')}
          </label>
        </div>
      </fieldset>
      <fieldset className="mt-4" aria-describedby={ids.delivery}>
        <legend className="text-std-16B-170 text-solid-gray-900">{t('identity.bulkInvite.how')}</legend>
        <p id={ids.delivery} className={hintClass}>
          {mailOn ? t('identity.bulkInvite.howHint') : t('identity.bulkInvite.mailOff')}
        </p>
        <div className="mt-2 flex flex-wrap gap-2">
          {(['mail', 'pdf', 'csv'] as const).map((option) =>
            option === 'mail' && !mailOn ? null : (
              <label key={option} className={choiceClass}>
                <input
                  type="radio"
                  name="bulk-delivery"
                  className="sr-only"
                  checked={delivery === option}
                  onChange={() => {
                    setDelivery(option);
                    setConfirming(false);
                  }}
                />
                {t(`identity.bulkInvite.delivery.${option}`)}
              </label>
            ),
          )}
        </div>
      </fieldset>
      {!confirming ? (
        <Button
          className="mt-4"
          onClick={() => {
            invite.reset();
            setConfirming(true);
          }}
        >
          {t('identity.bulkInvite.review')}
        </Button>
      ) : (
        <div ref={confirmRef} tabIndex={-1} className={`mt-4 ${warnClass}`} data-testid="bulk-invite-confirm">
          {heads === undefined ? (
            count.isError ? (
              <p role="alert" className="text-error-2">
                {t('identity.bulkInvite.countFailed')}
              </p>
            ) : (
              <p id={ids.confirm} role="status">
                {t('identity.bulkInvite.counting')}
              </p>
            )
          ) : (
            <>
              <p id={ids.confirm} className="text-std-16B-170">
                {heads.total === 0
                  ? t('identity.bulkInvite.nobody')
                  : t(`identity.bulkInvite.confirm.${delivery}`, { count: heads.total })}
              </p>
              {heads.renewed > 0 ? (
                <p className="mt-1">{t('identity.bulkInvite.renewed', { count: heads.renewed })}</p>
              ) : null}
              {heads.active > 0 ? (
                <p className="mt-1">{t('identity.bulkInvite.active', { count: heads.active })}</p>
              ) : null}
              {tooMany ? (
                <p role="alert" className="mt-1 text-error-2">
                  {t('identity.bulkInvite.tooMany', { max: MAX_INVITATION_LETTERS })}
                </p>
              ) : null}
            </>
          )}
          <div className="mt-3 flex flex-wrap gap-3">
            <Button
              onClick={send}
              disabled={heads === undefined || heads.total === 0 || tooMany || invite.isPending}
            >
              {invite.isPending
                ? t('identity.bulkInvite.sending')
                : t('identity.bulkInvite.send', { count: heads?.total ?? 0 })}
            </Button>
            <Button variant="secondary" onClick={() => setConfirming(false)} disabled={invite.isPending}>
              {t('identity.person.login.cancel')}
            </Button>
          </div>
        </div>
      )}
      {invite.isError ? (
        <p role="alert" className="mt-3 text-error-2">
          {inviteError}
        </p>
      ) : null}
      {outcome ? (
        <div
          ref={resultRef}
          tabIndex={-1}
          role="status"
          className={`mt-4 ${noticeClass}`}
          data-testid="bulk-invite-result"
        >
          {outcome.delivery === 'mail' ? (
            <>
              <p>
                {t('identity.bulkInvite.doneMail', {
                  count: outcome.items.length,
                  mailed: outcome.items.length - unmailed,
                })}
              </p>
              {unmailed > 0 ? (
                <>
                  <p className="mt-1">{t('identity.bulkInvite.unmailed', { count: unmailed })}</p>
                  <Button
                    variant="secondary"
                    className="mt-2"
                    onClick={() => save(unmailedCsv(outcome), 'invitations-not-mailed.csv')}
                  >
                    {t('identity.bulkInvite.saveUnmailed')}
                  </Button>
                </>
              ) : null}
            </>
          ) : (
            <>
              <p>{t(`identity.bulkInvite.done.${outcome.delivery}`, { count: outcome.count })}</p>
              <Button
                variant="secondary"
                className="mt-2"
                onClick={() => save(outcome.file, outcome.fileName)}
              >
                {t('identity.bulkInvite.saveAgain')}
              </Button>
            </>
          )}
        </div>
      ) : null}
    </section>
  );
}
