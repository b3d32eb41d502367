/** HR's round as sent: 400 naming each bad field; the data to store and the audit's picture of it. */
import { BadRequestError, type FieldError } from '../../../shared/errors.ts';
import type { SelfDeclarationContext } from '../self-declaration.context.ts';
import type { RoundData } from '../self-declaration.repository.ts';
import { day, type RoundInput } from '../self-declaration.rules.ts';

/** 400 naming each bad field; the data to store. */
export async function checkRound(
  ctx: SelfDeclarationContext,
  input: RoundInput,
  roundId: string | null,
): Promise<RoundData> {
  const { db, repo } = ctx;
  const errors: FieldError[] = [];
  if (input.closesOn < input.opensOn) {
    errors.push({ field: 'body.closesOn', message: 'before the window opens', code: 'ends_before_begins' });
  }
  const unitIds = [...input.bureauIds, ...input.publicPosts.flatMap((p) => p.orgUnitId ?? [])];
  const [[units, grades], items] = await Promise.all([
    repo.labels(db, unitIds, input.gradeIds),
    roundId ? repo.roundItems(db, roundId) : { fieldIds: new Set<string>(), postIds: new Set<string>() },
  ]);
  const unitById = new Map(units.map((u) => [u.id, u]));
  input.bureauIds.forEach((id, i) => {
    const u = unitById.get(id);
    if (!u || (u.kind !== 'bureau' && u.kind !== 'ward')) {
      errors.push({ field: `body.bureauIds.${i}`, message: 'not a 局・区', code: 'invalid_value' });
    }
  });
  const gradeIds = new Set(grades.map((g) => g.id));
  input.gradeIds.forEach((id, i) => {
    if (!gradeIds.has(id))
      errors.push({ field: `body.gradeIds.${i}`, message: 'no such grade', code: 'invalid_value' });
  });
  input.careerFields.forEach((f, i) => {
    if (f.id && !items.fieldIds.has(f.id)) {
      errors.push({
        field: `body.careerFields.${i}.id`,
        message: 'not a field of this round',
        code: 'invalid_value',
      });
    }
  });
  input.publicPosts.forEach((p, i) => {
    if (p.id && !items.postIds.has(p.id)) {
      errors.push({
        field: `body.publicPosts.${i}.id`,
        message: 'not a post of this round',
        code: 'invalid_value',
      });
    }
    if (p.orgUnitId && !unitById.has(p.orgUnitId)) {
      errors.push({
        field: `body.publicPosts.${i}.orgUnitId`,
        message: 'no such unit',
        code: 'invalid_value',
      });
    }
  });
  if (errors.length) throw new BadRequestError('Some fields are invalid.', errors);
  return {
    fiscalYear: input.fiscalYear,
    titleJa: input.title.ja,
    titleEn: input.title.en,
    guidance: input.guidance,
    opensOn: new Date(`${input.opensOn}T00:00:00Z`),
    closesOn: new Date(`${input.closesOn}T00:00:00Z`),
    bureauIds: [...new Set(input.bureauIds)],
    gradeIds: [...new Set(input.gradeIds)],
    careerFields: input.careerFields.map((f) => ({
      id: f.id,
      nameJa: f.name.ja,
      nameEn: f.name.en,
      description: f.description,
    })),
    publicPosts: input.publicPosts.map((p) => ({
      id: p.id,
      titleJa: p.title.ja,
      titleEn: p.title.en,
      orgUnitId: p.orgUnitId,
      description: p.description,
      openings: p.openings,
    })),
  };
}

/** The audit's picture of a round (what HR wrote; no personal data in it). */
export const roundAudit = (d: RoundData) => ({
  ...d,
  opensOn: day(d.opensOn),
  closesOn: day(d.closesOn),
});
