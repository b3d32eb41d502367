import { describe, expect, it } from 'vitest';
import { parseEnv } from './env.ts';

describe('configuration', () => {
  it('defaults to the embedded database with demo data on port 3000', () => {
    const env = parseEnv({});
    expect(env).toMatchObject({ port: 3000, databaseUrl: undefined, demoMode: true, logLevel: 'info' });
    expect(env.dataDir).toMatch(/\.data$/);
  });

  it('turns demo data off with a real database unless asked for', () => {
    expect(parseEnv({ DATABASE_URL: 'postgresql://u@db:5432/portal' }).demoMode).toBe(false);
    expect(parseEnv({ DATABASE_URL: 'postgresql://u@db:5432/portal', DEMO_MODE: 'true' }).demoMode).toBe(
      true,
    );
  });

  it('names each bad setting', () => {
    expect(() => parseEnv({ PORT: 'eighty', SESSION_SECRET: 'short' })).toThrow(/PORT[\s\S]*SESSION_SECRET/);
  });
});
