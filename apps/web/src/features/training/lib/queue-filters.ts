/** The acceptance queue's filters, as the URL keeps them (`/training/acceptance?course=…&session=…&bureau=…`). */
export type QueueFilters = { trainingId: string; sessionId: string; bureauId: string; page: number };

const uuidLike = (v: string | null) => (v && /^[0-9a-f-]{36}$/i.test(v) ? v : '');

/** Reads the filters from the URL; anything malformed is dropped rather than sent. */
export function readQueueFilters(params: URLSearchParams): QueueFilters {
  const page = Number(params.get('page'));
  const trainingId = uuidLike(params.get('course'));
  return {
    trainingId,
    // a session belongs to a course: without one it is not offered, so it is not kept either
    sessionId: trainingId ? uuidLike(params.get('session')) : '',
    bureauId: uuidLike(params.get('bureau')),
    page: Number.isInteger(page) && page > 1 ? page : 1,
  };
}

/** The URL's search params for these filters (empty ones left out). */
export function writeQueueFilters(f: QueueFilters): URLSearchParams {
  const p = new URLSearchParams();
  if (f.trainingId) p.set('course', f.trainingId);
  if (f.sessionId) p.set('session', f.sessionId);
  if (f.bureauId) p.set('bureau', f.bureauId);
  if (f.page > 1) p.set('page', String(f.page));
  return p;
}

/** The API's query string for the acceptance inbox with these filters. */
export function toQueueQuery(f: QueueFilters, pageSize: number): string {
  const p = new URLSearchParams({ inbox: 'acceptance', page: String(f.page), pageSize: String(pageSize) });
  if (f.trainingId) p.set('trainingId', f.trainingId);
  if (f.sessionId) p.set('sessionId', f.sessionId);
  if (f.bureauId) p.set('bureauId', f.bureauId);
  return p.toString();
}
