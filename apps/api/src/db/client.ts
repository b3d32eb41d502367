import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../generated/prisma/client.ts';
import { pgConfigFromUrl } from './pg-config.ts';

export type Db = PrismaClient;
/** A transaction client: what repositories receive inside `db.$transaction`. */
export type Tx = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0];

export function createPrisma(databaseUrl: string, poolSize = 10): PrismaClient {
  const adapter = new PrismaPg(pgConfigFromUrl(databaseUrl, { max: poolSize }));
  return new PrismaClient({ adapter });
}
