/** HR opens a round; a retry with the same Idempotency-Key answers as the first did. */
import { SelfDeclarationRoundInput } from '@portal/contracts';
import { authorize } from '../../../access/access.ts';
import type { Actor, RequestMeta } from '../../../access/actor.ts';
import { NotFoundError } from '../../../shared/errors.ts';
import { write } from '../../../shared/write.ts';
import type { SelfDeclarationContext } from '../self-declaration.context.ts';
import type { RoundInput } from '../self-declaration.rules.ts';
import { checkRound, roundAudit } from './check-round.ts';

export async function createRound(
  ctx: SelfDeclarationContext,
  actor: Actor,
  body: RoundInput,
  meta: RequestMeta,
  key: string | undefined,
) {
  const { db, repo, toRound } = ctx;
  authorize(actor, 'self-declaration:manage:any');
  const data = await checkRound(ctx, SelfDeclarationRoundInput.parse(body), null);
  const result = await write(db, {
    actorId: actor.staffId,
    meta,
    idempotency: { operation: 'self-declaration.round.create', key, body },
    run: async (tx) => {
      const id = await repo.createRound(tx, data, actor.staffId);
      return {
        status: 201,
        body: id,
        audit: {
          action: 'self_declaration_round.create',
          entityType: 'self_declaration_round',
          entityId: id,
          after: roundAudit(data),
        },
      };
    },
  });
  const row = await repo.round(db, result.body);
  if (!row) throw new NotFoundError('No such self-declaration round.', 'self_declaration_round_not_found');
  return toRound(row);
}
