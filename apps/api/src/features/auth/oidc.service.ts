/**
 * Single sign-on with the city's directory: OpenID Connect authorization code flow with PKCE, state
 * and nonce, through `openid-client`. The transient values travel in a short-lived cookie signed with
 * the session secret; nothing is stored before the person is known. Only enabled people already on
 * the roster get a session: an identity is matched by the configured claim, and no account is ever
 * created from a token.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import * as client from 'openid-client';
import type { RequestMeta } from '../../access/actor.ts';
import type { Db } from '../../db/client.ts';
import type { Env, OidcSettings } from '../../env.ts';
import { NotFoundError, UnavailableError } from '../../shared/errors.ts';
import { recordAudit } from '../audit/audit.writer.ts';
import type { AuthService } from './auth.service.ts';
import { oidcRepository, rosterFieldOf } from './oidc.repository.ts';

/** How long a sign-in may take at the provider. */
const FLOW_SECONDS = 10 * 60;

/** Why a sign-in did not open a session; the web page explains each. */
export type OidcFailure =
  | 'state' // no, expired or foreign transient cookie, or a state that does not match it
  | 'provider' // the provider refused (an error in the callback, a used or expired code, a bad token)
  | 'no_claim' // the identity lacks the configured claim
  | 'not_on_roster' // nobody on the roster has it
  | 'ambiguous' // more than one person has it
  | 'disabled'; // that person's account is disabled

type Transient = { state: string; nonce: string; verifier: string; exp: number };

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

/** Plain http only for a provider on this machine (a trial or the tests); never over a network. */
export function isLoopbackHttp(issuer: string): boolean {
  const url = new URL(issuer);
  return url.protocol === 'http:' && LOOPBACK.has(url.hostname);
}

