import { authorize, today } from '../../../access/access.ts';
import type { Actor, RequestMeta } from '../../../access/actor.ts';
import { write } from '../../../shared/write.ts';
import type { SelfDeclarationContext } from '../self-declaration.context.ts';

/** HR's export: the round's rows; the 配慮事項 only when asked for (and then audited). */
export async function exportRows(
  ctx: SelfDeclarationContext,
  actor: Actor,
  roundId: string,
  sensitive: boolean,
  format: string,
  meta: RequestMeta,
) {
  const { db, repo, toRound, visibleRound } = ctx;
  const round = await visibleRound(actor, roundId);
  authorize(actor, 'self-declaration:manage:any');
  const [rows, considerations] = await Promise.all([
    repo.exportRows(db, round, today()),
    sensitive ? repo.considerationsOf(db, roundId) : null,
  ]);
  const unitIds = rows.flatMap((r) => r.desiredUnitIds ?? []);
  const familyIds = rows.flatMap((r) => r.desiredJobFamilyIds ?? []);
  const [[units], families] = await Promise.all([
    repo.labels(db, unitIds, []),
    repo.jobFamilies(db, familyIds),
  ]);
  // Every export is in the audit log; a sensitive one says so (the rows, never their text).
  await write(db, {
    actorId: actor.staffId,
    meta,
    run: async () => ({
      body: null,
      audit: {
        action: sensitive ? 'self_declaration.export_sensitive' : 'self_declaration.export',
        entityType: 'self_declaration_round',
        entityId: roundId,
        after: { format, sensitive, rows: rows.length, withConsiderations: considerations?.length ?? 0 },
      },
    }),
  });
  return {
    round: await toRound(round),
    rows,
    units: new Map(units.map((u) => [u.id, u])),
    families: new Map(families.map((f) => [f.id, f])),
    considerations: considerations
      ? new Map(considerations.map((c) => [c.staffId, { health: c.health, care: c.care, family: c.family }]))
      : null,
  };
}
