/**
 * The data of a child's growth charts, KMS style: the WHO 2006 −3…+3 SD curves drawn from the
 * growth engine's inverse (core/growth/inverse.ts, the same LMS rows the z-scores use), coloured
 * bands like the Kartu Menuju Sehat (red below −3, yellow −3…−2, green −2…+2, yellow +2…+3), and
 * the child's own points. The child's length/height is plotted as the engine uses it (±0.7 cm
 * when measured lying from 24 months or standing before), so a point sits where its z-score says.
 * Pure: ECharts options are built in GrowthCharts.tsx.
 */
import {
  DAYS_PER_MONTH,
  growthZScores,
  referenceCurves,
  type GrowthTableId,
  type Sex,
} from '../../core/growth/index.ts';
import type { MeasurementView } from './api.ts';

export type GrowthChartKind = 'weightForAge' | 'heightForAge' | 'weightForHeight';

/** The SD lines drawn, and the bands between them. */
export const CHART_SD = [-3, -2, -1, 0, 1, 2, 3] as const;

export interface ChildPoint {
  x: number;
  y: number;
  measuredOn: string;
  ageMonths: number;
  /** The value as entered (before the ±0.7 cm position correction). */
  entered: number;
  z: number | null;
}

export interface GrowthChartData {
  kind: GrowthChartKind;
  table: GrowthTableId;
  /** x of every curve point: age in months, or length/height in cm. */
  xs: number[];
  /** One curve per CHART_SD entry, NaN where the table has no value. */
  curves: number[][];
  points: ChildPoint[];
  xMin: number;
  xMax: number;
}

const round1 = (v: number) => Math.round(v * 10) / 10;

function ageAxis(points: ChildPoint[]): { xMin: number; xMax: number; xs: number[] } {
  const oldest = points.reduce((max, p) => Math.max(max, p.x), 0);
  // A baduta's chart (0–24 months) like the KMS page; older children get 0–60.
  const xMax = oldest <= 23.5 ? 24 : 60;
  const xs: number[] = [];
  for (let m = 0; m <= xMax; m += 0.5) xs.push(m);
  return { xMin: 0, xMax, xs };
}

/** Weight-for-age or length/height-for-age: x is age in months. */
function ageChart(
  kind: 'weightForAge' | 'heightForAge',
  sex: Sex,
  measurements: readonly MeasurementView[],
): GrowthChartData {
  const table: GrowthTableId = kind === 'weightForAge' ? 'wfa' : 'lhfa';
  const points: ChildPoint[] = [];
  for (const m of measurements) {
    const ageMonths = m.ageDays / DAYS_PER_MONTH;
    if (kind === 'weightForAge') {
      if (m.weightKg === null) continue;
      points.push({
        x: round1(ageMonths),
        y: m.weightKg,
        measuredOn: m.measuredOn,
        ageMonths,
        entered: m.weightKg,
        z: m.status.weightForAge.z,
      });
    } else {
      if (m.heightCm === null) continue;
      const corrected =
        growthZScores({ sex, ageDays: m.ageDays, lengthHeightCm: m.heightCm, measure: m.measure })
          .lengthHeightCm ?? m.heightCm;
      points.push({
        x: round1(ageMonths),
        y: round1(corrected),
        measuredOn: m.measuredOn,
        ageMonths,
        entered: m.heightCm,
        z: m.status.heightForAge.z,
      });
    }
  }
  const { xMin, xMax, xs } = ageAxis(points);
  const curves = referenceCurves(
    table,
    sex,
    xs.map((month) => month * DAYS_PER_MONTH),
    CHART_SD,
  ).map((curve) => Array.from(curve, round2));
  return { kind, table, xs, curves, points, xMin, xMax };
}

const round2 = (v: number) => Math.round(v * 100) / 100;

/**
 * Weight-for-length (under 24 months, 45–110 cm) or weight-for-height (from 24 months, 65–120 cm),
 * chosen by the child's latest measurement; the x range follows the child's points.
 */
function weightForHeightChart(sex: Sex, measurements: readonly MeasurementView[]): GrowthChartData {
  const latest = measurements.at(-1);
  const latestTable = latest && latest.ageDays >= 731 ? 'wfh' : 'wfl';
  const points: ChildPoint[] = [];
  for (const m of measurements) {
    if (m.weightKg === null || m.heightCm === null) continue;
    const z = growthZScores({
      sex,
      ageDays: m.ageDays,
      weightKg: m.weightKg,
      lengthHeightCm: m.heightCm,
      measure: m.measure,
      oedema: m.oedema,
    });
    if (z.weightForLengthHeightTable !== latestTable || z.lengthHeightCm === null) continue;
    points.push({
      x: round1(z.lengthHeightCm),
      y: m.weightKg,
      measuredOn: m.measuredOn,
      ageMonths: m.ageDays / DAYS_PER_MONTH,
      entered: m.heightCm,
      z: m.status.weightForHeight.z,
    });
  }
  const [tableMin, tableMax] = latestTable === 'wfl' ? [45, 110] : [65, 120];
  const lo = points.length ? Math.min(...points.map((p) => p.x)) : tableMin;
  const hi = points.length ? Math.max(...points.map((p) => p.x)) : tableMax;
  const xMin = Math.max(tableMin, Math.floor((lo - 10) / 5) * 5);
  const xMax = Math.min(tableMax, Math.ceil((hi + 10) / 5) * 5);
  const xs: number[] = [];
  for (let cm = xMin; cm <= xMax + 1e-9; cm += 0.5) xs.push(round1(cm));
  const curves = referenceCurves(latestTable, sex, xs, CHART_SD).map((curve) =>
    Array.from(curve, round2),
  );
  return { kind: 'weightForHeight', table: latestTable, xs, curves, points, xMin, xMax };
}

/** The three charts of the child page, from its current (not corrected-away) measurements. */
export function growthCharts(
  sex: Sex,
  measurements: readonly MeasurementView[],
): GrowthChartData[] {
  const current = measurements.filter((m) => m.supersededAt === null);
  return [
    ageChart('weightForAge', sex, current),
    ageChart('heightForAge', sex, current),
    weightForHeightChart(sex, current),
  ];
}
