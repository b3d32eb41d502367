/**
 * 職員名簿の取込 (roster import): the personnel system's export, as CSV or Excel, one row per person
 * describing their current post. HR previews a file, then applies the same file.
 *
 * ## The row format
 * The first row holds the column names, in English snake_case or in Japanese; columns are found by
 * name, in any order, and columns not listed here are ignored (personnel exports carry many more).
 * Header names are compared after NFKC normalisation, case- and space-insensitively, so `ＩＤ`, `Id`
 * and `職員 番号` match too.
 *
 * | column            | Japanese headers                        | required | value                                          |
 * |-------------------|-----------------------------------------|----------|------------------------------------------------|
 * | employee_number   | 職員番号, 職員コード                    | yes      | letters, digits, `-`; ≤ 16                     |
 * | name              | 氏名, 職員氏名                          | yes      | ≤ 100                                          |
 * | name_kana         | 氏名カナ, 氏名(カナ), フリガナ, カナ氏名 | yes      | kana and spaces; half-width kana is widened    |
 * | name_en           | 氏名英字, 氏名(英字), 英字氏名, ローマ字氏名 | no   | ≤ 100 (empty: kept empty)                      |
 * | login_id          | ログインID                              | yes      | `A-Z a-z 0-9 . _ @ -`; ≤ 64                    |
 * | email             | メールアドレス, メール                  | no       | an e-mail address                              |
 * | job_family_code   | 職種コード                              | yes      | the code of an existing 職種                   |
 * | grade_code        | 職位コード                              | yes      | the code of an existing 職位                   |
 * | hire_date         | 採用日, 採用年月日                      | yes      | `YYYY-MM-DD` (`YYYY/MM/DD` and `YYYY/M/D` too) |
 * | bureau_kind       | 局区種別, 局区区分                      | yes      | `bureau` / `ward` (also `局` / `区`)           |
 * | bureau_code       | 局区コード, 局コード                    | yes      | the 局・区's code; ≤ 32                        |
 * | bureau_name       | 局区名, 局名                            | yes      | ≤ 200                                          |
 * | department_code   | 部コード                                | no       | the 部 under it                                |
 * | department_name   | 部名                                    | with code|                                                |
 * | division_code     | 課コード                                | no       | the 課 under the 部                            |
 * | division_name     | 課名                                    | with code|                                                |
 * | section_code      | 係コード                                | no       | the 係 under the 課                            |
 * | section_name      | 係名                                    | with code|                                                |
 * | post              | 役職, 職名                              | no       | ≤ 100 (e.g. 係長, 課長)                        |
 * | is_head           | 所属長, 所属長フラグ                    | no       | `true/false`, `1/0`, `はい/いいえ`, `yes/no`; empty = false |
 * | starts_on         | 発令日, 配属日, 異動日                  | yes      | `YYYY-MM-DD`: the start of this post           |
 *
 * The person's unit is the lowest level filled in (a person may belong to a 課 directly); lower levels
 * may be left empty, but a level cannot be skipped (a 係 needs its 課). Units are matched by code;
 * units a file names that do not exist yet are created under their parent (their English name starts
 * as the Japanese one). A unit that exists with another parent or kind is an error: a reorganisation
 * is made in the organisation screens, not by a roster file.
 *
 * CSV: UTF-8 (with or without BOM) or Shift_JIS (detected). Excel: `.xlsx`, the first worksheet.
 */
import { z } from 'zod';
import { OrgUnitKind } from '../identity/identity.schemas.ts';

