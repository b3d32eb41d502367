/**
 * The embedded database: PGlite (PostgreSQL compiled to WebAssembly) keeping its files in DATA_DIR,
 * served in-process over the PostgreSQL wire protocol on a free loopback port. The app, Prisma and the
 * schema engine then talk to it exactly as to a real server (docs/decisions/001-embedded-pglite.md).
 */
import { mkdir } from 'node:fs/promises';
import net from 'node:net';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketHandler, type PGLiteSocketHandlerOptions } from '@electric-sql/pglite-socket';

export type EmbeddedDatabase = {
  url: string;
  stop: () => Promise<void>;
};

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => {
        if (address && typeof address === 'object') resolve(address.port);
        else reject(new Error('no free port'));
      });
    });
  });
}

/**
 * The frontend messages of the extended query protocol that come before its Sync: Parse, Bind,
 * Describe, Execute, Close, Flush. Between them PostgreSQL keeps per-session state (the unnamed
 * statement and portal, "skip until Sync" after an error), so another connection must not slip in.
 */
const EXTENDED = new Set(['P', 'B', 'D', 'E', 'C', 'H'].map((c) => c.charCodeAt(0)));
const SYNC = new Uint8Array([0x53, 0, 0, 0, 4]);

type Queued = {
  handlerId: number;
  message: Uint8Array;
  onData: (data: Uint8Array) => void;
  resolve: (size: number) => void;
  reject: (error: Error) => void;
};

/**
 * Runs the messages of all connections on the one PGlite, one at a time. A connection keeps the
 * database from its first message of a statement to its Sync, and for as long as it has a transaction
 * open; the others' messages wait. (pglite-socket's own queue only keeps transactions apart, so two
 * pipelined statements of two connections could interleave: one bound the other's parameters, and an
 * error of one made PostgreSQL skip the other's messages.)
 */
class ConnectionQueue {
  private queue: Queued[] = [];
  private owner: number | null = null;
  private running = false;

  constructor(private readonly db: PGlite) {}

  enqueue(handlerId: number, message: Uint8Array, onData: (data: Uint8Array) => void): Promise<number> {
    return new Promise((resolve, reject) => {
      this.queue.push({ handlerId, message, onData, resolve, reject });
      void this.run();
    });
  }

  private next(): Queued | undefined {
    if (this.owner === null) return this.queue.shift();
    const i = this.queue.findIndex((q) => q.handlerId === this.owner);
    return i === -1 ? undefined : this.queue.splice(i, 1)[0];
  }

  private async run(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      for (let item = this.next(); item; item = this.next()) {
        const { message, onData } = item;
        let size = 0;
        try {
          await this.db.runExclusive(() =>
            this.db.execProtocolRawStream(message, {
              onRawData: (data) => {
                size += data.length;
                onData(data);
              },
            }),
          );
        } catch (error) {
          this.owner = null;
          item.reject(error as Error);
          continue;
        }
        const first = message[0] ?? 0;
        this.owner = EXTENDED.has(first) || this.db.isInTransaction() ? item.handlerId : null;
        item.resolve(size);
      }
    } finally {
      this.running = false;
    }
  }

  getQueueLength(): number {
    return this.queue.length;
  }

  clearQueueForHandler(handlerId: number): void {
    this.queue = this.queue.filter((q) => {
      if (q.handlerId !== handlerId) return true;
      q.reject(new Error('Handler disconnected'));
      return false;
    });
  }

  /** A connection that goes away mid-statement or mid-transaction: end both, then let the others on. */
  async clearTransactionIfNeeded(handlerId: number): Promise<void> {
    if (this.owner !== handlerId) return;
    await this.db.runExclusive(async () => {
      await this.db.execProtocolRaw(SYNC);
    });
    if (this.db.isInTransaction()) await this.db.exec('ROLLBACK');
    this.owner = null;
    await this.run();
  }
}

/** A loopback PostgreSQL server for the one PGlite, any number of connections (up to `max`). */
async function serve(db: PGlite, port: number, max: number): Promise<() => Promise<void>> {
  const queue = new ConnectionQueue(db);
  const handlers = new Set<PGLiteSocketHandler>();
  const server = net.createServer((socket) => {
    if (handlers.size >= max) {
      socket.end();
      return;
    }
    const handler = new PGLiteSocketHandler({
      // the handler only calls enqueue, clearQueueForHandler and clearTransactionIfNeeded
      queryQueue: queue as unknown as PGLiteSocketHandlerOptions['queryQueue'],
      closeOnDetach: true,
    });
    handlers.add(handler);
    const forget = () => handlers.delete(handler);
    handler.addEventListener('close', forget);
    handler.addEventListener('error', forget);
    void handler.attach(socket);
  });
  server.maxConnections = max;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  return async () => {
    await Promise.all([...handlers].map((h) => h.detach(true)));
    handlers.clear();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };
}

/**
 * Starts PGlite. `dataDir` undefined keeps the database in memory (tests); otherwise its files live
 * there and survive restarts.
 */
export async function startEmbeddedDatabase(dataDir: string | undefined): Promise<EmbeddedDatabase> {
  if (dataDir) await mkdir(dataDir, { recursive: true });
  const db = dataDir ? await PGlite.create(dataDir) : await PGlite.create();
  await db.waitReady;
  const port = await freePort();
  // Several pool connections are queued onto the single PGlite instance; statements and
  // transactions stay apart.
  const stopServer = await serve(db, port, 32);
  return {
    url: `postgresql://postgres@127.0.0.1:${port}/postgres`,
    stop: async () => {
      await stopServer();
      await db.close();
    },
  };
}
