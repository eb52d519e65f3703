/**
 * The layout of a demo province, decided before any child is drawn: which puskesmas and
 * posyandu exist, how many children live in each desa, each desa's effects and each
 * kabupaten's calibrated HAZ base. Everything follows from the region tree, the options and
 * the seed (pure and deterministic).
 */
import { dayNumber, dayOfMonth, monthIndexOf } from './calendar.ts';
import { demoId, demoIdPrefix } from './ids.ts';
import { HAZ_DESA_SD, WHZ_DESA_SD, WHZ_FOLLOWS_HAZ, WHZ_PROVINCE_MEAN } from './model.ts';
import { DEFAULT_NAMING, KABUPATEN_NAMING, POSYANDU_NAMES, type NamingArea } from './names.ts';
import { normalQuantile } from './normal.ts';
import { DemoRandom } from './random.ts';
import { ChildTrajectory, childTrajectory, STREAM, type TrajectoryWindow } from './trajectory.ts';

/** A region as the generator needs it. */
export interface DemoRegion {
  code: string;
  name: string;
}

/** A desa/kelurahan; `type` decides its size (kelurahan are towns). */
export interface DemoDesa extends DemoRegion {
  type: string | null;
}

/** The region tree of one province: kabupaten/kota → kecamatan → desa/kelurahan. */
export interface DemoRegionTree {
  province: DemoRegion;
  kabupaten: (DemoRegion & { kecamatan: (DemoRegion & { desa: DemoDesa[] })[] })[];
}

/** What to generate. */
export interface DemoOptions {
  /** Seed of every random draw: the same seed gives the same rows. */
  seed: number;
  /** Number of children (all ages that are 0–59 months at some point of the window). */
  children: number;
  /** History length in months, ending with the month of `today` (1–60). */
  months: number;
  /** "Today" (YYYY-MM-DD): no measurement after it; the window ends in its month. */
  today: string;
  /**
   * Target stunting prevalence in percent per kabupaten code (SSGI 2021 for NTT). A kabupaten
   * without a target gets `defaultStuntingPercent`.
   */
  stuntingTargetsPercent: Readonly<Record<string, number>>;
  /** For kabupaten without a target; default: the mean of the given targets. */
  defaultStuntingPercent?: number;
}

export interface DemoPuskesmas {
  id: string;
  name: string;
  /** Kecamatan code. */
  regionCode: string;
}

export interface DemoPosyandu {
  id: string;
  name: string;
  /** Desa code. */
  regionCode: string;
  puskesmasId: string;
  /** Day of the month (5–25) on which the posyandu meets. */
  meetingDay: number;
}

/** One desa of the plan: its children are the index range [firstChild, firstChild + children). */
export interface PlannedDesa {
  code: string;
  name: string;
  kecamatanCode: string;
  kabupatenIndex: number;
  firstChild: number;
  children: number;
  /** Index range of its posyandu in DemoPlan.posyandu. */
  firstPosyandu: number;
  posyanduCount: number;
  hazEffect: number;
  whzEffect: number;
}

export interface PlannedKabupaten {
  code: string;
  name: string;
  /** Target stunting prevalence, 0–1. */
  target: number;
  /** Where the target came from: the given figure or the default. */
  targetGiven: boolean;
  /**
   * The kabupaten's HAZ level: set so that exactly `target` of its children weighed in the
   * last 12 months have HAZ < −2 at their latest weighing (before rounding and entry errors),
   * see levelForTarget.
   */
  hazBase: number;
  whzBase: number;
  firstChild: number;
  children: number;
  naming: { areas: readonly [NamingArea, number][]; muslimShare: number };
  /**
   * Stratified draws (see docs/demo-data.md): child j of the kabupaten has birth rank
   * `birthRank[j]` (each desa spread evenly over the ranks), is born in the rank's slice of the birth window, and
   * gets its HAZ latent at the quantile frac(latentOffset + rank·(√5 − 1)/2). Children born in
   * any stretch of time then have an almost exactly normal latent, so every month's
   * cross-section lands on the target with far less noise than independent draws.
   */
  birthRank: Uint32Array;
  latentOffset: number;
}

