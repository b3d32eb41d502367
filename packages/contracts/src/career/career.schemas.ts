/**
 * Staff career paths: the career plan (キャリアプラン) with the supervisor's comments, the person's
 * timeline, self-development (自己啓発), the career-path ladder and "my figures".
 */
import { z } from 'zod';
import { FiscalYear, IsoDate, LocalizedText } from '../common/common.schemas.ts';
import { PageQuery, paged } from '../common/pagination.ts';
import { GradeRef, OrgUnitRef } from '../identity/identity.schemas.ts';
import { PriorityTagCode } from '../policy/policy.schemas.ts';
import { PolicyLinkIds, PolicyLinks } from '../policy/policy-links.schemas.ts';

const text = (max: number) => z.string().trim().max(max);

/** Someone named on a record (the supervisor who commented, who saved a version, …). */
export const CareerPersonRef = z.object({ id: z.string(), name: z.string(), nameEn: z.string() });
export type CareerPersonRef = z.infer<typeof CareerPersonRef>;

// ---------------------------------------------------------------------------------------------
// Career plan
// ---------------------------------------------------------------------------------------------

/** draft → submitted → commented | changes_requested → (saved again) draft → … */
export const CareerPlanStatus = z.enum(['draft', 'submitted', 'changes_requested', 'commented']);
export type CareerPlanStatus = z.infer<typeof CareerPlanStatus>;

/** What a person wants to experience: a field (分野), a post, 庁内の交流, or a secondment (派遣) outside. */
export const DesiredExperienceKind = z.enum(['field', 'post', 'exchange', 'secondment']);
export type DesiredExperienceKind = z.infer<typeof DesiredExperienceKind>;

export const DesiredExperience = z.object({
  kind: DesiredExperienceKind,
  text: text(500).min(1),
});
export type DesiredExperience = z.infer<typeof DesiredExperience>;

/** 1 まだこれから … 5 十分にできている */
export const SelfAssessmentLevel = z.number().int().min(1).max(5);

/** The person's own view of where they stand against one 目指す職員像. */
export const SelfAssessment = z.object({
  staffImageId: z.uuid(),
  level: SelfAssessmentLevel.nullable(),
  comment: text(1000).default(''),
});
export type SelfAssessment = z.infer<typeof SelfAssessment>;

/** The editable content of a plan (what every saved version keeps). */
export const CareerPlanContent = z.object({
  /** 短期目標 (this year) */
  shortTermGoal: text(2000).default(''),
  /** 中期目標 (about 3 years) */
  midTermGoal: text(2000).default(''),
  /** 長期目標 (5–10 years) */
  longTermGoal: text(2000).default(''),
  desiredExperiences: z.array(DesiredExperience).max(20).default([]),
  selfAssessments: z.array(SelfAssessment).max(4).default([]),
  skillsToGain: z.array(text(200).min(1)).max(30).default([]),
  ...PolicyLinkIds.shape,
});
export type CareerPlanContent = z.infer<typeof CareerPlanContent>;

export const CareerPlanQuery = z.object({
  /** 年度; the current one when absent */
  fiscalYear: FiscalYear.optional(),
});
export type CareerPlanQuery = z.infer<typeof CareerPlanQuery>;

/** `PUT …/career-plan`: the content and the version it was edited from (`0` creates the plan). */
export const CareerPlanSave = CareerPlanContent.extend({
  version: z.number().int().min(0),
});
export type CareerPlanSave = z.input<typeof CareerPlanSave>;
export type CareerPlanSaveData = z.output<typeof CareerPlanSave>;

export const CareerPlanSubmit = z.object({ version: z.number().int().min(1) });
export type CareerPlanSubmit = z.infer<typeof CareerPlanSubmit>;

