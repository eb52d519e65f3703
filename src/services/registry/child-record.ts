import { referralReasons } from '../../core/registry/referral.ts';
import { findPosyandu, measurementsOfChild } from '../../db/queries/registry.ts';
import type { ServiceContext } from '../context.ts';
import { readChild } from './record.ts';

/** A child's page: the record, its posyandu, every measurement (corrections included) and referral. */
export async function childRecord(ctx: ServiceContext, id: string) {
  const child = await readChild(ctx, id);
  const [posyandu, measurements] = await Promise.all([
    findPosyandu(ctx.db, child.posyandu_id),
    measurementsOfChild(ctx.db, id),
  ]);
  const current = measurements.filter((m) => !m.superseded_at);
  const latest = current.at(-1);
  const reasons = latest
    ? referralReasons({
        heightForAge: latest.height_for_age,
        weightForAge: latest.weight_for_age,
        weightForHeight: latest.weight_for_height,
        twoT: latest.two_t,
        oedema: latest.oedema,
      })
    : [];
  return {
    child,
    posyandu: posyandu!,
    measurements,
    referral: { needed: reasons.length > 0, reasons },
  };
}