/** The columns, in the order a template file lists them, with the Japanese names they also go by. */
export const ROSTER_COLUMNS = {
  employee_number: ['職員番号', '職員コード'],
  name: ['氏名', '職員氏名'],
  name_kana: ['氏名カナ', '氏名(カナ)', 'フリガナ', 'カナ氏名'],
  name_en: ['氏名英字', '氏名(英字)', '英字氏名', 'ローマ字氏名'],
  login_id: ['ログインID'],
  email: ['メールアドレス', 'メール'],
  job_family_code: ['職種コード'],
  grade_code: ['職位コード'],
  hire_date: ['採用日', '採用年月日'],
  bureau_kind: ['局区種別', '局区区分'],
  bureau_code: ['局区コード', '局コード'],
  bureau_name: ['局区名', '局名'],
  department_code: ['部コード'],
  department_name: ['部名'],
  division_code: ['課コード'],
  division_name: ['課名'],
  section_code: ['係コード'],
  section_name: ['係名'],
  post: ['役職', '職名'],
  is_head: ['所属長', '所属長フラグ'],
  starts_on: ['発令日', '配属日', '異動日'],
} as const satisfies Record<string, readonly string[]>;
export type RosterColumn = keyof typeof ROSTER_COLUMNS;
export const ROSTER_COLUMN_NAMES = Object.keys(ROSTER_COLUMNS) as RosterColumn[];

/** The columns a file must have (the others may be absent altogether). */
export const ROSTER_REQUIRED_COLUMNS: readonly RosterColumn[] = [
  'employee_number',
  'name',
  'name_kana',
  'login_id',
  'job_family_code',
  'grade_code',
  'hire_date',
  'bureau_kind',
  'bureau_code',
  'bureau_name',
  'starts_on',
];

/** The levels under a 局・区, top first. */
export const ROSTER_UNIT_LEVELS = ['bureau', 'department', 'division', 'section'] as const;
export type RosterUnitLevel = (typeof ROSTER_UNIT_LEVELS)[number];

// ---------------------------------------------------------------------------------------------
// One row
// ---------------------------------------------------------------------------------------------

/** Codes, dates and flags are NFKC-normalised: full-width digits and letters are common in exports. */
const nfkc = (v: unknown) => (typeof v === 'string' ? v.normalize('NFKC').trim() : v);
const trim = (v: unknown) => (typeof v === 'string' ? v.trim() : v);
const emptyToUndefined = (v: unknown) => (v === '' || v === null ? undefined : v);

const required = (max: number) =>
  z.preprocess(
    trim,
    z.string({ error: 'Required.' }).min(1, 'Required.').max(max, `At most ${max} characters.`),
  );
const optional = (max: number) =>
  z.preprocess(
    (v) => emptyToUndefined(trim(v)),
    z.string().max(max, `At most ${max} characters.`).optional(),
  );
/** The characters a code may hold; `allowed` is how row errors describe them. */
const CODE_PATTERN = /^[A-Za-z0-9_.-]+$/;
const EMPLOYEE_NUMBER_PATTERN = /^[A-Za-z0-9-]+$/;
const LOGIN_ID_PATTERN = /^[A-Za-z0-9._@-]+$/;
const KANA_PATTERN = /^[\p{Script=Katakana}\p{Script=Hiragana}ー・ ]+$/u;
const ALLOWED_CHARACTERS: ReadonlyMap<string, string> = new Map([
  [String(CODE_PATTERN), 'A-Z a-z 0-9 _ . -'],
  [String(EMPLOYEE_NUMBER_PATTERN), 'A-Z a-z 0-9 -'],
  [String(LOGIN_ID_PATTERN), 'A-Z a-z 0-9 . _ @ -'],
]);

const code = (max: number, what: string) =>
  z.preprocess(
    nfkc,
    z
      .string({ error: 'Required.' })
      .min(1, 'Required.')
      .max(max, `At most ${max} characters.`)
      .regex(CODE_PATTERN, `${what} may contain letters, digits, '_', '.' and '-' only.`),
  );
const optionalCode = (max: number, what: string) =>
  z.preprocess(
    (v) => emptyToUndefined(nfkc(v)),
    z
      .string()
      .max(max, `At most ${max} characters.`)
      .regex(CODE_PATTERN, `${what} may contain letters, digits, '_', '.' and '-' only.`)
      .optional(),
  );

