import {
  GradeItem,
  GradeItemList,
  JobFamilyItem,
  JobFamilyItemList,
  type MasterDataOrder,
} from '@portal/contracts';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiFetch, type Parser } from '../../../shared/api/api-client.ts';
import { idempotencyHeader } from '../../../shared/api/submission-key.ts';
import { identityKeys } from './keys.ts';

/** The two lists HR maintains, by their API path. */
export type MasterDataKind = 'grades' | 'job-families';
export type MasterDataItem = (GradeItem | JobFamilyItem) & { managerial?: boolean };

const listSchema = (kind: MasterDataKind): Parser<{ items: MasterDataItem[] }> =>
  kind === 'grades' ? GradeItemList : JobFamilyItemList;
const itemSchema = (kind: MasterDataKind): Parser<MasterDataItem> =>
  kind === 'grades' ? GradeItem : JobFamilyItem;

/** `GET /api/grades?includeRetired=true` or `GET /api/job-families?includeRetired=true`: the whole list. */
export function masterDataQueryOptions(kind: MasterDataKind) {
  return queryOptions({
    queryKey: identityKeys.masterData(kind),
    queryFn: async ({ signal }): Promise<MasterDataItem[]> =>
      (await apiFetch(`/api/${kind}?includeRetired=true`, { schema: listSchema(kind), signal })).items,
  });
}

export function useMasterData(kind: MasterDataKind) {
  return useQuery(masterDataQueryOptions(kind));
}

export type MasterDataInput = { nameJa: string; nameEn: string; managerial?: boolean };

/**
 * The writes of one list: add (Idempotency-Key), change (versioned: names, 管理監督者, retired) and
 * reorder (every item with its version). Each refreshes every list and picker of the feature.
 */
export function useMasterDataWrites(kind: MasterDataKind) {
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: identityKeys.all });
  const withManagerial = (input: MasterDataInput) =>
    kind === 'grades'
      ? { ...input, managerial: input.managerial ?? false }
      : { nameJa: input.nameJa, nameEn: input.nameEn };
  const create = useMutation({
    mutationFn: (v: { code: string; input: MasterDataInput; key: string }) =>
      apiFetch(`/api/${kind}`, {
        method: 'POST',
        json: { code: v.code, ...withManagerial(v.input) },
        headers: idempotencyHeader(v.key),
        schema: itemSchema(kind),
      }),
    onSettled: refresh,
  });
  const update = useMutation({
    mutationFn: (v: { item: MasterDataItem; input: MasterDataInput; retired: boolean }) =>
      apiFetch(`/api/${kind}/${v.item.id}`, {
        method: 'PUT',
        json: { version: v.item.version, retired: v.retired, ...withManagerial(v.input) },
        schema: itemSchema(kind),
      }),
    onSettled: refresh,
  });
  const reorder = useMutation({
    mutationFn: (items: MasterDataOrder['items']) =>
      apiFetch(`/api/${kind}/order`, { method: 'PUT', json: { items }, schema: listSchema(kind) }),
    onSuccess: (list) => queryClient.setQueryData(identityKeys.masterData(kind), list.items),
    onSettled: refresh,
  });
  return { create, update, reorder };
}
