import { OrgUnitList, StaffDetail, StaffListQuery, StaffPage, StaffRolesInput } from '@portal/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, requestMeta } from '../../plugins/auth.ts';

const IdParams = z.object({ id: z.uuid() });

export const staffRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/staff',
    {
      schema: {
        tags: ['staff'],
        summary: 'Staff I may see, paginated',
        querystring: StaffListQuery,
        response: { 200: StaffPage },
      },
    },
    async (request) => app.services.staff.list(actorOf(request), request.query),
  );
  app.get(
    '/staff/:id',
    {
      schema: {
        tags: ['staff'],
        summary: 'One person (404 outside my scope)',
        params: IdParams,
        response: { 200: StaffDetail },
      },
    },
    async (request) => app.services.staff.get(actorOf(request), request.params.id),
  );
  app.post(
    '/staff/:id/disable',
    {
      schema: {
        tags: ['staff'],
        summary: 'Disable an account (HR); ends its sessions',
        params: IdParams,
        response: { 200: StaffDetail },
      },
    },
    async (request) =>
      app.services.staff.setDisabled(actorOf(request), request.params.id, true, requestMeta(request)),
  );
  app.post(
    '/staff/:id/enable',
    {
      schema: {
        tags: ['staff'],
        summary: 'Enable an account again (HR)',
        params: IdParams,
        response: { 200: StaffDetail },
      },
    },
    async (request) =>
      app.services.staff.setDisabled(actorOf(request), request.params.id, false, requestMeta(request)),
  );
  app.put(
    '/staff/:id/roles',
    {
      schema: {
        tags: ['staff'],
        summary: 'Grant or revoke HR administration (HR; never the last one, never one’s own)',
        params: IdParams,
        body: StaffRolesInput,
        response: { 200: StaffDetail },
      },
    },
    async (request) =>
      app.services.staff.setRoles(actorOf(request), request.params.id, request.body, requestMeta(request)),
  );
  app.get(
    '/org-units',
    {
      schema: {
        tags: ['organisation'],
        summary: 'The organisation tree (局・区 → 部 → 課 → 係)',
        response: { 200: OrgUnitList },
      },
    },
    async (request) => app.services.org.tree(actorOf(request)),
  );
};
