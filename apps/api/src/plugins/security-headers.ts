/**
 * The security headers of every answer, in one place: the helmet options the app registers, and the
 * same headers as a fixed list for the answers Fastify writes before any route or hook runs (a URI or
 * headers too large, a malformed request line), so that those carry them too.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import helmet, { type HelmetOptions } from 'helmet';
import type { Env } from '../env.ts';

export function helmetOptions(env: Pick<Env, 'cookieSecure'>): HelmetOptions {
  return {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: env.cookieSecure ? [] : null,
      },
    },
    strictTransportSecurity: env.cookieSecure,
  };
}

/** The headers helmet sets with these options, computed once by running helmet itself. */
export function securityHeaders(env: Pick<Env, 'cookieSecure'>): Record<string, string> {
  const headers: Record<string, string> = {};
  const res = {
    setHeader(name: string, value: string | number | readonly string[]) {
      headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
    },
    removeHeader(name: string) {
      delete headers[name.toLowerCase()];
    },
  };
  helmet(helmetOptions(env))({} as IncomingMessage, res as unknown as ServerResponse, (err?: unknown) => {
    if (err) throw err;
  });
  return headers;
}
