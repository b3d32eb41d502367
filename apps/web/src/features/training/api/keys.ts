/** Query keys of the training feature; a mutation invalidates by prefix (`trainingKeys.all`). */
export const trainingKeys = {
  all: ['training'] as const,
  options: () => [...trainingKeys.all, 'options'] as const,
  lists: () => [...trainingKeys.all, 'list'] as const,
  list: (params: string) => [...trainingKeys.lists(), params] as const,
  recommended: () => [...trainingKeys.all, 'recommended'] as const,
  detail: (id: string) => [...trainingKeys.all, 'detail', id] as const,
  sessions: (trainingId: string) => [...trainingKeys.all, 'sessions', trainingId] as const,
  applications: (params: string) => [...trainingKeys.all, 'applications', params] as const,
  roster: (sessionId: string) => [...trainingKeys.all, 'roster', sessionId] as const,
  assignPreview: (trainingId: string, sessionId: string, gradeIds: string[]) =>
    [...trainingKeys.all, 'assign-preview', trainingId, sessionId, ...gradeIds] as const,
  assignmentBatches: (trainingId: string, page: number) =>
    [...trainingKeys.all, 'assignment-batches', trainingId, page] as const,
};
