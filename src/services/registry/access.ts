import type { Action } from '../../core/access/roles.ts';
import { canAccessRegion, type Actor } from '../../core/access/scope.ts';
import { DomainError } from '../../core/errors.ts';
import type { ServiceContext } from '../context.ts';

/**
 * Record access: the role must allow the action on the region (prefix rule), and a kader is
 * further limited to the one posyandu they work at. With `hideExistence` a record outside the
 * scope answers 404, not 403, so that a child registered elsewhere is not revealed.
 */
export function assertRecordAccess(
  ctx: ServiceContext,
  action: Action,
  record: { regionCode: string; posyanduId: string },
  options: { hideExistence?: boolean; what?: string } = {},
): Actor {
  const actor = ctx.actor;
  if (!actor) throw new DomainError('unauthenticated');
  const regionOk = canAccessRegion(actor, action, record.regionCode);
  const posyanduOk = actor.role !== 'kader' || actor.posyanduId === record.posyanduId;
  if (regionOk && posyanduOk) return actor;
  if (options.hideExistence) throw new DomainError('not_found', { what: options.what ?? 'record' });
  throw new DomainError('region_forbidden', { code: record.regionCode });
}
