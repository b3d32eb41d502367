/** HR changes a round; a stale version is 409 with the current round. */
import { SelfDeclarationRoundInput } from '@portal/contracts';
import { authorize } from '../../../access/access.ts';
import type { Actor, RequestMeta } from '../../../access/actor.ts';
import { guardUpdated, write } from '../../../shared/write.ts';
import type { SelfDeclarationContext } from '../self-declaration.context.ts';
import { day, type RoundInput } from '../self-declaration.rules.ts';
import { checkRound, roundAudit } from './check-round.ts';

export async function updateRound(
  ctx: SelfDeclarationContext,
  actor: Actor,
  id: string,
  body: RoundInput & { version: number },
  meta: RequestMeta,
) {
  const { db, repo, toRound, visibleRound } = ctx;
  authorize(actor, 'self-declaration:manage:any');
  const before = await visibleRound(actor, id);
  const data = await checkRound(ctx, SelfDeclarationRoundInput.parse(body), id);
  await write(db, {
    actorId: actor.staffId,
    meta,
    what: 'self-declaration round',
    current: async () => toRound(await visibleRound(actor, id)),
    run: async (tx) => {
      guardUpdated(Number(await repo.updateRound(tx, id, body.version, data)));
      return {
        body: null,
        audit: {
          action: 'self_declaration_round.update',
          entityType: 'self_declaration_round',
          entityId: id,
          before: {
            version: before.version,
            fiscalYear: before.fiscalYear,
            titleJa: before.titleJa,
            opensOn: day(before.opensOn),
            closesOn: day(before.closesOn),
            bureauIds: before.bureauIds,
            gradeIds: before.gradeIds,
          },
          after: { version: body.version + 1, ...roundAudit(data) },
        },
      };
    },
  });
  return toRound(await visibleRound(actor, id));
}
