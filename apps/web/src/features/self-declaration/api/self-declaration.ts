import {
  SelfDeclaration,
  type SelfDeclarationInterview,
  SelfDeclarationListPage,
  SelfDeclarationRound,
  SelfDeclarationRoundPage,
  type SelfDeclarationSave,
} from '@portal/contracts';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../../shared/api/api-client.ts';

/** Query keys of the 自己申告 feature: a write to a declaration invalidates `selfDeclarationKeys.all`. */
export const selfDeclarationKeys = {
  all: ['self-declaration'] as const,
  rounds: () => [...selfDeclarationKeys.all, 'rounds'] as const,
  round: (id: string) => [...selfDeclarationKeys.all, 'round', id] as const,
  declaration: (staffId: string, roundId: string) =>
    [...selfDeclarationKeys.all, 'declaration', staffId, roundId] as const,
  people: (roundId: string, page: number) => [...selfDeclarationKeys.all, 'people', roundId, page] as const,
};

const declarationPath = (staffId: string, roundId: string) =>
  `/api/staff/${encodeURIComponent(staffId)}/self-declarations/${encodeURIComponent(roundId)}`;

/** `GET /api/self-declaration-rounds?phase=open`: the rounds open now. */
export function useOpenRounds() {
  return useQuery(
    queryOptions({
      queryKey: selfDeclarationKeys.rounds(),
      queryFn: ({ signal }) =>
        apiFetch('/api/self-declaration-rounds?phase=open&pageSize=20', {
          schema: SelfDeclarationRoundPage,
          signal,
        }),
    }),
  );
}

/** `GET /api/self-declaration-rounds/{id}` */
export function useRound(roundId: string) {
  return useQuery(
    queryOptions({
      queryKey: selfDeclarationKeys.round(roundId),
      queryFn: ({ signal }) =>
        apiFetch(`/api/self-declaration-rounds/${encodeURIComponent(roundId)}`, {
          schema: SelfDeclarationRound,
          signal,
        }),
    }),
  );
}

/** `GET /api/staff/{id}/self-declarations/{roundId}` (the 配慮事項 only for those who may read them). */
export function useDeclaration(staffId: string | undefined, roundId: string) {
  return useQuery(
    queryOptions({
      queryKey: selfDeclarationKeys.declaration(staffId ?? '', roundId),
      queryFn: ({ signal }) =>
        apiFetch(declarationPath(staffId ?? '', roundId), { schema: SelfDeclaration, signal }),
      enabled: Boolean(staffId),
    }),
  );
}

/** `GET /api/self-declaration-rounds/{id}/declarations`: the round's people the reader may see. */
export function useRoundPeople(roundId: string | undefined, page: number) {
  return useQuery(
    queryOptions({
      queryKey: selfDeclarationKeys.people(roundId ?? '', page),
      queryFn: ({ signal }) =>
        apiFetch(
          `/api/self-declaration-rounds/${encodeURIComponent(roundId ?? '')}/declarations?page=${page}&pageSize=50`,
          { schema: SelfDeclarationListPage, signal },
        ),
      enabled: Boolean(roundId),
    }),
  );
}

/** Saves the declaration (`PUT`) and, asked to, submits it with the version the save returned. */
export function useSaveDeclaration(staffId: string, roundId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: { body: SelfDeclarationSave; submit: boolean }) => {
      let saved = await apiFetch(declarationPath(staffId, roundId), {
        method: 'PUT',
        json: input.body,
        schema: SelfDeclaration,
      });
      if (input.submit) {
        saved = await apiFetch(`${declarationPath(staffId, roundId)}/submit`, {
          method: 'POST',
          json: { version: saved.version },
          schema: SelfDeclaration,
        });
      }
      return saved;
    },
    onSuccess: (saved) => {
      queryClient.setQueryData(selfDeclarationKeys.declaration(staffId, roundId), saved);
      void queryClient.invalidateQueries({ queryKey: selfDeclarationKeys.all });
    },
  });
}

/** `POST …/interview`: the 所属長 records the 面談 and their opinion. */
export function useRecordInterview(staffId: string, roundId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SelfDeclarationInterview) =>
      apiFetch(`${declarationPath(staffId, roundId)}/interview`, {
        method: 'POST',
        json: body,
        schema: SelfDeclaration,
      }),
    onSuccess: (saved) => {
      queryClient.setQueryData(selfDeclarationKeys.declaration(staffId, roundId), saved);
      void queryClient.invalidateQueries({ queryKey: selfDeclarationKeys.all });
    },
  });
}
