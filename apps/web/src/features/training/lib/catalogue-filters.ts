import { PriorityTagCode, TrainingKind } from '@portal/contracts';

/** The catalogue's filters, as the URL keeps them (`/training?kind=departmental&grade=…&page=2`). */
export type CatalogueFilters = {
  q: string;
  kind: TrainingKind | '';
  gradeId: string;
  initiativeId: string;
  tag: PriorityTagCode | '';
  fiscalYear: number | null;
  page: number;
};

export const PAGE_SIZE = 20;

const isKind = (v: string | null): v is TrainingKind => TrainingKind.safeParse(v).success;
const isTag = (v: string | null): v is PriorityTagCode => PriorityTagCode.safeParse(v).success;
const uuidLike = (v: string | null) => (v && /^[0-9a-f-]{36}$/i.test(v) ? v : '');

/** Reads the filters from the URL; anything malformed is dropped rather than sent. */
export function readCatalogueFilters(params: URLSearchParams): CatalogueFilters {
  const kind = params.get('kind');
  const tag = params.get('tag');
  const fy = Number(params.get('fy'));
  const page = Number(params.get('page'));
  return {
    q: (params.get('q') ?? '').slice(0, 100),
    kind: isKind(kind) ? kind : '',
    gradeId: uuidLike(params.get('grade')),
    initiativeId: uuidLike(params.get('initiative')),
    tag: isTag(tag) ? tag : '',
    fiscalYear: Number.isInteger(fy) && fy >= 2000 && fy <= 2100 ? fy : null,
    page: Number.isInteger(page) && page > 1 ? page : 1,
  };
}

/** The URL's search params for these filters (empty ones left out). */
export function writeCatalogueFilters(filters: CatalogueFilters): URLSearchParams {
  const p = new URLSearchParams();
  if (filters.q.trim()) p.set('q', filters.q.trim());
  if (filters.kind) p.set('kind', filters.kind);
  if (filters.gradeId) p.set('grade', filters.gradeId);
  if (filters.initiativeId) p.set('initiative', filters.initiativeId);
  if (filters.tag) p.set('tag', filters.tag);
  if (filters.fiscalYear) p.set('fy', String(filters.fiscalYear));
  if (filters.page > 1) p.set('page', String(filters.page));
  return p;
}

/** The API's query string for these filters. */
export function toCatalogueQuery(filters: CatalogueFilters, includeInactive = false): string {
  const p = new URLSearchParams();
  if (filters.q.trim()) p.set('q', filters.q.trim());
  if (filters.kind) p.set('kind', filters.kind);
  if (filters.gradeId) p.set('gradeId', filters.gradeId);
  if (filters.initiativeId) p.set('initiativeId', filters.initiativeId);
  if (filters.tag) p.set('tag', filters.tag);
  if (filters.fiscalYear) p.set('fiscalYear', String(filters.fiscalYear));
  if (includeInactive) p.set('includeInactive', 'true');
  p.set('page', String(filters.page));
  p.set('pageSize', String(PAGE_SIZE));
  return p.toString();
}

export function hasActiveFilters(filters: CatalogueFilters): boolean {
  return Boolean(
    filters.q.trim() ||
      filters.kind ||
      filters.gradeId ||
      filters.initiativeId ||
      filters.tag ||
      filters.fiscalYear,
  );
}
