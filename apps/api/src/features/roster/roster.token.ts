/** The token of a previewed roster file: its SHA-256, so that any instance can apply what another previewed. */
import { createHash } from 'node:crypto';

export const rosterToken = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
