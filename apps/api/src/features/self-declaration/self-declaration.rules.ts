/** What the 自己申告 use cases share that needs no database: dates, a round's phase, the window. */
import type { Considerations, RoundPhase, SelfDeclarationRoundInput } from '@portal/contracts';
import { today } from '../../access/access.ts';
import { ConflictError } from '../../shared/errors.ts';
import type { RoundRow } from './self-declaration.repository.ts';

export type RoundInput = ReturnType<typeof SelfDeclarationRoundInput.parse>;
export const day = (d: Date) => d.toISOString().slice(0, 10);
export const iso = (d: Date) => d.toISOString();
/** Where a round's window stands on `on` (calendar dates in the city, inclusive). */
export function phaseOf(round: { opensOn: Date; closesOn: Date }, on = today()): RoundPhase {
  if (on < round.opensOn) return 'upcoming';
  if (on > round.closesOn) return 'closed';
  return 'open';
}

export const NO_CONSIDERATIONS: Considerations = { health: '', care: '', family: '' };

export function assertWindowOpen(round: RoundRow) {
  const phase = phaseOf(round);
  if (phase !== 'open') {
    throw new ConflictError(
      phase === 'upcoming' ? 'The round has not opened yet.' : 'The round has closed.',
      'outside_window',
    );
  }
}
