/**
 * 研修 (training): the catalogue (研修所研修 — 階層別 / 選択 / 特別 —, 部門別研修 owned by a bureau,
 * 派遣研修, e-learning), its dated sessions, and each person's application:
 * applied → approved (the supervisor) | declined → accepted (HR or the owning bureau) | waitlisted
 * (full; moves up in order when someone withdraws) | rejected; withdrawn by the person before the
 * deadline. After the course: attendance and completion, a short survey and a 職場での実践 report.
 */
import { z } from 'zod';
import { IsoDate, IsoDateTime, LocalizedText } from '../common/common.schemas.ts';
import { PageQuery, paged } from '../common/pagination.ts';
import { GradeRef, JobFamilyRef, OrgUnitRef } from '../identity/identity.schemas.ts';
import { PriorityTagCode } from '../policy/policy.schemas.ts';
import { PolicyLinkIds, PolicyLinks } from '../policy/policy-links.schemas.ts';

/** 研修所研修 (階層別 / 選択 / 特別), 部門別研修, 派遣研修, e-learning */
export const TrainingKind = z.enum([
  'institute_grade',
  'institute_elective',
  'institute_special',
  'departmental',
  'dispatch',
  'elearning',
]);
export type TrainingKind = z.infer<typeof TrainingKind>;

export const TrainingSessionStatus = z.enum(['scheduled', 'cancelled', 'finished']);
export type TrainingSessionStatus = z.infer<typeof TrainingSessionStatus>;

export const TrainingApplicationStatus = z.enum([
  'applied',
  'declined',
  'approved',
  'accepted',
  'waitlisted',
  'rejected',
  'withdrawn',
]);
export type TrainingApplicationStatus = z.infer<typeof TrainingApplicationStatus>;

export const TrainingAttendance = z.enum(['present', 'absent', 'partial']);
export type TrainingAttendance = z.infer<typeof TrainingAttendance>;

const BodyFiscalYear = z.number().int().min(2000).max(2100);
const QueryFlag = z.enum(['true', 'false']).transform((v) => v === 'true');

// ---------------------------------------------------------------------------------------------
// Catalogue
// ---------------------------------------------------------------------------------------------

export const TrainingInput = z
  .object({
    /** A short code (`R8-SHIN-01`); generated when left out */
    code: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$/)
      .optional(),
    title: z.object({ ja: z.string().trim().min(1).max(200), en: z.string().trim().max(200).default('') }),
    description: z
      .object({ ja: z.string().trim().max(4000).default(''), en: z.string().trim().max(4000).default('') })
      .default({ ja: '', en: '' }),
    kind: TrainingKind,
    /** The 局・区 that owns a 部門別研修 (required for that kind, empty otherwise) */
    ownerBureauId: z.uuid().nullable().default(null),
    targetGradeIds: z.array(z.uuid()).max(20).default([]),
    targetJobFamilyIds: z.array(z.uuid()).max(30).default([]),
    hours: z.number().min(0).max(2000),
    /** The 年度 it is offered in */
    fiscalYears: z.array(BodyFiscalYear).min(1).max(10),
    /** HR assigns it to everyone of its target grades */
    mandatory: z.boolean().default(false),
    active: z.boolean().default(true),
  })
  .extend(PolicyLinkIds.shape);
export type TrainingInput = z.input<typeof TrainingInput>;

export const TrainingUpdate = TrainingInput.extend({ version: z.number().int().min(1) });
export type TrainingUpdate = z.input<typeof TrainingUpdate>;

/** The next session still open for applications */
export const TrainingSessionBrief = z.object({
  id: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  applicationDeadline: z.string(),
  online: z.boolean(),
  venue: z.string().nullable(),
  seatsLeft: z.number().int(),
});
export type TrainingSessionBrief = z.infer<typeof TrainingSessionBrief>;

/** Where the reader stands with a course: completed it, enrolled, an application pending, or none. */
export const MyTrainingProgress = z.enum(['completed', 'enrolled', 'pending', 'none']);
export type MyTrainingProgress = z.infer<typeof MyTrainingProgress>;

export const Training = z.object({
  id: z.string(),
  code: z.string(),
  title: LocalizedText,
  description: LocalizedText,
  kind: TrainingKind,
  ownerBureau: OrgUnitRef.nullable(),
  targetGrades: z.array(GradeRef),
  targetJobFamilies: z.array(JobFamilyRef),
  hours: z.number(),
  links: PolicyLinks,
  fiscalYears: z.array(z.number().int()),
  mandatory: z.boolean(),
  active: z.boolean(),
  version: z.number().int(),
  /** Whether the reader may edit it, add sessions and handle its applications */
  canManage: z.boolean(),
  /** Sessions not yet started */
  upcomingSessions: z.number().int(),
  nextOpenSession: TrainingSessionBrief.nullable(),
  myProgress: MyTrainingProgress,
  /** The survey's averages (1–5), for those who manage the course */
  feedback: z
    .object({ count: z.number().int(), satisfaction: z.number(), usefulness: z.number() })
    .nullable(),
});
export type Training = z.infer<typeof Training>;

