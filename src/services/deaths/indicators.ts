/**
 * AKI-AKB figures for any region and period: counts of deaths (public), live births (entered,
 * summed or estimated, always saying which) and the rates with exact intervals. The public
 * summary endpoint (API-SPEC.md "AKI-AKB summary") and the AKI-AKB page read these.
 * No personal data is read: only the facts of listDeathFacts.
 */
import { canAccessRegion } from '../../core/access/scope.ts';
import { causeGroupsByCode } from '../../core/deaths/cause-groups.ts';
import type { placesOfDeath } from '../../core/deaths/case.ts';
import { deathKinds, type DeathKind } from '../../core/deaths/case.ts';
import type { LiveBirthFigure } from '../../core/deaths/live-births.ts';
import {
  areaAt,
  causeCounts,
  deathCounts,
  deathCountsBy,
  lateNotificationCount,
  monthOfDeath,
  mortalityRates,
  noDeaths,
  placeCounts,
  type DeathCounts,
  type DeathFact,
  type MortalityRates,
} from '../../core/deaths/tally.ts';
import { localDateAt, utcOffsetOfRegion } from '../../core/deaths/time-zone.ts';
import { confirmedStatuses } from '../../core/deaths/workflow.ts';
import { DomainError } from '../../core/errors.ts';
import {
  formatPeriod,
  isPeriodComplete,
  latestCompletePeriod,
  nextPeriod,
  parsePeriod,
  periodEnd,
  periodMonths,
  periodStart,
  type Period,
} from '../../core/indicators/period.ts';
import { childLevel, regionLevel, type RegionLevel } from '../../core/regions/region-code.ts';
import {
  busiestDeathProvince,
  countCasesByStatus,
  deathDataChangedAt,
  deathFiguresStamp,
  denominatorStamp,
  latestDeathDateBefore,
  latestLiveBirthMonthBefore,
  listDeathFacts,
  listLiveBirthRows,
  listPopulationRows,
  regionsAtLevelWithin,
} from '../../db/queries/deaths.ts';
import { findRegion } from '../../db/queries/regions.ts';
import type { ServiceContext } from '../context.ts';
import { resolverOfRows } from './live-births.ts';
import { regionChildren } from './region-tree.ts';

/** The nation: `00`, above the provinces (data/indicators uses the same code). */
export const NATIONAL = '00';

/** A region as figures name it. */
export interface RegionRefView {
  code: string;
  name: string;
  level: RegionLevel | 'nasional';
}

/** Counts, live births and rates of one region and period. */
export interface DeathFigures {
  counts: DeathCounts;
  liveBirths: LiveBirthFigure | null;
  rates: MortalityRates;
}

const prefixOf = (code: string) => (code === NATIONAL ? null : code);

const anyDeath = (c: DeathCounts) =>
  c.maternal + c.neonatal + c.infant + c.underFive + c.stillbirth > 0;

/**
 * Rates of an area or a month; none for the running period (deaths still coming in). Without any death and with live births known only from a
 * published figure, nothing was notified or entered there: that is no surveillance, not a rate
 * of zero, so no rate is formed.
 */
function ratesOf(
  counts: DeathCounts,
  liveBirths: LiveBirthFigure | null,
  complete: boolean,
): MortalityRates {
  const known =
    complete &&
    liveBirths !== null &&
    (anyDeath(counts) || liveBirths.method !== 'published_figure');
  return mortalityRates(counts, known ? liveBirths.value : null);
}

/** The region of a request (404 for an unknown code); `00` is Indonesia. */
export async function resolveRegion(ctx: ServiceContext, code: string): Promise<RegionRefView> {
  if (code === NATIONAL) return { code, name: 'Indonesia', level: 'nasional' };
  const region = await findRegion(ctx.db, code);
  if (!region) throw new DomainError('region_not_found', { code, field: 'region' });
  return { code: region.code, name: region.name, level: region.level };
}

/** Without a region: the province holding the data (a one-province installation), else Indonesia. */
export async function defaultDeathRegion(ctx: ServiceContext): Promise<string> {
  return (await busiestDeathProvince(ctx.db)) ?? NATIONAL;
}

/** Today's date in the region's time zone (WIB for Indonesia as a whole). */
export const todayIn = (ctx: ServiceContext, code: string) =>
  localDateAt(ctx.now(), code === NATIONAL ? 7 : utcOffsetOfRegion(code));

