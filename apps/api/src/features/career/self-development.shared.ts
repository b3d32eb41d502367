/**
 * What the self-development use cases share: a record's dates and columns from the input, its support
 * request's columns, the supervisors' notice of a request, and what the audit log keeps of a record.
 */
import { fiscalYearOf, type SelfDevelopmentRecord, type SupportRequest } from '@portal/contracts';
import { today } from '../../access/access.ts';
import type { Actor } from '../../access/actor.ts';
import type { Tx } from '../../db/client.ts';
import { BadRequestError } from '../../shared/errors.ts';
import { tellSupervisors } from '../notifications/tell.ts';
import type { RecordRow } from './career.repository.ts';
import { isoDate } from './career-plan.shared.ts';

const day = (s: string | null) => (s ? new Date(`${s}T00:00:00Z`) : null);

type Input = {
  kind: SelfDevelopmentRecord['kind'];
  title: string;
  description: string;
  provider: string | null;
  startedOn: string | null;
  completedOn: string | null;
  hours: number | null;
  staffImageIds: string[];
  initiativeIds: string[];
};

/** 400 unless the dates are in order and not in the future for a completion. */
export function checkDates(input: Input) {
  if (input.startedOn && input.completedOn && input.completedOn < input.startedOn) {
    throw new BadRequestError('The completion date is before the start date.', [
      { field: 'body.completedOn', message: 'on or after startedOn' },
    ]);
  }
  const todayIso = isoDate(today());
  if (input.completedOn && input.completedOn > todayIso) {
    throw new BadRequestError('A completion date cannot be in the future.', [
      { field: 'body.completedOn', message: `on or before ${todayIso}` },
    ]);
  }
}

export function columnsOf(input: Input) {
  return {
    kind: input.kind,
    title: input.title,
    description: input.description,
    provider: input.provider || null,
    startedOn: day(input.startedOn),
    completedOn: day(input.completedOn),
    // The 年度 it counts in: of its completion, else its start, else today
    fiscalYear: fiscalYearOf(input.completedOn ?? input.startedOn ?? isoDate(today())),
    hours: input.hours,
    staffImageIds: input.staffImageIds,
    initiativeIds: input.initiativeIds,
  };
}

/** A support request now waits for the person's supervisor. */
export function supportRequested(tx: Tx, actor: Actor, staffId: string, title: string) {
  return tellSupervisors(tx, staffId, {
    kind: 'selfdev.support.requested',
    link: `/staff/${staffId}/career#self-development`,
    params: { title },
    by: actor.staffId,
  });
}

export function supportColumns(request: SupportRequest | null) {
  return request
    ? {
        supportStatus: 'pending' as const,
        supportDetail: request.detail,
        supportAmountYen: request.amountYen,
      }
    : { supportStatus: 'none' as const, supportDetail: null, supportAmountYen: null };
}

/** What a record says of itself, as its answer and its audit entries carry it (dates as `YYYY-MM-DD`). */
export const recordFields = (r: RecordRow) => ({
  kind: r.kind,
  title: r.title,
  provider: r.provider,
  startedOn: r.startedOn ? isoDate(r.startedOn) : null,
  completedOn: r.completedOn ? isoDate(r.completedOn) : null,
  hours: r.hours,
  staffImageIds: r.staffImageIds,
  initiativeIds: r.initiativeIds,
});

/** What the audit log keeps of a record. */
export const snapshot = (r: RecordRow) => ({
  ...recordFields(r),
  supportStatus: r.supportStatus,
  supportDetail: r.supportDetail,
  supportAmountYen: r.supportAmountYen,
  decisionReason: r.decisionReason,
  version: r.version,
});