/** `YYYY-MM-DD`; `YYYY/MM/DD` and unpadded months and days are accepted and normalised. */
export const RosterDate = z.preprocess(
  nfkc,
  z
    .string({ error: 'Required.' })
    .min(1, 'Required.')
    .transform((v, ctx) => {
      const m = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/.exec(v);
      const [y, mo, d] = m ? [Number(m[1]), Number(m[2]), Number(m[3])] : [0, 0, 0];
      const date = new Date(Date.UTC(y, mo - 1, d));
      if (!m || date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) {
        ctx.addIssue({
          code: 'custom',
          message: 'Not a date (YYYY-MM-DD).',
          params: { code: 'invalid_date' },
        });
        return z.NEVER;
      }
      if (y < 1900 || y > 2100) {
        ctx.addIssue({
          code: 'custom',
          message: 'The year is out of range (1900–2100).',
          params: { code: 'date_out_of_range', min: 1900, max: 2100 },
        });
        return z.NEVER;
      }
      return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
    }),
);

const TRUE_WORDS = new Set(['true', '1', 'はい', 'yes', 'y', '○', '〇']);
const FALSE_WORDS = new Set(['false', '0', 'いいえ', 'no', 'n', '']);
export const RosterFlag = z.preprocess(
  (v) => (typeof v === 'string' ? v.normalize('NFKC').trim().toLowerCase() : (v ?? '')),
  z.string().transform((v, ctx) => {
    if (TRUE_WORDS.has(v)) return true;
    if (FALSE_WORDS.has(v)) return false;
    ctx.addIssue({
      code: 'custom',
      message: 'Use true/false, 1/0 or はい/いいえ.',
      params: { code: 'invalid_flag' },
    });
    return z.NEVER;
  }),
);

export const RosterBureauKind = z.preprocess(
  (v) => (typeof v === 'string' ? v.normalize('NFKC').trim().toLowerCase() : v),
  z.string({ error: 'Required.' }).transform((v, ctx) => {
    if (v === 'bureau' || v === '局') return 'bureau' as const;
    if (v === 'ward' || v === '区') return 'ward' as const;
    ctx.addIssue(
      v
        ? {
            code: 'custom',
            message: 'Use bureau or ward (局 or 区).',
            params: { code: 'invalid_bureau_kind' },
          }
        : { code: 'custom', message: 'Required.', params: { code: 'required' } },
    );
    return z.NEVER;
  }),
);

/** Katakana (half-width is widened by NFKC), hiragana, spaces, ー and ・. */
const kana = z.preprocess(
  nfkc,
  z
    .string({ error: 'Required.' })
    .min(1, 'Required.')
    .max(100, 'At most 100 characters.')
    .regex(KANA_PATTERN, 'Kana only (カタカナ).'),
);

const LEVEL_COLUMNS = {
  bureau: ['bureau_code', 'bureau_name'],
  department: ['department_code', 'department_name'],
  division: ['division_code', 'division_name'],
  section: ['section_code', 'section_name'],
} as const satisfies Record<RosterUnitLevel, readonly [RosterColumn, RosterColumn]>;

/** A unit a row names: its level, code, Japanese name and the code of its parent. */
export const RosterUnitRef = z.object({
  level: z.enum(ROSTER_UNIT_LEVELS),
  kind: OrgUnitKind,
  code: z.string(),
  name: z.string(),
  parentCode: z.string().nullable(),
});
export type RosterUnitRef = z.infer<typeof RosterUnitRef>;

/**
 * One row as read from the file (every value a string, keyed by column), validated and turned into a
 * `RosterRow`. Issues carry the column name as their path.
 */
