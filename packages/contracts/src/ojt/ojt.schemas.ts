/**
 * OJT (職場内研修): the yearly OJT plan a supervisor keeps for each of their staff (年間OJT計画), the
 * sessions they log, the trainee's acknowledgement and 振り返り, and the supervisor's team dashboard.
 */
import { z } from 'zod';
import { FiscalYear, IsoDate, IsoDateTime, LocalizedText } from '../common/common.schemas.ts';
import { MAX_PAGE_SIZE, PageQuery, paged } from '../common/pagination.ts';
import { OrgUnitRef } from '../identity/identity.schemas.ts';
import { PolicyLinkIds, PolicyLinks } from '../policy/policy-links.schemas.ts';

/** 指導・助言, 同行・実地, 振り返り・面談, 業務の割当て, その他 */
export const OJT_METHODS = ['guidance', 'accompany', 'review', 'assignment', 'other'] as const;
export const OjtMethod = z.enum(OJT_METHODS);
export type OjtMethod = z.infer<typeof OjtMethod>;

/** One session lasts at most a working day and a half (a long 同行・実地 included). */
export const OJT_MAX_MINUTES = 720;
/** How many trainees one batch may log at once (a team session after a morning meeting, …). */
export const OJT_BATCH_MAX = 100;

export const OjtPerson = z.object({ id: z.string(), name: z.string(), nameEn: z.string() });
export type OjtPerson = z.infer<typeof OjtPerson>;

// ---------------------------------------------------------------------------------------------
// Sessions
// ---------------------------------------------------------------------------------------------

const sessionFields = {
  /** Today (Asia/Tokyo) when left out; never in the future */
  occurredOn: IsoDate.optional(),
  minutes: z.coerce.number().int().min(1).max(OJT_MAX_MINUTES),
  method: OjtMethod,
  topic: z.string().trim().min(1).max(200),
  notes: z.string().trim().max(4000).default(''),
  ...PolicyLinkIds.shape,
};

export const OjtSessionCreate = z.object({ traineeId: z.uuid(), ...sessionFields });
export type OjtSessionCreate = z.infer<typeof OjtSessionCreate>;
export type OjtSessionCreateInput = z.input<typeof OjtSessionCreate>;

/** The same session logged for several trainees at once: all of them or none. */
export const OjtSessionBatchCreate = z.object({
  traineeIds: z
    .array(z.uuid())
    .min(1)
    .max(OJT_BATCH_MAX)
    .refine((ids) => new Set(ids).size === ids.length, 'each trainee once'),
  ...sessionFields,
});
export type OjtSessionBatchCreate = z.infer<typeof OjtSessionBatchCreate>;
export type OjtSessionBatchCreateInput = z.input<typeof OjtSessionBatchCreate>;

/**
 * The logger's correction of a session. Every field is sent (the form holds the whole session);
 * `updatedAt` is the one the writer read: stale → 409 with the current session. Once the trainee has
 * acknowledged it, what they confirmed — the trainee, the date and the minutes — stays as it is
 * (409 `ojt_acknowledged` when changed); the method, topic, notes and links may still be fixed.
 */
export const OjtSessionUpdate = z.object({
  /** Another of the logger's staff, when it was logged for the wrong person */
  traineeId: z.uuid().optional(),
  occurredOn: IsoDate,
  minutes: sessionFields.minutes,
  method: OjtMethod,
  topic: sessionFields.topic,
  notes: sessionFields.notes,
  ...PolicyLinkIds.shape,
  /** The session's `updatedAt` as read */
  updatedAt: IsoDateTime,
});
export type OjtSessionUpdate = z.infer<typeof OjtSessionUpdate>;
export type OjtSessionUpdateInput = z.input<typeof OjtSessionUpdate>;

