/**
 * 1on1 / 面談 records: a supervisor (the author) records a 1on1 with a person of theirs — or schedules
 * one, for which the person writes an agenda — with shared notes both read, private notes only the
 * author reads (never in a list, an export or the audit log in clear), agreed next actions with owners
 * and due dates, and the policy links every record carries. The person acknowledges it with their own notes.
 */
import { z } from 'zod';
import { IsoDate } from '../common/common.schemas.ts';
import { PageQuery, paged } from '../common/pagination.ts';
import { PolicyLinkIds, PolicyLinks } from '../policy/policy-links.schemas.ts';

/** 1on1, 期首面談, 期末面談, 自己申告面談, その他 */
export const ONE_ON_ONE_KINDS = [
  'one_on_one',
  'period_start',
  'period_end',
  'self_declaration',
  'other',
] as const;
export const OneOnOneKind = z.enum(ONE_ON_ONE_KINDS);
export type OneOnOneKind = z.infer<typeof OneOnOneKind>;

/** `scheduled`: planned (the person may add an agenda); `held`: took place (counted, acknowledged). */
export const ONE_ON_ONE_STATUSES = ['scheduled', 'held'] as const;
export const OneOnOneStatus = z.enum(ONE_ON_ONE_STATUSES);
export type OneOnOneStatus = z.infer<typeof OneOnOneStatus>;

/** A 1on1 lasts at most a working day. */
export const ONE_ON_ONE_MAX_MINUTES = 480;
export const ONE_ON_ONE_MAX_ACTIONS = 20;
export const ONE_ON_ONE_MAX_TOPICS = 10;
/** The default cadence of a team without one: monthly. */
export const ONE_ON_ONE_DEFAULT_INTERVAL_DAYS = 30;

export const OneOnOnePerson = z.object({ id: z.string(), name: z.string(), nameEn: z.string() });
export type OneOnOnePerson = z.infer<typeof OneOnOnePerson>;

export const OneOnOneActionInput = z.object({
  text: z.string().trim().min(1).max(500),
  /** The person or the author */
  ownerId: z.uuid(),
  dueOn: IsoDate.optional(),
});
export type OneOnOneActionInput = z.input<typeof OneOnOneActionInput>;

const recordFields = {
  /** Today (Asia/Tokyo) when left out. A held 1on1 is today or earlier; a scheduled one today or later. */
  heldOn: IsoDate.optional(),
  status: OneOnOneStatus.default('held'),
  minutes: z.coerce.number().int().min(1).max(ONE_ON_ONE_MAX_MINUTES),
  kind: OneOnOneKind.default('one_on_one'),
  topics: z.array(z.string().trim().min(1).max(200)).max(ONE_ON_ONE_MAX_TOPICS).default([]),
  sharedNotes: z.string().trim().max(4000).default(''),
  /** Only the author ever reads them back */
  privateNotes: z.string().trim().max(4000).default(''),
  actions: z.array(OneOnOneActionInput).max(ONE_ON_ONE_MAX_ACTIONS).default([]),
  ...PolicyLinkIds.shape,
};

export const OneOnOneCreate = z.object({ staffId: z.uuid(), ...recordFields });
export type OneOnOneCreate = z.infer<typeof OneOnOneCreate>;
export type OneOnOneCreateInput = z.input<typeof OneOnOneCreate>;

export const OneOnOneAction = z.object({
  id: z.string(),
  owner: OneOnOnePerson,
  text: z.string(),
  dueOn: z.string().nullable(),
  doneAt: z.string().nullable(),
  version: z.number().int(),
  /** The reader owns it or wrote the 1on1 */
  canUpdate: z.boolean(),
});
export type OneOnOneAction = z.infer<typeof OneOnOneAction>;

export const OneOnOne = z.object({
  id: z.string(),
  staff: OneOnOnePerson,
  author: OneOnOnePerson,
  status: OneOnOneStatus,
  heldOn: z.string(),
  fiscalYear: z.number().int(),
  minutes: z.number().int(),
  kind: OneOnOneKind,
  topics: z.array(z.string()),
  sharedNotes: z.string(),
  /** Present only for the author, and only on a single record (never in a list) */
  privateNotes: z.string().optional(),
  staffAgenda: z.string(),
  staffNotes: z.string(),
  acknowledgedAt: z.string().nullable(),
  staffImageIds: z.array(z.string()),
  initiativeIds: z.array(z.string()),
  policyLinks: PolicyLinks,
  actions: z.array(OneOnOneAction),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** The reader wrote it and still supervises the person */
  canEdit: z.boolean(),
  /** The reader is the person and it was held */
  canAcknowledge: z.boolean(),
  /** The reader is the person and it is scheduled */
  canWriteAgenda: z.boolean(),
});
export type OneOnOne = z.infer<typeof OneOnOne>;

