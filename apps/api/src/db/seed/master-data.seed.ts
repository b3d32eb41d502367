/**
 * The master data every installation starts with: the grade ladder (職位) and the job families (職種)
 * of a 政令指定都市. The roster import refers to these codes (`grade_code`, `job_family_code`), so a real
 * installation can import its people on day one. Existing rows are never changed here: once seeded,
 * HR maintains both in the portal (names, order, retirement).
 */
import type { Db, Tx } from '../client.ts';

/** [code, rank, 日本語, English, 管理監督者]. Ranks leave room for a city's own grades in between. */
export const DEFAULT_GRADES = [
  ['shuji', 1, '主事・技師', 'Staff (shuji/gishi)', false],
  ['shunin', 2, '主任', 'Senior staff (shunin)', false],
  ['kakaricho', 3, '係長・主査', 'Section chief (kakaricho/shusa)', true],
  ['kacho-hosa', 4, '課長補佐', 'Assistant division director', true],
  ['kacho', 5, '課長・主幹', 'Division director (kacho/shukan)', true],
  ['bucho', 6, '部長・参事', 'Department director (bucho/sanji)', true],
  ['kyokucho', 8, '局長・区長', 'Director-general / ward mayor', true],
] as const;

/** [code, 日本語, English] */
export const DEFAULT_JOB_FAMILIES = [
  ['jimu', '事務', 'Administrative'],
  ['doboku', '土木', 'Civil engineering'],
  ['kenchiku', '建築', 'Architecture'],
  ['denki', '電気', 'Electrical engineering'],
  ['kikai', '機械', 'Mechanical engineering'],
  ['kagaku', '化学', 'Chemistry'],
  ['nogaku', '農学', 'Agriculture'],
  ['zoen', '造園', 'Landscape architecture'],
  ['shakai-fukushi', '社会福祉', 'Social welfare'],
  ['shinri', '心理', 'Psychology'],
  ['hokenshi', '保健師', 'Public health nurse'],
  ['kangoshi', '看護師', 'Nurse'],
  ['hoikushi', '保育士', 'Childcare worker'],
  ['eiyoshi', '管理栄養士', 'Registered dietitian'],
  ['yakuzaishi', '薬剤師', 'Pharmacist'],
  ['juishi', '獣医師', 'Veterinarian'],
  ['ishi', '医師', 'Physician'],
  ['gakugeiin', '学芸員', 'Curator'],
  ['shobo', '消防', 'Fire service'],
  ['gino-romu', '技能労務', 'Skilled and manual services'],
] as const;

type GradeRow = readonly [code: string, rank: number, nameJa: string, nameEn: string, managerial: boolean];

/**
 * Creates the grades (the default ladder unless told otherwise) and the default job families that are
 * missing; safe to run again.
 */
export async function seedMasterData(
  db: Db | Tx,
  grades: readonly GradeRow[] = DEFAULT_GRADES,
): Promise<void> {
  await db.grade.createMany({
    data: grades.map(([code, rank, nameJa, nameEn, managerial]) => ({
      code,
      rank,
      nameJa,
      nameEn,
      managerial,
    })),
    skipDuplicates: true,
  });
  await db.jobFamily.createMany({
    data: DEFAULT_JOB_FAMILIES.map(([code, nameJa, nameEn], i) => ({
      code,
      nameJa,
      nameEn,
      position: i + 1,
    })),
    skipDuplicates: true,
  });
}
