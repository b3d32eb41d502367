import { OneOnOneCadence, type OneOnOneCadenceWrite, OneOnOneTeam } from '@portal/contracts';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../../shared/api/api-client.ts';
import { dialogueKeys } from './keys.ts';

/** `GET /api/dashboards/team/one-on-ones`: my staff, the longest since their last 1on1 first. */
export function getTeamOneOnOnes(signal?: AbortSignal): Promise<OneOnOneTeam> {
  return apiFetch('/api/dashboards/team/one-on-ones?pageSize=100', {
    schema: OneOnOneTeam,
    ...(signal ? { signal } : {}),
  });
}

export function teamOneOnOnesQueryOptions() {
  return queryOptions({ queryKey: dialogueKeys.team(), queryFn: ({ signal }) => getTeamOneOnOnes(signal) });
}

export function useTeamOneOnOnes(options: { enabled?: boolean } = {}) {
  return useQuery({ ...teamOneOnOnesQueryOptions(), enabled: options.enabled ?? true });
}

/** `PUT /api/one-on-one-cadence`: how often I mean to meet each of my staff. */
export function saveCadence(input: OneOnOneCadenceWrite): Promise<OneOnOneCadence> {
  return apiFetch('/api/one-on-one-cadence', { method: 'PUT', json: input, schema: OneOnOneCadence });
}

export function useSaveCadence() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: saveCadence,
    onSettled: () => queryClient.invalidateQueries({ queryKey: dialogueKeys.team() }),
  });
}
