import type { Actor } from '../core/access/scope.ts';
import type { Db } from '../db/connect.ts';

/**
 * What every use case receives: the database, who is acting (null for the public or the system),
 * the request id for the audit trail, and the clock (injected so tests control time).
 */
export interface ServiceContext {
  db: Db;
  actor: Actor | null;
  requestId?: string | null;
  now: () => Date;
}

export const systemClock = () => new Date();
