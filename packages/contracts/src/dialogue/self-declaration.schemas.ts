/**
 * 自己申告 (the yearly self-declaration): rounds HR opens for a 年度 (window, population, キャリア選択
 * fields and 庁内公募 posts), each person's declaration with its 配慮事項 kept apart, the 所属長面談,
 * the round's progress and export, and the experience map read from the assignment history.
 */
import { z } from 'zod';
import { FiscalYear, IsoDate, LocalizedText } from '../common/common.schemas.ts';
import { PageQuery, paged } from '../common/pagination.ts';
import { IdListParam } from '../common/population.schemas.ts';
import { GradeRef, OrgUnitRef } from '../identity/identity.schemas.ts';
import { ONE_ON_ONE_MAX_MINUTES } from './one-on-one.schemas.ts';

const text = (max: number) => z.string().trim().max(max);
const ids = (max: number) => z.array(z.uuid()).max(max).default([]);

/** The character limits the forms count down from (the API refuses more). */
export const SELF_DECLARATION_LIMITS = {
  reflection: 2000,
  desiredWork: 1000,
  careerVision: 2000,
  consideration: 1000,
  opinion: 2000,
  guidance: 2000,
} as const;

// ---------------------------------------------------------------------------------------------
// Rounds
// ---------------------------------------------------------------------------------------------

export const CareerFieldInput = z.object({
  /** An existing field of the round (kept, so declarations' interest in it stays); absent: a new one */
  id: z.uuid().optional(),
  name: z.object({ ja: text(200).min(1), en: text(200).default('') }),
  description: text(1000).default(''),
});
export const PublicPostInput = z.object({
  id: z.uuid().optional(),
  title: z.object({ ja: text(200).min(1), en: text(200).default('') }),
  orgUnitId: z.uuid().nullable().default(null),
  description: text(2000).default(''),
  openings: z.number().int().min(1).max(99).default(1),
});

/** What HR writes: `POST` creates, `PUT` replaces (with the version it was edited from). */
export const SelfDeclarationRoundInput = z.object({
  fiscalYear: FiscalYear,
  title: z.object({ ja: text(200).min(1), en: text(200).default('') }),
  guidance: text(SELF_DECLARATION_LIMITS.guidance).default(''),
  opensOn: IsoDate,
  closesOn: IsoDate,
  /** The chosen 局・区; empty: everyone */
  bureauIds: ids(100),
  /** The chosen grades; empty: every grade */
  gradeIds: ids(50),
  careerFields: z.array(CareerFieldInput).max(50).default([]),
  publicPosts: z.array(PublicPostInput).max(100).default([]),
});
export type SelfDeclarationRoundInput = z.input<typeof SelfDeclarationRoundInput>;
export const SelfDeclarationRoundUpdate = SelfDeclarationRoundInput.extend({
  version: z.number().int().min(1),
});
export type SelfDeclarationRoundUpdate = z.input<typeof SelfDeclarationRoundUpdate>;

export const CareerField = z.object({ id: z.string(), name: LocalizedText, description: z.string() });
export type CareerField = z.infer<typeof CareerField>;
export const PublicPost = z.object({
  id: z.string(),
  title: LocalizedText,
  orgUnit: OrgUnitRef.nullable(),
  description: z.string(),
  openings: z.number().int(),
});
export type PublicPost = z.infer<typeof PublicPost>;

/** `upcoming` (before the window), `open`, `closed` (after it), as of today in the city. */
export const RoundPhase = z.enum(['upcoming', 'open', 'closed']);
export type RoundPhase = z.infer<typeof RoundPhase>;

export const SelfDeclarationRound = z.object({
  id: z.string(),
  fiscalYear: z.number().int(),
  title: LocalizedText,
  guidance: z.string(),
  opensOn: z.string(),
  closesOn: z.string(),
  phase: RoundPhase,
  bureaus: z.array(OrgUnitRef),
  grades: z.array(GradeRef),
  careerFields: z.array(CareerField),
  publicPosts: z.array(PublicPost),
  version: z.number().int(),
  updatedAt: z.string(),
});
export type SelfDeclarationRound = z.infer<typeof SelfDeclarationRound>;

