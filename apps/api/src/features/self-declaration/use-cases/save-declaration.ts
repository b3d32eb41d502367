/** The person saves their declaration within the window; `version` 0 creates it. */
import type { SelfDeclaration, SelfDeclarationSaveData } from '@portal/contracts';
import { authorize } from '../../../access/access.ts';
import type { Actor, RequestMeta } from '../../../access/actor.ts';
import { BadRequestError, ConflictError, type FieldError } from '../../../shared/errors.ts';
import { guardUpdated, refuseStale, StaleVersionError } from '../../../shared/write.ts';
import type { SelfDeclarationContext } from '../self-declaration.context.ts';
import type { DeclarationContentColumns, RoundRow } from '../self-declaration.repository.ts';
import { assertWindowOpen } from '../self-declaration.rules.ts';

export async function saveDeclaration(
  ctx: SelfDeclarationContext,
  actor: Actor,
  staffId: string,
  roundId: string,
  body: SelfDeclarationSaveData,
  meta: RequestMeta,
): Promise<SelfDeclaration> {
  const { db, repo, declarationContext, current, writeDeclaration } = ctx;
  const { round, row, post } = await declarationContext(actor, staffId, roundId);
  authorize(actor, 'self-declaration:write:self', { person: staffId });
  assertWindowOpen(round);
  if (row?.status === 'interviewed') {
    throw new ConflictError(
      'The 面談 is recorded; the declaration can no longer change.',
      'already_interviewed',
      await current(actor, staffId, roundId),
    );
  }
  // A form open on an old version is stale before it is wrong: what it chose may be gone since
  // (a removed post or field), and the 409 gives it the declaration as it now is.
  if ((row?.version ?? 0) !== body.version) {
    throw new StaleVersionError('self-declaration', await current(actor, staffId, roundId));
  }
  await checkContent(ctx, round, body);
  const plan = await repo.careerPlan(db, staffId, round.fiscalYear);
  const content: DeclarationContentColumns = {
    reflection: body.reflection,
    desiredUnitIds: [...new Set(body.desiredUnitIds)],
    desiredJobFamilyIds: [...new Set(body.desiredJobFamilyIds)],
    desiredWork: body.desiredWork,
    careerFieldIds: [...new Set(body.careerFieldIds)],
    publicPostIds: [...new Set(body.publicPostIds)],
    careerVision: body.careerVision,
    careerPlanId: plan?.id ?? null,
  };
  // The audit records that the 配慮事項 changed, never what they say (decision 048).
  const considerationsAudit = body.considerations ? 'changed' : 'unchanged';
  return writeDeclaration(actor, staffId, roundId, meta, async (tx) => {
    let id = row?.id;
    if (!row) {
      if (body.version !== 0) refuseStale();
      id = (
        await repo.createDeclaration(tx, {
          ...content,
          roundId,
          staffId,
          bureauId: post?.bureauId ?? null,
        })
      ).id;
    } else {
      guardUpdated(Number(await repo.updateDeclaration(tx, row.id, body.version, content)));
    }
    if (!id) return refuseStale();
    if (body.considerations) await repo.upsertConsideration(tx, id, body.considerations);
    return {
      body: null,
      audit: {
        action: row ? 'self_declaration.update' : 'self_declaration.create',
        entityType: 'self_declaration',
        entityId: id,
        ...(row
          ? {
              before: {
                version: row.version,
                status: row.status,
                reflection: row.reflection,
                desiredUnitIds: row.desiredUnitIds,
                desiredJobFamilyIds: row.desiredJobFamilyIds,
                desiredWork: row.desiredWork,
                careerFieldIds: row.careerFieldIds,
                publicPostIds: row.publicPostIds,
                careerVision: row.careerVision,
              },
            }
          : {}),
        after: {
          roundId,
          version: row ? body.version + 1 : 1,
          status: 'draft',
          ...content,
          considerations: considerationsAudit,
        },
      },
    };
  });
}

/** 400 naming ids that are not units, job families, or the round's fields and posts. */
async function checkContent(ctx: SelfDeclarationContext, round: RoundRow, body: SelfDeclarationSaveData) {
  const { db, repo } = ctx;
  const [[units], families] = await Promise.all([
    repo.labels(db, body.desiredUnitIds, []),
    repo.jobFamilies(db, body.desiredJobFamilyIds),
  ]);
  const unitIds = new Set(units.map((u) => u.id));
  const familyIds = new Set(families.map((f) => f.id));
  const fieldIds = new Set(round.careerFields.map((f) => f.id));
  const postIds = new Set(round.publicPosts.map((p) => p.id));
  const errors: FieldError[] = [];
  const check = (list: string[], known: Set<string>, field: string) =>
    list.forEach((id, i) => {
      if (!known.has(id))
        errors.push({
          field: `body.${field}.${i}`,
          message: 'not one of the choices',
          code: 'invalid_value',
        });
    });
  check(body.desiredUnitIds, unitIds, 'desiredUnitIds');
  check(body.desiredJobFamilyIds, familyIds, 'desiredJobFamilyIds');
  check(body.careerFieldIds, fieldIds, 'careerFieldIds');
  check(body.publicPostIds, postIds, 'publicPostIds');
  if (errors.length) throw new BadRequestError('Some fields are invalid.', errors);
}
