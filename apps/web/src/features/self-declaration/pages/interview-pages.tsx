import { ONE_ON_ONE_MAX_MINUTES, SELF_DECLARATION_LIMITS, type SelfDeclaration } from '@portal/contracts';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { isApiError } from '../../../shared/api/api-client.ts';
import { formatDate } from '../../../shared/format/date.ts';
import { CharCount } from '../../../shared/forms/char-count.tsx';
import { DateField } from '../../../shared/forms/date-field.tsx';
import { FieldMessage, FormAlert, useFormErrors } from '../../../shared/forms/use-form-errors.tsx';
import { useDocumentTitle } from '../../../shared/i18n/use-document-title.ts';
import { useLanguage, useLocalized } from '../../../shared/i18n/use-language.ts';
import { Button } from '../../../shared/ui/button.tsx';
import {
  cardClass,
  hintClass,
  inputClass,
  labelClass,
  panelClass,
  textareaClass,
} from '../../../shared/ui/form-styles.ts';
import { PageHeader } from '../../../shared/ui/page-header.tsx';
import { QueryContent } from '../../../shared/ui/states.tsx';
import {
  useDeclaration,
  useOpenRounds,
  useRecordInterview,
  useRound,
  useRoundPeople,
} from '../api/self-declaration.ts';
import { StatusLine } from './declaration-pages.tsx';

/** `/team/self-declarations`: the 所属長's staff in the rounds open now, and where each stands. */
export function TeamDeclarationsPage() {
  const { t } = useTranslation();
  const l = useLocalized();
  useDocumentTitle(t('selfDeclaration.team.title'));
  const rounds = useOpenRounds();
  const [chosen, setChosen] = useState<string | undefined>(undefined);
  const roundId = chosen ?? rounds.data?.items[0]?.id;
  const people = useRoundPeople(roundId, 1);
  const selectId = useId();
  return (
    <div>
      <PageHeader title={t('selfDeclaration.team.title')} lead={t('selfDeclaration.team.lead')} />
      <QueryContent
        query={rounds}
        isEmpty={(p) => p.items.length === 0}
        empty={t('selfDeclaration.noRounds')}
      >
        {(page) => (
          <div className="grid gap-4">
            {page.items.length > 1 ? (
              <div>
                <label htmlFor={selectId} className={labelClass}>
                  {t('selfDeclaration.team.round')}
                </label>
                <select
                  id={selectId}
                  className={`${inputClass} mt-2 block`}
                  value={roundId}
                  onChange={(e) => setChosen(e.target.value)}
                >
                  {page.items.map((r) => (
                    <option key={r.id} value={r.id}>
                      {l(r.title)}
                    </option>
                  ))}
                </select>
              </div>
            ) : null}
            <QueryContent
              query={people}
              isEmpty={(p) => p.items.length === 0}
              empty={t('selfDeclaration.team.nobody')}
            >
              {(list) => (
                <ul className="grid gap-3">
                  {list.items.map((p) => (
                    <li key={p.staff.id} className={cardClass}>
                      <Link
                        to={`/team/self-declarations/${roundId}/${p.staff.id}`}
                        className="text-std-16B-170 text-blue-1000 underline"
                      >
                        {l({ ja: p.staff.name, en: p.staff.nameEn })}
                      </Link>
                      <p className={hintClass}>
                        {[p.orgUnit ? l(p.orgUnit.name) : '', p.grade ? l(p.grade.name) : '']
                          .filter(Boolean)
                          .join('・')}
                      </p>
                      <p className="text-std-16N-170">{t(`selfDeclaration.status.${p.status}`)}</p>
                    </li>
                  ))}
                </ul>
              )}
            </QueryContent>
          </div>
        )}
      </QueryContent>
    </div>
  );
}

function Answer({ label, text }: { label: string; text: string }) {
  const { t } = useTranslation();
  return (
    <div>
      <h3 className={labelClass}>{label}</h3>
      <p className="mt-1 whitespace-pre-wrap text-std-16N-170">{text || t('selfDeclaration.notWritten')}</p>
    </div>
  );
}