export const RosterRecord = z
  .object({
    employee_number: z.preprocess(
      nfkc,
      z
        .string({ error: 'Required.' })
        .min(1, 'Required.')
        .max(16, 'At most 16 characters.')
        .regex(EMPLOYEE_NUMBER_PATTERN, 'Letters, digits and - only.'),
    ),
    name: required(100),
    name_kana: kana,
    name_en: optional(100),
    login_id: z.preprocess(
      nfkc,
      z
        .string({ error: 'Required.' })
        .min(1, 'Required.')
        .max(64, 'At most 64 characters.')
        .regex(LOGIN_ID_PATTERN, "Letters, digits, '.', '_', '@' and '-' only."),
    ),
    email: z.preprocess(
      (v) => emptyToUndefined(nfkc(v)),
      z.email('Not an e-mail address.').max(254).optional(),
    ),
    job_family_code: code(32, 'A job family code'),
    grade_code: code(32, 'A grade code'),
    hire_date: RosterDate,
    bureau_kind: RosterBureauKind,
    bureau_code: code(32, 'A unit code'),
    bureau_name: required(200),
    department_code: optionalCode(32, 'A unit code'),
    department_name: optional(200),
    division_code: optionalCode(32, 'A unit code'),
    division_name: optional(200),
    section_code: optionalCode(32, 'A unit code'),
    section_name: optional(200),
    post: optional(100),
    is_head: RosterFlag,
    starts_on: RosterDate,
  })
  .superRefine((r, ctx) => {
    // A person is hired on or before today (Japan time), and posted on or after being hired.
    const today = new Date(Date.now() + 9 * 3600_000).toISOString().slice(0, 10);
    if (r.hire_date > today) {
      ctx.addIssue({
        code: 'custom',
        path: ['hire_date'],
        message: `The hire date is after today (${today}).`,
        params: { code: 'hire_date_future', today },
      });
    }
    if (r.starts_on < r.hire_date) {
      ctx.addIssue({
        code: 'custom',
        path: ['starts_on'],
        message: `The post starts before the hire date (${r.hire_date}).`,
        params: { code: 'starts_before_hire', hireDate: r.hire_date },
      });
    }
    let gapAbove: RosterUnitLevel | null = null;
    for (const level of ROSTER_UNIT_LEVELS) {
      const [codeColumn, nameColumn] = LEVEL_COLUMNS[level];
      const c = r[codeColumn];
      const n = r[nameColumn];
      if (c === undefined) {
        if (n !== undefined)
          ctx.addIssue({
            code: 'custom',
            path: [codeColumn],
            message: 'A unit name needs its code.',
            params: { code: 'unit_name_without_code', column: nameColumn },
          });
        gapAbove ??= level;
        continue;
      }
      if (n === undefined)
        ctx.addIssue({
          code: 'custom',
          path: [nameColumn],
          message: 'A unit code needs its name.',
          params: { code: 'unit_code_without_name', column: codeColumn },
        });
      if (gapAbove) {
        ctx.addIssue({
          code: 'custom',
          path: [codeColumn],
          message: `A ${level} needs its ${gapAbove} (${LEVEL_COLUMNS[gapAbove][0]} is empty).`,
          params: {
            code: 'unit_level_skipped',
            level,
            missing: gapAbove,
            column: LEVEL_COLUMNS[gapAbove][0],
          },
        });
      }
    }
  })
  .transform((r) => {
    const units: RosterUnitRef[] = [];
    for (const level of ROSTER_UNIT_LEVELS) {
      const [codeColumn, nameColumn] = LEVEL_COLUMNS[level];
      const c = r[codeColumn];
      if (c === undefined) break;
      units.push({
        level,
        kind: level === 'bureau' ? r.bureau_kind : level,
        code: c,
        name: r[nameColumn] ?? '',
        parentCode: units.at(-1)?.code ?? null,
      });
    }
    return {
      employeeNumber: r.employee_number,
      name: r.name,
      nameKana: r.name_kana,
      nameEn: r.name_en ?? '',
      loginId: r.login_id,
      email: r.email ?? null,
      jobFamilyCode: r.job_family_code,
      gradeCode: r.grade_code,
      hireDate: r.hire_date,
      /** The 局・区 first, the person's own unit last */
      units,
      post: r.post ?? null,
      isHead: r.is_head,
      startsOn: r.starts_on,
    };
  });
export type RosterRow = z.output<typeof RosterRecord>;

// ---------------------------------------------------------------------------------------------
// Requests and responses
// ---------------------------------------------------------------------------------------------

/** SHA-256 of the file, hex: what preview returns and apply must be given back with the same file. */
export const RosterToken = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[0-9a-f]{64}$/, 'A roster token is 64 hexadecimal characters.');

