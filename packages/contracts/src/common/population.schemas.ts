/**
 * The head count of a population before a round is saved: the 局・区 and grades HR is choosing, sent as
 * comma-separated ids in the query string (`?bureauIds=a,b&gradeIds=c`).
 */
import { z } from 'zod';

/** `a,b,c` → `['a', 'b', 'c']` (empty or absent: none); each a uuid, at most `max`. */
export const IdListParam = (max: number) =>
  z
    .string()
    .max(max * 37)
    .default('')
    .transform((s) =>
      s
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.uuid()).max(max));

/** How many people a population holds, counted on `on` (the day the round would reach them). */
export const PopulationCount = z.object({
  count: z.number().int().min(0),
  /** The day counted on, `2026-04-01` */
  on: z.string(),
});
export type PopulationCount = z.infer<typeof PopulationCount>;
