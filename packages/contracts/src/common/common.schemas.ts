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