export interface DemoPlan {
  options: DemoOptions;
  province: DemoRegion;
  /** Day numbers: first day of the window, and today. */
  windowStartDay: number;
  todayDay: number;
  /** Month index (months since Jan 1970) of the first month of the window. */
  firstMonthIndex: number;
  /** The same, with the seed and months, as child trajectories read them. */
  window: TrajectoryWindow;
  puskesmas: DemoPuskesmas[];
  posyandu: DemoPosyandu[];
  desa: PlannedDesa[];
  kabupaten: PlannedKabupaten[];
  totalChildren: number;
}

/** Relative number of children in a desa (a kelurahan is a town, Kota Kupang a city). */
function desaWeight(desa: DemoDesa, kabupatenCode: string): number {
  if (desa.type !== 'kelurahan') return 1;
  return kabupatenCode.endsWith('71') ? 8 : 3;
}

/** Largest-remainder allocation of `total` over `weights` (deterministic, sums exactly). */
function allocate(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (sum <= 0) return weights.map(() => 0);
  const exact = weights.map((w) => (w / sum) * total);
  const counts = exact.map(Math.floor);
  let left = total - counts.reduce((a, b) => a + b, 0);
  const order = exact
    .map((x, i) => ({ i, r: x - Math.floor(x) }))
    .sort((a, b) => b.r - a.r || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    counts[i]! += 1;
    left -= 1;
  }
  return counts;
}

const ROMAN = ['', ' II', ' III', ' IV'];

/**
 * The target is met by the children weighed in the last this-many months of the window, each
 * at its latest weighing: the administrative prevalence of the latest 12 months.
 */
export const CALIBRATION_MONTHS = 12;

/**
 * Lays out the province: puskesmas per kecamatan (one per 15 desa), 1–3 posyandu per desa
 * (kelurahan 2–3), children per desa proportional to its size, the desa effects, and the HAZ
 * base of each kabupaten solved for its target.
 */
