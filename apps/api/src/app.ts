/**
 * The Fastify application: plugins, the error model, the features under /api, and the built web app
 * on the same origin with history fallback. `buildApp` takes its dependencies so tests drive the real
 * app through `app.inject()` against a database of their own.
 */
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import compress from '@fastify/compress';
import cookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { Db } from './db/client.ts';
import type { Env } from './env.ts';
import { auditRoutes } from './features/audit/audit.routes.ts';
import { type AuditService, createAuditService } from './features/audit/audit.service.ts';
import { accountRoutes } from './features/auth/account.routes.ts';
import { type AccountService, createAccountService } from './features/auth/account.service.ts';
import { authRoutes } from './features/auth/auth.routes.ts';
import { type AuthService, createAuthService } from './features/auth/auth.service.ts';
import { oidcRoutes } from './features/auth/oidc.routes.ts';
import { createOidcService, type OidcService } from './features/auth/oidc.service.ts';
import { careerRoutes } from './features/career/career.routes.ts';
import { dashboardRoutes } from './features/dashboards/dashboard.routes.ts';
import { oneOnOneRoutes } from './features/dialogue/one-on-one.routes.ts';
import { healthRoutes } from './features/health/health.routes.ts';
import { jobsRoutes } from './features/jobs/jobs.routes.ts';
import { createJobsService, type JobsService } from './features/jobs/jobs.service.ts';
import { notificationRoutes } from './features/notifications/notification.routes.ts';
import {
  createNotificationService,
  type NotificationService,
} from './features/notifications/notification.service.ts';
import { ojtRoutes } from './features/ojt/ojt.routes.ts';
import { masterDataRoutes } from './features/org/master-data.routes.ts';
import { createOrgService, type OrgService } from './features/org/org.service.ts';
import { planRoutes } from './features/plan/plan.routes.ts';
import { createPolicyRepository } from './features/policy/policy.repository.ts';
import { policyRoutes } from './features/policy/policy.routes.ts';
import { createPolicyService, type PolicyService } from './features/policy/policy.service.ts';
import { rosterRoutes } from './features/roster/roster.routes.ts';
import { selfDeclarationRoutes } from './features/self-declaration/self-declaration.routes.ts';
import { createStaffRepository } from './features/staff/staff.repository.ts';
import { staffRoutes } from './features/staff/staff.routes.ts';
import { createStaffService, type StaffService } from './features/staff/staff.service.ts';
import { surveyRoutes } from './features/surveys/survey.routes.ts';
import { trainingAfterCourseRoutes } from './features/training/training-after-course.routes.ts';
import { trainingApplicationRoutes } from './features/training/training-application.routes.ts';
import { trainingAssignmentRoutes } from './features/training/training-assignment.routes.ts';
import { trainingCatalogueRoutes } from './features/training/training-catalogue.routes.ts';
import { trainingSessionRoutes } from './features/training/training-session.routes.ts';
import { createMailer, type Mailer } from './mail/mailer.ts';
import { paths } from './paths.ts';
import { logAbortedAnswersAsInfo } from './plugins/aborted-answers.ts';
import { authPlugin } from './plugins/auth.ts';
import { compressAnswers } from './plugins/compress-answers.ts';
import {
  errorHandler,
  frameworkErrorCode,
  notFoundProblem,
  sendProblem,
  writeClientError,
} from './plugins/error-handler.ts';
import { securityHeaders } from './plugins/security-headers.ts';
import { storableText } from './plugins/storable-text.ts';
import type { Keyring } from './shared/sealed-text.ts';

export const API_VERSION = '0.1.0';

/** Answers smaller than this go out as they are: compressing them costs more than it saves. */
export const COMPRESS_THRESHOLD_BYTES = 1024;

/**
 * Files under `assets/` carry a content hash in their name, so a browser may keep them for a year
 * without asking again; everything else (index.html, icons) is revalidated on every use.
 */
