import { describe, expect, it } from 'vitest';
import { signIn } from './app.ts';
import { ids, READS } from './main-reads.ts';
import { useCountingApp } from './statements.ts';

/**
 * Statements per request for the main reads, counted at the pg driver (decision 038): authentication
 * takes at most {@link AUTH_TARGET}, and each read at most its own budget on top. A budget is what
 * the read takes today: lower it when a change saves statements, never raise it to let one through.
 */
const AUTH_TARGET = 2;
const ctx = useCountingApp();

describe('statement budgets of the main reads', () => {
  it.each(READS)('$name stays within its budget', async (read) => {
    const { app, count } = ctx();
    const cookie = await signIn(app, read.who);
    const url = read.url(await ids(app));
    await count({ url, headers: { cookie } }); // warm: a session touched once stays untouched for a while
    const counted = await count({ url, headers: { cookie } });
    console.info(`${read.name}: total ${counted.total}, auth ${counted.auth}, own ${counted.own}`);
    expect(counted.auth, counted.statements.join('\n')).toBeLessThanOrEqual(AUTH_TARGET);
    expect(counted.own, counted.statements.join('\n')).toBeLessThanOrEqual(read.own);
  });
});
