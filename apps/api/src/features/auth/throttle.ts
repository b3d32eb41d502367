/**
 * Sign-in throttling that protects an account without letting anyone lock a city hall out.
 *
 * - per login id and address together: 5 attempts, then each further attempt waits a delay that
 *   doubles (15 s, 30 s, … up to 15 min) — the one who guesses waits, the owner elsewhere does not;
 * - per login id across addresses: a much higher ceiling (100 failures an hour), then 429 and an alert
 *   in the audit log that HR reads;
 * - per address: failures only, with a ceiling (1,000 an hour) that 500 staff behind one proxy do not
 *   reach by mistake.
 * Every counter is raised before the password is checked, in one statement each, and a success takes
 * its raise back: only failures count, and parallel attempts cannot slip past a limit.
 */
import type { ThrottleRepository } from './throttle.repository.ts';

export const THROTTLE = {
  pair: { free: 5, windowSeconds: 3600, baseDelaySeconds: 15, maxDelaySeconds: 900 },
  login: { ceiling: 100, windowSeconds: 3600 },
  address: { ceiling: 1000, windowSeconds: 3600 },
} as const;

export type ThrottleVerdict =
  | { allowed: true; succeeded: () => Promise<void> }
  | {
      allowed: false;
      retryAfter: number;
      rule: 'pair' | 'login' | 'address';
      /** The login's ceiling was passed by this very attempt: raise the alert once */
      alert: boolean;
    };

/** `scope` keeps password and second-factor attempts apart: `password`, `mfa`. */
export async function beginAttempt(
  repo: ThrottleRepository,
  scope: string,
  subject: string,
  address: string,
): Promise<ThrottleVerdict> {
  const who = subject.toLowerCase();
  const pairKey = `${scope}:pair:${who}|${address}`;
  const loginKey = `${scope}:login:${who}`;
  const addressKey = `${scope}:addr:${address}`;

  const pair = await repo.acquire(pairKey, THROTTLE.pair);
  if (!pair)
    return { allowed: false, retryAfter: await repo.blockedFor(pairKey), rule: 'pair', alert: false };
  const login = await repo.raise(loginKey, THROTTLE.login.windowSeconds);
  const addr = await repo.raise(addressKey, THROTTLE.address.windowSeconds);
  if (login.count > THROTTLE.login.ceiling) {
    await repo.lower(addressKey);
    return {
      allowed: false,
      retryAfter: login.retryAfter,
      rule: 'login',
      alert: login.count === THROTTLE.login.ceiling + 1,
    };
  }
  if (addr.count > THROTTLE.address.ceiling) {
    await repo.lower(loginKey);
    return { allowed: false, retryAfter: addr.retryAfter, rule: 'address', alert: false };
  }
  return {
    allowed: true,
    succeeded: async () => {
      await repo.clear(pairKey);
      await repo.lower(loginKey);
      await repo.lower(addressKey);
    },
  };
}
