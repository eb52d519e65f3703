import type { Transaction } from 'kysely';
import type { Db } from '../db/connect.ts';
import { canAccessRegion } from '../core/access/scope.ts';
import { DomainError } from '../core/errors.ts';
import { insertAudit, listAudit, type AuditRecord } from '../db/queries/audit.ts';
import type { Database } from '../db/types.ts';
import type { ServiceContext } from './context.ts';

/** Writes one audit row in the caller's transaction, so the change and its record land together. */
export async function audit(
  trx: Transaction<Database> | Db,
  ctx: ServiceContext,
  record: Omit<AuditRecord, 'actorId' | 'requestId'> & { actorId?: string | null },
): Promise<void> {
  await insertAudit(trx, {
    ...record,
    actorId: record.actorId ?? ctx.actor?.id ?? null,
    requestId: ctx.requestId ?? null,
  });
}

export interface AuditEntryView {
  id: string;
  at: string;
  actorId: string | null;
  actorEmail: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  regionCode: string | null;
  before: unknown;
  after: unknown;
}

/**
 * The audit trail of a region (default: the actor's whole scope), newest first. Readable by those
 * who may read the region's records or manage its users: the trail shows what they could see anyway.
 */
export async function listAuditEntries(
  ctx: ServiceContext,
  params: { limit: number; regionCode?: string; entity?: string; entityId?: string },
): Promise<AuditEntryView[]> {
  const actor = ctx.actor;
  if (!actor) throw new DomainError('unauthenticated');
  const regionCode = params.regionCode ?? actor.regionCode;
  const allowed =
    canAccessRegion(actor, 'records:read', regionCode) ||
    canAccessRegion(actor, 'users:manage', regionCode);
  if (!allowed) {
    const roleCould =
      canAccessRegion({ ...actor, regionCode }, 'records:read', regionCode) ||
      canAccessRegion({ ...actor, regionCode }, 'users:manage', regionCode);
    throw roleCould
      ? new DomainError('region_forbidden', { code: regionCode, field: 'region' })
      : new DomainError('forbidden');
  }
  const rows = await listAudit(ctx.db, { ...params, regionCode });
  return rows.map((row) => ({
    id: String(row.id),
    at: row.at.toISOString(),
    actorId: row.actor_id,
    actorEmail: row.actor_email,
    action: row.action,
    entity: row.entity,
    entityId: row.entity_id,
    regionCode: row.region_code,
    before: row.before ?? null,
    after: row.after ?? null,
  }));
}
