/**
 * A TCP proxy in front of the real PostgreSQL that a test can stall (bytes are held, nothing is
 * answered, as with a hung server or a dropped network path), cut (connections are closed and new
 * ones refused, as with a server that is down) and restore — a real way to lose the database.
 */
import { type AddressInfo, connect, createServer, type Server, type Socket } from 'node:net';

export type TcpProxy = {
  port: number;
  /** Holds every byte in both directions until restore. */
  stall(): void;
  /** Closes every connection and refuses new ones until restore. */
  cut(): void;
  restore(): void;
  close(): Promise<void>;
};

export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  let mode: 'open' | 'stalled' | 'cut' = 'open';
  const pairs = new Set<[Socket, Socket]>();

  const server: Server = createServer((client) => {
    if (mode === 'cut') {
      client.destroy();
      return;
    }
    const upstream = connect(target.port, target.host);
    const pair: [Socket, Socket] = [client, upstream];
    pairs.add(pair);
    client.pipe(upstream);
    upstream.pipe(client);
    if (mode === 'stalled') {
      client.pause();
      upstream.pause();
    }
    const drop = () => {
      pairs.delete(pair);
      client.destroy();
      upstream.destroy();
    };
    client.on('error', drop);
    upstream.on('error', drop);
    client.on('close', drop);
    upstream.on('close', drop);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));

  const setPaused = (paused: boolean) => {
    for (const [client, upstream] of pairs) {
      for (const socket of [client, upstream]) {
        if (paused) {
          socket.pause();
        } else {
          socket.resume();
        }
      }
    }
  };

  return {
    port: (server.address() as AddressInfo).port,
    stall() {
      mode = 'stalled';
      setPaused(true);
    },
    cut() {
      mode = 'cut';
      for (const [client, upstream] of pairs) {
        client.destroy();
        upstream.destroy();
      }
      pairs.clear();
    },
    restore() {
      mode = 'open';
      setPaused(false);
    },
    async close() {
      for (const [client, upstream] of pairs) {
        client.destroy();
        upstream.destroy();
      }
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
