/** What the timeline, career-path and my-figures use cases read with: the database and the repository. */
import type { Db } from '../../db/client.ts';
import type { CareerRepository } from './career.repository.ts';

export type CareerHistoryContext = { db: Db; repo: CareerRepository };