export function cacheControlFor(relativePath: string): string {
  return relativePath.split(path.sep).join('/').startsWith('assets/')
    ? 'public, max-age=31536000, immutable'
    : 'no-cache';
}

export type Services = {
  policy: PolicyService;
  auth: AuthService;
  account: AccountService;
  staff: StaffService;
  org: OrgService;
  audit: AuditService;
  oidc: OidcService;
  notifications: NotificationService;
  jobs: JobsService;
};

declare module 'fastify' {
  interface FastifyInstance {
    db: Db;
    services: Services;
    databaseMode: 'embedded' | 'external';
    apiVersion: string;
    env: Env;
    /** The keys of the 配慮事項 (decision 033) */
    sensitiveKeys: Keyring | null;
  }
  interface FastifyContextConfig {
    /** Reachable without a session. */
    public?: boolean;
    /** Reachable by a session that is not complete yet: `mfa` (second factor awaited), `enrol` */
    stages?: ('mfa' | 'enrol')[];
  }
}

export type AppDeps = {
  env: Env;
  /** Keys session ids; see resolveSessionSecret */
  sessionSecret: string;
  /** Seal and open the 配慮事項; see resolveSensitiveKeys. Absent: none — they can be neither stored nor read */
  sensitiveKeys?: Keyring | null;
  db: Db;
  databaseMode: 'embedded' | 'external';
  /** Serve the built web app from apps/web/dist (when it exists). */
  serveWeb?: boolean;
  /** Where the built web app is; apps/web/dist unless given. */
  webDist?: string;
  logger?: boolean;
  /** Mail out; by default SMTP from the environment (off without SMTP_URL) */
  mailer?: Mailer;
};

function createServices(db: Db, env: Env, sessionSecret: string, mailer: Mailer): Services {
  const auth = createAuthService({ db, env, secret: sessionSecret, mailEnabled: mailer.enabled });
  return {
    policy: createPolicyService({ policies: createPolicyRepository(db) }),
    auth,
    account: createAccountService({ db, env, mailer }),
    oidc: createOidcService({ db, env, secret: sessionSecret, auth }),
    staff: createStaffService({ db, staff: createStaffRepository() }),
    org: createOrgService({ db }),
    audit: createAuditService({ db }),
    notifications: createNotificationService({
      db,
      mailEnabled: mailer.enabled,
      digestHour: env.notifications.digestHour,
      secret: sessionSecret,
    }),
    jobs: createJobsService({ db, mailEnabled: mailer.enabled, digestHour: env.notifications.digestHour }),
  };
}

