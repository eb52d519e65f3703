import { canAccessRegion } from '../../core/access/scope.ts';
import { DomainError } from '../../core/errors.ts';
import { personNameKey } from '../../core/registry/rules.ts';
import { findRegion } from '../../db/queries/regions.ts';
import {
  findPosyandu,
  insertPosyandu,
  listChildrenOfPosyandu,
  listPosyanduWithin,
} from '../../db/queries/registry.ts';
import { audit } from '../audit.ts';
import type { ServiceContext } from '../context.ts';
import { assertRecordAccess } from './access.ts';
import type { PosyanduListItem } from './types.ts';

export const POSYANDU_LIST_LIMIT = 5000;

/** Posyandu inside a region of the caller's scope (a kader sees only their own). */
export async function listPosyandu(
  ctx: ServiceContext,
  regionCode?: string,
): Promise<{ items: PosyanduListItem[]; truncated: boolean }> {
  const actor = ctx.actor;
  if (!actor) throw new DomainError('unauthenticated');
  const region = regionCode ?? actor.regionCode;
  if (!canAccessRegion(actor, 'records:read', region))
    throw new DomainError('region_forbidden', { code: region, field: 'region' });
  const rows = await listPosyanduWithin(ctx.db, region, POSYANDU_LIST_LIMIT + 1);
  const items = rows.slice(0, POSYANDU_LIST_LIMIT);
  return {
    items: actor.role === 'kader' ? items.filter((p) => p.id === actor.posyanduId) : items,
    truncated: rows.length > POSYANDU_LIST_LIMIT,
  };
}

export async function createPosyandu(
  ctx: ServiceContext,
  input: { name: string; regionCode: string },
) {
  const actor = ctx.actor;
  if (!actor) throw new DomainError('unauthenticated');
  if (!canAccessRegion(actor, 'reference:write', input.regionCode))
    throw new DomainError('region_forbidden', { code: input.regionCode, field: 'regionCode' });
  const region = await findRegion(ctx.db, input.regionCode);
  if (!region)
    throw new DomainError('region_not_found', { code: input.regionCode, field: 'regionCode' });
  if (region.level !== 'desa')
    throw new DomainError('validation_failed', {
      field: 'regionCode',
      summary: 'regionCode: a desa/kelurahan (10 digits)',
      allowed: 'a desa/kelurahan code',
    });
  // Kader and imports name a posyandu by its name within the desa: two with one name are ambiguous.
  const sameName = (await listPosyanduWithin(ctx.db, input.regionCode, 1000)).find(
    (p) => personNameKey(p.name) === personNameKey(input.name),
  );
  if (sameName)
    throw new DomainError('validation_failed', {
      field: 'name',
      summary: `name: ${region.name} already has a posyandu of this name`,
      allowed: 'a name not used in this desa',
    });
  return ctx.db.transaction().execute(async (trx) => {
    const row = await insertPosyandu(trx, { name: input.name, region_code: input.regionCode });
    await audit(trx, ctx, {
      action: 'posyandu.created',
      entity: 'posyandu',
      entityId: row.id,
      regionCode: row.region_code,
      after: { name: row.name },
    });
    return { ...row, region_name: region.name, children: 0 };
  });
}

/** The kader's list for a month: every child of the posyandu with its latest measurement. */
export async function posyanduRoster(ctx: ServiceContext, posyanduId: string) {
  const posyandu = await findPosyandu(ctx.db, posyanduId);
  if (!posyandu) throw new DomainError('not_found', { what: 'posyandu' });
  assertRecordAccess(
    ctx,
    'records:read',
    { regionCode: posyandu.region_code, posyanduId: posyandu.id },
    { hideExistence: true, what: 'posyandu' },
  );
  const children = await listChildrenOfPosyandu(ctx.db, posyanduId);
  return { posyandu: { ...posyandu, children: children.length }, children };
}
