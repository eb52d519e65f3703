/**
 * The status of a measurement while it is typed, before it is saved, computed on the phone by
 * the same core function the server stores it with (house rule 2): core/registry/assess
 * (core/growth z-scores, flags and Permenkes 2/2020 categories) and the KMS weight gain
 * N/T/O/B/2T against the child's other measurements.
 */
import { assessMeasurement, weightGainSeries } from '../../core/registry/assess.ts';
import type { ChildView, MeasurementView } from './api.ts';
import type { LiveStatus } from './status.ts';

const fieldOfScore: Record<string, LiveStatus['implausibleFields'][number][]> = {
  zlen: ['heightCm'],
  zwei: ['weightKg'],
  zwfl: ['weightKg', 'heightCm'],
  zbmi: ['weightKg', 'heightCm'],
  zhc: ['headCm'],
  zac: ['muacCm'],
};

export interface LiveValues {
  measuredOn: string;
  weightKg: number | null;
  heightCm: number | null;
  measure: 'l' | 'h' | null;
  headCm: number | null;
  muacCm: number | null;
  oedema: boolean;
}

/**
 * The status of values being typed, before they are saved: z-scores, categories and flags from
 * the core, and N/T/O/B/2T against the child's other current measurements (the new one placed
 * at its date, as the server will).
 */
export function liveStatus(
  child: Pick<ChildView, 'sex' | 'birthDate'>,
  values: LiveValues,
  others: readonly Pick<MeasurementView, 'measuredOn' | 'weightKg'>[],
): LiveStatus {
  const a = assessMeasurement({ sex: child.sex, birthDate: child.birthDate, ...values });
  const series = others
    .filter((m) => m.measuredOn !== values.measuredOn)
    .map((m) => ({ measuredOn: m.measuredOn, weightKg: m.weightKg, isNew: false }));
  series.push({ measuredOn: values.measuredOn, weightKg: values.weightKg, isNew: true });
  series.sort((x, y) => (x.measuredOn < y.measuredOn ? -1 : x.measuredOn > y.measuredOn ? 1 : 0));
  const gains = weightGainSeries(child.birthDate, series);
  const gain = gains[series.findIndex((s) => s.isNew)];
  const fields = new Set<LiveStatus['implausibleFields'][number]>();
  for (const score of a.implausibleFields) for (const f of fieldOfScore[score] ?? []) fields.add(f);
  return {
    heightForAge: { z: a.zlen, category: a.heightForAge, implausible: a.flen === true },
    weightForAge: { z: a.zwei, category: a.weightForAge, implausible: a.fwei === true },
    weightForHeight: { z: a.zwfl, category: a.weightForHeight, implausible: a.fwfl === true },
    weightGain: values.weightKg === null ? null : (gain?.weightGain ?? null),
    twoT: values.weightKg !== null && (gain?.twoT ?? false),
    implausible: a.implausible,
    implausibleFields: [...fields],
  };
}
