/** What HR sees of the background work: whether mail is on, and the jobs that failed after their retries. */
import type { BackgroundJobStatus } from '@portal/contracts';
import { authorize } from '../../access/access.ts';
import type { Actor } from '../../access/actor.ts';
import type { Db } from '../../db/client.ts';
import { failedJobs, waitingJobs } from './jobs.repository.ts';

const errorOf = (output: unknown): string => {
  if (output && typeof output === 'object' && 'message' in output)
    return String(output.message).slice(0, 500);
  return output ? JSON.stringify(output).slice(0, 500) : '';
};

export function createJobsService(deps: { db: Db; mailEnabled: boolean; digestHour: number }) {
  return {
    async status(actor: Actor): Promise<BackgroundJobStatus> {
      authorize(actor, 'jobs:read:any');
      const [failed, waiting] = await Promise.all([failedJobs(deps.db, 50), waitingJobs(deps.db)]);
      return {
        mailEnabled: deps.mailEnabled,
        digestHour: deps.digestHour,
        waiting,
        failed: failed.map((j) => ({
          id: j.id,
          queue: j.name,
          failedAt: j.completed_on?.toISOString() ?? null,
          retries: j.retry_count,
          error: errorOf(j.output),
        })),
      };
    },
  };
}
export type JobsService = ReturnType<typeof createJobsService>;