export const RosterApplyQuery = z.object({ token: RosterToken });
export type RosterApplyQuery = z.infer<typeof RosterApplyQuery>;

/** The file travels as the raw body; its name, URL-encoded, in this header. */
export const RosterFileHeaders = z.object({ 'x-file-name': z.string().max(1024).optional() });

/**
 * Why a row is bad, as a stable code the web app translates (`identity.roster.rowErrors.<code>`), with
 * the values its text names in `params`:
 * - the header: `column_missing` {column, header}, `column_duplicate` {column};
 * - a value: `required`, `too_long` {max}, `invalid_format` {allowed}, `kana_only`, `invalid_email`,
 *   `invalid_date`, `date_out_of_range` {min, max}, `hire_date_future` {today}, `starts_before_hire`
 *   {hireDate}, `invalid_flag`, `invalid_bureau_kind`,
 *   `unit_name_without_code` {column}, `unit_code_without_name` {column},
 *   `unit_level_skipped` {level, missing, column}, `invalid_value` (anything else);
 * - the file against itself: `duplicate_employee_number` {value, row}, `duplicate_login_id` {value, row},
 *   `unit_conflict_kind` {code, row, kind, parent, otherKind, otherParent} (the earlier row's are
 *   `other…`), `unit_conflict_name` {code, row, name, otherName};
 * - the file against the database: `unknown_grade` {value}, `unknown_job_family` {value},
 *   `login_taken` {value, employeeNumber}, `unit_mismatch` {code, kind, parent, existingKind,
 *   existingParent}, `unit_closed` {code, date}, `post_before_current` {date}.
 * Kinds are org-unit kinds (`bureau`, `ward`, `department`, …), levels roster levels, dates
 * `YYYY-MM-DD`; a parent is a unit code, `''` for none.
 */
export const ROSTER_ROW_ERROR_CODES = [
  'column_missing',
  'column_duplicate',
  'required',
  'too_long',
  'invalid_format',
  'kana_only',
  'invalid_email',
  'invalid_date',
  'date_out_of_range',
  'hire_date_future',
  'starts_before_hire',
  'invalid_flag',
  'invalid_bureau_kind',
  'unit_name_without_code',
  'unit_code_without_name',
  'unit_level_skipped',
  'invalid_value',
  'duplicate_employee_number',
  'duplicate_login_id',
  'unit_conflict_kind',
  'unit_conflict_name',
  'unknown_grade',
  'unknown_job_family',
  'retired_grade',
  'retired_job_family',
  'login_taken',
  'unit_mismatch',
  'unit_closed',
  'post_before_current',
] as const;
export type RosterRowErrorCode = (typeof ROSTER_ROW_ERROR_CODES)[number];

export const RosterRowErrorParams = z.record(z.string(), z.union([z.string(), z.number()]));
export type RosterRowErrorParams = z.infer<typeof RosterRowErrorParams>;

/**
 * A bad row: `row` is the line in the sheet (the header is row 1), `field` the column, `code` and
 * `params` what to tell the reader (a code a client does not know yet is shown by its `message`, the
 * English text scripts read).
 */
export const RosterRowError = z.object({
  row: z.number().int(),
  field: z.string(),
  code: z.string(),
  params: RosterRowErrorParams,
  message: z.string(),
});
export type RosterRowError = z.infer<typeof RosterRowError>;

/**
 * The code and params of a zod issue of `RosterRecord`: custom issues carry theirs in `params.code`;
 * the others are derived from the issue's own code.
 */
export function rosterIssueError(issue: z.core.$ZodIssue): {
  code: RosterRowErrorCode;
  params: RosterRowErrorParams;
} {
  switch (issue.code) {
    case 'custom': {
      const { code, ...params } = (issue.params ?? {}) as Record<string, string | number>;
      return (ROSTER_ROW_ERROR_CODES as readonly unknown[]).includes(code)
        ? { code: code as RosterRowErrorCode, params }
        : { code: 'invalid_value', params: {} };
    }
    case 'invalid_type':
      return { code: 'required', params: {} };
    case 'too_small':
      return { code: 'required', params: {} };
    case 'too_big':
      return { code: 'too_long', params: { max: Number(issue.maximum) } };
    case 'invalid_format': {
      if (issue.format === 'email') return { code: 'invalid_email', params: {} };
      if (issue.pattern === String(KANA_PATTERN)) return { code: 'kana_only', params: {} };
      const allowed = ALLOWED_CHARACTERS.get(issue.pattern ?? '');
      return { code: 'invalid_format', params: allowed ? { allowed } : {} };
    }
    default:
      return { code: 'invalid_value', params: {} };
  }
}