/** Refuses a bulan timbang or a period that has not started (400, naming what is allowed). */
export function checkPeriod(period: Period, today: string, field = 'period'): void {
  if (period.kind === 'weighing_month')
    throw new DomainError('validation_failed', {
      field,
      summary: `${field}: a month (2025-08), quarter (2025-Q3) or year (2025)`,
      allowed: 'YYYY-MM, YYYY-Qn or YYYY',
    });
  if (periodStart(period) > today)
    throw new DomainError('validation_failed', {
      field,
      summary: `${field}: a period that has started (not after ${today.slice(0, 7)})`,
      allowed: `up to ${today.slice(0, 7)}`,
    });
}

type Resolver = ReturnType<typeof resolverOfRows>;
/** Resolvers by database, region and years, with the stamp of the entries they were built from. */
const resolvers = new WeakMap<
  object,
  Map<string, { stamp: string; resolver: Promise<Resolver> }>
>();
const MAX_CACHED_RESOLVERS = 64;

/**
 * The live-birth resolver of a region and span of years. Building it reads every entry of the
 * region (a province-year of desa-months is ~40,000 rows), so it is kept per process and reused
 * until the entries change (denominatorStamp), which keeps the public summary fast.
 */
async function birthResolver(
  ctx: ServiceContext,
  code: string,
  years: { from: number; to: number },
): Promise<Resolver> {
  const prefix = prefixOf(code);
  let cache = resolvers.get(ctx.db);
  if (!cache)
    resolvers.set(
      ctx.db,
      (cache = new Map<string, { stamp: string; resolver: Promise<Resolver> }>()),
    );
  const key = `${code}|${years.from}|${years.to}`;
  const stamp = await denominatorStamp(ctx.db, prefix);
  const hit = cache.get(key);
  if (hit && hit.stamp === stamp) return hit.resolver;
  const resolver = (async () => {
    const [entries, population, childrenOf] = await Promise.all([
      listLiveBirthRows(ctx.db, prefix, years),
      listPopulationRows(ctx.db, prefix, years),
      regionChildren(ctx.db, code),
    ]);
    return resolverOfRows(entries, population, childrenOf);
  })();
  cache.delete(key);
  cache.set(key, { stamp, resolver });
  if (cache.size > MAX_CACHED_RESOLVERS) cache.delete(cache.keys().next().value!);
  resolver.catch(() => cache.delete(key));
  return resolver;
}

async function facts(
  ctx: ServiceContext,
  code: string,
  from: string,
  to: string,
): Promise<DeathFact[]> {
  const rows = await listDeathFacts(ctx.db, {
    regionCode: prefixOf(code),
    from,
    to,
    statuses: confirmedStatuses,
  });
  return rows.map((r) => ({
    kind: r.kind,
    status: r.status,
    deathDate: r.death_date,
    regionCode: r.region_code,
    causeGroup: r.cause_group,
    placeOfDeath: r.place_of_death,
    notifiedLate: r.notified_late,
  }));
}

/**
 * The period a summary shows by default: the latest complete month with any notification or
 * monthly live-birth entry for the region; the latest complete month when there is none.
 */
export async function defaultSummaryPeriod(ctx: ServiceContext, code: string): Promise<Period> {
  const today = todayIn(ctx, code);
  const thisMonth = today.slice(0, 7);
  const [death, births] = await Promise.all([
    latestDeathDateBefore(ctx.db, prefixOf(code), `${thisMonth}-01`, [
      'notified',
      ...confirmedStatuses,
    ]),
    latestLiveBirthMonthBefore(ctx.db, prefixOf(code), thisMonth),
  ]);
  const latest = [death?.slice(0, 7), births]
    .filter((m): m is string => !!m)
    .sort()
    .pop();
  return (latest && parsePeriod(latest)) || latestCompletePeriod('month', today);
}

export interface DeathSummary extends DeathFigures {
  region: RegionRefView;
  period: Period;
  /**
   * False for the running period: its deaths are still coming in while its live births may be a
   * whole period's, so no rate is formed (counts are shown).
   */
  complete: boolean;
  asOf: Date;
  /** Notifications not yet verified (not in the counts). */
  unverified: number;
  hasData: boolean;
}

/** Summaries by database, kept until any AKI-AKB data changes (one stamp query per request). */
const summaries = new WeakMap<
  object,
  { stamp: string; answers: Map<string, Promise<DeathSummary>> }
>();
const MAX_CACHED_SUMMARIES = 500;

/**
 * The public summary of a region and period (API-SPEC.md). The portal home asks for it on every
 * visit; computing it reads several tables, so answers are reused while the data is unchanged.
 */
