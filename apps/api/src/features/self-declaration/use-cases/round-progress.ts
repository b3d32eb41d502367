/** The round's progress per 局・区 (HR): population, submitted, 面談 done. */
import type { SelfDeclarationProgress } from '@portal/contracts';
import { authorize, today } from '../../../access/access.ts';
import type { Actor } from '../../../access/actor.ts';
import { unitRefOrNull } from '../../../shared/refs.ts';
import type { SelfDeclarationContext } from '../self-declaration.context.ts';

export async function progress(
  ctx: SelfDeclarationContext,
  actor: Actor,
  roundId: string,
): Promise<SelfDeclarationProgress> {
  const { db, repo, visibleRound } = ctx;
  const round = await visibleRound(actor, roundId);
  authorize(actor, 'self-declaration:manage:any');
  const rows = await repo.progress(db, round, today());
  const bureaus = rows.flatMap((r) => {
    const bureau = unitRefOrNull(r.bureauId, r.code, r.kind, r.nameJa, r.nameEn);
    return bureau
      ? [{ bureau, population: r.population, submitted: r.submitted, interviewed: r.interviewed }]
      : [];
  });
  const sum = (k: 'population' | 'submitted' | 'interviewed') => rows.reduce((n, r) => n + r[k], 0);
  return {
    roundId,
    total: {
      population: sum('population'),
      submitted: sum('submitted'),
      interviewed: sum('interviewed'),
    },
    bureaus,
  };
}
