import { RosterApplyResult, RosterPreview } from '@portal/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../../shared/api/api-client.ts';
import { identityKeys } from './keys.ts';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * The media type to send a roster file as. Browsers label a `.csv` variously (`text/csv`, Excel's
 * `application/vnd.ms-excel` on Windows, or nothing at all); the API reads the bytes either way.
 */
export function rosterContentType(file: File): string {
  if (/\.xlsx$/i.test(file.name)) return XLSX_TYPE;
  if (file.type === XLSX_TYPE || file.type === 'text/csv' || file.type === 'application/vnd.ms-excel') {
    return file.type;
  }
  return 'text/csv';
}

/** The file is the raw body; its name, URL-encoded, travels in `X-File-Name`. */
function fileRequest(file: File) {
  return {
    method: 'POST',
    body: file,
    headers: { 'content-type': rosterContentType(file), 'x-file-name': encodeURIComponent(file.name) },
  } as const;
}

/** `POST /api/roster-imports/preview` (HR): what the file would change, and every bad row. */
export function previewRoster(file: File): Promise<RosterPreview> {
  return apiFetch('/api/roster-imports/preview', { ...fileRequest(file), schema: RosterPreview });
}

/** `POST /api/roster-imports?token=…` (HR): applies the previewed file, whole or not at all. */
export function applyRoster(file: File, token: string): Promise<RosterApplyResult> {
  return apiFetch(`/api/roster-imports?token=${encodeURIComponent(token)}`, {
    ...fileRequest(file),
    schema: RosterApplyResult,
  });
}

export function usePreviewRoster() {
  return useMutation({ mutationFn: previewRoster });
}

export function useApplyRoster() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ file, token }: { file: File; token: string }) => applyRoster(file, token),
    // People, posts and units may all have changed.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: identityKeys.all }),
  });
}
