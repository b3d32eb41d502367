/**
 * A real OpenID provider (`oidc-provider`, the certified implementation) on a free loopback port,
 * for the integration tests and the browser tests. Its development interactions ask for any login
 * and password, then for consent; the account is the login typed in, with the claims a city's
 * directory would give it (email, preferred_username, employee_number).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';

export type TestProvider = {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Seconds an authorization code lives (60 unless a test shortens it). */
  ttl: { code: number };
  close: () => Promise<void>;
};

/** The claims of a login typed at the provider; `employee_number` is set for the logins given. */
export type DirectoryAccounts = Record<string, { email?: string; employeeNumber?: string }>;

export async function startTestProvider(options: {
  /** The portal's origin: its callback and signed-out page are registered from it. */
  portalUrl: string;
  accounts?: DirectoryAccounts;
  /**
   * As most directories do by default: the ID token carries only `sub` and the like, the profile
   * claims (email, preferred_username, …) come from userinfo.
   */
  claimsInUserinfoOnly?: boolean;
}): Promise<TestProvider> {
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const clientId = 'portal';
  const clientSecret = 'portal-test-secret-0123456789abcdef';
  const ttl = { code: 60 };
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [`${options.portalUrl}/api/auth/oidc/callback`],
        post_logout_redirect_uris: [`${options.portalUrl}/sign-in`],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_post',
      },
    ],
    claims: {
      openid: ['sub'],
      email: ['email', 'email_verified'],
      profile: ['preferred_username', 'name', 'employee_number'],
    },
    // Claims in the ID token, as Entra ID, Keycloak and Google put them there.
    conformIdTokenClaims: options.claimsInUserinfoOnly ?? false,
    findAccount: async (_ctx, id) => ({
      accountId: id,
      claims: async () => {
        const known = options.accounts?.[id];
        return {
          sub: id,
          email: known?.email ?? `${id}@city.sendai.example`,
          email_verified: true,
          preferred_username: id,
          ...(known?.employeeNumber ? { employee_number: known.employeeNumber } : {}),
        };
      },
    }),
    features: { devInteractions: { enabled: true }, rpInitiatedLogout: { enabled: true } },
    pkce: { required: () => true },
    ttl: {
      AuthorizationCode: () => ttl.code,
      Interaction: 600,
      Session: 3600,
      Grant: 3600,
      AccessToken: 600,
      IdToken: 600,
    },
    cookies: { keys: ['test-provider-cookie-key-0123456789'] },
  });
  server.on('request', provider.callback());
  return {
    issuer,
    clientId,
    clientSecret,
    ttl,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/**
 * Signs in at the provider as a browser would, without one: follows its redirects with a cookie jar,
 * fills the login form (any password) and the consent form. Answers the URL the provider finally
 * redirects to (the portal's callback with `code` and `state`, or with an `error`).
 */
export async function signInAtProvider(
  authorizationUrl: string,
  login: string,
  portalUrl: string,
): Promise<URL> {
  const jar = new Map<string, string>();
  const send = async (url: string, init: RequestInit = {}) => {
    const res = await fetch(url, {
      ...init,
      redirect: 'manual',
      headers: {
        ...(init.headers as Record<string, string>),
        cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; '),
      },
    });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const eq = (pair ?? '').indexOf('=');
      if (eq > 0) jar.set((pair as string).slice(0, eq), (pair as string).slice(eq + 1));
    }
    return res;
  };
  let url = authorizationUrl;
  for (let step = 0; step < 12; step++) {
    if (url.startsWith(portalUrl)) return new URL(url);
    const res = await send(url);
    const location = res.headers.get('location');
    if (location) {
      url = new URL(location, url).href;
      continue;
    }
    const html = await res.text();
    const action = html.match(/<form[^>]*action="([^"]+)"/)?.[1];
    const prompt = html.match(/name="prompt" value="([^"]+)"/)?.[1];
    if (!action || !prompt)
      throw new Error(`unexpected page at the provider (${res.status}): ${html.slice(0, 300)}`);
    const body = new URLSearchParams(prompt === 'login' ? { prompt, login, password: 'any' } : { prompt });
    const posted = await send(new URL(action, url).href, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: body.toString(),
    });
    const next = posted.headers.get('location');
    if (!next) throw new Error(`the provider did not redirect after ${prompt} (${posted.status})`);
    url = new URL(next, url).href;
  }
  throw new Error('too many steps at the provider');
}
