/**
 * A real SMTP server in the test process (smtp-server), and what arrived, parsed with mailparser.
 */
import type { AddressInfo } from 'node:net';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll } from 'vitest';

export type TestSmtp = {
  url: string;
  messages: ParsedMail[];
  /** The next message to this address (waits for it to arrive) */
  next: (to: string, timeoutMs?: number) => Promise<ParsedMail>;
};

export function useTestSmtp(): () => TestSmtp {
  const messages: ParsedMail[] = [];
  const waiting: { to: string; resolve: (m: ParsedMail) => void }[] = [];
  const taken = new Set<ParsedMail>();
  let url = '';
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((mail) => {
          messages.push(mail);
          const to = recipients(mail);
          const i = waiting.findIndex((w) => to.includes(w.to));
          const w = i >= 0 ? waiting.splice(i, 1)[0] : undefined;
          if (w) {
            taken.add(mail);
            w.resolve(mail);
          }
          callback();
        })
        .catch(callback);
    },
  });
  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.server.address() as AddressInfo;
    url = `smtp://127.0.0.1:${port}`;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });
  return () => ({
    url,
    messages,
    next: (to, timeoutMs = 10_000) => {
      const arrived = messages.find((m) => !taken.has(m) && recipients(m).includes(to));
      if (arrived) {
        taken.add(arrived);
        return Promise.resolve(arrived);
      }
      return new Promise<ParsedMail>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no mail to ${to} arrived`)), timeoutMs);
        waiting.push({
          to,
          resolve: (m) => {
            clearTimeout(timer);
            resolve(m);
          },
        });
      });
    },
  });
}

function recipients(mail: ParsedMail): string[] {
  const to = Array.isArray(mail.to) ? mail.to : mail.to ? [mail.to] : [];
  return to.flatMap((a) => a.value.map((v) => v.address ?? ''));
}
