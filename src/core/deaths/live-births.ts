/**
 * Live births, the denominator of AKI, AKB and AKN, for any region and period (docs/deaths.md
 * §Live births). Births are entered (or imported) per desa, kecamatan, kabupaten or province,
 * per month or per year. For a region and a month, quarter or year the figure is found in this
 * order, and the first that exists is used:
 *
 * 1. **reported** — the region's own entries cover the period (the year's figure, or every month);
 * 2. **sum of areas** — every area one level below has a reported figure (recursively);
 * 3. **prorated from the year** (estimate) — a month or quarter of a year whose total was entered:
 *    the total × days in the period ÷ days in the year;
 * 4. **sum of areas, some estimated** (estimate) — every area below has a figure, some estimated;
 * 5. **population × crude birth rate** (estimate) — the region's population for the year (entered)
 *    × the CBR per 1,000 (its own or the nearest ancestor's for that year), prorated by days;
 * 6. **published figure** (estimate unless it is the same year) — the most recent published
 *    count of live births for the region (data/indicators: Dinkes NTT 2019), prorated by days;
 * 7. nothing: no rate is formed (the counts of deaths are still shown).
 *
 * An estimate is always marked (`estimated: true`) with its method, so every screen can say so.
 * Estimates are rounded to whole births (a rate needs a count). Pure: all inputs are arguments.
 */
import {
  daysInMonth,
  formatPeriod,
  isLeapYear,
  periodMonths,
  type Period,
} from '../indicators/period.ts';

/** One entered figure: births in a region in a month (`2025-03`) or a year (`2025`). */
export interface LiveBirthEntry {
  regionCode: string;
  period: string;
  count: number;
  /** Where the figure comes from, as the person who entered it wrote it (e.g. "PWS-KIA"). */
  source: string | null;
}

/** Population of a region in a year and, optionally, the crude birth rate per 1,000 people. */
export interface PopulationFigure {
  regionCode: string;
  year: number;
  population: number | null;
  crudeBirthRate: number | null;
  source: string | null;
}

/** A published count of live births (reference data shipped in data/indicators). */
export interface PublishedBirths {
  regionCode: string;
  year: number;
  count: number;
  source: string;
}

/** How a figure was obtained; all but `reported` and a same-year `published_figure` are estimates. */
export type LiveBirthMethod =
  'reported' | 'sum_of_areas' | 'prorated_from_year' | 'population_cbr' | 'published_figure';

/** Live births of a region in a period, with how they were obtained. */
export interface LiveBirthFigure {
  value: number;
  estimated: boolean;
  method: LiveBirthMethod;
  /** The entered source (reported), the publication (published), the population source. */
  source: string | null;
  /** sum_of_areas: how many areas were added, and how many of them were estimates. */
  areas: { count: number; estimated: number } | null;
  /** prorated/population/published: the year of the figure the estimate comes from. */
  fromYear: number | null;
}

/** Everything the resolver reads. */
export interface LiveBirthInputs {
  entries: readonly LiveBirthEntry[];
  population?: readonly PopulationFigure[];
  published?: readonly PublishedBirths[];
  /** The regions directly below a code (from the region table); [] for a desa. */
  childrenOf: (code: string) => readonly string[];
}

const daysInYear = (year: number) => (isLeapYear(year) ? 366 : 365);

function daysInPeriod(period: Period): number {
  return periodMonths(period).reduce((sum, m) => sum + daysInMonth(m.year, m.month), 0);
}

/**
 * A resolver over one set of inputs: `liveBirths(code, period)` for any region and month,
 * quarter or year (bulan timbang periods are months). Results are memoised, so asking for a
 * province and then for each of its kabupaten costs one pass over the tree.
 */
