import { OneOnOne } from '@portal/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../../shared/api/api-client.ts';
import { dialogueKeys } from './keys.ts';

/** `POST /api/one-on-ones/{id}/acknowledge`: the person confirms it, with their own notes. */
export function acknowledgeOneOnOne(id: string, staffNotes: string): Promise<OneOnOne> {
  return apiFetch(`/api/one-on-ones/${encodeURIComponent(id)}/acknowledge`, {
    method: 'POST',
    json: { staffNotes },
    schema: OneOnOne,
  });
}

/** `PUT /api/one-on-ones/{id}/agenda`: the person's agenda before a scheduled 1on1 (versioned). */
export function saveAgenda(id: string, staffAgenda: string, version: number): Promise<OneOnOne> {
  return apiFetch(`/api/one-on-ones/${encodeURIComponent(id)}/agenda`, {
    method: 'PUT',
    json: { staffAgenda, version },
    schema: OneOnOne,
  });
}

export function useAcknowledgeOneOnOne(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (staffNotes: string) => acknowledgeOneOnOne(id, staffNotes),
    onSuccess: (record) => {
      queryClient.setQueryData(dialogueKeys.record(id), record);
      return queryClient.invalidateQueries({ queryKey: dialogueKeys.all });
    },
  });
}

export function useSaveAgenda(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ staffAgenda, version }: { staffAgenda: string; version: number }) =>
      saveAgenda(id, staffAgenda, version),
    onSuccess: (record) => {
      queryClient.setQueryData(dialogueKeys.record(id), record);
      return queryClient.invalidateQueries({ queryKey: dialogueKeys.all });
    },
  });
}