export const OjtSession = z.object({
  id: z.string(),
  trainee: OjtPerson,
  supervisor: OjtPerson,
  occurredOn: z.string(),
  fiscalYear: z.number().int(),
  minutes: z.number().int(),
  method: OjtMethod,
  topic: z.string(),
  notes: z.string(),
  staffImageIds: z.array(z.string()),
  initiativeIds: z.array(z.string()),
  policyLinks: PolicyLinks,
  /** Shared by the sessions of one batch */
  batchId: z.string().nullable(),
  acknowledgedAt: z.string().nullable(),
  reflection: z.string().nullable(),
  createdAt: z.string(),
  /** The optimistic token of a correction (`PUT` sends it back) */
  updatedAt: z.string(),
  /** What the reader may do with it */
  canAcknowledge: z.boolean(),
  /** The reader logged it and still supervises the trainee */
  canEdit: z.boolean(),
  /** As `canEdit`, while the trainee has not acknowledged it */
  canDelete: z.boolean(),
});
export type OjtSession = z.infer<typeof OjtSession>;

export const OjtSessionBatch = z.object({ batchId: z.string(), items: z.array(OjtSession) });
export type OjtSessionBatch = z.infer<typeof OjtSessionBatch>;

const booleanQuery = z.enum(['true', 'false']).transform((v) => v === 'true');

export const OjtSessionQuery = PageQuery.extend({
  /** The trainee */
  staffId: z.uuid().optional(),
  /** Who gave the sessions (`me` for the reader) */
  supervisorId: z.union([z.uuid(), z.literal('me')]).optional(),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  acknowledged: booleanQuery.optional(),
});
export type OjtSessionQuery = z.infer<typeof OjtSessionQuery>;

export const OjtSessionPage = paged(OjtSession);
export type OjtSessionPage = z.infer<typeof OjtSessionPage>;

export const OjtAcknowledge = z.object({
  /** The trainee's 振り返り; sending it again replaces it */
  reflection: z.string().trim().max(2000).optional(),
});
export type OjtAcknowledge = z.infer<typeof OjtAcknowledge>;

// ---------------------------------------------------------------------------------------------
// 年間OJT計画
// ---------------------------------------------------------------------------------------------

export const OjtPlanGoalInput = z.object({
  text: z.string().trim().min(1).max(500),
  ...PolicyLinkIds.shape,
});
export type OjtPlanGoalInput = z.input<typeof OjtPlanGoalInput>;

export const OjtPlanQuery = z.object({ fiscalYear: FiscalYear.optional() });
export type OjtPlanQuery = z.infer<typeof OjtPlanQuery>;

export const OjtPlanWrite = z.object({
  /** At least one: a plan without goals says nothing to the person (`goals_required`) */
  goals: z
    .array(OjtPlanGoalInput)
    .max(20)
    .refine((goals) => goals.length > 0, {
      message: 'A plan needs a goal.',
      params: { code: 'goals_required' },
    }),
  /** Planned sessions in the 年度 */
  plannedSessions: z.coerce.number().int().min(0).max(400),
  /** Planned minutes in the 年度 */
  plannedMinutes: z.coerce
    .number()
    .int()
    .min(0)
    .max(400 * OJT_MAX_MINUTES),
  /** 月2回の面談, 毎週の同行, … */
  frequencyNote: z.string().trim().max(500).default(''),
  /** The version read; 0 for a plan that does not exist yet */
  version: z.coerce.number().int().min(0),
});
export type OjtPlanWrite = z.infer<typeof OjtPlanWrite>;
export type OjtPlanWriteInput = z.input<typeof OjtPlanWrite>;

export const OjtPlanGoal = z.object({
  text: z.string(),
  staffImageIds: z.array(z.string()),
  initiativeIds: z.array(z.string()),
  policyLinks: PolicyLinks,
});
export type OjtPlanGoal = z.infer<typeof OjtPlanGoal>;

