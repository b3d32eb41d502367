import {
  SelfDeclarationProgress,
  SelfDeclarationRound,
  type SelfDeclarationRoundInput,
  SelfDeclarationRoundPage,
} from '@portal/contracts';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../../shared/api/api-client.ts';
import { selfDeclarationKeys } from './self-declaration.ts';

const roundPath = (id: string) => `/api/self-declaration-rounds/${encodeURIComponent(id)}`;

/** `GET /api/self-declaration-rounds` as HR reads it: every round, the newest 年度 first. */
export function useAllRounds() {
  return useQuery(
    queryOptions({
      queryKey: [...selfDeclarationKeys.rounds(), 'all'],
      queryFn: ({ signal }) =>
        apiFetch('/api/self-declaration-rounds?pageSize=50', { schema: SelfDeclarationRoundPage, signal }),
    }),
  );
}

/** `GET /api/self-declaration-rounds/{id}/progress`: the population and where it stands, per 局・区. */
export function useRoundProgress(roundId: string | undefined) {
  return useQuery(
    queryOptions({
      queryKey: [...selfDeclarationKeys.round(roundId ?? ''), 'progress'],
      queryFn: ({ signal }) =>
        apiFetch(`${roundPath(roundId ?? '')}/progress`, { schema: SelfDeclarationProgress, signal }),
      enabled: Boolean(roundId),
    }),
  );
}

/**
 * `POST /api/self-declaration-rounds` (with an Idempotency-Key) or `PUT …/{id}` with the version the
 * editor read: a stale one is a 409.
 */
export function useSaveRound() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (v: {
      input: SelfDeclarationRoundInput;
      target: { id: string; version: number } | { idempotencyKey: string };
    }) =>
      'id' in v.target
        ? apiFetch(roundPath(v.target.id), {
            method: 'PUT',
            json: { ...v.input, version: v.target.version },
            schema: SelfDeclarationRound,
          })
        : apiFetch('/api/self-declaration-rounds', {
            method: 'POST',
            json: v.input,
            headers: { 'idempotency-key': v.target.idempotencyKey },
            schema: SelfDeclarationRound,
          }),
    onSuccess: (saved) => {
      queryClient.setQueryData(selfDeclarationKeys.round(saved.id), saved);
      void queryClient.invalidateQueries({ queryKey: selfDeclarationKeys.all });
    },
  });
}
