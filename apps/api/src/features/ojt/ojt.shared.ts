/** What the OJT use cases share that needs no database: dates, people, goals, policy-link checks, snapshots. */
import { fiscalYearOf, fiscalYearRange } from '@portal/contracts';
import { today } from '../../access/access.ts';
import type { JsonValue } from '../../db/json.ts';
import { BadRequestError, type FieldError, NotFoundError } from '../../shared/errors.ts';
import type { PolicyCatalog } from '../policy/policy-links.ts';
import type { PlanRow, SessionRow } from './ojt.repository.ts';

export const isoDate = (d: Date) => d.toISOString().slice(0, 10);

export const personOf = (p: { id: string; nameJa: string; nameEn: string }) => ({
  id: p.id,
  name: p.nameJa,
  nameEn: p.nameEn,
});

export const currentFiscalYear = () => fiscalYearOf(isoDate(today()));

export const sessionNotFound = () => new NotFoundError('No such OJT session.', 'ojt_session_not_found');

export type GoalJson = { text: string; staffImageIds: string[]; initiativeIds: string[] };

export function goalsOf(json: JsonValue): GoalJson[] {
  if (!Array.isArray(json)) return [];
  return json.flatMap((g) => {
    if (!g || typeof g !== 'object' || Array.isArray(g)) return [];
    const o = g as Record<string, unknown>;
    const ids = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
    return [
      {
        text: String(o.text ?? ''),
        staffImageIds: ids(o.staffImageIds),
        initiativeIds: ids(o.initiativeIds),
      },
    ];
  });
}

type Links = { staffImageIds: readonly string[]; initiativeIds: readonly string[] };

/**
 * 400 naming each unknown link (`body.goals.0.initiativeIds.1`), against one read of the policy;
 * `entries` are the linked records with the prefix of their field.
 */
export function assertKnownLinks(catalog: PolicyCatalog, entries: { links: Links; prefix: string }[]) {
  const errors: FieldError[] = [];
  for (const { links, prefix } of entries) {
    links.staffImageIds.forEach((id, i) => {
      if (!catalog.staffImages.has(id)) {
        errors.push({ field: `${prefix}staffImageIds.${i}`, message: 'not a 目指す職員像 of the policy' });
      }
    });
    links.initiativeIds.forEach((id, i) => {
      if (!catalog.initiatives.has(id)) {
        errors.push({ field: `${prefix}initiativeIds.${i}`, message: 'not an initiative of the policy' });
      }
    });
  }
  if (errors.length) throw new BadRequestError('Some policy links are unknown.', errors);
}

/** The session's date: today when left out; never in the future, nor before the previous 年度. */
export function sessionDay(occurredOn: string | undefined, field = 'body.occurredOn'): string {
  const todayIso = isoDate(today());
  const day = occurredOn ?? todayIso;
  const earliest = fiscalYearRange(fiscalYearOf(todayIso) - 1).from;
  if (day > todayIso || day < earliest) {
    throw new BadRequestError('The date must be today or earlier, in this or the previous 年度.', [
      { field, message: `between ${earliest} and ${todayIso}` },
    ]);
  }
  return day;
}

/** What a session says, as the API and the audit entries both give it. */
export const sessionContent = (s: SessionRow) => ({
  occurredOn: isoDate(s.occurredOn),
  fiscalYear: s.fiscalYear,
  minutes: s.minutes,
  method: s.method,
  topic: s.topic,
  notes: s.notes,
  staffImageIds: s.staffImageIds,
  initiativeIds: s.initiativeIds,
});

/** A session as its audit entries record it ("before" of a correction or a deletion). */
export const sessionSnapshot = (s: SessionRow) => ({ traineeId: s.traineeId, ...sessionContent(s) });

/** A plan as its audit entries record it. */
export const planContent = (p: PlanRow) => ({
  goals: p.goals,
  plannedSessions: p.plannedSessions,
  plannedMinutes: p.plannedMinutes,
  frequencyNote: p.frequencyNote,
  version: p.version,
});

/** The stored answer of a replay is JSON: dates came back as strings. */
export const revive = (s: SessionRow): SessionRow => ({
  ...s,
  occurredOn: new Date(s.occurredOn),
  createdAt: new Date(s.createdAt),
  updatedAt: new Date(s.updatedAt),
  acknowledgedAt: s.acknowledgedAt ? new Date(s.acknowledgedAt) : null,
});
