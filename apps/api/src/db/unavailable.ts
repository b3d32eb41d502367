/**
 * Whether an error means "the database cannot answer now" (down, unreachable, stalled past the
 * bounded waits, shutting down, out of connections) rather than a fault of the request or the code.
 * Those are answered 503 with Retry-After; the pool reconnects by itself once the database is back.
 *
 * The errors arrive in several shapes: pg's own (`Connection terminated unexpectedly`, `Query read
 * timeout`, an ECONNREFUSED), PostgreSQL's SQLSTATE (57014 for a statement timeout), or wrapped by
 * Prisma (a P1xxx code, or the driver adapter's error under `meta.driverAdapterError`).
 */

/** SQLSTATEs: query cancelled (statement timeout), shutdown, cannot connect now, too many connections, connection exceptions */
const SQLSTATES = new Set([
  '57014',
  '57P01',
  '57P02',
  '57P03',
  '53300',
  '08000',
  '08001',
  '08003',
  '08004',
  '08006',
]);

/** Node's socket errors */
const SOCKET_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

/** Prisma's: cannot reach, timed out, closed, connection pool timeout, a transaction that could not start */
const PRISMA_CODES = new Set(['P1001', 'P1002', 'P1008', 'P1017', 'P2024', 'P2028']);

/** The driver adapter's kinds */
const ADAPTER_KINDS = new Set([
  'DatabaseNotReachable',
  'ConnectionClosed',
  'SocketTimeout',
  'TooManyConnections',
]);

const MESSAGES =
  /Connection terminated|Query read timeout|timeout exceeded when trying to connect|Client has encountered a connection error|Connection refused|the database system is (starting up|shutting down|in recovery mode)|terminating connection|Unable to start a transaction in the given time/i;

export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (depth > 5 || error === null || typeof error !== 'object') return false;
  const e = error as {
    code?: unknown;
    originalCode?: unknown;
    kind?: unknown;
    message?: unknown;
    cause?: unknown;
    meta?: { driverAdapterError?: unknown };
    errors?: unknown;
  };
  for (const code of [e.code, e.originalCode]) {
    if (
      typeof code === 'string' &&
      (SQLSTATES.has(code) || SOCKET_CODES.has(code) || PRISMA_CODES.has(code))
    ) {
      return true;
    }
  }
  if (typeof e.kind === 'string' && ADAPTER_KINDS.has(e.kind)) return true;
  if (typeof e.message === 'string' && MESSAGES.test(e.message)) return true;
  const inner = [e.cause, e.meta?.driverAdapterError, ...(Array.isArray(e.errors) ? e.errors : [])];
  return inner.some((i) => isDatabaseUnavailable(i, depth + 1));
}