export async function deathSummary(
  ctx: ServiceContext,
  params: { region?: string | null; period?: Period | null },
): Promise<DeathSummary> {
  const stamp = await deathFiguresStamp(ctx.db);
  let cache = summaries.get(ctx.db);
  if (!cache || cache.stamp !== stamp)
    summaries.set(ctx.db, (cache = { stamp, answers: new Map() }));
  // The default period and whether a period is complete follow the date in the region.
  const today = todayIn(ctx, params.region ?? NATIONAL);
  const key = `${params.region ?? ''}|${params.period ? formatPeriod(params.period) : ''}|${today}`;
  const hit = cache.answers.get(key);
  if (hit) return hit;
  const answer = computeDeathSummary(ctx, params);
  const answers = cache.answers;
  answers.set(key, answer);
  answer.catch(() => answers.delete(key));
  if (answers.size > MAX_CACHED_SUMMARIES) answers.delete(answers.keys().next().value!);
  return answer;
}

async function computeDeathSummary(
  ctx: ServiceContext,
  params: { region?: string | null; period?: Period | null },
): Promise<DeathSummary> {
  const code = params.region ?? (await defaultDeathRegion(ctx));
  const region = await resolveRegion(ctx, code);
  const period = params.period ?? (await defaultSummaryPeriod(ctx, code));
  const today = todayIn(ctx, code);
  checkPeriod(period, today);
  const complete = isPeriodComplete(period, today);
  const from = periodStart(period);
  const to = periodEnd(period);
  const [cases, statuses, resolver, changedAt] = await Promise.all([
    facts(ctx, code, from, to),
    countCasesByStatus(ctx.db, { regionCode: prefixOf(code), from, to }),
    birthResolver(ctx, code, { from: period.year, to: period.year }),
    deathDataChangedAt(ctx.db, prefixOf(code)),
  ]);
  const counts = deathCounts(cases);
  const liveBirths = resolver.liveBirths(code, period);
  const notified = [...statuses.entries()]
    .filter(([s]) => s !== 'void')
    .reduce((sum, [, n]) => sum + n, 0);
  const hasData = notified > 0 || (liveBirths !== null && liveBirths.method !== 'published_figure');
  return {
    region,
    period,
    asOf: changedAt ?? ctx.now(),
    counts,
    liveBirths,
    // Nothing notified or entered: no surveillance yet, which is not a rate of zero.
    rates: mortalityRates(counts, hasData && complete ? (liveBirths?.value ?? null) : null),
    complete,
    unverified: statuses.get('notified') ?? 0,
    hasData,
  };
}

/** One point of a trend. */
export interface DeathSeriesPoint extends DeathFigures {
  period: Period;
  complete: boolean;
}

/** Most points a series returns (10 years of months). */
export const MAX_SERIES_POINTS = 120;

/** Monthly (or yearly) counts, live births and rates from `from` to `to` (default: the last 24 months). */
export async function deathSeries(
  ctx: ServiceContext,
  params: { region: string; kind: 'month' | 'year'; from?: Period | null; to?: Period | null },
): Promise<{ region: RegionRefView; points: DeathSeriesPoint[] }> {
  const region = await resolveRegion(ctx, params.region);
  const today = todayIn(ctx, params.region);
  const last = params.to ?? latestCompletePeriod(params.kind, today);
  checkPeriod(last, today, 'to');
  let first = params.from;
  if (!first) {
    first = last;
    for (let i = 1; i < (params.kind === 'month' ? 24 : 5); i++) first = previous(first);
  }
  if (first.kind !== last.kind || formatPeriod(first) > formatPeriod(last))
    throw new DomainError('validation_failed', {
      field: 'from',
      summary: 'from: a period of the same kind, not after `to`',
      allowed: `${params.kind} periods, from ≤ to`,
    });
  const periods: Period[] = [];
  for (let p = first; formatPeriod(p) <= formatPeriod(last); p = nextPeriod(p)) {
    periods.push(p);
    if (periods.length > MAX_SERIES_POINTS)
      throw new DomainError('validation_failed', {
        field: 'from',
        summary: `from: at most ${MAX_SERIES_POINTS} points`,
        allowed: `at most ${MAX_SERIES_POINTS} periods`,
      });
  }
  const [cases, resolver] = await Promise.all([
    facts(ctx, params.region, periodStart(first), periodEnd(last)),
    birthResolver(ctx, params.region, { from: first.year, to: last.year }),
  ]);
  const keyOf = params.kind === 'month' ? monthOfDeath : (f: DeathFact) => f.deathDate.slice(0, 4);
  const byPeriod = deathCountsBy(cases, keyOf);
  return {
    region,
    points: periods.map((period) => {
      const counts = byPeriod.get(formatPeriod(period)) ?? noDeaths();
      const liveBirths = resolver.liveBirths(params.region, period);
      const complete = isPeriodComplete(period, today);
      return { period, complete, counts, liveBirths, rates: ratesOf(counts, liveBirths, complete) };
    }),
  };
}

