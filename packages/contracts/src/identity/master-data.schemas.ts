import { z } from 'zod';
import { LocalizedText } from '../common/common.schemas.ts';

/**
 * The master data HR maintains: the grade ladder (職位), low to high, and the job families (職種), in
 * HR's order. Both are versioned and retired rather than deleted: a retired one stays on history and on
 * the records that name it, and is not offered for new ones (roster rows, course targets, pickers).
 */

/** The characters a code may hold: the roster's (`grade_code`, `job_family_code`) */
export const MASTER_CODE_PATTERN = /^[A-Za-z0-9_.-]+$/;

const code = z
  .string()
  .trim()
  .min(1)
  .max(32)
  .regex(MASTER_CODE_PATTERN, "letters, digits, '_', '.' and '-' only");
const name = z.string().trim().min(1).max(100);

export const MasterDataQuery = z.object({
  /** With the retired ones too (HR's maintenance page; history) */
  includeRetired: z.enum(['true', 'false']).optional(),
});
export type MasterDataQuery = z.infer<typeof MasterDataQuery>;

export const GradeItem = z.object({
  id: z.string(),
  code: z.string(),
  rank: z.number().int(),
  name: LocalizedText,
  /** 管理監督者 (係長 and above) */
  managerial: z.boolean(),
  retired: z.boolean(),
  retiredAt: z.string().nullable(),
  version: z.number().int(),
});
export type GradeItem = z.infer<typeof GradeItem>;
export const GradeItemList = z.object({ items: z.array(GradeItem) });
export type GradeItemList = z.infer<typeof GradeItemList>;

export const GradeCreate = z.object({
  code,
  nameJa: name,
  nameEn: name,
  managerial: z.boolean().default(false),
});
export type GradeCreate = z.input<typeof GradeCreate>;

export const GradeUpdate = z.object({
  version: z.number().int(),
  nameJa: name,
  nameEn: name,
  managerial: z.boolean(),
  retired: z.boolean(),
});
export type GradeUpdate = z.input<typeof GradeUpdate>;

export const JobFamilyItem = z.object({
  id: z.string(),
  code: z.string(),
  position: z.number().int(),
  name: LocalizedText,
  retired: z.boolean(),
  retiredAt: z.string().nullable(),
  version: z.number().int(),
});
export type JobFamilyItem = z.infer<typeof JobFamilyItem>;
export const JobFamilyItemList = z.object({ items: z.array(JobFamilyItem) });
export type JobFamilyItemList = z.infer<typeof JobFamilyItemList>;

export const JobFamilyCreate = z.object({ code, nameJa: name, nameEn: name });
export type JobFamilyCreate = z.input<typeof JobFamilyCreate>;

export const JobFamilyUpdate = z.object({
  version: z.number().int(),
  nameJa: name,
  nameEn: name,
  retired: z.boolean(),
});
export type JobFamilyUpdate = z.input<typeof JobFamilyUpdate>;

/**
 * A new order: every grade (or job family), retired ones included, once, each with the version the
 * client saw — a list that someone else changed meanwhile is a 409 with the list as it now is.
 */
export const MasterDataOrder = z.object({
  items: z
    .array(z.object({ id: z.uuid(), version: z.number().int() }))
    .min(1)
    .max(500),
});
export type MasterDataOrder = z.infer<typeof MasterDataOrder>;
