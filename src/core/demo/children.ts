/**
 * The children of a demo province, one at a time, each with its whole measurement history:
 * identity (Indonesian names, mother, NIK, address), a persistent latent HAZ/WHZ, and a monthly
 * weighing at its posyandu with realistic gaps, growth, noise and the occasional data-entry
 * error. Every computed column comes from the registry's own code (`assessMeasurement`,
 * `weightGainSeries`), so demo rows are exactly what the write path would have stored.
 */
import { ageInMonths, HEIGHT_FROM_AGE_DAYS, tableAgeDays } from '../growth/age.ts';
import { measurementAtZ } from '../growth/inverse.ts';
import {
  assessMeasurement,
  weightGainSeries,
  type MeasurementAssessment,
} from '../registry/assess.ts';
import { dateParts, isoDate } from './calendar.ts';
import { demoId, demoIdPrefix } from './ids.ts';
import {
  ENTRY_ERROR_RATE,
  FIRST_WEIGHING_MIN_AGE_DAYS,
  HEAD_RECORDED_SHARE,
  MUAC_RECORDED_SHARE,
  OEDEMA_RATE_WHEN_WASTED,
  WHZ_CHILD_SD,
  WHZ_MONTHLY_RHO,
  WHZ_MONTHLY_SD,
  whzAgeShift,
} from './model.ts';
import {
  BOY_NAMES,
  FAMILY_NAMES,
  GIRL_NAMES,
  MOTHER_NAMES,
  MUSLIM_BOY_NAMES,
  MUSLIM_GIRL_NAMES,
  MUSLIM_MOTHER_NAMES,
  SECOND_BOY_NAMES,
  SECOND_GIRL_NAMES,
  SUMBA_PREFIX,
  type NamingArea,
} from './names.ts';
import type { DemoPlan, PlannedDesa, PlannedKabupaten } from './plan.ts';
import { DemoRandom } from './random.ts';
import { ChildTrajectory, childTrajectory, STREAM } from './trajectory.ts';

/** One generated measurement: the values as entered and everything the registry computes. */
export interface DemoMeasurement {
  id: string;
  measuredOn: string;
  ageDays: number;
  weightKg: number;
  heightCm: number;
  measure: 'l' | 'h';
  headCm: number | null;
  muacCm: number | null;
  oedema: boolean;
  assessment: MeasurementAssessment;
  weightGain: 'N' | 'T' | 'O' | 'B' | null;
  twoT: boolean;
  /** When the kader entered it (ISO timestamp, WITA). */
  enteredAt: string;
  /** The kind of data-entry error introduced, if any (not stored; for tests and docs). */
  entryError: 'height_digit' | 'weight_digit' | 'weight_decimal' | null;
}

/** One generated child with its history. */
export interface DemoChild {
  /** Position in the province (0 … children − 1): ids and random streams derive from it. */
  index: number;
  id: string;
  regionCode: string;
  kabupatenCode: string;
  posyanduId: string;
  nik: string | null;
  name: string;
  sex: 1 | 2;
  birthDate: string;
  birthWeightKg: number | null;
  birthLengthCm: number | null;
  motherName: string;
  motherNik: string | null;
  address: string;
  /** When the child was registered (ISO timestamp). */
  registeredAt: string;
  measurements: DemoMeasurement[];
}

/** Measurement ids: child index × 64 + month of the window (months ≤ 60). */
const MEASUREMENTS_PER_CHILD_ID_SPACE = 64;

interface Mother {
  name: string;
  nik: string | null;
  familyName: string;
  muslim: boolean;
  birthDay: number;
  childrenBirthDays: number[];
}

const round1 = (x: number) => Math.round(x * 10) / 10;
const round2 = (x: number) => Math.round(x * 100) / 100;
const clamp = (x: number, min: number, max: number) => Math.min(max, Math.max(min, x));
const pad = (n: number, width: number) => String(n).padStart(width, '0');

/**
 * Streams every child of the plan in order (desa by desa), with its measurements. Memory stays
 * bounded: only the current kecamatan's NIK counters and the current desa's mothers are kept.
 */
