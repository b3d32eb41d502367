/**
 * How many people a 自己申告 population holds today — what HR sees while choosing the 局・区 and
 * grades, before saving or opening the round. Counted by the same SQL the round's lists, progress and
 * export start from (`populationCte`, decision 049), so the number is who the round reaches.
 */
import type { PopulationCount } from '@portal/contracts';
import { authorize, today } from '../../../access/access.ts';
import type { Actor } from '../../../access/actor.ts';
import { BadRequestError, type FieldError } from '../../../shared/errors.ts';
import type { SelfDeclarationContext } from '../self-declaration.context.ts';

export async function countRoundPopulation(
  ctx: SelfDeclarationContext,
  actor: Actor,
  population: { bureauIds: string[]; gradeIds: string[] },
): Promise<PopulationCount> {
  authorize(actor, 'self-declaration:manage:any');
  const { db, repo } = ctx;
  const bureauIds = [...new Set(population.bureauIds)];
  const gradeIds = [...new Set(population.gradeIds)];
  const [units, grades] = await repo.labels(db, bureauIds, gradeIds);
  const bureaus = new Set(units.filter((u) => u.kind === 'bureau' || u.kind === 'ward').map((u) => u.id));
  const known = new Set(grades.map((g) => g.id));
  const errors: FieldError[] = [
    ...population.bureauIds.flatMap((id, i) =>
      bureaus.has(id)
        ? []
        : [{ field: `query.bureauIds.${i}`, message: 'not a 局・区', code: 'invalid_value' }],
    ),
    ...population.gradeIds.flatMap((id, i) =>
      known.has(id)
        ? []
        : [{ field: `query.gradeIds.${i}`, message: 'no such grade', code: 'invalid_value' }],
    ),
  ];
  if (errors.length) throw new BadRequestError('Some fields are invalid.', errors);
  const day = today();
  return {
    count: await repo.populationCount(db, { bureauIds, gradeIds }, day),
    on: day.toISOString().slice(0, 10),
  };
}
