import { DomainError } from '../../core/errors.ts';
import { findPosyandu } from '../../db/queries/registry.ts';
import { childrenOfPosyandu, currentMeasurementRowsOf } from '../../db/queries/sync.ts';
import type { ChildRow, MeasurementRow } from '../../db/types.ts';
import type { ServiceContext } from '../context.ts';
import { assertRecordAccess } from '../registry/access.ts';
import type { PosyanduListItem } from '../registry/types.ts';

export interface PosyanduSnapshotRows {
  asOf: Date;
  posyandu: PosyanduListItem;
  children: ChildRow[];
  measurements: MeasurementRow[];
  merged: { id: string; mergedInto: string }[];
}

/**
 * What a phone keeps of one posyandu to work offline (docs/offline.md): its children with every
 * current measurement (the weight-gain N/T of a new weighing needs the earlier months, the growth
 * chart all of them), and which of its children were merged into another record. Read access to
 * the posyandu is required (a kader: their own), as for the roster.
 */
export async function posyanduSnapshot(
  ctx: ServiceContext,
  posyanduId: string,
): Promise<PosyanduSnapshotRows> {
  const posyandu = await findPosyandu(ctx.db, posyanduId);
  if (!posyandu) throw new DomainError('not_found', { what: 'posyandu' });
  assertRecordAccess(
    ctx,
    'records:read',
    { regionCode: posyandu.region_code, posyanduId: posyandu.id },
    { hideExistence: true, what: 'posyandu' },
  );
  const asOf = ctx.now();
  const all = await childrenOfPosyandu(ctx.db, posyanduId);
  const children = all.filter((c) => !c.merged_into);
  const measurements = await currentMeasurementRowsOf(
    ctx.db,
    children.map((c) => c.id),
  );
  return {
    asOf,
    posyandu: { ...posyandu, children: children.length },
    children,
    measurements,
    merged: all.flatMap((c) => (c.merged_into ? [{ id: c.id, mergedInto: c.merged_into }] : [])),
  };
}
