/**
 * A person's way through a course: apply (with a reason) → the supervisor approves or declines → HR
 * (or the owning bureau, for its 部門別研修) accepts — up to capacity, beyond it onto the waiting list
 * in order — or rejects. Withdrawal before the deadline frees the seat and moves the first on the
 * waiting list up in the same transaction. HR records attendance and completion; the person answers
 * a short survey and, some weeks later, reports what they put into practice, which the supervisor
 * confirms.
 * One file per use case under `applications/`; this binds them to one context for the routes.
 */

import { bindUseCases } from '../../shared/use-cases.ts';
import { confirmPractice, feedback, practiceReport } from './applications/after-course.ts';
import { apply } from './applications/apply.ts';
import { assign, previewAssignment } from './applications/assign.ts';
import { listAssignmentBatches, undoAssignmentBatch } from './applications/assignment-batches.ts';
import { createApplicationContext } from './applications/context.ts';
import { decide } from './applications/decide.ts';
import { decideMany } from './applications/decide-many.ts';
import { get, list } from './applications/read-applications.ts';
import { recordAttendance } from './applications/record-attendance.ts';
import { roster } from './applications/roster.ts';
import { withdraw } from './applications/withdraw.ts';
import type { TrainingRepository } from './training.repository.ts';

export function createTrainingApplicationUseCases(deps: { repo: TrainingRepository }) {
  const ctx = createApplicationContext(deps);
  return bindUseCases(ctx, {
    roster,
    apply,
    list,
    get,
    decide,
    decideMany,
    withdraw,
    recordAttendance,
    assign,
    previewAssignment,
    listAssignmentBatches,
    undoAssignmentBatch,
    feedback,
    practiceReport,
    confirmPractice,
  });
}

export type TrainingApplicationUseCases = ReturnType<typeof createTrainingApplicationUseCases>;