export const OjtPlan = z.object({
  /** Null while nobody has written the plan of this 年度 */
  id: z.string().nullable(),
  staff: OjtPerson,
  fiscalYear: z.number().int(),
  goals: z.array(OjtPlanGoal),
  plannedSessions: z.number().int(),
  plannedMinutes: z.number().int(),
  frequencyNote: z.string(),
  /** The union of the goals' links */
  policyLinks: PolicyLinks,
  author: OjtPerson.nullable(),
  /** 0 while the plan does not exist */
  version: z.number().int(),
  updatedAt: z.string().nullable(),
  /** This 年度's sessions and minutes so far, against the plan */
  actual: z.object({ sessions: z.number().int(), minutes: z.number().int(), lastOn: z.string().nullable() }),
  /** Whether the reader may write it (the person's supervisor) */
  canEdit: z.boolean(),
});
export type OjtPlan = z.infer<typeof OjtPlan>;

// ---------------------------------------------------------------------------------------------
// Team dashboard
// ---------------------------------------------------------------------------------------------

/** `none` when the person has no career plan for the 年度 */
export const TeamCareerPlanStatus = z.enum(['none', 'draft', 'submitted', 'changes_requested', 'commented']);
export type TeamCareerPlanStatus = z.infer<typeof TeamCareerPlanStatus>;

export const TEAM_SORTS = [
  'name',
  'unit',
  'sessions',
  'minutes',
  'progress',
  'lastOn',
  'careerPlan',
  'selfDevelopment',
  /** days since the last 1on1 (never-had first when ascending by date) */
  'oneOnOne',
] as const;
export const TeamSort = z.enum(TEAM_SORTS);
export type TeamSort = z.infer<typeof TeamSort>;

export const TeamDashboardQuery = z.object({
  fiscalYear: FiscalYear.optional(),
  q: z.string().trim().max(100).optional(),
  overdueOnly: booleanQuery.optional(),
  sort: TeamSort.default('name'),
  order: z.enum(['asc', 'desc']).default('asc'),
  page: PageQuery.shape.page,
  pageSize: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(50),
});
export type TeamDashboardQuery = z.infer<typeof TeamDashboardQuery>;

/** With no plan, a person counts as overdue after this many days without OJT. */
export const OJT_DEFAULT_INTERVAL_DAYS = 30;

export const TeamMember = z.object({
  staff: OjtPerson.extend({ nameKana: z.string(), employeeNumber: z.string() }),
  unit: OrgUnitRef.nullable(),
  grade: LocalizedText.nullable(),
  ojt: z.object({
    sessions: z.number().int(),
    minutes: z.number().int(),
    plannedSessions: z.number().int(),
    plannedMinutes: z.number().int(),
    hasPlan: z.boolean(),
    /** The last session received (this or last 年度) */
    lastOn: z.string().nullable(),
    daysSinceLast: z.number().int().nullable(),
    /** Days allowed between sessions: the plan's rhythm, or the default */
    intervalDays: z.number().int(),
    overdue: z.boolean(),
    /** Sessions the person has not acknowledged yet */
    unacknowledged: z.number().int(),
  }),
  careerPlan: z.object({ status: TeamCareerPlanStatus, submittedAt: z.string().nullable() }),
  /** 1on1s: the last one held (from the rollup) against the supervisor's cadence */
  oneOnOne: z.object({
    lastOn: z.string().nullable(),
    daysSinceLast: z.number().int().nullable(),
    intervalDays: z.number().int(),
    overdue: z.boolean(),
  }),
  /** Self-development records waiting for the supervisor's decision on support */
  selfDevelopmentPending: z.number().int(),
});
export type TeamMember = z.infer<typeof TeamMember>;

export const TeamDashboard = z.object({
  fiscalYear: z.number().int(),
  asOf: z.string(),
  totals: z.object({
    members: z.number().int(),
    sessions: z.number().int(),
    minutes: z.number().int(),
    withPlan: z.number().int(),
    overdue: z.number().int(),
    careerPlansSubmitted: z.number().int(),
    selfDevelopmentPending: z.number().int(),
    /** people past the 1on1 cadence */
    oneOnOneOverdue: z.number().int(),
  }),
  items: z.array(TeamMember),
  page: z.number().int(),
  pageSize: z.number().int(),
  /** Members matching the filters */
  total: z.number().int(),
});
export type TeamDashboard = z.infer<typeof TeamDashboard>;
