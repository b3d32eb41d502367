import { MyResponse, type SurveyAnswers } from '@portal/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../../shared/api/api-client.ts';
import { surveyKeys } from './keys.ts';

/** `GET /api/surveys/{id}/my-response`: my draft (nothing once submitted). */
export function useMyResponse(id: string) {
  return useQuery({
    queryKey: surveyKeys.myResponse(id),
    queryFn: ({ signal }) =>
      apiFetch(`/api/surveys/${encodeURIComponent(id)}/my-response`, { schema: MyResponse, signal }),
  });
}

/** `PUT …/my-response` (save the draft), then optionally `POST …/my-response/submit`. */
export function useSaveResponse(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (v: { version: number; answers: SurveyAnswers; submit: boolean }) => {
      const saved = await apiFetch(`/api/surveys/${encodeURIComponent(id)}/my-response`, {
        method: 'PUT',
        json: { version: v.version, answers: v.answers },
        schema: MyResponse,
      });
      if (!v.submit) return saved;
      return apiFetch(`/api/surveys/${encodeURIComponent(id)}/my-response/submit`, {
        method: 'POST',
        json: { version: saved.version },
        schema: MyResponse,
      });
    },
    onSuccess: (data) => {
      queryClient.setQueryData(surveyKeys.myResponse(id), data);
      void queryClient.invalidateQueries({ queryKey: surveyKeys.list('all') });
    },
  });
}