export const OneOnOneQuery = PageQuery.extend({
  /** The person */
  staffId: z.uuid().optional(),
  /** Who wrote them (`me` for the reader) */
  authorId: z.union([z.uuid(), z.literal('me')]).optional(),
  status: OneOnOneStatus.optional(),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
});
export type OneOnOneQuery = z.infer<typeof OneOnOneQuery>;

export const OneOnOnePage = paged(OneOnOne);
export type OneOnOnePage = z.infer<typeof OneOnOnePage>;

/**
 * The author's correction of a 1on1: every field is sent (the form holds the whole record) with the
 * `version` read; stale → 409 with the current record. Actions are edited one by one
 * (`PUT /api/one-on-one-actions/{id}`) once recorded; new ones may be added here (`addActions`).
 * Once the person has acknowledged it, what they confirmed — the person, the date and the minutes —
 * stays as it is (409 `one_on_one_acknowledged`), as for OJT sessions.
 */
export const OneOnOneUpdate = z.object({
  heldOn: IsoDate,
  status: OneOnOneStatus,
  minutes: recordFields.minutes,
  kind: OneOnOneKind,
  topics: recordFields.topics,
  sharedNotes: recordFields.sharedNotes,
  privateNotes: recordFields.privateNotes,
  addActions: recordFields.actions,
  ...PolicyLinkIds.shape,
  version: z.coerce.number().int().min(1),
});
export type OneOnOneUpdate = z.infer<typeof OneOnOneUpdate>;
export type OneOnOneUpdateInput = z.input<typeof OneOnOneUpdate>;

export const OneOnOneDeleteQuery = z.object({ version: z.coerce.number().int().min(1) });
export type OneOnOneDeleteQuery = z.infer<typeof OneOnOneDeleteQuery>;

/** The person confirms a held 1on1, with their own notes (sending them again replaces them). */
export const OneOnOneAcknowledge = z.object({ staffNotes: z.string().trim().max(4000).optional() });
export type OneOnOneAcknowledge = z.infer<typeof OneOnOneAcknowledge>;

/** The person's agenda for a scheduled 1on1. */
export const OneOnOneAgenda = z.object({
  staffAgenda: z.string().trim().max(4000),
  version: z.coerce.number().int().min(1),
});
export type OneOnOneAgenda = z.infer<typeof OneOnOneAgenda>;

/** The action's owner, or the 1on1's author, marks it done (or open again). */
export const OneOnOneActionUpdate = z.object({
  done: z.boolean(),
  /** The action's version as read: stale → 409 */
  version: z.coerce.number().int().min(1).optional(),
});
export type OneOnOneActionUpdate = z.infer<typeof OneOnOneActionUpdate>;

/** An open action as a home page lists it: with its 1on1 and the other side. */
export const OpenOneOnOneAction = OneOnOneAction.extend({
  oneOnOneId: z.string(),
  heldOn: z.string(),
  staff: OneOnOnePerson,
  author: OneOnOnePerson,
});
export type OpenOneOnOneAction = z.infer<typeof OpenOneOnOneAction>;

export const OpenOneOnOneActionQuery = PageQuery;
export const OpenOneOnOneActionPage = paged(OpenOneOnOneAction);
export type OpenOneOnOneActionPage = z.infer<typeof OpenOneOnOneActionPage>;

/** How often a supervisor means to hold a 1on1 with each of their staff. */
export const OneOnOneCadence = z.object({
  intervalDays: z.number().int(),
  /** 0 when the supervisor has not set one (the default applies) */
  version: z.number().int(),
  isDefault: z.boolean(),
});
export type OneOnOneCadence = z.infer<typeof OneOnOneCadence>;

export const OneOnOneCadenceWrite = z.object({
  intervalDays: z.coerce.number().int().min(7).max(366),
  version: z.coerce.number().int().min(0),
});
export type OneOnOneCadenceWrite = z.infer<typeof OneOnOneCadenceWrite>;

/** One person of the team on the 1on1 dashboard. */
export const OneOnOneTeamMember = z.object({
  staff: OneOnOnePerson,
  lastOn: z.string().nullable(),
  daysSinceLast: z.number().int().nullable(),
  meetingsThisYear: z.number().int(),
  nextScheduledOn: z.string().nullable(),
  overdue: z.boolean(),
  openActions: z.number().int(),
});
export type OneOnOneTeamMember = z.infer<typeof OneOnOneTeamMember>;

export const OneOnOneTeam = z.object({
  fiscalYear: z.number().int(),
  cadence: OneOnOneCadence,
  totals: z.object({ members: z.number().int(), overdue: z.number().int(), metThisYear: z.number().int() }),
  items: z.array(OneOnOneTeamMember),
  page: z.number().int(),
  pageSize: z.number().int(),
  total: z.number().int(),
});
export type OneOnOneTeam = z.infer<typeof OneOnOneTeam>;
export const OneOnOneTeamQuery = PageQuery;
