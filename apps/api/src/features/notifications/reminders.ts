/**
 * The time-based reminders, each written once per person and occasion (a `dedupeKey`), so running them
 * twice — or on two instances at once — tells nobody twice:
 * - a course starts in 3 days (the participant: time, venue or online);
 * - a session is under-booked (fewer than half its seats asked for) or over capacity, in the week
 *   before its application deadline (HR, or the owning bureau); over capacity is told at once by the
 *   application that makes it so (`capacity.ts`, the same key), the sweep catches a lowered capacity;
 * - KPI actuals of the 年度 are due, from 1 March (the owning bureau's officers; HR for the city's own);
 * - a person has had no OJT for longer than their 年間OJT計画 implies (their supervisor).
 */
import { fiscalYearOf } from '@portal/contracts';
import { today } from '../../access/scope.ts';
import type { Db, Tx } from '../../db/client.ts';
import { systemWrite } from '../../shared/write.ts';
import { sessionLoadNotice } from './capacity.ts';
import { type Notice, notify } from './notify.ts';
import { bureauOfficers, courseManagers, hrAdmins, supervisorsOf } from './recipients.repository.ts';
import {
  kpisWithoutActual,
  ojtOverdue,
  placesStartingBetween,
  sessionsClosingBetween,
} from './reminders.repository.ts';

const DAY = 86_400_000;
const iso = (d: Date) => d.toISOString().slice(0, 10);

/** Runs every reminder as of `now`; returns how many notifications were written. */
export async function runReminders(db: Db, now = new Date()): Promise<number> {
  let written = 0;
  for (const sweep of [courseSoon, sessionLoad, kpiActualsDue, ojtOverdueSweep]) {
    written += await systemWrite(db, async (tx) => (await notify(tx, await sweep(tx, now))).length, {
      timeoutMs: 60_000,
    });
  }
  return written;
}

type Sweep = (tx: Tx, now: Date) => Promise<Notice[]>;

const courseSoon: Sweep = async (tx, now) => {
  const places = await placesStartingBetween(tx, now, new Date(now.getTime() + 3 * DAY));
  return places.map((p) => ({
    to: [p.staffId],
    kind: 'training.course.soon',
    link: '/training/applications',
    params: {
      title: p.session.training.titleJa,
      titleEn: p.session.training.titleEn,
      startsAt: p.session.startsAt.toISOString(),
      venue: p.session.venue ?? '',
      online: p.session.online ? 1 : 0,
    },
    dedupeKey: `course-soon:${p.id}`,
  }));
};

const sessionLoad: Sweep = async (tx, now) => {
  const day = today(now);
  const sessions = await sessionsClosingBetween(tx, day, new Date(day.getTime() + 7 * DAY));
  const notices: Notice[] = [];
  for (const s of sessions) {
    const over = s.active > s.capacity;
    const under = s.active * 2 < s.capacity;
    if (!over && !under) continue;
    notices.push(sessionLoadNotice(s, over ? 'over' : 'under', await courseManagers(tx, s.ownerBureauId)));
  }
  return notices;
};

const kpiActualsDue: Sweep = async (tx, now) => {
  const day = iso(today(now));
  // from 1 March to the end of the 年度 (31 March)
  if (day.slice(5, 7) !== '03') return [];
  const fiscalYear = fiscalYearOf(day);
  const owed = await kpisWithoutActual(tx, fiscalYear);
  if (!owed.length) return [];
  const officers = await bureauOfficers(
    tx,
    owed.flatMap((o) => (o.ownerBureauId ? [o.ownerBureauId] : [])),
  );
  const hr = owed.some((o) => !o.ownerBureauId || !officers.get(o.ownerBureauId)?.length)
    ? await hrAdmins(tx)
    : [];
  return owed.map((o) => {
    const bureau = o.ownerBureauId ? (officers.get(o.ownerBureauId) ?? []) : [];
    return {
      to: bureau.length ? bureau : hr,
      kind: 'plan.kpi.actuals_due',
      link: '/plan',
      params: { fiscalYear, count: o.count },
      dedupeKey: `kpi-actuals-due:${fiscalYear}:${o.ownerBureauId ?? 'city'}`,
    };
  });
};

const ojtOverdueSweep: Sweep = async (tx, now) => {
  const day = today(now);
  const fiscalYear = fiscalYearOf(iso(day));
  const late = await ojtOverdue(tx, fiscalYear, new Date(`${fiscalYear}-04-01T00:00:00Z`), day);
  if (!late.length) return [];
  const supervisors = await supervisorsOf(
    tx,
    late.map((l) => l.staffId),
    day,
  );
  return late.map((l) => ({
    to: supervisors.get(l.staffId) ?? [],
    kind: 'ojt.overdue',
    link: `/staff/${l.staffId}/ojt-plan`,
    params: { name: l.name, nameEn: l.nameEn, since: iso(new Date(l.last)) },
    // once per gap: a new session starts a new one
    dedupeKey: `ojt-overdue:${l.staffId}:${iso(new Date(l.last))}`,
  }));
};
