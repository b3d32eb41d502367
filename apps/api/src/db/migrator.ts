/**
 * Migrations through Prisma's own WebAssembly schema engine, so nothing needs Prisma's native engine
 * (its download is unreachable on these machines). The folders under prisma/migrations and the
 * `_prisma_migrations` table are the ones `prisma migrate deploy` uses, so either tool can take over.
 * The engine's API is internal to Prisma and can move between versions: its version is pinned exactly
 * in the catalog and this is the only module that touches it (docs/decisions/002-wasm-schema-engine.md).
 */
import { randomUUID } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { PrismaPg } from '@prisma/adapter-pg';
import { bindMigrationAwareSqlAdapterFactory, ColumnTypeEnum } from '@prisma/driver-adapter-utils';
import type { MigrationList, SchemaEngine as SchemaEngineType } from '@prisma/schema-engine-wasm';
import pg from 'pg';
import { paths } from '../paths.ts';
import { pgConfigFromUrl, withDatabase } from './pg-config.ts';

const require = createRequire(import.meta.url);

/** Node's WebAssembly global (absent from the ES lib typings this project compiles against). */
const wasmRuntime = (
  globalThis as unknown as {
    WebAssembly: {
      instantiate: (bytes: Uint8Array, imports: object) => Promise<{ instance: { exports: unknown } }>;
    };
  }
).WebAssembly;

type EngineModule = { SchemaEngine: typeof SchemaEngineType };
let engineModule: Promise<EngineModule> | undefined;

async function loadEngine(): Promise<EngineModule> {
  engineModule ??= (async () => {
    const bg = await import('@prisma/schema-engine-wasm/schema_engine_bg');
    const wasmPath = path.join(
      path.dirname(require.resolve('@prisma/schema-engine-wasm/schema_engine_bg')),
      'schema_engine_bg.wasm',
    );
    const { instance } = await wasmRuntime.instantiate(await readFile(wasmPath), {
      './schema_engine_bg.js': bg,
    });
    const exports = instance.exports as { __wbindgen_start: () => void };
    (bg as unknown as { __wbg_set_wasm: (e: unknown) => void }).__wbg_set_wasm(exports);
    exports.__wbindgen_start();
    return { SchemaEngine: bg.SchemaEngine as unknown as typeof SchemaEngineType };
  })();
  return engineModule;
}

const noFilters = { externalTables: [], externalEnums: [] };

/**
 * Two gaps of @prisma/adapter-pg for the schema engine, bridged on the engine's connections only:
 * - Schema introspection reads catalog columns of PostgreSQL's internal `"char"` type (OID 18), which the
 *   adapter does not map (it throws) while the engine expects them as `Character` columns.
 * - It runs a migration script by splitting it on every `;`, which breaks function bodies and applies a
 *   failing migration halfway. A script is sent whole instead: PostgreSQL runs a multi-statement simple
 *   query as one implicit transaction, so a migration applies completely or not at all.
 */
const PG_CHAR = 18;
const PG_TEXT = 25;
type PgField = { dataTypeID: number };
type PgIO = { fields: PgField[]; rows: unknown[][] };
type EngineAdapter = Awaited<ReturnType<PrismaPg['connect']>>;
function forEngine<A extends EngineAdapter>(adapter: A): A {
  const internal = adapter as unknown as {
    performIO: (q: unknown) => Promise<PgIO>;
    onError: (error: unknown) => never;
    client: { query: (sql: string) => Promise<unknown> };
  };
  adapter.executeScript = async (script: string) => {
    try {
      await internal.client.query(script);
    } catch (error) {
      internal.onError(error);
    }
  };
  const performIO = internal.performIO.bind(adapter);
  const queryRaw = adapter.queryRaw;
  adapter.queryRaw = async (query) => {
    const io = await performIO(query);
    const charColumns: number[] = [];
    io.fields.forEach((field, i) => {
      if (field.dataTypeID === PG_CHAR) {
        charColumns.push(i);
        field.dataTypeID = PG_TEXT;
      }
    });
    // The adapter's own conversion, over the rows already fetched.
    const result = await queryRaw.call(
      Object.assign(Object.create(adapter), { performIO: async () => io }),
      query,
    );
    for (const i of charColumns) result.columnTypes[i] = ColumnTypeEnum.Character;
    return result;
  };
  return adapter;
}
const engineConnection = (url: string) => pgConfigFromUrl(url, { max: 2 });

async function withEngine<T>(
  databaseUrl: string,
  schema: string,
  fn: (engine: SchemaEngineType) => Promise<T>,
  options: { shadowDatabaseUrl?: string } = {},
): Promise<T> {
  const { SchemaEngine } = await loadEngine();
  // The engine does not close what it connects; keep the adapters to dispose of them afterwards,
  // or their idle pool connections hold the process (and the server's connection slots).
  const factory = new PrismaPg(engineConnection(databaseUrl));
  const opened: { dispose: () => Promise<void> }[] = [];
  const track = (adapter: EngineAdapter): EngineAdapter => {
    opened.push(adapter);
    return forEngine(adapter);
  };
  const adapter = bindMigrationAwareSqlAdapterFactory({
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => track(await factory.connect()),
    connectToShadowDb: async () =>
      track(
        options.shadowDatabaseUrl
          ? await new PrismaPg(engineConnection(options.shadowDatabaseUrl)).connect()
          : await temporaryShadow(databaseUrl),
      ),
  });
  const logs: string[] = [];
  const engine = await SchemaEngine.new(
    { datamodels: [['schema.prisma', schema]] },
    (line: string) => logs.push(line),
    adapter,
  );
  try {
    return await fn(engine);
  } catch (error) {
    throw new Error(
      `schema engine: ${describe(error)}${logs.length ? `\n${logs.slice(-5).join('\n')}` : ''}`,
      {
        cause: error,
      },
    );
  } finally {
    engine.free();
    await Promise.allSettled(opened.map((a) => a.dispose()));
  }
}