export const CareerPlanCommentCreate = z.object({
  body: text(2000).min(1),
  /** Asks the person for changes (status `changes_requested`); otherwise the plan is `commented`. */
  requestsChanges: z.boolean().default(false),
  /** The version the supervisor read */
  version: z.number().int().min(1),
});
export type CareerPlanCommentCreate = z.input<typeof CareerPlanCommentCreate>;
export type CareerPlanCommentData = z.output<typeof CareerPlanCommentCreate>;

export const CareerPlanComment = z.object({
  id: z.string(),
  author: CareerPersonRef,
  body: z.string(),
  requestsChanges: z.boolean(),
  createdAt: z.string(),
});
export type CareerPlanComment = z.infer<typeof CareerPlanComment>;

export const CareerPlan = CareerPlanContent.extend({
  id: z.string(),
  staffId: z.string(),
  fiscalYear: z.number().int(),
  status: CareerPlanStatus,
  links: PolicyLinks,
  submittedAt: z.string().nullable(),
  /** The plan of an earlier 年度 this one was carried forward from */
  carriedFrom: z.object({ id: z.string(), fiscalYear: z.number().int() }).nullable(),
  comments: z.array(CareerPlanComment),
  version: z.number().int(),
  updatedAt: z.string(),
  updatedBy: CareerPersonRef.nullable(),
});
export type CareerPlan = z.infer<typeof CareerPlan>;

/** `GET …/career-plan`: the plan of one 年度 (or none yet), and what the reader may do with it. */
export const CareerPlanView = z.object({
  staffId: z.string(),
  fiscalYear: z.number().int(),
  plan: CareerPlan.nullable(),
  /** The 年度 the person has plans for, newest first */
  fiscalYears: z.array(z.number().int()),
  can: z.object({ edit: z.boolean(), submit: z.boolean(), comment: z.boolean() }),
});
export type CareerPlanView = z.infer<typeof CareerPlanView>;

export const CareerPlanVersionEntry = z.object({
  version: z.number().int(),
  status: CareerPlanStatus,
  content: CareerPlanContent,
  savedBy: CareerPersonRef.nullable(),
  savedAt: z.string(),
});
export type CareerPlanVersionEntry = z.infer<typeof CareerPlanVersionEntry>;

export const CareerPlanVersionList = z.object({ items: z.array(CareerPlanVersionEntry) });
export type CareerPlanVersionList = z.infer<typeof CareerPlanVersionList>;

// ---------------------------------------------------------------------------------------------
// Self-development (自己啓発)
// ---------------------------------------------------------------------------------------------

export const SelfDevelopmentKind = z.enum(['qualification', 'self_study', 'correspondence', 'other']);
export type SelfDevelopmentKind = z.infer<typeof SelfDevelopmentKind>;

export const SupportStatus = z.enum(['none', 'pending', 'approved', 'declined']);
export type SupportStatus = z.infer<typeof SupportStatus>;

/** A request for support (a course-fee subsidy, time, …) that the supervisor decides. */
export const SupportRequest = z.object({
  detail: text(1000).min(1),
  amountYen: z.number().int().min(0).max(10_000_000).nullable().default(null),
});
export type SupportRequest = z.infer<typeof SupportRequest>;

export const SelfDevelopmentInput = z.object({
  kind: SelfDevelopmentKind,
  title: text(200).min(1),
  description: text(4000).default(''),
  provider: text(200).nullable().default(null),
  startedOn: IsoDate.nullable().default(null),
  completedOn: IsoDate.nullable().default(null),
  hours: z.number().int().min(0).max(10_000).nullable().default(null),
  ...PolicyLinkIds.shape,
});

export const SelfDevelopmentCreate = SelfDevelopmentInput.extend({
  supportRequest: SupportRequest.nullable().default(null),
});
export type SelfDevelopmentCreate = z.input<typeof SelfDevelopmentCreate>;
export type SelfDevelopmentCreateData = z.output<typeof SelfDevelopmentCreate>;

/**
 * `PUT …/self-development/{recordId}`. `supportRequest` left out keeps the request as it is; `null`
 * withdraws a pending one. A decided request cannot be changed.
 */
