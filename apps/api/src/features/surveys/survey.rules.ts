/** When a round takes answers, shows results, and which day its population is taken on. */

import type { SurveyRoundQuestion } from '@portal/contracts';
import { today } from '../../access/scope.ts';
import type { SurveyRow } from './survey.repository.ts';

export function roundQuestions(row: Pick<SurveyRow, 'questions'>): SurveyRoundQuestion[] {
  return (row.questions as unknown as SurveyRoundQuestion[]) ?? [];
}

/** Open, and today within the window. */
export function accepting(row: Pick<SurveyRow, 'status' | 'opensOn' | 'closesOn'>, on = today()): boolean {
  return row.status === 'open' && row.opensOn <= on && on <= row.closesOn;
}

/** Closed, or past its window: its figures no longer move, so results may be shown. */
export function finished(row: Pick<SurveyRow, 'status' | 'closesOn'>, on = today()): boolean {
  return row.status === 'closed' || (row.status === 'open' && row.closesOn < on);
}

/** The day a round's population is taken on: today, within the window. */
export function populationDay(row: Pick<SurveyRow, 'opensOn' | 'closesOn'>, on = today()): Date {
  if (on < row.opensOn) return row.opensOn;
  if (on > row.closesOn) return row.closesOn;
  return on;
}
