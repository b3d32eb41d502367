/**
 * 一括指名 in the notifications: each enrolled person is told their place or their place on the waiting
 * list (as when HR accepts one application), all in one INSERT, and nobody else; undoing the batch
 * takes those notices back, tells who had already seen theirs that the enrolment was withdrawn, and
 * tells the person who moves up from the waiting list.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { signIn } from '../../../test/app.ts';
import { useCountingApp } from '../../../test/statements.ts';
import {
  apply,
  caller,
  decide,
  expectStatus,
  idOf,
  makeCourse,
  makeSession,
} from '../training/training.test-helpers.ts';

const ctx = useCountingApp();
const call = caller(() => ctx().app);
const db = () => ctx().db;

let staff = '';
let gradeId = '';

beforeAll(async () => {
  staff = await idOf(db(), 'demo-staff');
  // a grade of a handful of people in force, not demo-staff's (they apply on their own below)
  const [row] = await db().$queryRaw<{ gradeId: string }[]>`
    SELECT a."gradeId" FROM "assignment" a JOIN "staff" s ON s.id = a."staffId" AND s."disabledAt" IS NULL
     WHERE a."endsOn" IS NULL
       AND a."gradeId" NOT IN (SELECT "gradeId" FROM "assignment" WHERE "staffId" = ${staff}::uuid)
     GROUP BY a."gradeId" HAVING count(DISTINCT a."staffId") BETWEEN 4 AND 80
     ORDER BY count(DISTINCT a."staffId") LIMIT 1`;
  gradeId = row?.gradeId ?? '';
  expect(gradeId).not.toBe('');
});

const written = (since: Date) =>
  db().notification.findMany({
    where: { createdAt: { gte: since } },
    select: { recipientId: true, kind: true, dedupeKey: true, link: true },
  });

describe('bulk enrolment', () => {
  it('tells each enrolled person once in one statement; undoing takes it back', async () => {
    const course = await makeCourse(call, {
      kind: 'institute_grade',
      mandatory: true,
      targetGradeIds: [gradeId],
    });
    const session = await makeSession(call, course.id, { capacity: 2 });
    // demo-staff applies on their own and is approved: they will wait for a seat
    const mine = (await apply(call, 'demo-staff', session.id)).id;
    await decide(call, 'demo-supervisor', mine, 'approve');

    const hr = await signIn(ctx().app, 'demo-hr');
    const since = new Date(Date.now() - 1);
    const enrolled = await ctx().count({
      method: 'POST',
      url: `/api/trainings/${course.id}/assignments`,
      headers: { cookie: hr, 'idempotency-key': `bulk-${crypto.randomUUID()}` },
      payload: { sessionId: session.id, gradeIds: [gradeId] },
    });
    const inserts = enrolled.statements.filter((s) => /INSERT INTO "(public"\.")?notification"/.test(s));
    expect(inserts).toHaveLength(1);

    const batch = await db().trainingApplication.findMany({
      where: { sessionId: session.id, assigned: true },
      select: { id: true, staffId: true, status: true },
    });
    expect(batch.length).toBeGreaterThanOrEqual(4);
    const rows = await written(since);
    // the enrolled people, each once, and nobody else (supervisors are asked nothing)
    expect(rows.map((r) => r.recipientId).sort()).toEqual(batch.map((b) => b.staffId).sort());
    for (const b of batch) {
      const own = rows.filter((r) => r.recipientId === b.staffId);
      expect(own).toEqual([
        {
          recipientId: b.staffId,
          kind: b.status === 'accepted' ? 'training.application.accepted' : 'training.application.waitlisted',
          dedupeKey: `enrolled:${b.id}`,
          link: '/training/applications',
        },
      ]);
    }
    expect(rows.filter((r) => r.kind === 'training.application.accepted')).toHaveLength(2);

    // the seats are taken: HR's acceptance puts demo-staff on the waiting list
    await decide(call, 'demo-hr', mine, 'accept');
    // one person read theirs, another's mail went out; the rest never saw theirs
    const [read, mailed, ...unseen] = batch;
    await db().notification.updateMany({
      where: { recipientId: read?.staffId, dedupeKey: `enrolled:${read?.id}` },
      data: { readAt: new Date() },
    });
    await db().notification.updateMany({
      where: { recipientId: mailed?.staffId, dedupeKey: `enrolled:${mailed?.id}` },
      data: { mailState: 'sent', mailedAt: new Date() },
    });

    const batchId = (
      await db().trainingAssignmentBatch.findFirstOrThrow({
        where: { sessionId: session.id },
        select: { id: true },
      })
    ).id;
    const undoneSince = new Date(Date.now() - 1);
    const undo = await call('demo-hr', {
      method: 'POST',
      url: `/api/training-assignment-batches/${batchId}/undo`,
    });
    expectStatus(undo, 200);
    expect(undo.json()).toMatchObject({ removed: batch.length, kept: 0, promoted: 1 });

    // no notice is left about a place that no longer exists
    expect(
      await db().notification.count({ where: { dedupeKey: { in: batch.map((b) => `enrolled:${b.id}`) } } }),
    ).toBe(0);
    const after = await written(undoneSince);
    expect(
      after
        .filter((r) => r.kind === 'training.assignment.undone')
        .map((r) => r.recipientId)
        .sort(),
    ).toEqual([read?.staffId, mailed?.staffId].sort());
    expect(after.find((r) => r.kind === 'training.assignment.undone')?.link).toBe(`/training/${course.id}`);
    for (const u of unseen) expect(after.some((r) => r.recipientId === u.staffId)).toBe(false);
    expect(after.filter((r) => r.kind === 'training.application.promoted').map((r) => r.recipientId)).toEqual(
      [staff],
    );
  });
});