export const SelfDeclarationRoundQuery = PageQuery.extend({
  /** HR only: every round; others always get the rounds that have opened */
  phase: RoundPhase.optional(),
});
/** A population being chosen (HR): the 局・区 and grades, as the round's input takes them. */
export const SelfDeclarationPopulationQuery = z.object({
  bureauIds: IdListParam(100),
  gradeIds: IdListParam(50),
});
export type SelfDeclarationPopulationQuery = z.input<typeof SelfDeclarationPopulationQuery>;
export const SelfDeclarationRoundPage = paged(SelfDeclarationRound);
export type SelfDeclarationRoundPage = z.infer<typeof SelfDeclarationRoundPage>;

// ---------------------------------------------------------------------------------------------
// Declarations
// ---------------------------------------------------------------------------------------------

export const SelfDeclarationStatus = z.enum(['draft', 'submitted', 'interviewed']);
export type SelfDeclarationStatus = z.infer<typeof SelfDeclarationStatus>;

/** 配慮事項: health, care (介護・育児), family. Sensitive (decision 048). */
export const Considerations = z.object({
  health: text(SELF_DECLARATION_LIMITS.consideration).default(''),
  care: text(SELF_DECLARATION_LIMITS.consideration).default(''),
  family: text(SELF_DECLARATION_LIMITS.consideration).default(''),
});
export type Considerations = z.infer<typeof Considerations>;

/** What the person writes. */
export const SelfDeclarationContent = z.object({
  reflection: text(SELF_DECLARATION_LIMITS.reflection).default(''),
  /** Desired next work: units (局・区, 部, 課) and job families, with free text */
  desiredUnitIds: ids(10),
  desiredJobFamilyIds: ids(10),
  desiredWork: text(SELF_DECLARATION_LIMITS.desiredWork).default(''),
  /** Interest in the round's キャリア選択 fields and 庁内公募 posts */
  careerFieldIds: ids(50),
  publicPostIds: ids(100),
  careerVision: text(SELF_DECLARATION_LIMITS.careerVision).default(''),
});
export type SelfDeclarationContent = z.infer<typeof SelfDeclarationContent>;

/** `PUT …/self-declarations/{roundId}`: `version` 0 creates the draft; `considerations` absent: unchanged. */
export const SelfDeclarationSave = SelfDeclarationContent.extend({
  considerations: Considerations.optional(),
  version: z.number().int().min(0),
});
export type SelfDeclarationSave = z.input<typeof SelfDeclarationSave>;
export type SelfDeclarationSaveData = z.output<typeof SelfDeclarationSave>;

export const SelfDeclarationSubmit = z.object({ version: z.number().int().min(1) });
export type SelfDeclarationSubmit = z.infer<typeof SelfDeclarationSubmit>;

/**
 * `POST …/interview`: the 所属長 records the 面談 and their opinion. The 面談 is a 1on1 of kind
 * `self_declaration`: one the 所属長 already recorded (`oneOnOneId`), or else one recorded here.
 */
export const SelfDeclarationInterview = z.object({
  heldOn: IsoDate,
  minutes: z.coerce.number().int().min(1).max(ONE_ON_ONE_MAX_MINUTES).default(30),
  oneOnOneId: z.uuid().optional(),
  opinion: text(SELF_DECLARATION_LIMITS.opinion).min(1),
  version: z.number().int().min(1),
});
export type SelfDeclarationInterview = z.input<typeof SelfDeclarationInterview>;
export type SelfDeclarationInterviewData = z.output<typeof SelfDeclarationInterview>;

const Person = z.object({ id: z.string(), name: z.string(), nameEn: z.string() });

export const SelfDeclaration = SelfDeclarationContent.extend({
  /** `null` before the first save */
  id: z.string().nullable(),
  roundId: z.string(),
  staff: Person.extend({ employeeNumber: z.string() }),
  status: SelfDeclarationStatus,
  desiredUnits: z.array(OrgUnitRef),
  desiredJobFamilies: z.array(z.object({ id: z.string(), code: z.string(), name: LocalizedText })),
  /** The career plan the vision comes from (the current 年度's), when there is one */
  careerPlan: z.object({ id: z.string(), fiscalYear: z.number().int() }).nullable(),
  /**
   * 配慮事項: only for the person, their 所属長 and HR administrators. For anyone else the key is
   * absent — never a 403, so nothing tells whether there are any.
   */
  considerations: Considerations.optional(),
  submittedAt: z.string().nullable(),
  interview: z
    .object({
      heldOn: z.string(),
      interviewer: Person.nullable(),
      opinion: z.string(),
      /** The 1on1 the 面談 is recorded as (`null` once that 1on1 was deleted) */
      oneOnOneId: z.string().nullable(),
    })
    .nullable(),
  version: z.number().int(),
  updatedAt: z.string().nullable(),
  /** What the caller may do with it now */
  can: z.object({ edit: z.boolean(), submit: z.boolean(), interview: z.boolean() }),
});
export type SelfDeclaration = z.infer<typeof SelfDeclaration>;

