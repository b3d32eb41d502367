/**
 * A real installation for one spec (apps/api/test/real-install-server.ts): its own server with
 * DEMO_MODE off on a fresh PostgreSQL database, a real SMTP server, optionally a real OpenID provider
 * with portal passwords off; the `pnpm portal` command line against its database; its mail.
 */
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const root = path.resolve(import.meta.dirname, '../../..');
const run = promisify(execFile);

export type Mail = { to: string[]; subject: string; text: string };

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (!address || typeof address === 'string') throw new Error('no free port');
  return address.port;
}

export class RealInstallation {
  private readonly written = new Set<string>();
  private constructor(
    readonly url: string,
    readonly databaseUrl: string,
    private readonly dir: string,
    private readonly child: ChildProcess,
  ) {}

  static async start(options: { sso?: boolean } = {}): Promise<RealInstallation> {
    const dir = await mkdtemp(path.join(tmpdir(), 'portal-real-'));
    const port = await freePort();
    const child = spawn(process.execPath, ['--import', 'tsx', 'test/real-install-server.ts'], {
      cwd: path.join(root, 'apps/api'),
      stdio: 'inherit',
      env: {
        ...process.env,
        REAL_INSTALL_PORT: String(port),
        REAL_INSTALL_DIR: dir,
        REAL_INSTALL_SSO: options.sso ? 'true' : 'false',
      },
    });
    for (let i = 0; i < 900; i++) {
      const state = await readFile(path.join(dir, 'state.json'), 'utf8').catch(() => null);
      if (state) {
        const { portalUrl, databaseUrl } = JSON.parse(state) as { portalUrl: string; databaseUrl: string };
        return new RealInstallation(portalUrl, databaseUrl, dir, child);
      }
      if (child.exitCode !== null) throw new Error('the real installation did not start');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error('the real installation did not answer in 90 s');
  }

  /** `pnpm portal <args>` against this installation's database, in a folder holding `files`. */
  async portal(args: string[], files: Record<string, string> = {}) {
    for (const [name, text] of Object.entries(files)) {
      await writeFile(path.join(this.dir, name), text);
      this.written.add(name);
    }
    // a file the command reads is named by its full path (pnpm runs it from the repository)
    const argv = args.map((a) => (this.written.has(a) ? path.join(this.dir, a) : a));
    const { stdout } = await run('pnpm', ['--dir', root, 'portal', ...argv], {
      cwd: this.dir,
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        DATABASE_URL: this.databaseUrl,
        DEMO_MODE: 'false',
        PUBLIC_URL: this.url,
        LOG_LEVEL: 'silent',
      },
    });
    return stdout;
  }

  /** The next mail to this address (waits until it arrives). */
  async mailTo(address: string, timeoutMs = 15_000): Promise<Mail> {
    const until = Date.now() + timeoutMs;
    while (Date.now() < until) {
      for (const name of (await readdir(this.dir)).filter((n) => n.startsWith('mail-'))) {
        const mail = JSON.parse(await readFile(path.join(this.dir, name), 'utf8')) as Mail;
        if (mail.to.includes(address)) return mail;
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`no mail to ${address} arrived`);
  }

  async stop(): Promise<void> {
    if (this.child.exitCode === null) {
      const exited = new Promise((resolve) => this.child.once('exit', resolve));
      this.child.kill('SIGTERM');
      await exited;
    }
    await rm(this.dir, { recursive: true, force: true });
  }
}

/** A roster (the import's columns) of new people in 総務局 総務部 人材育成課 研修係. */
export function rosterCsv(
  people: { number: string; loginId: string; name: string; kana: string; email: string; grade?: string }[],
) {
  const columns = [
    'employee_number',
    'name',
    'name_kana',
    'login_id',
    'email',
    'job_family_code',
    'grade_code',
    'hire_date',
    'bureau_kind',
    'bureau_code',
    'bureau_name',
    'department_code',
    'department_name',
    'division_code',
    'division_name',
    'section_code',
    'section_name',
    'starts_on',
  ];
  const row = (p: (typeof people)[number]) =>
    [
      p.number,
      p.name,
      p.kana,
      p.loginId,
      p.email,
      'jimu',
      p.grade ?? 'shuji',
      '2020-04-01',
      'bureau',
      'somu',
      '総務局',
      'somu-1',
      '総務部',
      'somu-1-2',
      '人材育成課',
      'somu-1-2-1',
      '研修係',
      '2026-04-01',
    ].join(',');
  return [columns.join(','), ...people.map(row)].join('\r\n');
}