function previous(period: Period): Period {
  if (period.kind === 'month')
    return period.month === 1
      ? { kind: 'month', year: period.year - 1, month: 12 }
      : { kind: 'month', year: period.year, month: period.month - 1 };
  return { kind: 'year', year: period.year - 1 };
}

/** One area of a region (for the map and the table). */
export interface DeathAreaRow extends DeathFigures {
  code: string;
  name: string;
  level: RegionLevel;
}

/** Figures for every area one level below a region (or at a deeper `level`), also areas without deaths. */
export async function deathAreas(
  ctx: ServiceContext,
  params: { region: string; period: Period; level?: RegionLevel | null },
): Promise<{ region: RegionRefView; level: RegionLevel; complete: boolean; rows: DeathAreaRow[] }> {
  const region = await resolveRegion(ctx, params.region);
  const today = todayIn(ctx, params.region);
  checkPeriod(params.period, today);
  const complete = isPeriodComplete(params.period, today);
  const below = region.level === 'nasional' ? 'provinsi' : childLevel(region.level);
  const level = params.level ?? below;
  const depth = ['provinsi', 'kabupaten', 'kecamatan', 'desa'];
  if (!level || !below || depth.indexOf(level) < depth.indexOf(below))
    throw new DomainError('validation_failed', {
      field: 'level',
      summary: 'level: a level below the region',
      allowed: below ? depth.slice(depth.indexOf(below)).join(', ') : 'none (a desa has no areas)',
    });
  const [areas, cases, resolver] = await Promise.all([
    regionsAtLevelWithin(ctx.db, prefixOf(params.region), level),
    facts(ctx, params.region, periodStart(params.period), periodEnd(params.period)),
    birthResolver(ctx, params.region, { from: params.period.year, to: params.period.year }),
  ]);
  const length = { provinsi: 2, kabupaten: 4, kecamatan: 6, desa: 10 }[level];
  const byArea = deathCountsBy(cases, areaAt(length));
  return {
    region,
    level,
    complete,
    rows: areas.map((area) => {
      const counts = byArea.get(area.code) ?? noDeaths();
      const liveBirths = resolver.liveBirths(area.code, params.period);
      return {
        code: area.code,
        name: area.name,
        level: area.level,
        counts,
        liveBirths,
        rates: ratesOf(counts, liveBirths, complete),
      };
    }),
  };
}

/** Deaths by cause group and by place, per kind of death. */
export interface DeathBreakdown {
  region: RegionRefView;
  period: Period;
  /**
   * True when causes and places are withheld: below kabupaten level a cause count can point at
   * one known death in a village, so only signed-in health staff of the region see them.
   */
  restricted: boolean;
  byKind: {
    kind: DeathKind;
    total: number;
    causes: { code: string; label: { id: string; en: string } | null; count: number }[];
    places: Record<(typeof placesOfDeath)[number], number>;
  }[];
  lateNotifications: { late: number; total: number };
}

/** Causes and places of death; public for kabupaten/kota and above (see `restricted`). */
export async function deathBreakdown(
  ctx: ServiceContext,
  params: { region: string; period: Period },
): Promise<DeathBreakdown> {
  const region = await resolveRegion(ctx, params.region);
  checkPeriod(params.period, todayIn(ctx, params.region));
  const deep = params.region !== NATIONAL && params.region.length > 4;
  const staff =
    ctx.actor !== null &&
    ['admin', 'province', 'district', 'puskesmas', 'village'].includes(ctx.actor.role) &&
    canAccessRegion(ctx.actor, 'records:read', params.region);
  const restricted = deep && !staff;
  const cases = restricted
    ? []
    : await facts(ctx, params.region, periodStart(params.period), periodEnd(params.period));
  return {
    region,
    period: params.period,
    restricted,
    byKind: deathKinds.map((kind) => {
      const causes = [...causeCounts(cases, kind).entries()]
        .map(([code, count]) => ({
          code,
          label: causeGroupsByCode.get(code)?.label ?? null,
          count,
        }))
        .sort((a, b) => b.count - a.count || a.code.localeCompare(b.code));
      return {
        kind,
        total: cases.filter((c) => c.kind === kind).length,
        causes,
        places: placeCounts(cases, kind),
      };
    }),
    lateNotifications: lateNotificationCount(cases),
  };
}

/** The months of a period, for callers that tabulate by month. */
export const monthsOf = (period: Period) => periodMonths(period);

/** The level of a region code (`00` is national). */
export const levelOf = (code: string): RegionLevel | 'nasional' =>
  code === NATIONAL ? 'nasional' : regionLevel(code);