function InterviewForm({ declaration }: { declaration: SelfDeclaration }) {
  const { t } = useTranslation();
  const form = useFormErrors();
  const record = useRecordInterview(declaration.staff.id, declaration.roundId);
  const today = new Date().toLocaleDateString('en-CA', { timeZone: 'Asia/Tokyo' });
  const [heldOn, setHeldOn] = useState(declaration.interview?.heldOn ?? today);
  const [minutes, setMinutes] = useState('30');
  const [opinion, setOpinion] = useState(declaration.interview?.opinion ?? '');
  const [failure, setFailure] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const date = form.field('heldOn');
  const mins = form.field('minutes');
  const op = form.field('opinion');
  return (
    <form
      ref={form.ref}
      noValidate
      aria-label={t('selfDeclaration.team.formLabel')}
      className="grid gap-4"
      onSubmit={(e) => {
        e.preventDefault();
        setFailure(null);
        const errors: Record<string, string> = {};
        if (!heldOn) errors.heldOn = t('validation.required');
        if (!opinion.trim()) errors.opinion = t('validation.required');
        if (form.show(errors)) return;
        record.mutate(
          { heldOn, minutes: Number(minutes) || 30, opinion, version: declaration.version },
          {
            onSuccess: () => setDone(true),
            onError: (error) => {
              if (form.showProblem(error)) return;
              setFailure(isApiError(error) ? error.code : 'internal');
            },
          },
        );
      }}
    >
      <FormAlert form={form} />
      {failure ? (
        <p
          role="alert"
          className="rounded-8 border-2 border-error-1 bg-red-50 p-4 text-std-16B-170 text-error-2"
        >
          {t(`selfDeclaration.errors.${failure}`, { defaultValue: t('selfDeclaration.errors.other') })}
        </p>
      ) : null}
      {done ? (
        <p role="status" className={panelClass}>
          {t('selfDeclaration.team.recorded')}
        </p>
      ) : null}
      <div className="grid gap-4 sm:grid-cols-2">
        <DateField
          id={date.id}
          label={t('selfDeclaration.team.heldOn')}
          inputClassName={`${inputClass} mt-2 block w-full`}
          value={heldOn}
          max={today}
          error={form.errors.heldOn}
          onChange={(value) => {
            form.clear('heldOn');
            setHeldOn(value);
          }}
        />
        <div>
          <label htmlFor={mins.id} className={labelClass}>
            {t('selfDeclaration.team.minutes')}
          </label>
          <input
            {...mins}
            type="number"
            inputMode="numeric"
            min={1}
            max={ONE_ON_ONE_MAX_MINUTES}
            className={`${inputClass} mt-2 block w-full`}
            value={minutes}
            onChange={(e) => {
              form.clear('minutes');
              setMinutes(e.target.value);
            }}
          />
          <FieldMessage form={form} name="minutes" />
        </div>
      </div>
      <div>
        <label htmlFor={op.id} className={labelClass}>
          {t('selfDeclaration.team.opinion')}
        </label>
        <textarea
          {...op}
          aria-describedby={[op['aria-describedby'], `${op.id}-count`].filter(Boolean).join(' ')}
          className={`${textareaClass} mt-2 w-full`}
          value={opinion}
          maxLength={SELF_DECLARATION_LIMITS.opinion}
          onChange={(e) => {
            form.clear('opinion');
            setOpinion(e.target.value);
          }}
        />
        <CharCount id={`${op.id}-count`} value={opinion} max={SELF_DECLARATION_LIMITS.opinion} />
        <FieldMessage form={form} name="opinion" />
      </div>
      <div>
        <Button type="submit" disabled={record.isPending}>
          {t('selfDeclaration.team.record')}
        </Button>
      </div>
    </form>
  );
}

/** `/team/self-declarations/:roundId/:staffId`: the 所属長 reads the declaration and records the 面談. */
export function InterviewPage() {
  const { t } = useTranslation();
  const l = useLocalized();
  const language = useLanguage();
  const { roundId = '', staffId = '' } = useParams();
  const round = useRound(roundId);
  const declaration = useDeclaration(staffId, roundId);
  const name = declaration.data
    ? l({ ja: declaration.data.staff.name, en: declaration.data.staff.nameEn })
    : '';
  useDocumentTitle(t('selfDeclaration.team.personTitle', { name }));
  const formId = useId();
  return (
    <div>
      <PageHeader
        title={t('selfDeclaration.team.personTitle', { name })}
        lead={round.data ? l(round.data.title) : undefined}
      />
      <QueryContent query={declaration}>
        {(d) => (
          <div className="grid gap-6">
            <StatusLine declaration={d} />
            <section className="grid gap-4" aria-label={t('selfDeclaration.mine')}>
              <Answer label={t('selfDeclaration.reflection')} text={d.reflection} />
              <Answer
                label={t('selfDeclaration.desiredUnits')}
                text={d.desiredUnits.map((u) => l(u.name)).join('、')}
              />
              <Answer
                label={t('selfDeclaration.desiredJobFamilies')}
                text={d.desiredJobFamilies.map((f) => l(f.name)).join('、')}
              />
              <Answer label={t('selfDeclaration.desiredWork')} text={d.desiredWork} />
              <Answer
                label={t('selfDeclaration.careerFields')}
                text={(round.data?.careerFields ?? [])
                  .filter((f) => d.careerFieldIds.includes(f.id))
                  .map((f) => l(f.name))
                  .join('、')}
              />
              <Answer
                label={t('selfDeclaration.publicPosts')}
                text={(round.data?.publicPosts ?? [])
                  .filter((p) => d.publicPostIds.includes(p.id))
                  .map((p) => l(p.title))
                  .join('、')}
              />
              <Answer label={t('selfDeclaration.careerVision')} text={d.careerVision} />
              {d.considerations ? (
                <div className={panelClass}>
                  <h3 className="text-std-18B-160">{t('selfDeclaration.considerations')}</h3>
                  <p className={hintClass}>{t('selfDeclaration.considerationsHint')}</p>
                  <div className="mt-3 grid gap-3">
                    {(['health', 'care', 'family'] as const).map((k) => (
                      <Answer
                        key={k}
                        label={t(`selfDeclaration.consideration.${k}`)}
                        text={d.considerations?.[k] ?? ''}
                      />
                    ))}
                  </div>
                </div>
              ) : null}
            </section>
            <section aria-labelledby={formId} className="grid gap-3">
              <h2 id={formId} className="text-std-22B-150">
                {t('selfDeclaration.team.interview')}
              </h2>
              {d.interview ? (
                <p className={hintClass}>
                  {t('selfDeclaration.interviewOn', { date: formatDate(d.interview.heldOn, language) })}
                </p>
              ) : null}
              {d.can.interview ? (
                <InterviewForm declaration={d} />
              ) : (
                <p className="text-std-16N-170">{t('selfDeclaration.team.notYet')}</p>
              )}
            </section>
          </div>
        )}
      </QueryContent>
    </div>
  );
}
