import type { TrainingAttendance, TrainingSessionRoster } from '@portal/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage, useLocalized } from '../../../shared/i18n/use-language.ts';
import { Button } from '../../../shared/ui/button.tsx';
import { useRecordAttendance } from '../api/applications.ts';
import { useTrainingErrorMessage } from '../lib/errors.ts';
import { punct } from '../lib/format.ts';
import { errorClass } from './styles.ts';

type Row = { attendance: TrainingAttendance | ''; completed: boolean };

/**
 * Attendance and completion for everyone accepted: a plain table of selects and checkboxes, so Tab
 * walks it row by row and every control names its person. "Everyone present" fills the usual case.
 */
export function AttendanceTable({
  roster,
  onSaved,
}: {
  roster: TrainingSessionRoster;
  /** Told once saved (the table itself is drawn afresh from the saved roster) */
  onSaved: (message: string) => void;
}) {
  const { t } = useTranslation();
  const l = useLocalized();
  const language = useLanguage();
  const accepted = roster.items.filter((a) => a.status === 'accepted');
  const initial = () =>
    Object.fromEntries(
      accepted.map((a) => [a.id, { attendance: a.attendance ?? '', completed: a.completed }]),
    ) as Record<string, Row>;
  const [rows, setRows] = useState<Record<string, Row>>(initial);
  const record = useRecordAttendance();
  const message = useTrainingErrorMessage(record.error);
  const started = roster.session.startsAt <= new Date().toISOString();
  const name = (a: (typeof accepted)[number]) =>
    language === 'en' ? a.staff.nameEn || a.staff.name : a.staff.name;
  const set = (id: string, patch: Partial<Row>) => {
    setRows((r) => {
      const current = r[id] ?? { attendance: '', completed: false };
      const next = { ...current, ...patch };
      if (next.attendance === 'absent') next.completed = false;
      return { ...r, [id]: next };
    });
  };
  const changed = accepted.filter((a) => {
    const r = rows[a.id];
    return r && r.attendance !== '' && (r.attendance !== a.attendance || r.completed !== a.completed);
  });

  if (!accepted.length) return <p className="text-std-16N-170">{t('training.roster.noneAccepted')}</p>;
  if (!started) return <p className="text-std-16N-170">{t('training.roster.notStarted')}</p>;

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if (!changed.length) return;
        record.mutate(
          {
            sessionId: roster.session.id,
            body: {
              rows: changed.map((a) => ({
                applicationId: a.id,
                attendance: rows[a.id]?.attendance as TrainingAttendance,
                completed: rows[a.id]?.completed ?? false,
                version: a.version,
              })),
            },
          },
          { onSuccess: () => onSaved(t('training.roster.saved', { count: changed.length })) },
        );
      }}
    >
      <div className="mb-3 flex flex-wrap gap-3">
        <Button
          variant="secondary"
          onClick={() => {
            setRows(
              Object.fromEntries(accepted.map((a) => [a.id, { attendance: 'present', completed: true }])),
            );
          }}
        >
          {t('training.roster.allPresent')}
        </Button>
      </div>
      <div className="relative overflow-x-auto">
        <table className="w-full min-w-[40rem] border-collapse text-left text-std-16N-170">
          <caption className="sr-only">{t('training.roster.attendanceCaption')}</caption>
          <thead>
            <tr className="border-b-2 border-solid-gray-420">
              <th scope="col" className="px-2 py-2">
                {t('training.roster.person')}
              </th>
              <th scope="col" className="px-2 py-2">
                {t('training.roster.unit')}
              </th>
              <th scope="col" className="px-2 py-2">
                {t('training.fields.attendance')}
              </th>
              <th scope="col" className="px-2 py-2">
                {t('training.roster.completed')}
              </th>
            </tr>
          </thead>
          <tbody>
            {accepted.map((a) => {
              const r = rows[a.id] ?? { attendance: '', completed: false };
              return (
                <tr key={a.id} className="border-b border-solid-gray-200">
                  <th scope="row" className="px-2 py-2 font-normal">
                    <span className="font-bold">{name(a)}</span>
                    <span className="block text-dns-14N-130 text-solid-gray-700">
                      {a.staff.employeeNumber}
                    </span>
                  </th>
                  <td className="px-2 py-2 text-dns-14N-130">
                    {[
                      a.staff.orgUnit ? l(a.staff.orgUnit.name) : '',
                      a.staff.grade ? l(a.staff.grade.name) : '',
                    ]
                      .filter(Boolean)
                      .join(punct(language).slash)}
                  </td>
                  <td className="px-2 py-2">
                    <select
                      aria-label={t('training.roster.attendanceOf', { name: name(a) })}
                      className="min-h-11 rounded-8 border border-solid-gray-600 bg-white px-2"
                      value={r.attendance}
                      onChange={(e) =>
                        set(a.id, {
                          attendance: e.target.value as Row['attendance'],
                          ...(e.target.value === 'present' ? { completed: true } : {}),
                        })
                      }
                    >
                      <option value="">{t('training.roster.unset')}</option>
                      <option value="present">{t('training.attendance.present')}</option>
                      <option value="partial">{t('training.attendance.partial')}</option>
                      <option value="absent">{t('training.attendance.absent')}</option>
                    </select>
                  </td>
                  <td className="px-2 py-2">
                    <label className="inline-flex min-h-11 items-center gap-2">
                      <input
                        type="checkbox"
                        className="size-5"
                        checked={r.completed}
                        disabled={r.attendance === 'absent' || r.attendance === ''}
                        onChange={(e) => set(a.id, { completed: e.target.checked })}
                      />
                      <span className="sr-only">{t('training.roster.completedOf', { name: name(a) })}</span>
                      <span aria-hidden="true">{t('training.roster.completed')}</span>
                    </label>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {message ? (
        <p role="alert" className={`${errorClass} mt-3`}>
          {message}
        </p>
      ) : null}
      <div className="mt-3">
        <Button type="submit" disabled={record.isPending || changed.length === 0}>
          {record.isPending ? t('training.sending') : t('training.roster.save', { count: changed.length })}
        </Button>
      </div>
    </form>
  );
}
