import { Prisma } from '../generated/prisma/client.ts';

/** Whether a write failed on a unique constraint (a concurrent create of the same record). */
export function isUniqueViolation(e: unknown): boolean {
  return e instanceof Prisma.PrismaClientKnownRequestError && e.code === 'P2002';
}