export function createOidcService(deps: { db: Db; env: Env; secret: string; auth: AuthService }) {
  const settings: OidcSettings | null = deps.env.oidc;
  const redirectUri = `${deps.env.publicUrl}/api/auth/oidc/callback`;
  const signedOutUri = `${deps.env.publicUrl}/sign-in`;
  let discovered: Promise<client.Configuration> | undefined;

  function configuration(): Promise<client.Configuration> {
    if (!settings) throw new NotFoundError('Single sign-on is not configured.', 'oidc_off');
    discovered ??= client
      .discovery(
        new URL(settings.issuer),
        settings.clientId,
        undefined,
        client.ClientSecretPost(settings.clientSecret),
        isLoopbackHttp(settings.issuer) ? { execute: [client.allowInsecureRequests] } : undefined,
      )
      .catch((err: unknown) => {
        discovered = undefined; // try again on the next sign-in
        throw err;
      });
    return discovered.catch(() => {
      throw new UnavailableError('The sign-in service of the city’s directory does not answer.');
    });
  }

  const mac = (payload: string) => createHmac('sha256', `oidc:${deps.secret}`).update(payload).digest();

  function seal(t: Transient): string {
    const payload = Buffer.from(JSON.stringify(t)).toString('base64url');
    return `${payload}.${mac(payload).toString('base64url')}`;
  }

  function unseal(cookie: string | undefined, now = Date.now()): Transient | null {
    if (!cookie) return null;
    const [payload, sig] = cookie.split('.');
    if (!payload || !sig) return null;
    const expected = mac(payload);
    const given = Buffer.from(sig, 'base64url');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
    try {
      const t = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Transient;
      return typeof t.exp === 'number' && t.exp * 1000 > now ? t : null;
    } catch {
      return null;
    }
  }

  async function fail(reason: OidcFailure, meta: RequestMeta, detail: Record<string, unknown> = {}) {
    await recordAudit(deps.db, {
      actorId: typeof detail.staffId === 'string' ? detail.staffId : null,
      action: 'auth.login_failed',
      after: { method: 'oidc', reason, ...detail },
      meta,
    });
    return { ok: false as const, reason };
  }

  return {
    enabled: settings !== null,
    flowSeconds: FLOW_SECONDS,

    /** The provider's authorization URL, and the sealed transient values to keep in a cookie. */
    async begin(): Promise<{ url: string; cookie: string }> {
      const config = await configuration();
      const verifier = client.randomPKCECodeVerifier();
      const state = client.randomState();
      const nonce = client.randomNonce();
      const url = client.buildAuthorizationUrl(config, {
        redirect_uri: redirectUri,
        scope: 'openid email profile',
        code_challenge: await client.calculatePKCECodeChallenge(verifier),
        code_challenge_method: 'S256',
        state,
        nonce,
      });
      const exp = Math.floor(Date.now() / 1000) + FLOW_SECONDS;
      return { url: url.href, cookie: seal({ state, nonce, verifier, exp }) };
    },

    /**
     * Completes a sign-in from the provider's redirect (`query` as received). A session for the person,
     * or the reason there is none (audited).
     */
    async complete(
      query: Record<string, string | undefined>,
      cookie: string | undefined,
      meta: RequestMeta & { userAgent?: string },
    ): Promise<
      | { ok: true; token: string; expiresAt: Date; idToken: string | null }
      | { ok: false; reason: OidcFailure }
    > {
      const config = await configuration();
      const transient = unseal(cookie);
      if (!transient || !query.state || query.state !== transient.state) {
        return fail('state', meta, { cookie: transient ? 'present' : 'missing or expired' });
      }
      if (query.error) return fail('provider', meta, { error: query.error.slice(0, 100) });
      const current = new URL(redirectUri);
      for (const [k, v] of Object.entries(query)) if (v !== undefined) current.searchParams.set(k, v);
      const claim = (settings as OidcSettings).claim;
      let claims: Record<string, unknown>;
      let idToken: string | null = null;
      try {
        const tokens = await client.authorizationCodeGrant(config, current, {
          pkceCodeVerifier: transient.verifier,
          expectedState: transient.state,
          expectedNonce: transient.nonce,
          idTokenExpected: true,
        });
        claims = (tokens.claims() ?? {}) as Record<string, unknown>;
        idToken = tokens.id_token ?? null;
        // Many providers keep the profile claims out of the ID token: ask userinfo, for the same subject.
        if (
          claims[claim] === undefined &&
          config.serverMetadata().userinfo_endpoint &&
          typeof claims.sub === 'string'
        ) {
          const userinfo = await client.fetchUserInfo(config, tokens.access_token, claims.sub);
          claims = { ...userinfo, ...claims };
        }
      } catch (err) {
        type Failure = {
          code?: string;
          error?: string;
          message?: string;
          cause?: Failure & { claim?: unknown };
        };
        const e = err as Failure;
        // the claim a check failed on (nonce, exp, aud, …), one or two causes down
        const claim = e.cause?.claim ?? e.cause?.cause?.claim;
        return fail('provider', meta, {
          error: String(e.error ?? e.code ?? 'error').slice(0, 100),
          message: String(e.message ?? '').slice(0, 200),
          ...(typeof claim === 'string' ? { claim } : {}),
        });
      }
      const value = claims[claim];
      const subject = { issuer: claims.iss, sub: claims.sub };
      if (typeof value !== 'string' || !value.trim()) return fail('no_claim', meta, { claim, ...subject });
      const people = await oidcRepository.findByIdentity(deps.db, rosterFieldOf(claim), value.trim());
      if (people.length === 0) return fail('not_on_roster', meta, { claim, value, ...subject });
      if (people.length > 1) return fail('ambiguous', meta, { claim, value, ...subject });
      const person = people[0] as (typeof people)[number];
      if (person.disabledAt) return fail('disabled', meta, { staffId: person.id, ...subject });
      const session = await deps.auth.startSession(person.id, meta, 'oidc');
      return { ok: true, ...session, idToken };
    },

    /**
     * Where to send the browser after the portal session ended: the provider's logout, if it has one
     * (RP-initiated logout), with the ID token of the sign-in as `id_token_hint` when the browser kept it.
     */
    async signOutUrl(idTokenHint?: string): Promise<string> {
      if (!settings) return signedOutUri;
      const config = await configuration().catch(() => null);
      if (!config?.serverMetadata().end_session_endpoint) return signedOutUri;
      return client.buildEndSessionUrl(config, {
        client_id: settings.clientId,
        post_logout_redirect_uri: signedOutUri,
        ...(idTokenHint ? { id_token_hint: idTokenHint } : {}),
      }).href;
    },
  };
}

export type OidcService = ReturnType<typeof createOidcService>;
