/**
 * The checks of what an author writes on a 1on1: its day, its policy links and its actions' owners, each
 * wrong field named in one 400.
 */
import { fiscalYearOf, fiscalYearRange } from '@portal/contracts';
import { today } from '../../access/access.ts';
import { BadRequestError, type FieldError } from '../../shared/errors.ts';
import type { PolicyCatalog } from '../policy/policy-links.ts';
import { isoDate, type RecordInput } from './one-on-one.shared.ts';

/** 400 naming each unknown link, against one read of the policy. */
export function checkLinks(
  catalog: PolicyCatalog,
  links: { staffImageIds: readonly string[]; initiativeIds: readonly string[] },
  errors: FieldError[],
) {
  links.staffImageIds.forEach((id, i) => {
    if (!catalog.staffImages.has(id)) {
      errors.push({ field: `body.staffImageIds.${i}`, message: 'not a 目指す職員像 of the policy' });
    }
  });
  links.initiativeIds.forEach((id, i) => {
    if (!catalog.initiatives.has(id)) {
      errors.push({ field: `body.initiativeIds.${i}`, message: 'not an initiative of the policy' });
    }
  });
}

/**
 * The day of a 1on1: today when left out. A held one is today or earlier, back to the start of the
 * previous 年度 (as OJT); a scheduled one is today or later, within the next year.
 */
export function meetingDay(status: 'held' | 'scheduled', heldOn: string | undefined, errors: FieldError[]) {
  const todayIso = isoDate(today());
  const day = heldOn ?? todayIso;
  if (status === 'held') {
    const earliest = fiscalYearRange(fiscalYearOf(todayIso) - 1).from;
    if (day > todayIso || day < earliest) {
      errors.push({ field: 'body.heldOn', message: `a held 1on1 falls between ${earliest} and ${todayIso}` });
    }
  } else {
    const latest = `${Number(todayIso.slice(0, 4)) + 1}${todayIso.slice(4)}`;
    if (day < todayIso || day > latest) {
      errors.push({
        field: 'body.heldOn',
        message: `a scheduled 1on1 falls between ${todayIso} and ${latest}`,
      });
    }
  }
  return day;
}

/** Each action's owner is the person or the author. */
export function checkOwners(
  actions: readonly { ownerId: string }[],
  allowed: readonly string[],
  errors: FieldError[],
) {
  actions.forEach((a, i) => {
    if (!allowed.includes(a.ownerId)) {
      errors.push({ field: `body.actions.${i}.ownerId`, message: 'the person or the author' });
    }
  });
}

/**
 * The day of the record (`dayOf` reports a wrong one), its links and its new actions' owners checked
 * together: one 400 naming every field that is not valid.
 */
export function validRecord(
  catalog: PolicyCatalog,
  input: RecordInput,
  actions: { list: readonly { ownerId: string }[]; owners: readonly string[] },
  dayOf: (errors: FieldError[]) => string,
): string {
  const errors: FieldError[] = [];
  const day = dayOf(errors);
  checkLinks(catalog, input, errors);
  checkOwners(actions.list, actions.owners, errors);
  if (errors.length) throw new BadRequestError('Some fields of the 1on1 are not valid.', errors);
  return day;
}
