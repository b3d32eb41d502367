import type { Prisma } from '../generated/prisma/client.ts';

/** A JSON value as a column stores it (read) and takes it (write). */
export type JsonValue = Prisma.JsonValue;
export type InputJson = Prisma.InputJsonValue;
