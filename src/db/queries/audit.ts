import type { Kysely, Transaction } from 'kysely';
import type { AuditLogRow, Database } from '../types.ts';

type Q = Kysely<Database> | Transaction<Database>;

export interface AuditRecord {
  actorId: string | null;
  action: string;
  entity: string;
  entityId?: string | null;
  regionCode?: string | null;
  before?: unknown;
  after?: unknown;
  requestId?: string | null;
}

export async function insertAudit(db: Q, record: AuditRecord): Promise<void> {
  await insertAudits(db, [record]);
}

/** Many audit rows in one statement (a batch of measurements writes one row each). */
export async function insertAudits(db: Q, records: AuditRecord[]): Promise<void> {
  if (records.length === 0) return;
  await db
    .insertInto('audit_log')
    .values(
      records.map((record) => ({
        actor_id: record.actorId,
        action: record.action,
        entity: record.entity,
        entity_id: record.entityId ?? null,
        region_code: record.regionCode ?? null,
        before: record.before === undefined ? null : JSON.stringify(record.before),
        after: record.after === undefined ? null : JSON.stringify(record.after),
        request_id: record.requestId ?? null,
      })),
    )
    .execute();
}

/** Audit rows inside a region scope (rows without a region are visible to province-wide scopes). */
export async function listAudit(
  db: Q,
  params: { regionCode: string; limit: number; entity?: string; entityId?: string },
): Promise<(AuditLogRow & { actor_email: string | null })[]> {
  let query = db
    .selectFrom('audit_log as a')
    .leftJoin('app_user as u', 'u.id', 'a.actor_id')
    .selectAll('a')
    .select('u.email as actor_email')
    .where((eb) =>
      params.regionCode.length <= 2
        ? eb.or([
            eb('a.region_code', 'like', `${params.regionCode}%`),
            eb('a.region_code', 'is', null),
          ])
        : eb('a.region_code', 'like', `${params.regionCode}%`),
    );
  if (params.entity) query = query.where('a.entity', '=', params.entity);
  if (params.entityId) query = query.where('a.entity_id', '=', params.entityId);
  return query.orderBy('a.id', 'desc').limit(params.limit).execute();
}