export function planDemoProvince(tree: DemoRegionTree, options: DemoOptions): DemoPlan {
  if (!Number.isInteger(options.children) || options.children < 0)
    throw new RangeError('children must be a whole number ≥ 0');
  if (!Number.isInteger(options.months) || options.months < 1 || options.months > 60)
    throw new RangeError('months must be 1–60');
  const todayDay = dayNumber(options.today);
  const lastMonth = monthIndexOf(todayDay);
  const firstMonthIndex = lastMonth - options.months + 1;
  const windowStartDay = dayOfMonth(firstMonthIndex, 1);

  const rng = new DemoRandom(options.seed, STREAM.layout);
  const puskesmasPrefix = demoIdPrefix('puskesmas', options.seed);
  const posyanduPrefix = demoIdPrefix('posyandu', options.seed);
  const puskesmas: DemoPuskesmas[] = [];
  const posyandu: DemoPosyandu[] = [];
  const desa: PlannedDesa[] = [];
  const desaWeights: number[] = [];

  tree.kabupaten.forEach((kab, kabupatenIndex) => {
    for (const kec of kab.kecamatan) {
      const centres = Math.max(1, Math.ceil(kec.desa.length / 15));
      const centreIds: string[] = [];
      for (let c = 0; c < centres; c++) {
        const id = demoId(puskesmasPrefix, puskesmas.length);
        // The first centre carries the kecamatan's name; others the name of a desa they serve.
        const place =
          c === 0 ? kec.name : (kec.desa[c * 15]?.name ?? `${kec.name}${ROMAN[c] ?? ''}`);
        puskesmas.push({ id, name: `Puskesmas ${place}`, regionCode: kec.code });
        centreIds.push(id);
      }
      kec.desa.forEach((d, i) => {
        const weight = desaWeight(d, kab.code) * Math.exp(0.35 * rng.normal());
        const count =
          d.type === 'kelurahan'
            ? 2 + (rng.chance(0.5) ? 1 : 0)
            : 1 + (rng.chance(0.55) ? 1 : 0) + (rng.chance(0.15) ? 1 : 0);
        const firstPosyandu = posyandu.length;
        const names = new Set<string>();
        for (let p = 0; p < count; p++) {
          let name = rng.pick(POSYANDU_NAMES);
          for (let tries = 0; names.has(name) && tries < 20; tries++)
            name = rng.pick(POSYANDU_NAMES);
          if (names.has(name)) name = `${name}${ROMAN[p] ?? ` ${p + 1}`}`;
          names.add(name);
          posyandu.push({
            id: demoId(posyanduPrefix, posyandu.length),
            name: `Posyandu ${name}`,
            regionCode: d.code,
            puskesmasId: centreIds[Math.min(Math.floor(i / 15), centres - 1)]!,
            meetingDay: rng.intBetween(5, 25),
          });
        }
        desa.push({
          code: d.code,
          name: d.name,
          kecamatanCode: kec.code,
          kabupatenIndex,
          firstChild: 0,
          children: 0,
          firstPosyandu,
          posyanduCount: count,
          hazEffect: HAZ_DESA_SD * rng.normal(),
          whzEffect: WHZ_DESA_SD * rng.normal(),
        });
        desaWeights.push(weight);
      });
    }
  });

  const counts = allocate(options.children, desaWeights);
  let next = 0;
  desa.forEach((d, i) => {
    d.firstChild = next;
    d.children = counts[i]!;
    next += d.children;
  });

  const given = Object.values(options.stuntingTargetsPercent);
  const fallbackPercent =
    options.defaultStuntingPercent ??
    (given.length ? given.reduce((a, b) => a + b, 0) / given.length : 30);
  const window: TrajectoryWindow = {
    seed: options.seed,
    months: options.months,
    windowStartDay,
    todayDay,
    firstMonthIndex,
  };
  const meetingDays = Float64Array.from(posyandu, (p) => p.meetingDay);
  const trajectory = new ChildTrajectory(options.months);
  const kabupaten: PlannedKabupaten[] = tree.kabupaten.map((kab, k) => {
    const own = desa.filter((d) => d.kabupatenIndex === k);
    // Centre the desa effects (weighted by children) so they move villages, not the kabupaten.
    const total = own.reduce((sum, d) => sum + d.children, 0);
    for (const key of ['hazEffect', 'whzEffect'] as const) {
      const mean = total > 0 ? own.reduce((sum, d) => sum + d[key] * d.children, 0) / total : 0;
      for (const d of own) d[key] -= mean;
    }
    const percent = options.stuntingTargetsPercent[kab.code];
    const target = (percent ?? fallbackPercent) / 100;
    const kabRng = new DemoRandom(options.seed, STREAM.kabupaten, k);
    const planned: PlannedKabupaten = {
      code: kab.code,
      name: kab.name,
      target,
      targetGiven: percent !== undefined,
      hazBase: 0,
      whzBase: 0,
      firstChild: own[0]?.firstChild ?? next,
      children: total,
      naming: KABUPATEN_NAMING[kab.code] ?? DEFAULT_NAMING,
      birthRank: spreadBirthRanks(own, total, kabRng),
      latentOffset: kabRng.next(),
    };
    // Each child's HAZ without the level at its latest weighing of the last 12 months (the
    // administrative view: each child once, latest measurement); the level puts the target
    // share of them below −2.
    const values: number[] = [];
    const recent = Math.max(0, options.months - CALIBRATION_MONTHS);
    for (const d of own) {
      for (let i = d.firstChild; i < d.firstChild + d.children; i++) {
        childTrajectory(window, meetingDays, planned, d, i, trajectory);
        for (let t = options.months - 1; t >= recent; t--) {
          if (trajectory.attended[t] === 1) {
            values.push(trajectory.hazWithoutLevel[t]!);
            break;
          }
        }
      }
    }
    planned.hazBase = levelForTarget(Float64Array.from(values), target);
    return planned;
  });
  const meanBase =
    kabupaten.reduce((s, k) => s + k.hazBase * k.children, 0) / Math.max(1, options.children);
  for (const k of kabupaten)
    k.whzBase = WHZ_PROVINCE_MEAN + WHZ_FOLLOWS_HAZ * (k.hazBase - meanBase);

  return {
    options,
    province: tree.province,
    windowStartDay,
    todayDay,
    firstMonthIndex,
    window,
    puskesmas,
    posyandu,
    desa,
    kabupaten,
    totalChildren: options.children,
  };
}