export const RosterTotals = z.object({
  rows: z.number().int(),
  valid: z.number().int(),
  invalid: z.number().int(),
  /** New people */
  create: z.number().int(),
  /** Known people whose details or post change */
  update: z.number().int(),
  unchanged: z.number().int(),
});
export type RosterTotals = z.infer<typeof RosterTotals>;

export const RosterChange = z.object({
  field: z.string(),
  from: z.string().nullable(),
  to: z.string().nullable(),
  /** For a code (grade, job family, unit): what it names, in ja/en, when the portal or the file knows */
  fromName: z.object({ ja: z.string(), en: z.string() }).nullable().optional(),
  toName: z.object({ ja: z.string(), en: z.string() }).nullable().optional(),
});
export type RosterChange = z.infer<typeof RosterChange>;

export const RosterRowChange = z.object({
  row: z.number().int(),
  employeeNumber: z.string(),
  name: z.string(),
  action: z.enum(['create', 'update']),
  changes: z.array(RosterChange),
});
export type RosterRowChange = z.infer<typeof RosterRowChange>;

export const RosterNewUnit = z.object({
  code: z.string(),
  kind: OrgUnitKind,
  name: z.string(),
  parentCode: z.string().nullable(),
});
export type RosterNewUnit = z.infer<typeof RosterNewUnit>;

export const RosterAssignmentCounts = z.object({
  /** Current posts ended the day before the new one starts */
  end: z.number().int(),
  /** New posts */
  start: z.number().int(),
  /** Posts starting on the same day as the current one: corrected in place */
  correct: z.number().int(),
});
export type RosterAssignmentCounts = z.infer<typeof RosterAssignmentCounts>;

export const RosterPreview = z.object({
  token: z.string(),
  fileName: z.string(),
  format: z.enum(['csv', 'xlsx']),
  /** The CSV's text encoding as detected (null for Excel) */
  encoding: z.enum(['utf-8', 'shift_jis']).nullable(),
  totals: RosterTotals,
  units: z.object({ create: z.number().int() }),
  assignments: RosterAssignmentCounts,
  /** The first 500 errors, by row */
  errors: z.array(RosterRowError),
  errorCount: z.number().int(),
  /** The first 100 rows that change something, with what changes */
  sample: z.array(RosterRowChange),
  /** The first 100 units to create */
  newUnits: z.array(RosterNewUnit),
});
export type RosterPreview = z.infer<typeof RosterPreview>;

export const RosterApplyResult = z.object({
  token: z.string(),
  fileName: z.string(),
  totals: RosterTotals,
  units: z.object({ created: z.number().int() }),
  staff: z.object({ created: z.number().int(), updated: z.number().int(), unchanged: z.number().int() }),
  assignments: z.object({ ended: z.number().int(), started: z.number().int(), corrected: z.number().int() }),
});
export type RosterApplyResult = z.infer<typeof RosterApplyResult>;

/** Limits: what the API accepts in one file. */
export const ROSTER_MAX_BYTES = 20 * 1024 * 1024;
export const ROSTER_MAX_ROWS = 50_000;
export const ROSTER_MAX_ERRORS = 500;
/** An .xlsx is a zip: what its parts may add up to once inflated (a zip bomb is refused before). */
export const ROSTER_MAX_UNCOMPRESSED_BYTES = 100 * 1024 * 1024;
/** Cells of the worksheet: the rows and a generous number of columns. */
export const ROSTER_MAX_CELLS = (ROSTER_MAX_ROWS + 1) * 40;
