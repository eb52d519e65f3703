import { canAccessRegion } from '../../core/access/scope.ts';
import { DomainError } from '../../core/errors.ts';
import { ageInMonths } from '../../core/growth/age.ts';
import { followUpChildren, type FollowUpCategory } from '../../db/queries/registry.ts';
import type { ServiceContext } from '../context.ts';
import type { ExportColumn } from '../export/table-export.ts';

export type { FollowUpCategory };

export interface FollowUpRow {
  childId: string;
  name: string;
  sex: 1 | 2;
  birthDate: string;
  motherName: string | null;
  posyanduId: string;
  posyanduName: string;
  regionName: string;
  measuredOn: string;
  ageMonths: number;
  weightKg: number | null;
  heightCm: number | null;
  zlen: number | null;
  zwei: number | null;
  zwfl: number | null;
  heightForAge: string | null;
  weightForAge: string | null;
  weightForHeight: string | null;
  weightGain: string | null;
  twoT: boolean;
  implausible: boolean;
  reasons: FollowUpCategory[];
}

function addMonths(isoDate: string, months: number): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + months);
  return d.toISOString().slice(0, 10);
}

/**
 * Children to follow up (home visit, referral): stunted, wasted, underweight, 2T or implausible on
 * their latest measurement of the period (default: the last three months). A kader's list is their
 * posyandu's.
 */
export async function followUpList(
  ctx: ServiceContext,
  params: {
    regionCode?: string;
    posyanduId?: string;
    categories: FollowUpCategory[];
    from?: string;
    to?: string;
    limit: number;
  },
): Promise<{ from: string; to: string; truncated: boolean; items: FollowUpRow[] }> {
  const actor = ctx.actor;
  if (!actor) throw new DomainError('unauthenticated');
  const regionCode = params.regionCode ?? actor.regionCode;
  if (!canAccessRegion(actor, 'records:read', regionCode))
    throw new DomainError('region_forbidden', { code: regionCode, field: 'region' });
  const posyanduId =
    actor.role === 'kader'
      ? (actor.posyanduId ?? '00000000-0000-0000-0000-000000000000')
      : params.posyanduId;
  const to = params.to ?? ctx.now().toISOString().slice(0, 10);
  const from = params.from ?? addMonths(to, -3);
  if (from > to)
    throw new DomainError('validation_failed', {
      field: 'from',
      summary: 'from: on or before `to`',
      allowed: `≤ ${to}`,
    });
  const rows = await followUpChildren(ctx.db, {
    regionCode,
    posyanduId,
    from,
    to,
    categories: params.categories,
    // One more than asked tells whether the list was cut.
    limit: params.limit + 1,
  });
  const truncated = rows.length > params.limit;
  const items = rows.slice(0, params.limit).map((r) => {
    const reasons: FollowUpCategory[] = [];
    if ((r.height_for_age === 'stunted' || r.height_for_age === 'severely_stunted') && !r.flen)
      reasons.push('stunted');
    if ((r.weight_for_height === 'wasted' || r.weight_for_height === 'severely_wasted') && !r.fwfl)
      reasons.push('wasted');
    if (
      (r.weight_for_age === 'underweight' || r.weight_for_age === 'severely_underweight') &&
      !r.fwei
    )
      reasons.push('underweight');
    if (r.two_t) reasons.push('two_t');
    if (r.implausible) reasons.push('implausible');
    return {
      childId: r.id,
      name: r.name,
      sex: r.sex as 1 | 2,
      birthDate: r.birth_date,
      motherName: r.mother_name,
      posyanduId: r.posyandu_id,
      posyanduName: r.posyandu_name,
      regionName: r.region_name,
      measuredOn: r.measured_on,
      ageMonths: Math.floor(ageInMonths(r.age_days)),
      weightKg: r.weight_kg,
      heightCm: r.height_cm,
      zlen: r.zlen,
      zwei: r.zwei,
      zwfl: r.zwfl,
      heightForAge: r.height_for_age,
      weightForAge: r.weight_for_age,
      weightForHeight: r.weight_for_height,
      weightGain: r.weight_gain,
      twoT: r.two_t,
      implausible: r.implausible,
      reasons: reasons.filter((reason) => params.categories.includes(reason)),
    };
  });
  return { from, to, truncated, items };
}

/** Columns of the follow-up download (Indonesian headers: the file goes to puskesmas staff). */
export const followUpColumns: ExportColumn<FollowUpRow>[] = [
  { header: 'Posyandu', value: (r) => r.posyanduName, width: 24 },
  { header: 'Desa/Kelurahan', value: (r) => r.regionName, width: 20 },
  { header: 'Nama anak', value: (r) => r.name, width: 24 },
  { header: 'JK', value: (r) => (r.sex === 1 ? 'L' : 'P'), width: 5 },
  { header: 'Tanggal lahir', value: (r) => r.birthDate, width: 12 },
  { header: 'Nama ibu', value: (r) => r.motherName, width: 22 },
  { header: 'Tanggal ukur', value: (r) => r.measuredOn, width: 12 },
  { header: 'Umur (bulan)', value: (r) => r.ageMonths },
  { header: 'BB (kg)', value: (r) => r.weightKg },
  { header: 'TB/PB (cm)', value: (r) => r.heightCm },
  { header: 'ZS TB/U', value: (r) => r.zlen },
  { header: 'ZS BB/U', value: (r) => r.zwei },
  { header: 'ZS BB/TB', value: (r) => r.zwfl },
  { header: 'Status TB/U', value: (r) => r.heightForAge, width: 16 },
  { header: 'Status BB/U', value: (r) => r.weightForAge, width: 16 },
  { header: 'Status BB/TB', value: (r) => r.weightForHeight, width: 16 },
  { header: 'N/T', value: (r) => r.weightGain },
  { header: '2T', value: (r) => (r.twoT ? 'Ya' : '') },
  { header: 'Tidak wajar', value: (r) => (r.implausible ? 'Ya' : '') },
  { header: 'Alasan', value: (r) => r.reasons.join(', '), width: 30 },
];
