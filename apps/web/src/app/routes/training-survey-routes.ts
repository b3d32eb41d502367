import type { RouteObject } from 'react-router';
import { onlyFor } from '../not-permitted-page.tsx';
import type { RouteKit } from './route-kit.ts';
import { notificationPages } from './route-kit.ts';

const trainingPages = () => import('../../features/training/pages/index.ts');
const surveyPages = () => import('../../features/surveys/pages/index.ts');

/** 研修, エンゲージメント調査 and my notifications (features/training, surveys, notifications). */
export function trainingSurveyRoutes({ featurePage, afterMe, queryClient }: RouteKit): RouteObject[] {
  return [
    // 研修: catalogue, courses, applications, approvals, acceptance and rosters (features/training)
    {
      path: 'training',
      loader: () =>
        afterMe(async () => {
          const { recommendedQueryOptions } = await import('../../features/training/api/get-trainings.ts');
          await queryClient.prefetchQuery(recommendedQueryOptions());
        }),
      lazy: featurePage(async () => ({ Component: (await trainingPages()).CataloguePage })),
    },
    {
      path: 'training/new',
      lazy: featurePage(
        onlyFor(['training:manage:any', 'training:manage:bureau'], async () => ({
          Component: (await trainingPages()).CourseEditorPage,
        })),
      ),
    },
    {
      path: 'training/applications',
      lazy: featurePage(async () => ({ Component: (await trainingPages()).MyApplicationsPage })),
    },
    {
      path: 'training/approvals',
      lazy: featurePage(
        onlyFor(['training:approve:team'], async () => ({
          Component: (await trainingPages()).ApprovalsPage,
        })),
      ),
    },
    {
      path: 'training/acceptance',
      lazy: featurePage(
        onlyFor(['training:manage:any', 'training:manage:bureau'], async () => ({
          Component: (await trainingPages()).AcceptancePage,
        })),
      ),
    },
    {
      path: 'training/sessions/:id',
      lazy: featurePage(
        onlyFor(['training:manage:any', 'training:manage:bureau'], async () => ({
          Component: (await trainingPages()).RosterPage,
        })),
      ),
    },
    {
      path: 'training/:id',
      loader: ({ params }) =>
        afterMe(async () => {
          const { trainingQueryOptions } = await import('../../features/training/api/get-training.ts');
          await queryClient.prefetchQuery(trainingQueryOptions(params.id ?? ''));
        }),
      lazy: featurePage(async () => ({ Component: (await trainingPages()).CoursePage })),
    },
    {
      path: 'training/:id/edit',
      lazy: featurePage(
        onlyFor(['training:manage:any', 'training:manage:bureau'], async () => ({
          Component: (await trainingPages()).CourseEditorPage,
        })),
      ),
    },
    // エンゲージメント調査: answering, HR's bank and rounds, results (features/surveys)
    {
      path: 'surveys',
      lazy: featurePage(async () => ({ Component: (await surveyPages()).SurveysPage })),
    },
    {
      path: 'surveys/questions',
      lazy: featurePage(
        onlyFor(['survey:manage:any'], async () => ({
          Component: (await surveyPages()).QuestionBankPage,
        })),
      ),
    },
    {
      path: 'surveys/new',
      lazy: featurePage(
        onlyFor(['survey:manage:any'], async () => ({
          Component: (await surveyPages()).RoundEditorPage,
        })),
      ),
    },
    {
      path: 'surveys/:id/edit',
      lazy: featurePage(
        onlyFor(['survey:manage:any'], async () => ({
          Component: (await surveyPages()).RoundEditorPage,
        })),
      ),
    },
    {
      path: 'surveys/:id/answer',
      lazy: featurePage(async () => ({ Component: (await surveyPages()).AnswerPage })),
    },
    {
      path: 'surveys/:id/results',
      lazy: featurePage(async () => ({ Component: (await surveyPages()).ResultsPage })),
    },
    // My notifications (features/notifications)
    {
      path: 'notifications',
      lazy: featurePage(async () => ({ Component: (await notificationPages()).NotificationsPage })),
    },
    {
      path: 'notifications/settings',
      lazy: featurePage(async () => ({
        Component: (await notificationPages()).NotificationSettingsPage,
      })),
    },
  ];
}
