import { caseAuditRows } from '../../db/queries/deaths.ts';
import type { ServiceContext } from '../context.ts';
import { readDeathCase } from './cases.ts';

/** One change of a case: when, what, who, and the non-personal fields before and after. */
export interface CaseHistoryEntry {
  id: string;
  at: string;
  action: string;
  actorId: string | null;
  actorName: string | null;
  before: unknown;
  after: unknown;
}

/**
 * Every change of a case, oldest first, from the append-only audit log: the notification, each
 * correction (personal fields as "changed"), each workflow step and recommendation. Readable by
 * whoever may read the case.
 */
export async function caseHistory(
  ctx: ServiceContext,
  caseId: string,
): Promise<CaseHistoryEntry[]> {
  await readDeathCase(ctx, caseId);
  const rows = await caseAuditRows(ctx.db, caseId);
  return rows.map((row) => ({
    id: String(row.id),
    at: new Date(row.at).toISOString(),
    action: row.action,
    actorId: row.actor_id,
    actorName: row.actor_name,
    before: row.before ?? null,
    after: row.after ?? null,
  }));
}