/** One row of a round's declarations (never the 配慮事項). */
export const SelfDeclarationListItem = z.object({
  staff: Person.extend({ employeeNumber: z.string() }),
  orgUnit: OrgUnitRef.nullable(),
  grade: GradeRef.nullable(),
  status: SelfDeclarationStatus.or(z.literal('none')),
  submittedAt: z.string().nullable(),
  interviewedOn: z.string().nullable(),
});
export type SelfDeclarationListItem = z.infer<typeof SelfDeclarationListItem>;
export const SelfDeclarationListQuery = PageQuery.extend({
  status: SelfDeclarationStatus.or(z.literal('none')).optional(),
});
export const SelfDeclarationListPage = paged(SelfDeclarationListItem);
export type SelfDeclarationListPage = z.infer<typeof SelfDeclarationListPage>;

/** The round's progress per 局・区: the population, how many submitted, how many 面談 are done. */
export const SelfDeclarationProgress = z.object({
  roundId: z.string(),
  total: z.object({
    population: z.number().int(),
    submitted: z.number().int(),
    interviewed: z.number().int(),
  }),
  bureaus: z.array(
    z.object({
      bureau: OrgUnitRef,
      population: z.number().int(),
      submitted: z.number().int(),
      interviewed: z.number().int(),
    }),
  ),
});
export type SelfDeclarationProgress = z.infer<typeof SelfDeclarationProgress>;

export const SelfDeclarationExportQuery = z.object({
  format: z.enum(['csv', 'xlsx']).default('csv'),
  lang: z.enum(['ja', 'en']).default('ja'),
  /** The 配慮事項 columns: only when HR asks for them explicitly; the export is audited */
  sensitive: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
});
export type SelfDeclarationExportQuery = z.input<typeof SelfDeclarationExportQuery>;

// ---------------------------------------------------------------------------------------------
// Experience map
// ---------------------------------------------------------------------------------------------

const ExperienceLine = z.object({ years: z.number(), from: z.string(), to: z.string().nullable() });

/** Where a person has served, from the assignment history, with years (posts in force count to today). */
export const ExperienceMap = z.object({
  staffId: z.string(),
  serviceYears: z.number(),
  bureaus: z.array(ExperienceLine.extend({ unit: OrgUnitRef })),
  /** 分野: the 部 (or the 局・区 itself for a post directly under it) */
  fields: z.array(ExperienceLine.extend({ unit: OrgUnitRef })),
  /** Kinds of post: the grades held */
  grades: z.array(ExperienceLine.extend({ grade: GradeRef })),
});
export type ExperienceMap = z.infer<typeof ExperienceMap>;

/** HR: people whose experience is narrow, e.g. fewer than 2 局・区 in the last 10 years. */
export const ExperienceSearchQuery = PageQuery.extend({
  /** The span looked back on, in years */
  years: z.coerce.number().int().min(1).max(45).default(10),
  /** Fewer than this many 局・区 in the span */
  bureausBelow: z.coerce.number().int().min(1).max(20).default(2),
  /** Only people now serving in this 局・区 */
  bureauId: z.uuid().optional(),
});
export type ExperienceSearchQuery = z.input<typeof ExperienceSearchQuery>;

export const ExperienceSearchItem = z.object({
  staff: Person.extend({ employeeNumber: z.string() }),
  orgUnit: OrgUnitRef.nullable(),
  bureau: OrgUnitRef.nullable(),
  grade: GradeRef.nullable(),
  serviceYears: z.number(),
  /** Distinct 局・区 served in the span */
  bureausInSpan: z.number().int(),
  /** Years served in the current 局・区 (every post there) */
  yearsInCurrentBureau: z.number(),
});
export type ExperienceSearchItem = z.infer<typeof ExperienceSearchItem>;
export const ExperienceSearchPage = paged(ExperienceSearchItem);
export type ExperienceSearchPage = z.infer<typeof ExperienceSearchPage>;
