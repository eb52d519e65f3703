/**
 * Everything Tumbuh stores about one measurement besides the raw values: WHO z-scores and flags
 * (anthro rules, core/growth), the Permenkes 2/2020 categories, and whether anything is
 * implausible. The registry's write path, the import and the demo generator all call this one
 * function, so a row has the same z-scores however it arrived (house rule 7).
 */
import { ageDaysBetween, completedMonthsBetween } from '../growth/age.ts';
import {
  classifyHeightForAge,
  classifyWeightForAge,
  classifyWeightForLength,
} from '../growth/classification.ts';
import { monthPeriodOf, weightGainHistory } from '../growth/weight-gain.ts';
import { growthZScores, type ZScore } from '../growth/zscores.ts';

export interface AssessInput {
  sex: 1 | 2;
  birthDate: string;
  measuredOn: string;
  weightKg?: number | null;
  heightCm?: number | null;
  measure?: 'l' | 'h' | null;
  headCm?: number | null;
  muacCm?: number | null;
  oedema?: boolean;
}

export interface MeasurementAssessment {
  zlen: number | null;
  zwei: number | null;
  zwfl: number | null;
  zbmi: number | null;
  zhc: number | null;
  zac: number | null;
  flen: boolean | null;
  fwei: boolean | null;
  fwfl: boolean | null;
  fbmi: boolean | null;
  fhc: boolean | null;
  fac: boolean | null;
  /** Permenkes 2/2020 category codes (labels in core/growth/classification). */
  heightForAge: string | null;
  weightForAge: string | null;
  weightForHeight: string | null;
  /** Some z-score is biologically implausible (anthro flag): kept, but left out of prevalence. */
  implausible: boolean;
  implausibleFields: string[];
}

const z = (score: ZScore | null) => (score ? score.z : null);
const flag = (score: ZScore | null) => (score ? score.implausible : null);

export function assessMeasurement(input: AssessInput): MeasurementAssessment {
  const result = growthZScores({
    sex: input.sex,
    ageDays: ageDaysBetween(input.birthDate, input.measuredOn),
    weightKg: input.weightKg ?? null,
    lengthHeightCm: input.heightCm ?? null,
    measure: input.measure ?? null,
    oedema: input.oedema ?? false,
    headCircumferenceCm: input.headCm ?? null,
    armCircumferenceCm: input.muacCm ?? null,
  });
  const scores = {
    zlen: result.heightForAge,
    zwei: result.weightForAge,
    zwfl: result.weightForLengthHeight,
    zbmi: result.bmiForAge,
    zhc: result.headCircumferenceForAge,
    zac: result.armCircumferenceForAge,
  };
  const implausibleFields = Object.entries(scores)
    .filter(([, s]) => s?.implausible)
    .map(([name]) => name);
  return {
    zlen: z(scores.zlen),
    zwei: z(scores.zwei),
    zwfl: z(scores.zwfl),
    zbmi: z(scores.zbmi),
    zhc: z(scores.zhc),
    zac: z(scores.zac),
    flen: flag(scores.zlen),
    fwei: flag(scores.zwei),
    fwfl: flag(scores.zwfl),
    fbmi: flag(scores.zbmi),
    fhc: flag(scores.zhc),
    fac: flag(scores.zac),
    heightForAge: scores.zlen ? classifyHeightForAge(scores.zlen.z) : null,
    weightForAge: scores.zwei
      ? classifyWeightForAge(scores.zwei.z)
      : input.oedema
        ? 'severely_underweight'
        : null,
    weightForHeight: scores.zwfl
      ? classifyWeightForLength(scores.zwfl.z)
      : input.oedema
        ? 'severely_wasted'
        : null,
    implausible: implausibleFields.length > 0,
    implausibleFields,
  };
}

export interface WeightGainPoint {
  weightGain: 'N' | 'T' | 'O' | 'B' | null;
  twoT: boolean;
}

/**
 * N/T/O/B and 2T for each of a child's measurements (KMS rule, core/growth/weight-gain). A visit
 * without a weight has no status and is not a weighing for the next month's comparison.
 */
export function weightGainSeries(
  birthDate: string,
  series: { measuredOn: string; weightKg: number | null }[],
): WeightGainPoint[] {
  const weighed = series.flatMap((m, index) =>
    m.weightKg === null
      ? []
      : [
          {
            index,
            weighing: {
              period: monthPeriodOf(m.measuredOn),
              ageMonths: completedMonthsBetween(birthDate, m.measuredOn),
              weightKg: m.weightKg,
            },
          },
        ],
  );
  const history = weightGainHistory(weighed.map((w) => w.weighing));
  const points: WeightGainPoint[] = series.map(() => ({ weightGain: null, twoT: false }));
  weighed.forEach(
    (w, i) => (points[w.index] = { weightGain: history[i]!.status, twoT: history[i]!.twoT }),
  );
  return points;
}

/** Which submitted value makes a z-score implausible, so the form can point at the field. */
const inputOfIndex: Record<string, 'heightCm' | 'weightKg' | 'headCm' | 'muacCm'> = {
  zlen: 'heightCm',
  zwei: 'weightKg',
  zwfl: 'weightKg',
  zbmi: 'weightKg',
  zhc: 'headCm',
  zac: 'muacCm',
};

export function implausibleInputs(indices: string[]): string[] {
  return [...new Set(indices.map((i) => inputOfIndex[i] ?? i))];
}