export const TrainingListQuery = PageQuery.extend({
  kind: z.union([TrainingKind, z.array(TrainingKind).max(6)]).optional(),
  /** Courses for this grade (its own, and those open to every grade) */
  gradeId: z.uuid().optional(),
  initiativeId: z.uuid().optional(),
  /** Courses linked to an initiative that carries this 重点取組方針 tag */
  tag: PriorityTagCode.optional(),
  fiscalYear: z.coerce.number().int().min(2000).max(2100).optional(),
  q: z.string().trim().max(100).optional(),
  mandatory: QueryFlag.optional(),
  /** Managers only: include courses no longer offered */
  includeInactive: QueryFlag.optional(),
});
export type TrainingListQuery = z.input<typeof TrainingListQuery>;

export const TrainingPage = paged(Training);
export type TrainingPage = z.infer<typeof TrainingPage>;

export const TrainingRecommendationReason = z.enum(['mandatory', 'grade', 'career_plan', 'job_family']);
export type TrainingRecommendationReason = z.infer<typeof TrainingRecommendationReason>;

export const TrainingRecommendations = z.object({
  fiscalYear: z.number().int(),
  grade: GradeRef.nullable(),
  items: z.array(z.object({ training: Training, reasons: z.array(TrainingRecommendationReason) })),
});
export type TrainingRecommendations = z.infer<typeof TrainingRecommendations>;

/** What the catalogue's filters and the course editor offer */
export const TrainingOptions = z.object({
  currentFiscalYear: z.number().int(),
  /** Every 年度 some course is offered in, and this one and the next */
  fiscalYears: z.array(z.number().int()),
  grades: z.array(GradeRef),
  jobFamilies: z.array(JobFamilyRef),
  /** 局・区 that may own a 部門別研修 */
  bureaus: z.array(OrgUnitRef),
});
export type TrainingOptions = z.infer<typeof TrainingOptions>;

// ---------------------------------------------------------------------------------------------
// Sessions
// ---------------------------------------------------------------------------------------------

const sessionFields = {
  startsAt: IsoDateTime,
  endsAt: IsoDateTime,
  venue: z.string().trim().max(200).nullable().default(null),
  online: z.boolean().default(false),
  capacity: z.number().int().min(1).max(10_000),
  /** The last day to apply (and to withdraw) */
  applicationDeadline: IsoDate,
};

function checkSessionDates(
  s: { startsAt: string; endsAt: string; applicationDeadline: string },
  ctx: z.RefinementCtx,
) {
  // The fields' own checks have already named a date that is not one; there is nothing to compare.
  const startsAt = Date.parse(s.startsAt);
  const endsAt = Date.parse(s.endsAt);
  if (!Number.isFinite(startsAt) || !Number.isFinite(endsAt)) return;
  if (endsAt <= startsAt) {
    ctx.addIssue({ code: 'custom', path: ['endsAt'], message: 'must be after startsAt' });
  }
  // The deadline is a day in Japan; it may not fall after the session's first day there.
  const startDay = new Date(startsAt + 9 * 3600_000).toISOString().slice(0, 10);
  if (s.applicationDeadline > startDay) {
    ctx.addIssue({ code: 'custom', path: ['applicationDeadline'], message: 'must not be after the start' });
  }
}

export const TrainingSessionInput = z.object(sessionFields).superRefine(checkSessionDates);
export type TrainingSessionInput = z.input<typeof TrainingSessionInput>;

export const TrainingSessionUpdate = z
  .object({
    ...sessionFields,
    status: z.enum(['scheduled', 'cancelled']).default('scheduled'),
    version: z.number().int().min(1),
  })
  .superRefine(checkSessionDates);
export type TrainingSessionUpdate = z.input<typeof TrainingSessionUpdate>;

/** The reader's own application to a session */
export const MyTrainingApplication = z.object({
  id: z.string(),
  status: TrainingApplicationStatus,
  waitlistPosition: z.number().int().nullable(),
  attendance: TrainingAttendance.nullable(),
  completed: z.boolean(),
  version: z.number().int(),
});
export type MyTrainingApplication = z.infer<typeof MyTrainingApplication>;

