/** HR (or the owning bureau, for its 部門別研修) adds a course (idempotent) or edits one (versioned). */
import type { Training, TrainingInput, TrainingUpdate } from '@portal/contracts';
import type { z } from 'zod';
import type { Actor, RequestMeta } from '../../../access/actor.ts';
import type { Tx } from '../../../db/client.ts';
import { isUniqueViolation } from '../../../db/errors.ts';
import { BadRequestError, type FieldError } from '../../../shared/errors.ts';
import { guardUpdated, write } from '../../../shared/write.ts';
import { assertPolicyLinks } from '../../policy/policy-links.ts';
import type { CatalogueContext } from './context.ts';

type TrainingData = z.output<typeof TrainingInput>;
type TrainingChange = z.output<typeof TrainingUpdate>;

/**
 * 400 naming each bad field: unknown grades, job families, bureau, policy links; the kind's rules.
 * `kept`: the targets the course already has (a retired grade or job family may stay, not be added).
 */
async function validate(
  ctx: CatalogueContext,
  tx: Tx,
  input: TrainingData,
  kept: { targetGradeIds: string[]; targetJobFamilyIds: string[] } = {
    targetGradeIds: [],
    targetJobFamilyIds: [],
  },
): Promise<void> {
  const errors: FieldError[] = [];
  const known = await ctx.repo.known(tx, {
    gradeIds: input.targetGradeIds,
    jobFamilyIds: input.targetJobFamilyIds,
    unitId: input.ownerBureauId,
  });
  const { gradeIds, jobFamilyIds: jobIds, unit: bureau } = known;
  input.targetGradeIds.forEach((id, i) => {
    if (!gradeIds.has(id)) errors.push({ field: `body.targetGradeIds.${i}`, message: 'not a grade' });
    else if (known.retiredGradeIds.has(id) && !kept.targetGradeIds.includes(id))
      errors.push({ field: `body.targetGradeIds.${i}`, message: 'a retired grade', code: 'retired' });
  });
  input.targetJobFamilyIds.forEach((id, i) => {
    if (!jobIds.has(id)) errors.push({ field: `body.targetJobFamilyIds.${i}`, message: 'not a job family' });
    else if (known.retiredJobFamilyIds.has(id) && !kept.targetJobFamilyIds.includes(id))
      errors.push({
        field: `body.targetJobFamilyIds.${i}`,
        message: 'a retired job family',
        code: 'retired',
      });
  });
  if (input.kind === 'departmental') {
    if (!input.ownerBureauId) {
      errors.push({ field: 'body.ownerBureauId', message: 'a 部門別研修 needs its owning bureau or ward' });
    } else if (!bureau || (bureau.kind !== 'bureau' && bureau.kind !== 'ward')) {
      errors.push({ field: 'body.ownerBureauId', message: 'not a bureau or ward' });
    }
  } else if (input.ownerBureauId) {
    errors.push({ field: 'body.ownerBureauId', message: 'only a 部門別研修 has an owning bureau' });
  }
  if (input.mandatory && input.targetGradeIds.length === 0) {
    errors.push({ field: 'body.targetGradeIds', message: 'a mandatory course names the grades it is for' });
  }
  if (new Set(input.fiscalYears).size !== input.fiscalYears.length) {
    errors.push({ field: 'body.fiscalYears', message: 'each 年度 once' });
  }
  if (errors.length) throw new BadRequestError('Some fields are invalid.', errors);
  await assertPolicyLinks(tx, input, 'body.');
}

export const columns = (input: TrainingData) => ({
  titleJa: input.title.ja,
  titleEn: input.title.en,
  descriptionJa: input.description.ja,
  descriptionEn: input.description.en,
  kind: input.kind,
  ownerBureauId: input.kind === 'departmental' ? input.ownerBureauId : null,
  targetGradeIds: input.targetGradeIds,
  targetJobFamilyIds: input.targetJobFamilyIds,
  hours: input.hours,
  staffImageIds: input.staffImageIds,
  initiativeIds: input.initiativeIds,
  fiscalYears: [...input.fiscalYears].sort((a, b) => a - b),
  mandatory: input.mandatory,
  active: input.active,
});

export async function create(
  ctx: CatalogueContext,
  actor: Actor,
  input: TrainingData,
  meta: RequestMeta,
  key: string | undefined,
): Promise<{ body: Training; replayed: boolean }> {
  const { db, repo, one, codeTaken, assertMayWrite } = ctx;
  assertMayWrite(actor, input);
  const result = await write(db, {
    actorId: actor.staffId,
    meta,
    idempotency: { operation: 'training.create', key: key, body: input },
    run: async (tx) => {
      await validate(ctx, tx, input);
      const code =
        input.code ?? `T${Date.now().toString(36)}${Math.random().toString(36).slice(2, 5)}`.toUpperCase();
      if (await repo.codeTaken(tx, code)) throw codeTaken();
      const created = await repo.createTraining(tx, code, columns(input));
      return {
        status: 201,
        body: { id: created.id },
        audit: {
          action: 'training.create',
          entityType: 'training',
          entityId: created.id,
          after: { code, ...columns(input) },
        },
      };
    },
  }).catch((e: unknown) => {
    throw isUniqueViolation(e) ? codeTaken() : e;
  });
  return { body: await one(actor, result.body.id), replayed: result.replayed };
}

export async function update(
  ctx: CatalogueContext,
  actor: Actor,
  id: string,
  input: TrainingChange,
  meta: RequestMeta,
): Promise<Training> {
  const { db, repo, visibleTraining, one, codeTaken, assertMayWrite } = ctx;
  const existing = await visibleTraining(actor, id);
  assertMayWrite(actor, existing);
  assertMayWrite(actor, input);
  await write(db, {
    actorId: actor.staffId,
    meta,
    what: 'course',
    current: () => one(actor, id),
    run: async (tx) => {
      await validate(ctx, tx, input, existing);
      const code = input.code ?? existing.code;
      guardUpdated(await repo.updateTraining(tx, id, input.version, code, columns(input)));
      return {
        body: null,
        audit: {
          action: 'training.update',
          entityType: 'training',
          entityId: id,
          before: existing,
          after: { code, ...columns(input), version: input.version + 1 },
        },
      };
    },
  }).catch((e: unknown) => {
    throw isUniqueViolation(e) ? codeTaken() : e;
  });
  return one(actor, id);
}
