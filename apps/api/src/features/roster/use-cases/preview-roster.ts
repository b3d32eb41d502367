/** HR previews a roster file: what it would change, with every bad row and why. Writes nothing. */
import {
  ROSTER_MAX_ERRORS,
  type RosterAssignmentCounts,
  type RosterNewUnit,
  type RosterPreview,
  type RosterRowChange,
} from '@portal/contracts/roster/roster.schemas';
import { authorize } from '../../../access/access.ts';
import type { Actor } from '../../../access/actor.ts';
import type { Db } from '../../../db/client.ts';
import { readRoster } from '../roster.errors.ts';
import type { RosterFile } from '../roster.parser.ts';
import { planRoster, type RosterPlan, SAMPLE_SIZE } from '../roster.plan.ts';
import { createRosterRepository, type RosterRepository } from '../roster.repository.ts';
import { rosterToken } from '../roster.token.ts';

const NAMED_FIELDS = { grade_code: 'grades', job_family_code: 'jobFamilies', unit_code: 'units' } as const;

/** The preview's sample with what each grade, job family and unit code names (units new in the file too). */
async function namedSample(repo: RosterRepository, plan: RosterPlan): Promise<RosterRowChange[]> {
  const codes = { grades: new Set<string>(), jobFamilies: new Set<string>(), units: new Set<string>() };
  for (const row of plan.sample) {
    for (const c of row.changes) {
      const kind = NAMED_FIELDS[c.field as keyof typeof NAMED_FIELDS];
      if (!kind) continue;
      if (c.from) codes[kind].add(c.from);
      if (c.to) codes[kind].add(c.to);
    }
  }
  const names = await repo.namesByCode({
    grades: [...codes.grades],
    jobFamilies: [...codes.jobFamilies],
    units: [...codes.units],
  });
  for (const u of plan.units)
    if (!names.units.has(u.code)) names.units.set(u.code, { ja: u.nameJa, en: u.nameEn || u.nameJa });
  return plan.sample.map((row) => ({
    ...row,
    changes: row.changes.map((c) => {
      const kind = NAMED_FIELDS[c.field as keyof typeof NAMED_FIELDS];
      if (!kind) return c;
      return {
        ...c,
        fromName: c.from ? (names[kind].get(c.from) ?? null) : null,
        toName: c.to ? (names[kind].get(c.to) ?? null) : null,
      };
    }),
  }));
}

const assignmentCounts = (plan: RosterPlan): RosterAssignmentCounts => ({
  end: plan.assignmentsToEnd.length,
  start: plan.assignmentsToStart.length,
  correct: plan.assignmentsToCorrect.length,
});

const newUnitView = (plan: RosterPlan): RosterNewUnit[] =>
  plan.units
    .slice(0, SAMPLE_SIZE)
    .map((u) => ({ code: u.code, kind: u.kind, name: u.nameJa, parentCode: u.parentCode }));

/** What the file would change, with every bad row and why. Writes nothing. */
export async function previewRoster(
  db: Db,
  actor: Actor | 'system',
  file: RosterFile,
): Promise<RosterPreview> {
  // the command line (`pnpm portal roster-import`) acts as the system
  if (actor !== 'system') authorize(actor, 'roster:import:any');
  const token = rosterToken(file.bytes);
  const parsed = await readRoster(file);
  const repo = createRosterRepository(db);
  const plan = await planRoster(repo, parsed);
  return {
    token,
    fileName: file.name,
    format: parsed.format,
    encoding: parsed.encoding,
    totals: plan.totals,
    units: { create: plan.units.length },
    assignments: assignmentCounts(plan),
    errors: plan.errors.slice(0, ROSTER_MAX_ERRORS),
    errorCount: plan.errors.length,
    sample: await namedSample(repo, plan),
    newUnits: newUnitView(plan),
  };
}
