import type { Initiative, PolicyArea, PriorityTagCode } from '@portal/contracts';

/** The URL search parameter that holds the tag filter: `?tag=young&tag=combined`. */
export const TAG_PARAM = 'tag';

/**
 * The policy's order of the tags, written out rather than read from the schema so that the start
 * page does not load zod (decision 037); `satisfies` fails to compile when a tag is missing.
 */
const TAG_ORDER = Object.keys({
  young: true,
  workplace: true,
  combined: true,
} satisfies Record<PriorityTagCode, true>) as readonly PriorityTagCode[];

function isTagCode(value: string): value is PriorityTagCode {
  return (TAG_ORDER as readonly string[]).includes(value);
}

/** The selected tags from the URL, unknown values dropped, in the policy's order, no repeats. */
export function readTagFilter(params: URLSearchParams): PriorityTagCode[] {
  const wanted = new Set(params.getAll(TAG_PARAM).filter(isTagCode));
  return TAG_ORDER.filter((code) => wanted.has(code));
}

/** The same search params with one tag switched on or off (other parameters kept). */
export function toggleTagFilter(params: URLSearchParams, code: PriorityTagCode): URLSearchParams {
  const selected = new Set(readTagFilter(params));
  if (selected.has(code)) selected.delete(code);
  else selected.add(code);
  return writeTagFilter(params, [...selected]);
}

export function writeTagFilter(params: URLSearchParams, codes: readonly PriorityTagCode[]): URLSearchParams {
  const next = new URLSearchParams(params);
  next.delete(TAG_PARAM);
  for (const code of TAG_ORDER) if (codes.includes(code)) next.append(TAG_PARAM, code);
  return next;
}

/**
 * Whether an initiative passes the filter. Several tags narrow the list (an initiative must carry
 * all of them), so each added tag can only shrink what is shown; no tag shows everything.
 */
export function matchesTags(initiative: Initiative, selected: readonly PriorityTagCode[]): boolean {
  return selected.every((code) => initiative.tags.some((tag) => tag.code === code));
}

export type FilteredInitiatives = {
  /** Areas with at least one matching initiative, each holding only those. */
  areas: PolicyArea[];
  shown: number;
  total: number;
};

export function filterInitiatives(
  areas: readonly PolicyArea[],
  selected: readonly PriorityTagCode[],
): FilteredInitiatives {
  let total = 0;
  let shown = 0;
  const kept: PolicyArea[] = [];
  for (const area of areas) {
    total += area.initiatives.length;
    const initiatives = area.initiatives.filter((initiative) => matchesTags(initiative, selected));
    shown += initiatives.length;
    if (initiatives.length > 0) kept.push({ ...area, initiatives });
  }
  return { areas: kept, shown, total };
}

/** How many initiatives carry a tag (for the “see N initiatives” links). */
export function countInitiativesWithTag(areas: readonly PolicyArea[], code: PriorityTagCode): number {
  return areas.reduce(
    (sum, area) => sum + area.initiatives.filter((i) => i.tags.some((t) => t.code === code)).length,
    0,
  );
}

/** The link to the initiatives page filtered by one tag. */
export function initiativesHref(code?: PriorityTagCode): string {
  return code ? `/policy/initiatives?${TAG_PARAM}=${code}` : '/policy/initiatives';
}