export function* demoChildren(plan: DemoPlan): Generator<DemoChild> {
  const childPrefix = demoIdPrefix('child', plan.options.seed);
  const measurementPrefix = demoIdPrefix('measurement', plan.options.seed);
  const trajectory = new ChildTrajectory(plan.options.months);
  const meetingDays = Float64Array.from(plan.posyandu, (p) => p.meetingDay);
  let nikSerials = new Map<string, number>();
  let kecamatan = '';
  for (const desa of plan.desa) {
    if (desa.kecamatanCode !== kecamatan) {
      kecamatan = desa.kecamatanCode;
      nikSerials = new Map();
    }
    const kab = plan.kabupaten[desa.kabupatenIndex]!;
    const mothers: Mother[] = [];
    for (let i = desa.firstChild; i < desa.firstChild + desa.children; i++) {
      yield generateChild(plan, desa, kab, i, {
        childPrefix,
        measurementPrefix,
        nikSerials,
        mothers,
        trajectory,
        meetingDays,
      });
    }
  }
}

/** A 16-digit NIK: kecamatan code, birth date (day + 40 for women), 4-digit serial. */
function nikFor(
  kecamatanCode: string,
  birthDay: number,
  female: boolean,
  serials: Map<string, number>,
): string | null {
  const { year, month, day } = dateParts(birthDay);
  const key = `${kecamatanCode}${pad(day + (female ? 40 : 0), 2)}${pad(month, 2)}${pad(year % 100, 2)}`;
  const serial = (serials.get(key) ?? 0) + 1;
  if (serial > 9999) return null;
  serials.set(key, serial);
  return `${key}${pad(serial, 4)}`;
}

function pickWeighted<T>(rng: DemoRandom, items: readonly (readonly [T, number])[]): T {
  let total = 0;
  for (const [, w] of items) total += w;
  let x = rng.next() * total;
  for (const [item, w] of items) {
    x -= w;
    if (x < 0) return item;
  }
  return items[items.length - 1]![0];
}

