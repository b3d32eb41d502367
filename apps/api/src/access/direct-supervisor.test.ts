import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../test/database.ts';
import type { Tx } from '../db/client.ts';
import { directlySupervised } from './access.repository.ts';

/**
 * The 所属長 in SQL (`directReportsSql`, read from the actor's headships) against the rule of decision
 * 048 written out in TypeScript: a person's 所属長 is the supervisor an override in force names, or else
 * every head of the nearest unit at or above a post of theirs in force that someone other than they
 * head. Random headships and overrides are added to the demo data inside a transaction that is rolled
 * back, and every head's reports are compared, for everyone.
 */
const database = useTestDatabase();
const DAY = new Date('2026-06-01T00:00:00Z');
const ROLLBACK = new Error('rollback');

type Post = { staffId: string; orgUnitId: string; isHead: boolean };

async function rows(tx: Tx) {
  const [units, posts, overrides, staff] = await Promise.all([
    tx.$queryRaw<{ id: string; path: string }[]>`SELECT id::text, path FROM "org_unit"`,
    tx.$queryRaw<Post[]>`
      SELECT "staffId"::text AS "staffId", "orgUnitId"::text AS "orgUnitId", "isHead" FROM "assignment"
       WHERE "startsOn" <= ${DAY}::date AND ("endsOn" IS NULL OR "endsOn" >= ${DAY}::date)`,
    tx.$queryRaw<{ staffId: string; supervisorId: string }[]>`
      SELECT "staffId"::text AS "staffId", "supervisorId"::text AS "supervisorId" FROM "supervisor_override"
       WHERE "startsOn" <= ${DAY}::date AND ("endsOn" IS NULL OR "endsOn" >= ${DAY}::date)`,
    tx.$queryRaw<{ id: string }[]>`SELECT id::text FROM "staff"`,
  ]);
  return { units, posts, overrides, staff: staff.map((s) => s.id) };
}

/** Decision 048's rule: the 所属長 of each person, by the nearest headed unit above each post. */
function directReportsByRule(data: Awaited<ReturnType<typeof rows>>): Map<string, Set<string>> {
  const pathOf = new Map(data.units.map((u) => [u.id, u.path]));
  const headsOf = new Map<string, string[]>();
  for (const p of data.posts.filter((p) => p.isHead)) {
    headsOf.set(p.orgUnitId, [...(headsOf.get(p.orgUnitId) ?? []), p.staffId]);
  }
  const reports = new Map<string, Set<string>>();
  const add = (supervisor: string, person: string) => {
    if (supervisor === person) return;
    reports.set(supervisor, (reports.get(supervisor) ?? new Set()).add(person));
  };
  for (const person of data.staff) {
    const named = data.overrides.filter((o) => o.staffId === person);
    if (named.length) {
      for (const o of named) add(o.supervisorId, person);
      continue;
    }
    for (const post of data.posts.filter((p) => p.staffId === person)) {
      // the unit and those above it, nearest first
      const chain = (pathOf.get(post.orgUnitId) ?? '').split('/').filter(Boolean).reverse();
      for (const unit of chain) {
        const heads = (headsOf.get(unit) ?? []).filter((h) => h !== person);
        if (heads.length) {
          for (const h of heads) add(h, person);
          break;
        }
      }
    }
  }
  return reports;
}

describe('the 所属長 (directReportsSql)', () => {
  it('names the same reports as decision 048’s rule, for random headships and overrides', async () => {
    const { db } = database();
    const base = await db.$transaction((tx) => rows(tx));
    const units = base.units.map((u) => u.id);
    const grade = (await db.grade.findFirstOrThrow({ select: { id: true } })).id;
    const extra = fc.record({
      heads: fc.array(fc.record({ person: fc.nat(), unit: fc.nat() }), { maxLength: 6 }),
      overrides: fc.array(fc.record({ person: fc.nat(), supervisor: fc.nat() }), { maxLength: 3 }),
    });
    await fc.assert(
      fc.asyncProperty(extra, async ({ heads, overrides }) => {
        await db
          .$transaction(async (tx) => {
            for (const h of heads) {
              await tx.assignment.create({
                data: {
                  staffId: base.staff[h.person % base.staff.length] as string,
                  orgUnitId: units[h.unit % units.length] as string,
                  gradeId: grade,
                  isHead: true,
                  startsOn: new Date('2026-04-01'),
                },
              });
            }
            for (const o of overrides) {
              const staffId = base.staff[o.person % base.staff.length] as string;
              const supervisorId = base.staff[o.supervisor % base.staff.length] as string;
              if (staffId === supervisorId) continue;
              await tx.supervisorOverride.create({
                data: { staffId, supervisorId, startsOn: new Date('2026-04-01') },
              });
            }
            const data = await rows(tx);
            const expected = directReportsByRule(data);
            const headIds = [...new Set([...data.posts.filter((p) => p.isHead).map((p) => p.staffId)])];
            for (const actor of [...headIds, ...data.overrides.map((o) => o.supervisorId)]) {
              const found = await directlySupervised(tx, actor, data.staff, DAY);
              expect([...found].sort(), actor).toEqual([...(expected.get(actor) ?? [])].sort());
            }
            throw ROLLBACK;
          })
          .catch((err: unknown) => {
            if (err !== ROLLBACK) throw err;
          });
      }),
      { numRuns: 12 },
    );
  }, 60_000);
});
