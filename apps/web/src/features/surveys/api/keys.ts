/** Query keys of the surveys; a write invalidates by prefix (`surveyKeys.all`). */
export const surveyKeys = {
  all: ['surveys'] as const,
  list: (params: string) => [...surveyKeys.all, 'list', params] as const,
  detail: (id: string) => [...surveyKeys.all, 'detail', id] as const,
  myResponse: (id: string) => [...surveyKeys.all, 'my-response', id] as const,
  questions: (params: string) => [...surveyKeys.all, 'questions', params] as const,
  results: (id: string, params: string) => [...surveyKeys.all, 'results', id, params] as const,
  rate: (id: string, params: string) => [...surveyKeys.all, 'rate', id, params] as const,
};