function generateChild(
  plan: DemoPlan,
  desa: PlannedDesa,
  kab: PlannedKabupaten,
  index: number,
  state: {
    childPrefix: string;
    measurementPrefix: string;
    nikSerials: Map<string, number>;
    mothers: Mother[];
    trajectory: ChildTrajectory;
    meetingDays: Float64Array;
  },
): DemoChild {
  const path = childTrajectory(plan.window, state.meetingDays, kab, desa, index, state.trajectory);
  const rng = new DemoRandom(plan.options.seed, STREAM.child, index);
  const sex: 1 | 2 = rng.chance(0.51) ? 1 : 2;
  const birthDay = path.birthDay;
  const birthDate = isoDate(birthDay);
  const posyandu = plan.posyandu[path.posyanduIndex]!;
  const whzChild = kab.whzBase + desa.whzEffect + WHZ_CHILD_SD * rng.normal();
  const identity = childIdentity(rng, desa, kab, sex, birthDay, state);

  const measurements: DemoMeasurement[] = [];
  let b = WHZ_MONTHLY_SD * rng.normal();
  const bInnovation = WHZ_MONTHLY_SD * Math.sqrt(1 - WHZ_MONTHLY_RHO ** 2);
  for (let t = 0; t < plan.options.months; t++) {
    b = WHZ_MONTHLY_RHO * b + bInnovation * rng.normal();
    if (path.attended[t] !== 1) continue;
    const day = path.day[t]!;
    const ageDays = day - birthDay;
    const months = ageInMonths(ageDays);
    const haz = kab.hazBase + path.hazWithoutLevel[t]!;
    const whz = whzChild + whzAgeShift(months) + b;
    const measure: 'l' | 'h' = tableAgeDays(ageDays) < HEIGHT_FROM_AGE_DAYS ? 'l' : 'h';
    let heightCm = clamp(round1(measurementAtZ('lhfa', sex, ageDays, haz)), 38, 129.9);
    // Weight from WHZ at the recorded length/height (kept inside the table's range).
    const key = measure === 'l' ? clamp(heightCm, 45, 110) : clamp(heightCm, 65, 120);
    let weightKg = round1(measurementAtZ(measure === 'l' ? 'wfl' : 'wfh', sex, key, whz));
    if (!(weightKg > 0)) weightKg = round1(measurementAtZ('wfa', sex, ageDays, whz));
    weightKg = clamp(weightKg, 0.5, 39.9);
    let headCm =
      measure === 'l' && rng.chance(HEAD_RECORDED_SHARE)
        ? round1(measurementAtZ('hcfa', sex, ageDays, 0.4 * haz + 0.9 * rng.normal()))
        : null;
    let muacCm =
      months >= 6 && rng.chance(MUAC_RECORDED_SHARE)
        ? round1(measurementAtZ('acfa', sex, ageDays, 0.7 * whz + 0.7 * rng.normal()))
        : null;
    if (headCm !== null && !(headCm > 0 && headCm < 70)) headCm = null;
    if (muacCm !== null && !(muacCm > 0 && muacCm < 40)) muacCm = null;
    const oedema = whz < -2.5 && rng.chance(OEDEMA_RATE_WHEN_WASTED);

    // Data-entry errors: a mistyped digit of the height (87.4 → 77.4), of the weight
    // (9.8 → 19.8), or a decimal slip of the weight (12.4 → 1.2). Mostly flagged implausible.
    let entryError: DemoMeasurement['entryError'] = null;
    if (rng.chance(ENTRY_ERROR_RATE)) {
      const kind = rng.int(3);
      if (kind === 0 && heightCm - 10 >= 38) {
        heightCm = round1(heightCm - 10);
        entryError = 'height_digit';
      } else if (kind === 1 && weightKg + 10 < 40) {
        weightKg = round1(weightKg + 10);
        entryError = 'weight_digit';
      } else if (weightKg >= 1) {
        weightKg = round1(weightKg / 10);
        entryError = 'weight_decimal';
      }
    }

    const measuredOn = isoDate(day);
    measurements.push({
      id: demoId(state.measurementPrefix, index * MEASUREMENTS_PER_CHILD_ID_SPACE + t),
      measuredOn,
      ageDays,
      weightKg,
      heightCm,
      measure,
      headCm,
      muacCm,
      oedema,
      assessment: assessMeasurement({
        sex,
        birthDate,
        measuredOn,
        weightKg,
        heightCm,
        measure,
        headCm,
        muacCm,
        oedema,
      }),
      weightGain: null,
      twoT: false,
      enteredAt: `${measuredOn}T${pad(8 + rng.int(6), 2)}:${pad(rng.int(60), 2)}:00+08:00`,
      entryError,
    });
  }
  const gains = weightGainSeries(
    birthDate,
    measurements.map((m) => ({ measuredOn: m.measuredOn, weightKg: m.weightKg })),
  );
  gains.forEach((g, i) => {
    const m = measurements[i]!;
    m.weightGain = g.weightGain;
    m.twoT = g.twoT;
  });

  // Registered at the first weighing (born in the window) or soon after birth (born before).
  const registeredOn =
    birthDay >= plan.windowStartDay
      ? (measurements[0]?.measuredOn ??
        isoDate(Math.min(plan.todayDay, birthDay + FIRST_WEIGHING_MIN_AGE_DAYS)))
      : isoDate(
          Math.min(plan.windowStartDay - 1, birthDay + FIRST_WEIGHING_MIN_AGE_DAYS + rng.int(60)),
        );
  return {
    index,
    id: demoId(state.childPrefix, index),
    regionCode: desa.code,
    kabupatenCode: kab.code,
    posyanduId: posyandu.id,
    ...identity,
    sex,
    birthDate,
    registeredAt: `${registeredOn}T09:00:00+08:00`,
    measurements,
  };
}