export const TrainingSession = z.object({
  id: z.string(),
  trainingId: z.string(),
  fiscalYear: z.number().int(),
  startsAt: z.string(),
  endsAt: z.string(),
  venue: z.string().nullable(),
  online: z.boolean(),
  capacity: z.number().int(),
  acceptedCount: z.number().int(),
  waitlistedCount: z.number().int(),
  /** Applications waiting for the supervisor or for acceptance */
  pendingCount: z.number().int(),
  applicationDeadline: z.string(),
  status: TrainingSessionStatus,
  /** Scheduled and the deadline not passed */
  open: z.boolean(),
  version: z.number().int(),
  myApplication: MyTrainingApplication.nullable(),
});
export type TrainingSession = z.infer<typeof TrainingSession>;

export const TrainingSessionListQuery = PageQuery.extend({
  fiscalYear: z.coerce.number().int().min(2000).max(2100).optional(),
  pageSize: z.coerce.number().int().min(1).max(100).default(50),
});
export type TrainingSessionListQuery = z.input<typeof TrainingSessionListQuery>;

export const TrainingSessionPage = paged(TrainingSession);
export type TrainingSessionPage = z.infer<typeof TrainingSessionPage>;

// ---------------------------------------------------------------------------------------------
// Applications
// ---------------------------------------------------------------------------------------------

export const TrainingPersonRef = z.object({ id: z.string(), name: z.string(), nameEn: z.string() });
export type TrainingPersonRef = z.infer<typeof TrainingPersonRef>;

export const TrainingApplicantRef = TrainingPersonRef.extend({
  employeeNumber: z.string(),
  orgUnit: OrgUnitRef.nullable(),
  grade: GradeRef.nullable(),
});
export type TrainingApplicantRef = z.infer<typeof TrainingApplicantRef>;

export const TrainingDecision = z.object({
  by: TrainingPersonRef.nullable(),
  at: z.string(),
  reason: z.string().nullable(),
});
export type TrainingDecision = z.infer<typeof TrainingDecision>;

/** Why a person is outside a course's target (対象外): their grade, their job family, or both. */
export const TrainingTargetMiss = z.enum(['grade', 'job_family']);
export type TrainingTargetMiss = z.infer<typeof TrainingTargetMiss>;

/**
 * Where a person stands against a course's target grades and job families (an empty list is everyone):
 * the empty list when the course is for them. Shared by the API (applications, audit) and the web
 * (the warning before applying), so both say the same.
 */
export function trainingTargetMisses(
  target: { gradeIds: readonly string[]; jobFamilyIds: readonly string[] },
  person: { gradeId: string | null; jobFamilyId: string | null },
): TrainingTargetMiss[] {
  const misses: TrainingTargetMiss[] = [];
  if (target.gradeIds.length && !(person.gradeId && target.gradeIds.includes(person.gradeId)))
    misses.push('grade');
  if (
    target.jobFamilyIds.length &&
    !(person.jobFamilyId && target.jobFamilyIds.includes(person.jobFamilyId))
  ) {
    misses.push('job_family');
  }
  return misses;
}

export const TrainingApplication = z.object({
  id: z.string(),
  status: TrainingApplicationStatus,
  /** 対象外: how the applicant falls outside the course's target grades and job families (empty: inside) */
  outsideTarget: z.array(TrainingTargetMiss),
  /** Enrolled by HR (bulk enrolment of a grade) rather than applied for */
  assigned: z.boolean(),
  fiscalYear: z.number().int(),
  reason: z.string(),
  training: z.object({
    id: z.string(),
    code: z.string(),
    title: LocalizedText,
    kind: TrainingKind,
    hours: z.number(),
  }),
  session: z.object({
    id: z.string(),
    startsAt: z.string(),
    endsAt: z.string(),
    venue: z.string().nullable(),
    online: z.boolean(),
    applicationDeadline: z.string(),
    status: TrainingSessionStatus,
    capacity: z.number().int(),
    /** Seats not yet taken by an accepted application */
    seatsLeft: z.number().int(),
  }),
  staff: TrainingApplicantRef,
  supervisorDecision: TrainingDecision.nullable(),
  hrDecision: TrainingDecision.nullable(),
  /** 1 for the first on the waiting list */
  waitlistPosition: z.number().int().nullable(),
  attendance: TrainingAttendance.nullable(),
  completed: z.boolean(),
  completedOn: z.string().nullable(),
  feedback: z
    .object({
      satisfaction: z.number().int(),
      usefulness: z.number().int(),
      comment: z.string(),
      createdAt: z.string(),
    })
    .nullable(),
  practiceReport: z
    .object({
      body: z.string(),
      submittedAt: z.string(),
      confirmedBy: TrainingPersonRef.nullable(),
      confirmedAt: z.string().nullable(),
      supervisorComment: z.string().nullable(),
    })
    .nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
  /** What the reader may do with it now */
  actions: z.object({
    withdraw: z.boolean(),
    supervise: z.boolean(),
    accept: z.boolean(),
    feedback: z.boolean(),
    practiceReport: z.boolean(),
    confirmPractice: z.boolean(),
  }),
});
export type TrainingApplication = z.infer<typeof TrainingApplication>;

