import {
  type SelfDevelopmentCreate,
  SelfDevelopmentRecord,
  type SelfDevelopmentUpdate,
  type SupportDecisionCreate,
} from '@portal/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../../shared/api/api-client.ts';
import { careerKeys, staffPath } from './keys.ts';

const recordPath = (staffId: string, recordId: string) =>
  `${staffPath(staffId)}/self-development/${encodeURIComponent(recordId)}`;

/** `POST /api/staff/{id}/self-development`, once per `Idempotency-Key`. */
export function createSelfDevelopment(staffId: string, body: SelfDevelopmentCreate, idempotencyKey: string) {
  return apiFetch(`${staffPath(staffId)}/self-development`, {
    method: 'POST',
    json: body,
    headers: { 'idempotency-key': idempotencyKey },
    schema: SelfDevelopmentRecord,
  });
}

/** `PUT …/self-development/{recordId}` with the version read: stale → 409. */
export function updateSelfDevelopment(staffId: string, recordId: string, body: SelfDevelopmentUpdate) {
  return apiFetch(recordPath(staffId, recordId), {
    method: 'PUT',
    json: body,
    schema: SelfDevelopmentRecord,
  });
}

/** `DELETE …/self-development/{recordId}?version=` */
export function deleteSelfDevelopment(staffId: string, recordId: string, version: number) {
  return apiFetch(`${recordPath(staffId, recordId)}?version=${version}`, { method: 'DELETE' });
}

/** `POST …/self-development/{recordId}/decision` (the person's supervisor) with the version read. */
export function decideSupport(staffId: string, recordId: string, body: SupportDecisionCreate) {
  return apiFetch(`${recordPath(staffId, recordId)}/decision`, {
    method: 'POST',
    json: body,
    schema: SelfDevelopmentRecord,
  });
}

export type SelfDevelopmentWrite =
  | { op: 'create'; body: SelfDevelopmentCreate; idempotencyKey: string }
  | { op: 'update'; recordId: string; body: SelfDevelopmentUpdate }
  | { op: 'delete'; recordId: string; version: number }
  | { op: 'decide'; recordId: string; body: SupportDecisionCreate };

/** Every write to a person's self-development; the person's views and "my figures" refetch after it. */
export function useSelfDevelopmentWrite(staffId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (write: SelfDevelopmentWrite): Promise<unknown> => {
      if (write.op === 'create') return createSelfDevelopment(staffId, write.body, write.idempotencyKey);
      if (write.op === 'update') return updateSelfDevelopment(staffId, write.recordId, write.body);
      if (write.op === 'delete') return deleteSelfDevelopment(staffId, write.recordId, write.version);
      return decideSupport(staffId, write.recordId, write.body);
    },
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: careerKeys.person(staffId) });
      void queryClient.invalidateQueries({ queryKey: careerKeys.mine() });
    },
  });
}
