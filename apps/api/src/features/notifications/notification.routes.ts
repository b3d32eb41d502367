import { NotificationId, NotificationPage, NotificationQuery, UnreadCount } from '@portal/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../plugins/auth.ts';

export const notificationRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/notifications',
    {
      schema: {
        tags: ['notifications'],
        summary: 'My notifications, newest first (filters: unread, category), paged by cursor',
        querystring: NotificationQuery,
        response: { 200: NotificationPage },
      },
    },
    async (request) => app.services.notifications.list(actorOf(request), request.query),
  );

  app.get(
    '/notifications/unread-count',
    {
      schema: {
        tags: ['notifications'],
        summary: 'How many of my notifications are unread (one indexed query)',
        response: { 200: UnreadCount },
      },
    },
    async (request) => app.services.notifications.unreadCount(actorOf(request)),
  );

  app.post(
    '/notifications/:id/read',
    {
      schema: {
        tags: ['notifications'],
        summary: 'Marks one of my notifications read',
        params: NotificationId,
      },
    },
    async (request, reply) => {
      await app.services.notifications.markRead(actorOf(request), request.params.id);
      return reply.status(204).send();
    },
  );

  app.post(
    '/notifications/read-all',
    {
      schema: {
        tags: ['notifications'],
        summary: 'Marks all my notifications read',
      },
    },
    async (request, reply) => {
      await app.services.notifications.markAllRead(actorOf(request));
      return reply.status(204).send();
    },
  );
};