/**
 * Whose applications: `mine` (default); `inbox=supervisor` — my staff's applications waiting for my
 * approval; `inbox=practice` — my staff's 職場での実践 reports to confirm; `inbox=acceptance` —
 * approved applications to the sessions I manage, waiting to be accepted.
 */
export const TrainingApplicationListQuery = PageQuery.extend({
  mine: QueryFlag.optional(),
  inbox: z.enum(['supervisor', 'practice', 'acceptance']).optional(),
  status: z.union([TrainingApplicationStatus, z.array(TrainingApplicationStatus).max(7)]).optional(),
  fiscalYear: z.coerce.number().int().min(2000).max(2100).optional(),
  /** Only this course's applications */
  trainingId: z.uuid().optional(),
  /** Only this session's applications */
  sessionId: z.uuid().optional(),
  /** Only applicants now serving in this 局・区 */
  bureauId: z.uuid().optional(),
});
export type TrainingApplicationListQuery = z.input<typeof TrainingApplicationListQuery>;

export const TrainingApplicationPage = paged(TrainingApplication);
export type TrainingApplicationPage = z.infer<typeof TrainingApplicationPage>;

export const TrainingApplyRequest = z.object({ reason: z.string().trim().min(1).max(1000) });
export type TrainingApplyRequest = z.infer<typeof TrainingApplyRequest>;

/** approve / decline: the applicant's supervisor; accept / reject: HR or the owning bureau */
export const TrainingDecisionRequest = z
  .object({
    decision: z.enum(['approve', 'decline', 'accept', 'reject']),
    reason: z.string().trim().max(1000).default(''),
    /** The version the decider saw; a stale one → 409 with the current application */
    version: z.number().int().min(1).optional(),
  })
  .superRefine((d, ctx) => {
    if ((d.decision === 'decline' || d.decision === 'reject') && d.reason === '') {
      ctx.addIssue({ code: 'custom', path: ['reason'], message: 'a reason is required' });
    }
  });
export type TrainingDecisionRequest = z.input<typeof TrainingDecisionRequest>;

/**
 * One decision for many applications at once: the supervisor's approval, or HR's acceptance. Each item
 * carries the version the decider saw; each is decided as a single decision would be (its own
 * transaction), so a stale or out-of-scope item is reported while the others proceed.
 */
export const TrainingBulkDecisionRequest = z.object({
  decision: z.enum(['approve', 'accept']),
  items: z
    .array(z.object({ id: z.uuid(), version: z.number().int().min(1) }))
    .min(1)
    .max(100)
    .refine(
      (items) => new Set(items.map((i) => i.id)).size === items.length,
      'an application is listed twice',
    ),
});
export type TrainingBulkDecisionRequest = z.input<typeof TrainingBulkDecisionRequest>;

/** What became of each item: decided (approved, accepted, waitlisted), stale, not found, or refused. */
export const TrainingBulkDecisionResult = z.object({
  results: z.array(
    z.object({
      id: z.string(),
      outcome: z.enum(['approved', 'accepted', 'waitlisted', 'stale', 'not_found', 'conflict']),
      /** For a conflict: the single decision's code (`session_full`, `session_not_scheduled`, …) */
      code: z.string().nullable(),
    }),
  ),
  counts: z.object({
    approved: z.number().int(),
    accepted: z.number().int(),
    waitlisted: z.number().int(),
    stale: z.number().int(),
    notFound: z.number().int(),
    conflict: z.number().int(),
  }),
});
export type TrainingBulkDecisionResult = z.infer<typeof TrainingBulkDecisionResult>;

/** An optional body: `{ version }` to guard against a stale view */
export const TrainingWithdrawRequest = z.object({ version: z.number().int().min(1).optional() }).nullish();
export type TrainingWithdrawRequest = z.input<typeof TrainingWithdrawRequest>;

export const TrainingAttendanceRequest = z.object({
  rows: z
    .array(
      z.object({
        applicationId: z.uuid(),
        attendance: TrainingAttendance,
        completed: z.boolean(),
        version: z.number().int().min(1).optional(),
      }),
    )
    .min(1)
    .max(1000),
});
export type TrainingAttendanceRequest = z.input<typeof TrainingAttendanceRequest>;

