/**
 * HR applies the file previewed: one transaction (a file is imported whole or not at all), serialised
 * with other imports, worked out again against the database as it is then.
 */
import type { RosterApplyResult } from '@portal/contracts/roster/roster.schemas';
import { authorize } from '../../../access/access.ts';
import type { Actor, RequestMeta } from '../../../access/actor.ts';
import type { Db, Tx } from '../../../db/client.ts';
import { ConflictError } from '../../../shared/errors.ts';
import { write } from '../../../shared/write.ts';
import { invalidFile, readRoster } from '../roster.errors.ts';
import type { RosterFile } from '../roster.parser.ts';
import { planRoster } from '../roster.plan.ts';
import { createRosterRepository } from '../roster.repository.ts';
import { rosterToken } from '../roster.token.ts';

/**
 * Applies the file previewed as `token`, whole or not at all. Refused (409) when the file is not
 * the one previewed or has a bad row, as the database stands when it is applied.
 */
export async function applyRoster(
  db: Db,
  actor: Actor | 'system',
  file: RosterFile,
  token: string,
  meta: RequestMeta | undefined,
): Promise<RosterApplyResult> {
  if (actor !== 'system') authorize(actor, 'roster:import:any');
  if (rosterToken(file.bytes) !== token.toLowerCase()) {
    throw new ConflictError(
      'This file is not the one that was previewed. Preview it again.',
      'roster_token_mismatch',
    );
  }
  const parsed = await readRoster(file);
  if (parsed.invalidRows.size > 0) {
    // Every bad row, as the preview lists them, not only those the file shows by itself.
    const plan = await planRoster(createRosterRepository(db), parsed);
    throw invalidFile(plan.totals.invalid, plan.errors);
  }

  const written = await write(db, {
    actorId: actor === 'system' ? null : actor.staffId,
    meta,
    timeoutMs: 120_000,
    maxWaitMs: 10_000,
    run: async (tx: Tx) => {
      const repo = createRosterRepository(tx);
      await repo.lockImports();
      const plan = await planRoster(repo, parsed);
      if (plan.totals.invalid > 0) throw invalidFile(plan.totals.invalid, plan.errors);

      // Parents before children: `plan.units` lists each unit after its parent.
      const unitsCreated = await repo.insertUnits(plan.units);
      const staffCreated = await repo.insertStaff(plan.staffToCreate);
      const staffUpdated = await repo.updateStaff(plan.staffToUpdate);
      const ended = await repo.endAssignments(plan.assignmentsToEnd);
      const corrected = await repo.correctAssignments(plan.assignmentsToCorrect);
      const started = await repo.insertAssignments(plan.assignmentsToStart);

      const result: RosterApplyResult = {
        token,
        fileName: file.name,
        totals: plan.totals,
        units: { created: unitsCreated },
        staff: { created: staffCreated, updated: staffUpdated, unchanged: plan.totals.unchanged },
        assignments: { ended, started, corrected },
      };
      return {
        body: result,
        audit: {
          action: 'roster.import',
          entityType: 'roster',
          entityId: token,
          after: {
            ...(actor === 'system' ? { actor: 'system' } : {}),
            fileName: file.name,
            totals: result.totals,
            units: result.units,
            staff: result.staff,
            assignments: result.assignments,
          },
        },
      };
    },
  });
  return written.body;
}
