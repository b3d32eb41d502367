/**
 * What a person has done and where they stand: the timeline (assignments, completed training, OJT
 * received, self-development and qualifications), the career-path ladder with its 階層別研修, and "my
 * figures" for the home page. One file per use case under `use-cases/`; this binds them for the routes.
 */
import { bindUseCases } from '../../shared/use-cases.ts';
import type { CareerHistoryContext } from './career-history.context.ts';
import { careerPath } from './use-cases/career-path.ts';
import { careerTimeline } from './use-cases/career-timeline.ts';
import { myFigures } from './use-cases/my-figures.ts';

export function createCareerHistoryUseCases(ctx: CareerHistoryContext) {
  return bindUseCases(ctx, { timeline: careerTimeline, careerPath, myDashboard: myFigures });
}

export type CareerHistoryUseCases = ReturnType<typeof createCareerHistoryUseCases>;
