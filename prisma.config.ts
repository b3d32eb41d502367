import { defineConfig } from 'prisma/config';

// Used by `prisma generate` only. Migrations run through the WebAssembly schema engine
// (apps/api/src/db/migrator.ts); see docs/decisions/002-wasm-schema-engine.md.
export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
});
