import type {
  ChildSummary,
  ChildView,
  MeasurementView,
  Posyandu,
} from '../../contract/registry.ts';
import type { ChildRow, MeasurementRow } from '../../services/registry/types.ts';
import type { ChildWithLatest, PosyanduListItem } from '../../services/registry/types.ts';

/** A child record for users whose scope covers it (personal data: never on public routes). */
export const presentChild = (c: ChildRow): ChildView => ({
  id: c.id,
  posyanduId: c.posyandu_id,
  regionCode: c.region_code,
  name: c.name,
  sex: c.sex as 1 | 2,
  birthDate: c.birth_date,
  nik: c.nik,
  birthWeightKg: c.birth_weight_kg,
  birthLengthCm: c.birth_length_cm,
  motherName: c.mother_name,
  motherNik: c.mother_nik,
  address: c.address,
  mergedInto: c.merged_into,
  version: c.version,
});

export const presentMeasurement = (m: MeasurementRow): MeasurementView => ({
  id: m.id,
  childId: m.child_id,
  measuredOn: m.measured_on,
  ageDays: m.age_days,
  weightKg: m.weight_kg,
  heightCm: m.height_cm,
  measure: m.measure,
  headCm: m.head_cm,
  muacCm: m.muac_cm,
  oedema: m.oedema,
  status: {
    heightForAge: { z: m.zlen, category: m.height_for_age, implausible: m.flen ?? false },
    weightForAge: { z: m.zwei, category: m.weight_for_age, implausible: m.fwei ?? false },
    weightForHeight: { z: m.zwfl, category: m.weight_for_height, implausible: m.fwfl ?? false },
    weightGain: m.weight_gain,
    twoT: m.two_t,
    implausible: m.implausible,
  },
  source: m.source,
  supersedes: m.supersedes,
  supersededAt: m.superseded_at ? m.superseded_at.toISOString() : null,
  createdAt: m.created_at.toISOString(),
});

export const presentPosyandu = (p: PosyanduListItem): Posyandu => ({
  id: p.id,
  name: p.name,
  regionCode: p.region_code,
  regionName: p.region_name,
  puskesmasId: p.puskesmas_id,
  active: p.active,
  children: Number(p.children ?? 0),
});

export const presentChildSummary = (c: ChildWithLatest, month: string): ChildSummary => ({
  id: c.id,
  name: c.name,
  sex: c.sex as 1 | 2,
  birthDate: c.birth_date,
  motherName: c.mother_name,
  regionCode: c.region_code,
  posyanduId: c.posyandu_id,
  lastMeasuredOn: c.last_measured_on,
  lastWeightKg: c.last_weight_kg,
  lastHeightCm: c.last_height_cm,
  lastHeightForAge: c.last_height_for_age,
  lastWeightForAge: c.last_weight_for_age,
  lastWeightForHeight: c.last_weight_for_height,
  lastWeightGain: c.last_weight_gain,
  lastTwoT: c.last_two_t,
  measuredThisMonth: c.last_measured_on?.slice(0, 7) === month,
});