export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const security = Object.entries(securityHeaders(deps.env));
  const edgeHeaders = { ...Object.fromEntries(security), 'cache-control': 'no-store' };
  const app = Fastify({
    logger:
      deps.logger === false
        ? false
        : {
            level: deps.env.logLevel,
            redact: ['req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]'],
            hooks: { logMethod: logAbortedAnswersAsInfo },
          },
    genReqId: () => randomUUID(),
    requestIdHeader: false,
    // A hop count trusts that many proxies nearest to the server; Fastify's types take it as a function.
    trustProxy:
      typeof deps.env.trustProxy === 'number'
        ? (
            (hops: number) => (_address: string, hop: number) =>
              hop < hops
          )(deps.env.trustProxy)
        : deps.env.trustProxy,
    bodyLimit: 5 * 1024 * 1024,
    // Answers Fastify gives before routing (a path parameter too long, a malformed URL) and those of
    // the HTTP parser (headers too large, a malformed request) are problem+json like every other.
    frameworkErrors: (error, request, reply) => {
      reply.headers(edgeHeaders);
      return sendProblem(reply, request, error.statusCode ?? 400, frameworkErrorCode(error), error.message);
    },
    clientErrorHandler: (error, socket) => writeClientError(error, socket, edgeHeaders),
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorate('db', deps.db);
  const mailer = deps.mailer ?? createMailer(deps.env);
  app.decorate('services', createServices(deps.db, deps.env, deps.sessionSecret, mailer));
  app.addHook('onClose', async () => mailer.close());
  app.decorate('databaseMode', deps.databaseMode);
  app.decorate('apiVersion', API_VERSION);
  app.decorate('env', deps.env);
  app.decorate('sensitiveKeys', deps.sensitiveKeys ?? null);
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
    // Answers of the API carry personal data: no cache keeps them (ASVS 14.3.2), unless a route
    // says otherwise.
    if (request.url.startsWith('/api') && !reply.hasHeader('cache-control')) {
      reply.header('cache-control', 'no-store');
    }
  });

  // helmet's headers, worked out once (`@fastify/helmet` rebuilt helmet's middleware on every request)
  app.addHook('onRequest', (_request, reply, done) => {
    for (const [name, value] of security) reply.raw.setHeader(name, value);
    done();
  });
  await app.register(errorHandler);
  await app.register(storableText);
  // Answers in memory (JSON) are compressed in one call; streams by @fastify/compress (decision 039).
  app.addHook('onSend', compressAnswers(COMPRESS_THRESHOLD_BYTES));
  // Before the static files, whose precompressed answers it then leaves alone (decision 035).
  await app.register(compress, {
    threshold: COMPRESS_THRESHOLD_BYTES,
    encodings: ['br', 'gzip'],
    globalDecompression: false,
  });
  await app.register(cookie);
  await app.register(authPlugin);

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: '人材育成ポータル API',
        description:
          'The staff-development portal of Sendai City. Errors are RFC 9457 problem details; lists are paginated.',
        version: API_VERSION,
      },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'portal_session' } } },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
  });

  await app.register(
    async (api) => {
      api.get('/openapi.json', { config: { public: true }, schema: { hide: true } }, async () =>
        app.swagger(),
      );
      await api.register(swaggerUi, { routePrefix: '/docs', staticCSP: true });
      await api.register(healthRoutes);
      await api.register(policyRoutes);
      await api.register(authRoutes);
      await api.register(accountRoutes);
      await api.register(oidcRoutes);
      await api.register(staffRoutes);
      await api.register(masterDataRoutes);
      await api.register(auditRoutes);
      await api.register(rosterRoutes);
      await api.register(trainingCatalogueRoutes);
      await api.register(trainingAssignmentRoutes);
      await api.register(trainingSessionRoutes);
      await api.register(trainingApplicationRoutes);
      await api.register(trainingAfterCourseRoutes);
      await api.register(planRoutes);
      await api.register(dashboardRoutes);
      await api.register(careerRoutes);
      await api.register(ojtRoutes);
      await api.register(notificationRoutes);
      await api.register(oneOnOneRoutes);
      await api.register(selfDeclarationRoutes);
      await api.register(surveyRoutes);
      await api.register(jobsRoutes);
    },
    { prefix: '/api' },
  );

  const webDist = deps.webDist ?? paths.webDist;
  const serveWeb = deps.serveWeb !== false && existsSync(path.join(webDist, 'index.html'));
  if (serveWeb) {
    await app.register(fastifyStatic, {
      root: webDist,
      wildcard: false,
      index: false,
      preCompressed: true,
      cacheControl: false,
      setHeaders: (reply, filePath) => {
        reply.header('cache-control', cacheControlFor(path.relative(webDist, filePath)));
      },
    });
  }
  // Everything that is not the API and not a file is a route of the single-page app.
  app.setNotFoundHandler((request, reply) => {
    const url = request.url.split('?')[0] ?? '/';
    const isApi = url === '/api' || url.startsWith('/api/');
    if (!serveWeb || isApi || (request.method !== 'GET' && request.method !== 'HEAD') || path.extname(url)) {
      return notFoundProblem(request, reply);
    }
    return reply.header('cache-control', 'no-cache').sendFile('index.html');
  });
  return app;
}