export function liveBirthResolver(inputs: LiveBirthInputs) {
  const entries = new Map<string, LiveBirthEntry>();
  for (const entry of inputs.entries) entries.set(`${entry.regionCode}|${entry.period}`, entry);
  const population = new Map<string, PopulationFigure>();
  for (const p of inputs.population ?? []) population.set(`${p.regionCode}|${p.year}`, p);
  const published = new Map<string, PublishedBirths[]>();
  for (const p of inputs.published ?? []) {
    const list = published.get(p.regionCode) ?? [];
    list.push(p);
    published.set(p.regionCode, list);
  }
  const memo = new Map<string, LiveBirthFigure | null>();

  const own = (code: string, period: string) => entries.get(`${code}|${period}`);

  function crudeBirthRate(code: string, year: number): number | null {
    for (let c: string | null = code; c; c = parentOf(c)) {
      const rate = population.get(`${c}|${year}`)?.crudeBirthRate;
      if (rate !== null && rate !== undefined) return rate;
    }
    return null;
  }

  function resolve(code: string, period: Period): LiveBirthFigure | null {
    const key = `${code}|${formatPeriod(period)}`;
    if (memo.has(key)) return memo.get(key)!;
    const result = compute(code, period);
    memo.set(key, result);
    return result;
  }

  function compute(code: string, period: Period): LiveBirthFigure | null {
    const year = period.year;
    const share = period.kind === 'year' ? 1 : daysInPeriod(period) / daysInYear(year);
    const base = { areas: null, fromYear: null };

    // 1. reported at this level
    if (period.kind === 'year') {
      const entry = own(code, String(year));
      if (entry)
        return {
          ...base,
          value: entry.count,
          estimated: false,
          method: 'reported',
          source: entry.source,
        };
    }
    const months = periodMonths(period).map((m) => own(code, formatPeriod(m)));
    if (months.every((m) => m !== undefined)) {
      const sources = [...new Set(months.map((m) => m.source).filter((s) => s))];
      return {
        ...base,
        value: months.reduce((sum, m) => sum + m.count, 0),
        estimated: false,
        method: 'reported',
        source: sources.length ? sources.join('; ') : null,
      };
    }

    // 2. every area below reported
    const children = inputs.childrenOf(code);
    const below = children.length ? children.map((c) => resolve(c, period)) : null;
    const allBelow = below !== null && below.every((f) => f !== null);
    const sumBelow = (estimated: boolean): LiveBirthFigure => ({
      value: below!.reduce((sum, f) => sum + f!.value, 0),
      estimated,
      method: 'sum_of_areas',
      source: null,
      areas: { count: below!.length, estimated: below!.filter((f) => f!.estimated).length },
      fromYear: null,
    });
    if (allBelow && below.every((f) => !f.estimated)) return sumBelow(false);

    // 3. a month or quarter of an entered year
    if (period.kind !== 'year') {
      const entry = own(code, String(year));
      if (entry)
        return {
          value: Math.round(entry.count * share),
          estimated: true,
          method: 'prorated_from_year',
          source: entry.source,
          areas: null,
          fromYear: year,
        };
    }

    // 4. every area below has a figure, some estimated
    if (allBelow) return sumBelow(true);

    // 5. population × crude birth rate
    const people = population.get(`${code}|${year}`);
    const rate = crudeBirthRate(code, year);
    if (people?.population && rate !== null)
      return {
        value: Math.round(((people.population * rate) / 1000) * share),
        estimated: true,
        method: 'population_cbr',
        source: people.source,
        areas: null,
        fromYear: year,
      };

    // 6. the most recent published figure (the same year's when there is one)
    const figures = published.get(code);
    if (figures?.length) {
      const chosen =
        figures.find((f) => f.year === year) ??
        [...figures].sort((a, b) => b.year - a.year).find((f) => f.year <= year) ??
        [...figures].sort((a, b) => a.year - b.year)[0]!;
      const exact = chosen.year === year && period.kind === 'year';
      return {
        value: Math.round(chosen.count * share),
        estimated: !exact,
        method: 'published_figure',
        source: chosen.source,
        areas: null,
        fromYear: chosen.year,
      };
    }
    return null;
  }

  return { liveBirths: resolve };
}

/** Parent kode wilayah by prefix (10 → 6 → 4 → 2 digits); null above a province. */
function parentOf(code: string): string | null {
  if (code.length === 10) return code.slice(0, 6);
  if (code.length === 6) return code.slice(0, 4);
  if (code.length === 4) return code.slice(0, 2);
  return null;
}

/** True for a live-birth period as entered: a year `2025` or a month `2025-03`. */
export function isLiveBirthPeriod(period: string): boolean {
  return /^\d{4}$/.test(period) || /^\d{4}-(0[1-9]|1[0-2])$/.test(period);
}