function childIdentity(
  rng: DemoRandom,
  desa: PlannedDesa,
  kab: PlannedKabupaten,
  sex: 1 | 2,
  birthDay: number,
  state: { nikSerials: Map<string, number>; mothers: Mother[] },
) {
  // A sibling: an earlier child's mother, if births are at least 18 months apart.
  let mother: Mother | null = null;
  if (state.mothers.length > 0 && rng.chance(0.25)) {
    const candidate = rng.pick(state.mothers);
    const ageAtBirth = (birthDay - candidate.birthDay) / 365.25;
    if (
      ageAtBirth >= 17 &&
      ageAtBirth <= 45 &&
      candidate.childrenBirthDays.every((d) => Math.abs(d - birthDay) >= 548)
    )
      mother = candidate;
  }
  if (mother === null) {
    const area: NamingArea = pickWeighted(rng, kab.naming.areas);
    const muslim = rng.chance(kab.naming.muslimShare);
    const motherAge = Math.min(45, Math.max(17, 27 + 6 * rng.normal()));
    const motherBirthDay = birthDay - Math.round(motherAge * 365.25);
    const familyName = rng.pick(FAMILY_NAMES[area]);
    const ownFamily = rng.chance(0.5)
      ? familyName
      : rng.pick(FAMILY_NAMES[pickWeighted(rng, kab.naming.areas)]);
    const given = rng.pick(muslim ? MUSLIM_MOTHER_NAMES : MOTHER_NAMES);
    mother = {
      name: muslim && rng.chance(0.5) ? given : `${given} ${ownFamily}`,
      nik: rng.chance(0.85)
        ? nikFor(desa.kecamatanCode, motherBirthDay, true, state.nikSerials)
        : null,
      familyName,
      muslim,
      birthDay: motherBirthDay,
      childrenBirthDays: [],
    };
    state.mothers.push(mother);
  }
  mother.childrenBirthDays.push(birthDay);

  const boy = sex === 1;
  const parts: string[] = [];
  if (mother.muslim) {
    parts.push(rng.pick(boy ? MUSLIM_BOY_NAMES : MUSLIM_GIRL_NAMES));
    parts.push(rng.pick(boy ? MUSLIM_BOY_NAMES : MUSLIM_GIRL_NAMES));
    if (parts[0] === parts[1]) parts.pop();
    if (rng.chance(0.4)) parts.push(mother.familyName);
  } else {
    if (kab.code === '5311' && FAMILY_NAMES.sumba.includes(mother.familyName) && rng.chance(0.25))
      parts.push(boy ? SUMBA_PREFIX.boy : SUMBA_PREFIX.girl);
    parts.push(rng.pick(boy ? BOY_NAMES : GIRL_NAMES));
    if (rng.chance(0.5)) {
      const second = rng.pick(boy ? SECOND_BOY_NAMES : SECOND_GIRL_NAMES);
      if (!parts.includes(second)) parts.push(second);
    }
    if (rng.chance(0.92)) parts.push(mother.familyName);
  }
  // Birth weight (kg, 10 g) and length: recorded for most children, tied to the child's growth.
  const birthWeightKg = rng.chance(0.9)
    ? round2(
        Math.min(5.5, Math.max(1.2, measurementAtZ('wfa', sex, 0, -0.35 + 0.9 * rng.normal()))),
      )
    : null;
  const birthLengthCm = rng.chance(0.7)
    ? round1(Math.min(58, Math.max(38, measurementAtZ('lhfa', sex, 0, -0.4 + 0.9 * rng.normal()))))
    : null;
  const dusun = ['I', 'II', 'III', 'IV', 'V'][rng.int(desa.children > 200 ? 5 : 3)]!;
  return {
    nik: rng.chance(0.75)
      ? nikFor(desa.kecamatanCode, birthDay, sex === 2, state.nikSerials)
      : null,
    name: parts.join(' '),
    birthWeightKg,
    birthLengthCm,
    motherName: mother.name,
    motherNik: mother.nik,
    address: `RT ${pad(1 + rng.int(12), 3)}/RW ${pad(1 + rng.int(4), 3)}, Dusun ${dusun}, ${desa.name}`,
  };
}
