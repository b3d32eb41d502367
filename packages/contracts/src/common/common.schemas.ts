import { z } from 'zod';

/** A text kept in Japanese (the source of truth) with its English translation for the English UI. */
export const LocalizedText = z.object({
  ja: z.string(),
  en: z.string(),
});
export type LocalizedText = z.infer<typeof LocalizedText>;

export const Language = z.enum(['ja', 'en']);
export type Language = z.infer<typeof Language>;

/** 年度: the fiscal year that starts on 1 April of this calendar year (令和N年度 = 2018 + N). */
export const FiscalYear = z.coerce.number().int().min(1989).max(2100);
export type FiscalYear = z.infer<typeof FiscalYear>;

/**
 * The years a date of the portal may fall in (hire dates to plans a few decades ahead). PostgreSQL
 * refuses some dates JavaScript accepts (year 0), and a date far outside this span is a typing slip.
 */
export const DATE_MIN_YEAR = 1900;
export const DATE_MAX_YEAR = 2199;

/** Only a value in the right format is checked further: one message per bad value. */
const wellFormed = (payload: { issues: readonly unknown[] }) => payload.issues.length === 0;

const yearInRange = (value: string) => {
  const year = Number(value.slice(0, 4));
  return year >= DATE_MIN_YEAR && year <= DATE_MAX_YEAR;
};

/**
 * A calendar date, `2026-04-01`: a real day (no 2026-02-30) within the portal's years. Every date a
 * request carries is this schema, so a service never receives one it cannot turn into a Date.
 */
export const IsoDate = z.iso.date().refine(yearInRange, {
  message: `must fall in the years ${DATE_MIN_YEAR}–${DATE_MAX_YEAR}`,
  abort: true,
  when: wellFormed,
});

/**
 * An instant with its offset, `2026-04-01T09:30:00+09:00`: a real date and time (no 2026-13-45T99:00)
 * within the portal's years. Every date-time a request carries is this schema.
 */
export const IsoDateTime = z.iso
  .datetime({ offset: true })
  .refine((v) => yearInRange(v) && Number.isFinite(Date.parse(v)), {
    message: `must be a real date and time in the years ${DATE_MIN_YEAR}–${DATE_MAX_YEAR}`,
    abort: true,
    when: wellFormed,
  });

/** RFC 9457 problem details, as every error of the API is answered. */
export const ProblemDetails = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string().optional(),
  instance: z.string().optional(),
  /** A stable code the web app translates (e.g. `validation`, `not_found`). */
  code: z.string(),
  requestId: z.string().optional(),
  errors: z
    .array(
      z.object({
        /** Where the bad value is: `body.minutes`, `query.limit`, … */
        field: z.string(),
        message: z.string(),
        /** Where a feature names its errors: a stable code the web app translates, and its values */
        code: z.string().optional(),
        params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
      }),
    )
    .optional(),
});
export type ProblemDetails = z.infer<typeof ProblemDetails>;

export const HealthResponse = z.object({
  status: z.enum(['ok', 'unavailable']),
  database: z.object({
    mode: z.enum(['embedded', 'external']),
    reachable: z.boolean(),
  }),
  version: z.string(),
});
export type HealthResponse = z.infer<typeof HealthResponse>;
