import {
  NotificationId,
  NotificationPage,
  NotificationQuery,
  NotificationSettings,
  NotificationSettingsUpdate,
  UnreadCount,
  UnsubscribeToken,
  UnsubscribeView,
} from '@portal/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf, requestMeta } from '../../plugins/auth.ts';

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

  app.get(
    '/me/notification-settings',
    {
      schema: {
        tags: ['notifications'],
        summary: 'How mail reaches me, per category (immediate, digest, off); whether mail is on at all',
        response: { 200: NotificationSettings },
      },
    },
    async (request) => app.services.notifications.settings(actorOf(request)),
  );

  app.put(
    '/me/notification-settings',
    {
      schema: {
        tags: ['notifications'],
        summary: 'Sets how mail of some categories reaches me',
        body: NotificationSettingsUpdate,
        response: { 200: NotificationSettings },
      },
    },
    async (request) =>
      app.services.notifications.updateSettings(actorOf(request), request.body, requestMeta(request)),
  );

  // One-click unsubscribe (RFC 8058): mail clients POST `List-Unsubscribe=One-Click` as a form.
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string', bodyLimit: 1024 },
    (_request, body, done) => done(null, body),
  );

  app.get(
    '/unsubscribe/:token',
    {
      config: { public: true },
      schema: {
        tags: ['notifications'],
        summary: 'What an unsubscribe link turns off (changes nothing)',
        params: UnsubscribeToken,
        response: { 200: UnsubscribeView },
      },
    },
    async (request) => app.services.notifications.unsubscribeView(request.params.token),
  );

  app.post(
    '/unsubscribe/:token',
    {
      config: { public: true },
      schema: {
        tags: ['notifications'],
        summary: 'Turns the link’s categories of mail off, without signing in',
        params: UnsubscribeToken,
        response: { 200: UnsubscribeView },
      },
    },
    async (request) => app.services.notifications.unsubscribe(request.params.token, requestMeta(request)),
  );
};
