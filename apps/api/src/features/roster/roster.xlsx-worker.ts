/**
 * The worker thread that reads an .xlsx (see `roster.xlsx.ts`): the bytes come in `workerData`, the
 * rows or the refusal go back as one message.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { readFirstSheet, XlsxRefused } from './roster.xlsx.ts';

try {
  const rows = await readFirstSheet(workerData as Uint8Array);
  parentPort?.postMessage({ ok: true, rows });
} catch (error) {
  parentPort?.postMessage(
    error instanceof XlsxRefused
      ? { ok: false, code: error.code, message: error.message }
      : {
          ok: false,
          code: 'roster_unreadable',
          message: 'The file is not a readable Excel workbook (.xlsx).',
        },
  );
}
