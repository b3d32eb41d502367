/** Shapes and small helpers the application use cases share. */
import type {
  TrainingApplicationListQuery,
  TrainingApplicationStatus,
  TrainingAttendanceRequest,
  TrainingDecisionRequest,
  TrainingFeedbackRequest,
  TrainingPracticeConfirmRequest,
  TrainingWithdrawRequest,
} from '@portal/contracts';
import type { z } from 'zod';

export type ListQuery = z.output<typeof TrainingApplicationListQuery>;
export type Decide = z.output<typeof TrainingDecisionRequest>;
export type Withdraw = z.output<typeof TrainingWithdrawRequest>;
export type Attendance = z.output<typeof TrainingAttendanceRequest>;
export type Feedback = z.output<typeof TrainingFeedbackRequest>;
export type Confirm = z.output<typeof TrainingPracticeConfirmRequest>;

export const ROSTER_ORDER: TrainingApplicationStatus[] = [
  'accepted',
  'waitlisted',
  'approved',
  'applied',
  'rejected',
  'declined',
  'withdrawn',
];

export function pick(a: { attendance: unknown; completed: unknown; version: unknown } | undefined) {
  return a ? { attendance: a.attendance, completed: a.completed, version: a.version } : {};
}