export const SelfDevelopmentUpdate = SelfDevelopmentInput.extend({
  supportRequest: SupportRequest.nullable().optional(),
  version: z.number().int().min(1),
});
export type SelfDevelopmentUpdate = z.input<typeof SelfDevelopmentUpdate>;
export type SelfDevelopmentUpdateData = z.output<typeof SelfDevelopmentUpdate>;

export const SupportDecisionCreate = z
  .object({
    decision: z.enum(['approved', 'declined']),
    reason: text(1000).default(''),
    version: z.number().int().min(1),
  })
  .refine((d) => d.decision === 'approved' || d.reason.length > 0, {
    path: ['reason'],
    message: 'a reason is required to decline',
  });
export type SupportDecisionCreate = z.input<typeof SupportDecisionCreate>;
export type SupportDecisionData = z.output<typeof SupportDecisionCreate>;

export const SelfDevelopmentRecord = z.object({
  id: z.string(),
  staffId: z.string(),
  kind: SelfDevelopmentKind,
  title: z.string(),
  description: z.string(),
  provider: z.string().nullable(),
  startedOn: z.string().nullable(),
  completedOn: z.string().nullable(),
  fiscalYear: z.number().int(),
  hours: z.number().int().nullable(),
  staffImageIds: z.array(z.string()),
  initiativeIds: z.array(z.string()),
  links: PolicyLinks,
  support: z.object({
    status: SupportStatus,
    detail: z.string().nullable(),
    amountYen: z.number().int().nullable(),
    reason: z.string().nullable(),
    decidedBy: CareerPersonRef.nullable(),
    decidedAt: z.string().nullable(),
  }),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type SelfDevelopmentRecord = z.infer<typeof SelfDevelopmentRecord>;

export const SelfDevelopmentQuery = PageQuery.extend({
  fiscalYear: FiscalYear.optional(),
  kind: SelfDevelopmentKind.optional(),
  supportStatus: SupportStatus.optional(),
});
export type SelfDevelopmentQuery = z.infer<typeof SelfDevelopmentQuery>;

export const SelfDevelopmentPage = paged(SelfDevelopmentRecord).extend({
  /** Whether the reader may add records (the person themself) and decide support (their supervisor) */
  can: z.object({ create: z.boolean(), decide: z.boolean() }),
});
export type SelfDevelopmentPage = z.infer<typeof SelfDevelopmentPage>;

export const SelfDevelopmentDeleteQuery = z.object({ version: z.coerce.number().int().min(1) });
export type SelfDevelopmentDeleteQuery = z.infer<typeof SelfDevelopmentDeleteQuery>;

// ---------------------------------------------------------------------------------------------
// Timeline
// ---------------------------------------------------------------------------------------------

export const TimelineKind = z.enum(['assignment', 'training', 'ojt', 'self_development', 'qualification']);
export type TimelineKind = z.infer<typeof TimelineKind>;

const commaList = <T extends z.ZodType>(item: T) =>
  z.preprocess(
    (v) => (typeof v === 'string' ? v.split(',').filter(Boolean) : v),
    z.array(item).max(10).optional(),
  );

export const TimelineQuery = PageQuery.extend({
  /** One or more kinds, comma-separated; all when absent */
  kind: commaList(TimelineKind),
  staffImageId: z.uuid().optional(),
  initiativeId: z.uuid().optional(),
  /** A 重点取組方針 tag: records linked to an initiative that carries it */
  tag: PriorityTagCode.optional(),
  fiscalYear: FiscalYear.optional(),
});
export type TimelineQuery = z.infer<typeof TimelineQuery>;

const TimelineBase = z.object({
  id: z.string(),
  /** The day it happened (a post's first day, a course's completion, a session, …) */
  date: z.string(),
  fiscalYear: z.number().int(),
  links: PolicyLinks,
});

export const TimelineItem = z.discriminatedUnion('kind', [
  TimelineBase.extend({
    kind: z.literal('assignment'),
    orgPath: z.array(OrgUnitRef),
    grade: GradeRef,
    post: LocalizedText.nullable(),
    endsOn: z.string().nullable(),
  }),
  TimelineBase.extend({
    kind: z.literal('training'),
    trainingId: z.string(),
    title: LocalizedText,
    trainingKind: z.string(),
    hours: z.number(),
  }),
  TimelineBase.extend({
    kind: z.literal('ojt'),
    topic: z.string(),
    method: z.string(),
    minutes: z.number().int(),
    supervisor: CareerPersonRef,
    acknowledged: z.boolean(),
  }),
  TimelineBase.extend({
    kind: z.enum(['self_development', 'qualification']),
    recordId: z.string(),
    title: z.string(),
    selfDevelopmentKind: SelfDevelopmentKind,
    provider: z.string().nullable(),
    hours: z.number().int().nullable(),
    completed: z.boolean(),
  }),
]);
export type TimelineItem = z.infer<typeof TimelineItem>;

export const TimelinePage = paged(TimelineItem);
export type TimelinePage = z.infer<typeof TimelinePage>;

// ---------------------------------------------------------------------------------------------
// Career path (the grade ladder and its 階層別研修)
// ---------------------------------------------------------------------------------------------

export const CourseProgress = z.enum(['completed', 'enrolled', 'not_taken']);
export type CourseProgress = z.infer<typeof CourseProgress>;

export const LadderCourse = z.object({
  trainingId: z.string(),
  code: z.string(),
  title: LocalizedText,
  hours: z.number(),
  mandatory: z.boolean(),
  links: PolicyLinks,
  progress: CourseProgress,
  completedOn: z.string().nullable(),
});
export type LadderCourse = z.infer<typeof LadderCourse>;

export const LadderStepState = z.enum(['past', 'current', 'next', 'future']);
export type LadderStepState = z.infer<typeof LadderStepState>;

export const LadderStep = z.object({
  grade: GradeRef,
  state: LadderStepState,
  /** The first day the person held this grade */
  reachedOn: z.string().nullable(),
  courses: z.array(LadderCourse),
});
export type LadderStep = z.infer<typeof LadderStep>;

export const CareerPath = z.object({
  staff: CareerPersonRef.extend({ hireDate: z.string() }),
  currentGrade: GradeRef.nullable(),
  /** Since when the person has held the current grade */
  currentGradeSince: z.string().nullable(),
  steps: z.array(LadderStep),
  /** Grade-based courses still to take at the current and the next grade, in ladder order */
  nextCourses: z.array(LadderCourse.extend({ grade: GradeRef })),
});
export type CareerPath = z.infer<typeof CareerPath>;

// ---------------------------------------------------------------------------------------------
// My figures (GET /api/dashboards/me)
// ---------------------------------------------------------------------------------------------

export const MyDashboard = z.object({
  fiscalYear: z.number().int(),
  ojt: z.object({
    sessions: z.number().int(),
    minutes: z.number().int(),
    lastOn: z.string().nullable(),
    /** Sessions the person has not yet confirmed */
    toAcknowledge: z.number().int(),
  }),
  careerPlan: z.object({
    status: CareerPlanStatus.or(z.literal('none')),
    submittedAt: z.string().nullable(),
    /** The supervisor's latest comment, if any */
    lastCommentAt: z.string().nullable(),
  }),
  selfDevelopment: z.object({
    records: z.number().int(),
    completed: z.number().int(),
    qualifications: z.number().int(),
    hours: z.number().int(),
    pendingSupport: z.number().int(),
  }),
  training: z.object({ accepted: z.number().int(), completed: z.number().int() }),
  /** For supervisors: what waits for them (plans to comment on, support to decide), oldest first */
  awaitingMe: z.array(
    z.object({
      kind: z.enum(['career_plan', 'support_request']),
      staff: CareerPersonRef,
      since: z.string(),
    }),
  ),
});
export type MyDashboard = z.infer<typeof MyDashboard>;
