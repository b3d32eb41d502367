/** The rounds: HR every round; everyone else the rounds that have opened. */
import type { RoundPhase, SelfDeclarationRoundPage } from '@portal/contracts';
import { allows, today } from '../../../access/access.ts';
import type { Actor } from '../../../access/actor.ts';
import { pageWindow } from '../../../shared/page.ts';
import type { SelfDeclarationContext } from '../self-declaration.context.ts';

export async function listRounds(
  ctx: SelfDeclarationContext,
  actor: Actor,
  q: { page: number; pageSize: number; phase?: RoundPhase },
): Promise<SelfDeclarationRoundPage> {
  const { db, repo, toRound } = ctx;
  const now = today();
  const hr = allows(actor, 'self-declaration:manage:any');
  const byPhase =
    q.phase === 'upcoming'
      ? { opensOn: { gt: now } }
      : q.phase === 'open'
        ? { opensOn: { lte: now }, closesOn: { gte: now } }
        : q.phase === 'closed'
          ? { closesOn: { lt: now } }
          : {};
  const where = hr ? byPhase : { AND: [{ opensOn: { lte: now } }, byPhase] };
  const { skip, take } = pageWindow(q.page, q.pageSize);
  const [rows, total] = await repo.rounds(db, where, skip, take);
  return {
    items: await Promise.all(rows.map(toRound)),
    page: q.page,
    pageSize: q.pageSize,
    total,
  };
}

export async function getRound(ctx: SelfDeclarationContext, actor: Actor, id: string) {
  const { toRound, visibleRound } = ctx;
  return toRound(await visibleRound(actor, id));
}