export const TrainingFeedbackRequest = z.object({
  satisfaction: z.number().int().min(1).max(5),
  usefulness: z.number().int().min(1).max(5),
  comment: z.string().trim().max(2000).default(''),
});
export type TrainingFeedbackRequest = z.input<typeof TrainingFeedbackRequest>;

export const TrainingPracticeReportRequest = z.object({ body: z.string().trim().min(1).max(4000) });
export type TrainingPracticeReportRequest = z.infer<typeof TrainingPracticeReportRequest>;

export const TrainingPracticeConfirmRequest = z.object({ comment: z.string().trim().max(1000).default('') });
export type TrainingPracticeConfirmRequest = z.input<typeof TrainingPracticeConfirmRequest>;

export const TrainingAssignmentRequest = z.object({
  sessionId: z.uuid(),
  gradeIds: z.array(z.uuid()).min(1).max(20),
});
export type TrainingAssignmentRequest = z.infer<typeof TrainingAssignmentRequest>;

export const TrainingAssignmentResult = z.object({
  /** People of those grades found */
  matched: z.number().int(),
  accepted: z.number().int(),
  waitlisted: z.number().int(),
  /** Already applied to this session, or already completed the course */
  skipped: z.number().int(),
  /** The batch (一括指名) the enrolments belong to, for undo; null when nobody was enrolled */
  batchId: z.string().nullable(),
});
export type TrainingAssignmentResult = z.infer<typeof TrainingAssignmentResult>;

/** What an assignment would do, before it is confirmed: head count against the seats. */
export const TrainingAssignmentPreview = z.object({
  matched: z.number().int(),
  /** Of those to enrol, people outside the course's target grades or job families (対象外) */
  outsideTarget: z.number().int(),
  skipped: z.number().int(),
  /** People who would be enrolled */
  toEnrol: z.number().int(),
  capacity: z.number().int(),
  acceptedCount: z.number().int(),
  seatsLeft: z.number().int(),
  /** Of those enrolled, accepted now and waiting */
  accepted: z.number().int(),
  waitlisted: z.number().int(),
});
export type TrainingAssignmentPreview = z.infer<typeof TrainingAssignmentPreview>;

export const TrainingAssignmentBatch = z.object({
  id: z.string(),
  session: z.object({ id: z.string(), startsAt: IsoDateTime, endsAt: IsoDateTime }),
  actor: z.object({ id: z.string(), name: LocalizedText }).nullable(),
  grades: z.array(GradeRef),
  matched: z.number().int(),
  accepted: z.number().int(),
  waitlisted: z.number().int(),
  skipped: z.number().int(),
  createdAt: IsoDateTime,
  undoneAt: IsoDateTime.nullable(),
  /** Enrolments the undo removed */
  undoneCount: z.number().int().nullable(),
  /** Not undone yet and the session still scheduled */
  undoable: z.boolean(),
});
export type TrainingAssignmentBatch = z.infer<typeof TrainingAssignmentBatch>;

export const TrainingAssignmentBatchPage = paged(TrainingAssignmentBatch);
export type TrainingAssignmentBatchPage = z.infer<typeof TrainingAssignmentBatchPage>;

export const TrainingAssignmentUndoResult = z.object({
  /** Enrolments removed */
  removed: z.number().int(),
  /** Enrolments of the batch kept, because the person or HR acted on them since (attendance, withdrawal…) */
  kept: z.number().int(),
  /** Applicants of the waiting list who took the freed seats */
  promoted: z.number().int(),
});
export type TrainingAssignmentUndoResult = z.infer<typeof TrainingAssignmentUndoResult>;

// ---------------------------------------------------------------------------------------------
// Roster
// ---------------------------------------------------------------------------------------------

export const TrainingSessionRoster = z.object({
  training: z.object({
    id: z.string(),
    code: z.string(),
    title: LocalizedText,
    kind: TrainingKind,
    hours: z.number(),
  }),
  session: TrainingSession,
  counts: z.record(TrainingApplicationStatus, z.number().int()),
  /** Every application but withdrawn ones: accepted first, then the waiting list in order, … */
  items: z.array(TrainingApplication),
});
export type TrainingSessionRoster = z.infer<typeof TrainingSessionRoster>;

export const TrainingRosterExportQuery = z.object({ format: z.enum(['csv', 'xlsx']).default('csv') });
export type TrainingRosterExportQuery = z.input<typeof TrainingRosterExportQuery>;
