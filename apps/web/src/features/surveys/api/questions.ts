import { SurveyQuestion, type SurveyQuestionCreate, SurveyQuestionPage } from '@portal/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../../shared/api/api-client.ts';
import { surveyKeys } from './keys.ts';

/** `GET /api/survey-questions` (HR): a page of the bank. */
export function useQuestions(page: number, activeOnly = false) {
  const params = `page=${page}&pageSize=100${activeOnly ? '&active=true' : ''}`;
  return useQuery({
    queryKey: surveyKeys.questions(params),
    queryFn: ({ signal }) =>
      apiFetch(`/api/survey-questions?${params}`, { schema: SurveyQuestionPage, signal }),
  });
}

/** `POST /api/survey-questions` (Idempotency-Key) or `PUT /api/survey-questions/{id}` (versioned). */
export function useSaveQuestion() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (v: {
      input: SurveyQuestionCreate & { active: boolean };
      target: { id: string; version: number } | { idempotencyKey: string };
    }) => {
      if ('id' in v.target) {
        const { code: _code, ...rest } = v.input;
        return apiFetch(`/api/survey-questions/${v.target.id}`, {
          method: 'PUT',
          json: { ...rest, version: v.target.version },
          schema: SurveyQuestion,
        });
      }
      return apiFetch('/api/survey-questions', {
        method: 'POST',
        json: v.input,
        headers: { 'idempotency-key': v.target.idempotencyKey },
        schema: SurveyQuestion,
      });
    },
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: surveyKeys.all });
    },
  });
}
