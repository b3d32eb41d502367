import { Writable } from 'node:stream';
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { logAbortedAnswersAsInfo } from './aborted-answers.ts';

function loggedLines() {
  const lines: { level: number; msg?: string; err?: { message: string } }[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(JSON.parse(String(chunk)));
      done();
    },
  });
  const app = Fastify({ logger: { level: 'info', stream, hooks: { logMethod: logAbortedAnswersAsInfo } } });
  return { log: app.log, lines };
}

describe('aborted answers in the log', () => {
  it('logs the compressor’s premature close of an aborted request at info, not error', () => {
    const { log, lines } = loggedLines();
    log.error(new Error('premature close'));
    const closed = Object.assign(new Error('Premature close'), { code: 'ERR_STREAM_PREMATURE_CLOSE' });
    log.error(closed);
    expect(lines.map((l) => l.level)).toEqual([30, 30]);
    expect(lines[0]?.err?.message).toBe('premature close');
    expect(lines[0]?.msg).toMatch(/closed the connection/);
  });

  it('leaves every other error at error level', () => {
    const { log, lines } = loggedLines();
    log.error(new Error('the database went away'));
    log.error({ err: new Error('premature close') }, 'an object first is not the compressor’s call');
    log.error('a message');
    expect(lines.map((l) => l.level)).toEqual([50, 50, 50]);
  });
});
