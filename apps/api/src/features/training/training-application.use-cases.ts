/**
 * A person's way through a course: apply (with a reason) → the supervisor approves or declines → HR
 * (or the owning bureau, for its 部門別研修) accepts — up to capacity, beyond it onto the waiting list
 * in order — or rejects. Withdrawal before the deadline frees the seat and moves the first on the
 * waiting list up in the same transaction. HR records attendance and completion; the person answers
 * a short survey and, some weeks later, reports what they put into practice, which the supervisor
 * confirms.
 * One file per use case under `applications/`; this binds them to one context for the routes.
 */

import { confirmPractice, feedback, practiceReport } from './applications/after-course.ts';
import { apply } from './applications/apply.ts';
import { assign, previewAssignment } from './applications/assign.ts';
import { listAssignmentBatches, undoAssignmentBatch } from './applications/assignment-batches.ts';
import { type ApplicationContext, createApplicationContext } from './applications/context.ts';
import { decide } from './applications/decide.ts';
import { decideMany } from './applications/decide-many.ts';
import { get, list } from './applications/read-applications.ts';
import { recordAttendance } from './applications/record-attendance.ts';
import { roster } from './applications/roster.ts';
import { withdraw } from './applications/withdraw.ts';
import type { TrainingRepository } from './training.repository.ts';

/** The arguments of a use case after its context. */
type Args<F> = F extends (ctx: ApplicationContext, ...args: infer A) => unknown ? A : never;

export function createTrainingApplicationUseCases(deps: { repo: TrainingRepository }) {
  const ctx = createApplicationContext(deps);
  return {
    roster: (...args: Args<typeof roster>) => roster(ctx, ...args),
    apply: (...args: Args<typeof apply>) => apply(ctx, ...args),
    list: (...args: Args<typeof list>) => list(ctx, ...args),
    get: (...args: Args<typeof get>) => get(ctx, ...args),
    decide: (...args: Args<typeof decide>) => decide(ctx, ...args),
    decideMany: (...args: Args<typeof decideMany>) => decideMany(ctx, ...args),
    withdraw: (...args: Args<typeof withdraw>) => withdraw(ctx, ...args),
    recordAttendance: (...args: Args<typeof recordAttendance>) => recordAttendance(ctx, ...args),
    assign: (...args: Args<typeof assign>) => assign(ctx, ...args),
    previewAssignment: (...args: Args<typeof previewAssignment>) => previewAssignment(ctx, ...args),
    listAssignmentBatches: (...args: Args<typeof listAssignmentBatches>) =>
      listAssignmentBatches(ctx, ...args),
    undoAssignmentBatch: (...args: Args<typeof undoAssignmentBatch>) => undoAssignmentBatch(ctx, ...args),
    feedback: (...args: Args<typeof feedback>) => feedback(ctx, ...args),
    practiceReport: (...args: Args<typeof practiceReport>) => practiceReport(ctx, ...args),
    confirmPractice: (...args: Args<typeof confirmPractice>) => confirmPractice(ctx, ...args),
  };
}

export type TrainingApplicationUseCases = ReturnType<typeof createTrainingApplicationUseCases>;