/**
 * Birth ranks (0 … total − 1) for the children of a kabupaten, desa by desa in index order:
 * each desa's children are spread evenly over the whole birth order (systematic sampling from
 * a random start, in a random order inside the desa), so every stretch of birth dates — the
 * children who enter or leave 0–59 months during the window — has the same mix of villages.
 */
function spreadBirthRanks(
  own: readonly PlannedDesa[],
  total: number,
  rng: DemoRandom,
): Uint32Array {
  const keys = new Float64Array(total);
  let j = 0;
  for (const d of own) {
    const start = rng.next();
    const order = rng.permutation(d.children);
    for (let l = 0; l < d.children; l++) keys[j++] = (order[l]! + start) / d.children;
  }
  const byKey = Uint32Array.from({ length: total }, (_, i) => i).sort(
    (a, b) => keys[a]! - keys[b]! || a - b,
  );
  const ranks = new Uint32Array(total);
  byKey.forEach((child, rank) => (ranks[child] = rank));
  return ranks;
}

/**
 * The level L that puts exactly the share `target` of `values` below −2 (values + L < −2):
 * L = −2 − (the target quantile of the values), midway between the two values around it so
 * that rounding cannot tip either. With no values, a level that gives the target for a
 * standard normal spread.
 */
export function levelForTarget(values: Float64Array, target: number): number {
  const n = values.length;
  if (n === 0) return -2 - normalQuantile(Math.min(0.999, Math.max(0.001, target)));
  values.sort();
  const below = Math.round(target * n);
  if (below <= 0) return -2 - values[0]! + 0.01;
  if (below >= n) return -2 - values[n - 1]! - 0.01;
  return -2 - (values[below - 1]! + values[below]!) / 2;
}

/** Builds the tree from flat region rows (code, name, level, parent_code, type) of one province. */
export function demoRegionTree(
  rows: readonly { code: string; name: string; level: string; type: string | null }[],
  provinceCode: string,
): DemoRegionTree {
  const sorted = rows
    .filter((r) => r.code.startsWith(provinceCode))
    .slice()
    .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  const province = sorted.find((r) => r.code === provinceCode);
  if (!province) throw new RangeError(`province ${provinceCode} is not in the region table`);
  const tree: DemoRegionTree = {
    province: { code: province.code, name: province.name },
    kabupaten: [],
  };
  for (const r of sorted) {
    if (r.level === 'kabupaten') tree.kabupaten.push({ code: r.code, name: r.name, kecamatan: [] });
    else if (r.level === 'kecamatan')
      tree.kabupaten.at(-1)?.kecamatan.push({ code: r.code, name: r.name, desa: [] });
    else if (r.level === 'desa')
      tree.kabupaten
        .at(-1)
        ?.kecamatan.at(-1)
        ?.desa.push({ code: r.code, name: r.name, type: r.type });
  }
  // A kecamatan without desa (data gap) gets no posyandu or children; drop empty branches.
  for (const kab of tree.kabupaten) kab.kecamatan = kab.kecamatan.filter((k) => k.desa.length > 0);
  tree.kabupaten = tree.kabupaten.filter((k) => k.kecamatan.length > 0);
  return tree;
}