/**
 * A temporary shadow database on the same server. (The adapter's own drops the database while its
 * pool still holds a connection to it, which PostgreSQL refuses.)
 */
async function temporaryShadow(databaseUrl: string) {
  const name = `prisma_shadow_${randomUUID().replaceAll('-', '')}`;
  const admin = new pg.Client(pgConfigFromUrl(databaseUrl));
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  const adapter = await new PrismaPg(engineConnection(withDatabase(databaseUrl, name))).connect();
  const dispose = adapter.dispose.bind(adapter);
  adapter.dispose = async () => {
    await dispose();
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  };
  return adapter;
}

function describe(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === 'object' && error !== null) return JSON.stringify(error);
  return String(error);
}

/** The migration folders as the engine wants them. */
export async function loadMigrations(dir = paths.migrations): Promise<MigrationList> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  const folders = entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  const lockPath = path.join(dir, 'migration_lock.toml');
  return {
    baseDir: dir,
    lockfile: { path: 'migration_lock.toml', content: await readFile(lockPath, 'utf8').catch(() => null) },
    shadowDbInitScript: '',
    migrationDirectories: await Promise.all(
      folders.map(async (name) => ({
        path: name,
        migrationFile: {
          path: 'migration.sql',
          content: await readFile(path.join(dir, name, 'migration.sql'), 'utf8').then(
            (value) => ({ tag: 'ok' as const, value }),
            (error: unknown) => ({ tag: 'error' as const, value: describe(error) }),
          ),
        },
      })),
    ),
  };
}

export async function readSchema(file = paths.schema): Promise<string> {
  return readFile(file, 'utf8');
}

/** Applies every pending migration; returns the names applied now. */
export async function applyMigrations(databaseUrl: string): Promise<string[]> {
  const [schema, migrationsList] = await Promise.all([readSchema(), loadMigrations()]);
  return withEngine(databaseUrl, schema, async (engine) => {
    const out = await engine.applyMigrations({ migrationsList, filters: noFilters });
    return out.appliedMigrationNames;
  });
}

/**
 * The migration folders that the database has not applied (or whose application failed). Reads the
 * `_prisma_migrations` table only, without the engine: cheap enough for every instance's start.
 */
export async function pendingMigrations(databaseUrl: string): Promise<string[]> {
  const { migrationDirectories } = await loadMigrations();
  const client = new pg.Client(pgConfigFromUrl(databaseUrl));
  await client.connect();
  try {
    const { rows } = await client.query<{ name: string }>(
      `SELECT migration_name AS name FROM _prisma_migrations
        WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
    );
    const applied = new Set(rows.map((row) => row.name));
    return migrationDirectories.map((d) => d.path).filter((name) => !applied.has(name));
  } catch (error) {
    // 42P01: no migrations table yet, so nothing has been applied
    if ((error as { code?: string }).code === '42P01') return migrationDirectories.map((d) => d.path);
    throw error;
  } finally {
    await client.end();
  }
}

/**
 * The SQL that takes the database described by the migration folders to prisma/schema.prisma;
 * empty when the migrations are up to date. Replays the migrations in a shadow database: by default a
 * temporary one on the given server; `shadowDatabaseUrl` names an empty one to use instead (the
 * embedded database cannot create databases, so there an in-memory PGlite serves).
 */
export async function diffSchemaAgainstMigrations(
  databaseUrl: string,
  options: { shadowDatabaseUrl?: string } = {},
): Promise<string> {
  const [schema, migrationsList] = await Promise.all([readSchema(), loadMigrations()]);
  return withEngine(
    databaseUrl,
    schema,
    async (engine) => {
      const from =
        migrationsList.migrationDirectories.length === 0
          ? ({ tag: 'empty' } as const)
          : ({ tag: 'migrations', ...migrationsList } as const);
      const result = await engine.diff({
        from,
        to: { tag: 'schemaDatamodel', files: [{ path: 'schema.prisma', content: schema }] },
        script: true,
        exitCode: null,
        filters: noFilters,
      });
      const sql = result.stdout ?? '';
      return /^\s*(-- This is an empty migration\.)?\s*$/.test(sql) ? '' : sql;
    },
    options,
  );
}

/** Drops everything in the database's public schema, migrations table included. */
export async function resetDatabase(databaseUrl: string): Promise<void> {
  const schema = await readSchema();
  await withEngine(databaseUrl, schema, (engine) => engine.reset({ filter: noFilters }));
}
