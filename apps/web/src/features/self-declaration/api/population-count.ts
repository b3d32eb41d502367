import { PopulationCount } from '@portal/contracts';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { apiFetch } from '../../../shared/api/api-client.ts';
import { selfDeclarationKeys } from './self-declaration.ts';

export type RoundPopulation = { bureauIds: string[]; gradeIds: string[] };

/** `GET /api/self-declaration-rounds/population-count`: how many people the population holds today (HR). */
export function getRoundPopulationCount(p: RoundPopulation, signal?: AbortSignal): Promise<PopulationCount> {
  const query = new URLSearchParams({ bureauIds: p.bureauIds.join(','), gradeIds: p.gradeIds.join(',') });
  return apiFetch(`/api/self-declaration-rounds/population-count?${query}`, {
    schema: PopulationCount,
    ...(signal ? { signal } : {}),
  });
}

export function roundPopulationCountQueryOptions(p: RoundPopulation) {
  return queryOptions({
    queryKey: [
      ...selfDeclarationKeys.rounds(),
      'population-count',
      [...p.bureauIds].sort(),
      [...p.gradeIds].sort(),
    ],
    queryFn: ({ signal }) => getRoundPopulationCount(p, signal),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}

export function useRoundPopulationCount(p: RoundPopulation, enabled = true) {
  return useQuery({ ...roundPopulationCountQueryOptions(p), enabled });
}
