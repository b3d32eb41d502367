/** One decision — approve, or accept — for many applications, each decided as the single decision is. */
import type { TrainingBulkDecisionRequest, TrainingBulkDecisionResult } from '@portal/contracts';
import type { z } from 'zod';
import { authorize, MANAGE_TRAINING } from '../../../access/access.ts';
import type { Actor, RequestMeta } from '../../../access/actor.ts';
import { AppError } from '../../../shared/errors.ts';
import { write } from '../../../shared/write.ts';
import type { ApplicationContext } from './context.ts';
import { decide } from './decide.ts';

type Input = z.output<typeof TrainingBulkDecisionRequest>;
type Result = TrainingBulkDecisionResult['results'][number];

/**
 * Each item goes through {@link decide} — the same authorization, state checks, seat (or waiting list),
 * notices and audit entry — in its own transaction, so one stale or out-of-scope item does not hold
 * back the others: it is reported (`stale`, `not_found`, `conflict` with the single decision's code)
 * and nothing is written for it. Items the actor may not decide are reported as not found, as a
 * single out-of-scope read is. The batch's answer is kept under its Idempotency-Key: a retry replays
 * it and decides nothing twice.
 */
export async function decideMany(
  ctx: ApplicationContext,
  actor: Actor,
  input: Input,
  meta: RequestMeta,
  idempotencyKey: string | undefined,
) {
  if (input.decision === 'approve') authorize(actor, 'training:approve:team');
  else authorize(actor, MANAGE_TRAINING);
  return write(ctx.db, {
    actorId: actor.staffId,
    meta,
    what: 'applications',
    idempotency: { operation: `training.bulk-decision.${input.decision}`, key: idempotencyKey, body: input },
    timeoutMs: 120_000,
    run: async () => {
      const results: Result[] = [];
      for (const item of input.items) {
        try {
          const done = await decide(
            ctx,
            actor,
            item.id,
            { decision: input.decision, reason: '', version: item.version },
            meta,
          );
          const outcome =
            done.status === 'waitlisted'
              ? 'waitlisted'
              : input.decision === 'approve'
                ? 'approved'
                : 'accepted';
          results.push({ id: item.id, outcome, code: null });
        } catch (e) {
          if (!(e instanceof AppError)) throw e;
          if (e.status === 404 || e.status === 403)
            results.push({ id: item.id, outcome: 'not_found', code: null });
          else if (e.code === 'stale_version') results.push({ id: item.id, outcome: 'stale', code: null });
          else if (e.status === 409) results.push({ id: item.id, outcome: 'conflict', code: e.code });
          else throw e;
        }
      }
      const count = (o: Result['outcome']) => results.filter((r) => r.outcome === o).length;
      const body: TrainingBulkDecisionResult = {
        results,
        counts: {
          approved: count('approved'),
          accepted: count('accepted'),
          waitlisted: count('waitlisted'),
          stale: count('stale'),
          notFound: count('not_found'),
          conflict: count('conflict'),
        },
      };
      return { body };
    },
  });
}
