/**
 * The dashboard's use cases (API-SPEC.md "Dashboard API" 1–7): figures of a region and period
 * from the rollups, time series with targets, breakdowns, area tables, top villages and the
 * comparison with surveys. Aggregate only: nothing here reads a child record. Each answer says
 * which small-number rule it applied (public, or internal for staff with records:read there).
 */
import { canAccessRegion } from '../../core/access/scope.ts';
import {
  combineRollupCounts,
  dashboardCount,
  dashboardCountsUsed,
  dashboardFigure,
  dashboardIndicator,
  dashboardIndicators,
  emptyRollupCounts,
  type DashboardFigure,
  type DashboardIndicator,
  type RollupCounts,
} from '../../core/indicators/dashboard.ts';
import {
  formatPeriod,
  latestCompletePeriod,
  nextPeriod,
  parsePeriod,
  periodEnd,
  periodLabel,
  periodStart,
  previousPeriod,
  type Period,
  type PeriodKind,
} from '../../core/indicators/period.ts';
import {
  ageGroupIds,
  nutritionIndicatorIds,
  type AgeGroup,
} from '../../core/indicators/prevalence.ts';
import {
  internalChildFigurePolicy,
  publicChildFigurePolicy,
  suppressedCount,
  type SuppressionPolicy,
} from '../../core/indicators/suppression.ts';
import { DomainError } from '../../core/errors.ts';
import { regionLevels, type RegionLevel } from '../../core/regions/region-code.ts';
import {
  dataExtent,
  levelCounts,
  periodsWithData,
  posyanduByIds,
  posyanduCounts,
  posyanduOfRegion,
  regionChangedAt,
  regionCounts,
} from '../../db/queries/dashboard.ts';
import { registerOfAreas, registerOfPosyanduIn, registerOfRegion } from './register-cache.ts';
import { findValues } from '../../db/queries/indicator-store.ts';
import type { ServiceContext } from '../context.ts';
import { regionTree } from './region-tree.ts';

/** A region as answers name it; `nasional` for 00. */
export interface RegionRef {
  code: string;
  name: string;
  level: 'nasional' | RegionLevel;
}

/** A period as answers describe it. */
export interface PeriodInfo {
  code: string;
  kind: PeriodKind;
  label: { id: string; en: string };
  start: string;
  end: string;
}

/** Area tables may list these levels. */
export type AreaLevel = RegionLevel | 'posyandu';

/** Dashboard settings (env): the region shown to visitors by default. */
export interface DashboardSettings {
  homeRegion?: string | null;
}

export const NATIONAL: RegionRef = { code: '00', name: 'Indonesia', level: 'nasional' };

/** Where the figures come from (the registry, e-PPGBM style). */
export const EPPGBM_SOURCE = {
  id: 'eppgbm' as const,
  label: { id: 'e-PPGBM (pencatatan posyandu, Tumbuh)', en: 'e-PPGBM (posyandu records, Tumbuh)' },
};

/** Series longer than this are refused (a chart of 10 years of months). */
export const MAX_SERIES_POINTS = 120;

const today = (ctx: ServiceContext) => ctx.now().toISOString().slice(0, 10);

function invalid(field: string, allowed: string, problem: string): DomainError {
  return new DomainError('validation_failed', {
    field,
    allowed,
    problem,
    summary: `${field}: ${problem}; allowed: ${allowed}`,
  });
}

/** A period's description for answers. */
export function periodInfo(period: Period): PeriodInfo {
  return {
    code: formatPeriod(period),
    kind: period.kind,
    label: { id: periodLabel(period, 'id'), en: periodLabel(period, 'en') },
    start: periodStart(period),
    end: periodEnd(period),
  };
}

/** The rollup kind and code a period is stored under (a bulan timbang is its month). */
function stored(period: Period): { kind: 'month' | 'quarter' | 'year'; code: string } {
  if (period.kind === 'weighing_month')
    return {
      kind: 'month',
      code: formatPeriod({ kind: 'month', year: period.year, month: period.month }),
    };
  return { kind: period.kind, code: formatPeriod(period) };
}

/** Month index (year × 12 + month − 1) of a period's last month: the register's reference. */
function endMonth(period: Period): number {
  const end = periodEnd(period);
  return Number(end.slice(0, 4)) * 12 + Number(end.slice(5, 7)) - 1;
}

/** Age group of a registered child at the end of the period, from its birth month. */
function registeredAgeGroup(birthMonth: number, end: number): AgeGroup {
  const months = end - birthMonth;
  return months < 6 ? '00-05' : months < 12 ? '06-11' : months < 24 ? '12-23' : '24-59';
}

// ── region, policy, period ─────────────────────────────────────────────────────────────────

const refOf = (r: { code: string; name: string; level: RegionLevel }): RegionRef => ({
  code: r.code,
  name: r.name,
  level: r.level,
});

/** The region of a request with its ancestors (nation first); 400 for a code not in the table. */
export async function resolveRegion(
  ctx: ServiceContext,
  code: string,
): Promise<{ region: RegionRef; ancestors: RegionRef[] }> {
  if (code === '00') return { region: NATIONAL, ancestors: [] };
  const tree = await regionTree(ctx.db);
  const node = tree.get(code);
  if (!node)
    throw invalid(
      'region',
      'a kode wilayah of the region table (GET /api/regions), or 00 for Indonesia',
      `unknown kode wilayah ${code}`,
    );
  const ancestors = [NATIONAL];
  for (const length of [2, 4, 6]) {
    if (length >= code.length) break;
    const a = tree.get(code.slice(0, length));
    if (a) ancestors.push(refOf(a));
  }
  return { region: refOf(node), ancestors };
}

/**
 * The small-number rule for this caller and region: staff whose role reads the records of the
 * region see everything; everyone else (and a kader, whose records are one posyandu) the public
 * rule.
 */
export function policyFor(ctx: ServiceContext, region: string): SuppressionPolicy {
  const actor = ctx.actor;
  if (!actor || actor.role === 'kader' || region === '00') return publicChildFigurePolicy;
  return canAccessRegion(actor, 'records:read', region)
    ? internalChildFigurePolicy
    : publicChildFigurePolicy;
}

/** Parses a period of the request; a period that starts after today is refused. */
export function requestPeriod(ctx: ServiceContext, code: string, field = 'period'): Period {
  const period = parsePeriod(code);
  if (!period)
    throw invalid(field, 'YYYY-MM, YYYY-Qn, YYYY, YYYY-BT02 or YYYY-BT08', 'not a period');
  if (periodStart(period) > today(ctx))
    throw invalid(
      field,
      `a period that has started (on or before ${formatPeriod(latestStarted(period.kind, today(ctx)))})`,
      `${code} is in the future`,
    );
  return period;
}

function latestStarted(kind: PeriodKind, date: string): Period {
  let p = latestCompletePeriod(kind, date);
  while (periodStart(nextPeriod(p)) <= date) p = nextPeriod(p);
  return p;
}

/**
 * The default period of a kind for a region: the latest complete one that has data (the
 * running month is still being entered), else the latest complete one.
 */
export async function defaultPeriod(
  ctx: ServiceContext,
  region: string,
  kind: PeriodKind = 'month',
): Promise<Period> {
  const latest = latestCompletePeriod(kind, today(ctx));
  const storage = kind === 'weighing_month' ? 'month' : kind;
  const codes = await periodsWithData(ctx.db, region, storage);
  for (let i = codes.length - 1; i >= 0; i--) {
    const p = parsePeriod(codes[i]!)!;
    const candidate: Period | null =
      kind === 'weighing_month'
        ? p.kind === 'month' && (p.month === 2 || p.month === 8)
          ? { kind, year: p.year, month: p.month }
          : null
        : p;
    if (candidate && periodEnd(candidate) <= periodEnd(latest)) return candidate;
  }
  return latest;
}

/** The region shown by default: the user's own, else the configured one, else the busiest province. */
export async function homeRegion(
  ctx: ServiceContext,
  settings: DashboardSettings,
): Promise<string> {
  if (ctx.actor) return ctx.actor.regionCode;
  if (settings.homeRegion) return settings.homeRegion;
  return (await dataExtent(ctx.db)).busiestProvince ?? '00';
}

// ── counts ─────────────────────────────────────────────────────────────────────────────────

type Breakdown = {
  total: RollupCounts;
  bySex: Record<'male' | 'female', RollupCounts>;
  byAgeGroup: Record<AgeGroup, RollupCounts>;
};

function groupRows(
  rows: readonly (RollupCounts & { sex: number; age_group: string })[],
): Breakdown {
  const total = rows.find((r) => r.sex === 0) ?? emptyRollupCounts();
  const cells = rows.filter((r) => r.sex !== 0);
  return {
    total,
    bySex: {
      male: combineRollupCounts(...cells.filter((r) => r.sex === 1)),
      female: combineRollupCounts(...cells.filter((r) => r.sex === 2)),
    },
    byAgeGroup: Object.fromEntries(
      ageGroupIds.map((g) => [g, combineRollupCounts(...cells.filter((r) => r.age_group === g))]),
    ) as Record<AgeGroup, RollupCounts>,
  };
}

/** S of a period for a region: total, by sex and by age group at the end of the period. */
async function registered(ctx: ServiceContext, region: string, period: Period) {
  const end = endMonth(period);
  const rows = await registerOfRegion(ctx.db, region, end - 59, end);
  const result = {
    total: 0,
    bySex: { male: 0, female: 0 },
    byAgeGroup: { '00-05': 0, '06-11': 0, '12-23': 0, '24-59': 0 } as Record<AgeGroup, number>,
  };
  for (const r of rows) {
    result.total += r.children;
    result.bySex[r.sex === 1 ? 'male' : 'female'] += r.children;
    result.byAgeGroup[registeredAgeGroup(r.birth_month, end)] += r.children;
  }
  return result;
}

// ── 2. summary ─────────────────────────────────────────────────────────────────────────────

export const summaryIndicators = [
  ...nutritionIndicatorIds,
  'weighing_coverage',
  'weight_gain',
] as const satisfies readonly DashboardIndicator[];

/** Headline figures of a region and period (default: the latest complete month with data). */
export async function dashboardSummary(
  ctx: ServiceContext,
  params: { region: string; period?: string },
) {
  const { region, ancestors } = await resolveRegion(ctx, params.region);
  const period = params.period
    ? requestPeriod(ctx, params.period)
    : await defaultPeriod(ctx, region.code);
  const policy = policyFor(ctx, region.code);
  const { kind, code } = stored(period);
  const [rows, register, changedAt] = await Promise.all([
    regionCounts(ctx.db, region.code, kind, [code]),
    registered(ctx, region.code, period),
    regionChangedAt(ctx.db, region.code),
  ]);
  const counts = groupRows(rows).total;
  const figures = Object.fromEntries(
    summaryIndicators.map((id) => [id, dashboardFigure(id, counts, register.total, policy)]),
  ) as Record<(typeof summaryIndicators)[number], DashboardFigure>;
  const count = (n: number) => suppressedCount(n, policy).count;
  return {
    region,
    ancestors,
    period: periodInfo(period),
    policy: policy.id,
    asOf: (changedAt ?? ctx.now()).toISOString(),
    source: EPPGBM_SOURCE,
    figures,
    counts: {
      registered: count(register.total),
      measured: count(counts.measured),
      stunted: count(counts.haz_lt2),
      twoT: count(counts.two_t),
    },
  };
}

// ── 3. series ──────────────────────────────────────────────────────────────────────────────

const defaultLength: Record<PeriodKind, number> = {
  month: 24,
  quarter: 8,
  year: 5,
  weighing_month: 6,
};

function periodsBetween(from: Period, to: Period): Period[] {
  const out: Period[] = [];
  for (let p = from; periodStart(p) <= periodStart(to); p = nextPeriod(p)) {
    out.push(p);
    if (out.length > MAX_SERIES_POINTS) break;
  }
  return out;
}

/** Targets of an indicator for a region: per year its own, else the nearest ancestor's, else 00. */
export async function targetsFor(ctx: ServiceContext, region: string, indicator: string) {
  const chain = [
    '00',
    ...[2, 4, 6].filter((l) => l < region.length).map((l) => region.slice(0, l)),
  ];
  if (region !== '00') chain.push(region);
  const values = await findValues(ctx.db, {
    indicator,
    regions: chain,
    sources: ['target'],
    limit: 1000,
  });
  const byYear = new Map<number, (typeof values)[number]>();
  for (const v of values) {
    const year = Number(v.period.slice(0, 4));
    const current = byYear.get(year);
    if (!current || v.region_code.length > current.region_code.length) byYear.set(year, v);
  }
  return [...byYear.entries()]
    .sort(([a], [b]) => a - b)
    .map(([year, v]) => ({
      year,
      value: Number(v.value),
      source: v.source_key ?? v.source,
      regionCode: v.region_code,
    }));
}

/** A time series of one indicator for a region, with the targets. */
export async function dashboardSeries(
  ctx: ServiceContext,
  params: {
    region: string;
    indicator: DashboardIndicator;
    kind: PeriodKind;
    from?: string;
    to?: string;
  },
) {
  const { region } = await resolveRegion(ctx, params.region);
  const policy = policyFor(ctx, region.code);
  const ofKind = (code: string, field: string) => {
    const p = requestPeriod(ctx, code, field);
    if (p.kind !== params.kind)
      throw invalid(field, `a period of kind ${params.kind}`, `${code} is a ${p.kind}`);
    return p;
  };
  const to = params.to
    ? ofKind(params.to, 'to')
    : await defaultPeriod(ctx, region.code, params.kind);
  let from: Period;
  if (params.from) from = ofKind(params.from, 'from');
  else {
    from = to;
    for (let i = 1; i < defaultLength[params.kind]; i++) from = previousPeriod(from);
  }
  if (periodStart(from) > periodStart(to))
    throw invalid('from', `a period on or before ${formatPeriod(to)}`, 'from is after to');
  const periods = periodsBetween(from, to);
  if (periods.length > MAX_SERIES_POINTS)
    throw invalid('from', `at most ${MAX_SERIES_POINTS} periods`, 'the series is too long');
  const storage = params.kind === 'weighing_month' ? 'month' : params.kind;
  const codes = periods.map((p) => stored(p).code);
  const needsRegister = params.indicator === 'weighing_coverage';
  const [rows, registerRows, targets] = await Promise.all([
    regionCounts(ctx.db, region.code, storage, codes),
    needsRegister
      ? registerOfRegion(ctx.db, region.code, endMonth(from) - 59, endMonth(to))
      : Promise.resolve([]),
    targetsFor(ctx, region.code, params.indicator),
  ]);
  const totals = new Map(rows.filter((r) => r.sex === 0).map((r) => [r.period, r]));
  const points = periods.map((p) => {
    const end = endMonth(p);
    const s = needsRegister
      ? registerRows
          .filter((r) => r.birth_month > end - 60 && r.birth_month <= end)
          .reduce((sum, r) => sum + r.children, 0)
      : 0;
    const counts = totals.get(stored(p).code) ?? emptyRollupCounts();
    return { period: periodInfo(p), figure: dashboardFigure(params.indicator, counts, s, policy) };
  });
  return { region, indicator: params.indicator, policy: policy.id, points, targets };
}

// ── 4. breakdown ───────────────────────────────────────────────────────────────────────────

/** An indicator by sex and by age group (0–5, 6–11, 12–23, 24–59 months). */
export async function dashboardBreakdown(
  ctx: ServiceContext,
  params: { region: string; indicator: DashboardIndicator; period?: string },
) {
  const { region } = await resolveRegion(ctx, params.region);
  const period = params.period
    ? requestPeriod(ctx, params.period)
    : await defaultPeriod(ctx, region.code);
  const policy = policyFor(ctx, region.code);
  const { kind, code } = stored(period);
  const [rows, register] = await Promise.all([
    regionCounts(ctx.db, region.code, kind, [code]),
    registered(ctx, region.code, period),
  ]);
  const groups = groupRows(rows);
  const figure = (counts: RollupCounts, s: number) =>
    dashboardFigure(params.indicator, counts, s, policy);
  return {
    region,
    indicator: params.indicator,
    period: periodInfo(period),
    policy: policy.id,
    total: figure(groups.total, register.total),
    bySex: {
      male: figure(groups.bySex.male, register.bySex.male),
      female: figure(groups.bySex.female, register.bySex.female),
    },
    byAgeGroup: Object.fromEntries(
      ageGroupIds.map((g) => [g, figure(groups.byAgeGroup[g], register.byAgeGroup[g])]),
    ) as Record<AgeGroup, DashboardFigure>,
  };
}

// ── 5. areas ───────────────────────────────────────────────────────────────────────────────

/** One row of an area table. */
export interface AreaRow {
  code: string;
  name: string;
  level: AreaLevel;
  figure: DashboardFigure;
  count: number | null;
  rank: number | null;
  parentName?: string;
}

/** Levels an area table of this region may list. */
export function allowedAreaLevels(region: RegionRef): AreaLevel[] {
  const own = region.level === 'nasional' ? -1 : regionLevels.indexOf(region.level);
  return [...regionLevels.slice(own + 1), 'posyandu'];
}

/** Ranks rows by value: 1 = the area that most needs attention. Rows without a value: null. */
function rankRows(rows: AreaRow[], direction: 'lower_is_better' | 'higher_is_better'): void {
  const ranked = rows
    .filter((r) => r.figure.value !== null)
    .sort((a, b) =>
      direction === 'lower_is_better'
        ? b.figure.value! - a.figure.value!
        : a.figure.value! - b.figure.value!,
    );
  let rank = 0;
  let previous: number | null = null;
  ranked.forEach((row, i) => {
    if (row.figure.value !== previous) rank = i + 1;
    previous = row.figure.value;
    row.rank = rank;
  });
}

/** Names in Indonesian order (one collator: localeCompare with a locale builds one per call). */
const indonesianOrder = new Intl.Collator('id');

/** Every area of a level inside the region, with its figure (also areas without data). */
export async function dashboardAreas(
  ctx: ServiceContext,
  params: {
    region: string;
    indicator: DashboardIndicator;
    period?: string;
    level?: AreaLevel;
    sort: 'value' | 'count' | 'name';
  },
) {
  const { region } = await resolveRegion(ctx, params.region);
  const allowed = allowedAreaLevels(region);
  const level = params.level ?? allowed[0]!;
  if (!allowed.includes(level))
    throw invalid(
      'level',
      allowed.join(', '),
      `${level} is not below ${region.level} ${region.code}`,
    );
  const period = params.period
    ? requestPeriod(ctx, params.period)
    : await defaultPeriod(ctx, region.code);
  const policy = policyFor(ctx, region.code);
  const { kind, code } = stored(period);
  const end = endMonth(period);
  const needsRegister = params.indicator === 'weighing_coverage';
  const direction = dashboardIndicator(params.indicator).direction;
  // a list of thousands of areas reads only the counts its indicator uses
  const only = dashboardCountsUsed(params.indicator);
  const row = (
    area: { code: string; name: string; parentName?: string },
    counts: RollupCounts,
    s: number,
  ): AreaRow => ({
    code: area.code,
    name: area.name,
    level,
    figure: dashboardFigure(params.indicator, counts, s, policy),
    count: suppressedCount(dashboardCount(params.indicator, counts), policy).count,
    rank: null,
    ...(area.parentName !== undefined && { parentName: area.parentName }),
  });

  let rows: AreaRow[];
  if (level === 'posyandu') {
    const [counts, register, own] = await Promise.all([
      posyanduCounts(ctx.db, { within: region.code, kind, period: code, only }),
      needsRegister
        ? registerOfPosyanduIn(ctx.db, { within: region.code, fromMonth: end - 59, toMonth: end })
        : Promise.resolve([]),
      posyanduOfRegion(ctx.db, region.code),
    ]);
    const known = new Set(own.map((p) => p.id));
    const outside = await posyanduByIds(
      ctx.db,
      [
        ...new Set([...counts.map((c) => c.posyandu_id), ...register.map((r) => r.posyandu_id)]),
      ].filter((id) => !known.has(id)),
    );
    const countsOf = new Map(counts.map((c) => [c.posyandu_id, c]));
    const registerOfId = new Map(register.map((r) => [r.posyandu_id, r.children]));
    rows = [...own, ...outside].map((p) =>
      row(
        { code: p.id, name: p.name, parentName: p.desa_name },
        countsOf.get(p.id) ?? emptyRollupCounts(),
        registerOfId.get(p.id) ?? 0,
      ),
    );
  } else {
    const codeLength = { provinsi: 2, kabupaten: 4, kecamatan: 6, desa: 10 }[level];
    const tree = await regionTree(ctx.db);
    const [counts, register] = await Promise.all([
      levelCounts(ctx.db, { within: region.code, codeLength, kind, period: code, only }),
      needsRegister
        ? registerOfAreas(ctx.db, {
            within: region.code,
            codeLength,
            fromMonth: end - 59,
            toMonth: end,
          })
        : Promise.resolve([]),
    ]);
    const countsOf = new Map(counts.map((c) => [c.region_code, c]));
    const registerOfCode = new Map(register.map((r) => [r.region_code, r.children]));
    rows = tree
      .within(region.code, level)
      .map((area) =>
        row(
          area,
          countsOf.get(area.code) ?? emptyRollupCounts(),
          registerOfCode.get(area.code) ?? 0,
        ),
      );
  }
  rankRows(rows, direction);
  const byName = (a: AreaRow, b: AreaRow) => indonesianOrder.compare(a.name, b.name);
  if (params.sort === 'name') rows.sort(byName);
  else if (params.sort === 'count')
    rows.sort((a, b) => (b.count ?? -1) - (a.count ?? -1) || byName(a, b));
  else rows.sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || byName(a, b));
  return {
    region,
    indicator: params.indicator,
    period: periodInfo(period),
    policy: policy.id,
    level,
    rows,
  };
}

// ── 6. top villages ────────────────────────────────────────────────────────────────────────

/** The desa/kelurahan with the most children with the condition (suppressed ones left out). */
export async function dashboardTopVillages(
  ctx: ServiceContext,
  params: { region: string; indicator: DashboardIndicator; period?: string; limit: number },
) {
  const { region } = await resolveRegion(ctx, params.region);
  if (region.level === 'desa')
    throw invalid('region', 'a provinsi, kabupaten or kecamatan (or 00)', 'a desa has no villages');
  const period = params.period
    ? requestPeriod(ctx, params.period)
    : await defaultPeriod(ctx, region.code);
  const policy = policyFor(ctx, region.code);
  const { kind, code } = stored(period);
  const end = endMonth(period);
  const [counts, register, tree] = await Promise.all([
    levelCounts(ctx.db, { within: region.code, codeLength: 10, kind, period: code }),
    params.indicator === 'weighing_coverage'
      ? registerOfAreas(ctx.db, {
          within: region.code,
          codeLength: 10,
          fromMonth: end - 59,
          toMonth: end,
        })
      : Promise.resolve([]),
    regionTree(ctx.db),
  ]);
  const registerOfCode = new Map(register.map((r) => [r.region_code, r.children]));
  const rows = counts
    .map((c) => ({ c, n: dashboardCount(params.indicator, c) }))
    .filter(({ n }) => n > 0 && suppressedCount(n, policy).count !== null)
    .sort((a, b) => b.n - a.n || (a.c.region_code < b.c.region_code ? -1 : 1))
    .slice(0, params.limit)
    .map(({ c, n }) => ({
      code: c.region_code,
      name: tree.get(c.region_code)?.name ?? c.region_code,
      kecamatan: tree.get(c.region_code.slice(0, 6))?.name ?? '',
      kabupaten: tree.get(c.region_code.slice(0, 4))?.name ?? '',
      count: n,
      figure: dashboardFigure(params.indicator, c, registerOfCode.get(c.region_code) ?? 0, policy),
    }));
  return {
    region,
    indicator: params.indicator,
    period: periodInfo(period),
    policy: policy.id,
    rows,
  };
}

// ── 7. comparison ──────────────────────────────────────────────────────────────────────────

/** Sources of published prevalence shown next to Tumbuh's e-PPGBM figure. */
const surveySources = ['SSGI', 'SKI', 'Riskesdas', 'SSGBI', 'e-PPGBM', 'other'];

/**
 * Tumbuh's e-PPGBM figure (the August weighing month of each year, else the year) next to the
 * published survey figures of the indicator store, with the weighing coverage that explains
 * much of the gap (research/anchors.md §2.9).
 */
export async function dashboardComparison(
  ctx: ServiceContext,
  params: { region: string; indicator: DashboardIndicator },
) {
  const { region } = await resolveRegion(ctx, params.region);
  const policy = policyFor(ctx, region.code);
  const [values, months, years] = await Promise.all([
    findValues(ctx.db, {
      indicator: params.indicator,
      regions: [region.code],
      sources: surveySources,
      limit: 1000,
    }),
    periodsWithData(ctx.db, region.code, 'month'),
    periodsWithData(ctx.db, region.code, 'year'),
  ]);
  const yearSet = new Set<number>([
    ...values.map((v) => Number(v.period.slice(0, 4))),
    ...years.map(Number),
  ]);
  const now = today(ctx);
  const sortedYears = [...yearSet].sort((a, b) => a - b);
  const periodOf = new Map<number, Period | null>(
    sortedYears.map((year) => [
      year,
      months.includes(`${year}-08`) && `${year}-08-01` <= now
        ? { kind: 'weighing_month', year, month: 8 }
        : years.includes(String(year))
          ? { kind: 'year', year }
          : null,
    ]),
  );
  // all years' counts in two queries (bulan timbang August → month rows, else year rows)
  const chosen = [...periodOf.values()].filter((p): p is Period => p !== null);
  const monthCodes = chosen.filter((p) => p.kind === 'weighing_month').map((p) => stored(p).code);
  const yearCodes = chosen.filter((p) => p.kind === 'year').map((p) => stored(p).code);
  const ends = chosen.map(endMonth);
  const [monthRows, yearRows, registerRows] = await Promise.all([
    regionCounts(ctx.db, region.code, 'month', monthCodes),
    regionCounts(ctx.db, region.code, 'year', yearCodes),
    ends.length
      ? registerOfRegion(ctx.db, region.code, Math.min(...ends) - 59, Math.max(...ends))
      : Promise.resolve([]),
  ]);
  const totals = new Map(
    [...monthRows, ...yearRows].filter((r) => r.sex === 0).map((r) => [r.period, r]),
  );
  const out = sortedYears.map((year) => {
    const period = periodOf.get(year) ?? null;
    let eppgbm = null;
    let coverage = null;
    if (period) {
      const end = endMonth(period);
      const s = registerRows
        .filter((r) => r.birth_month > end - 60 && r.birth_month <= end)
        .reduce((sum, r) => sum + r.children, 0);
      const counts = totals.get(stored(period).code) ?? emptyRollupCounts();
      eppgbm = {
        period: periodInfo(period),
        figure: dashboardFigure(params.indicator, counts, s, policy),
      };
      coverage = dashboardFigure('weighing_coverage', counts, s, policy);
    }
    return {
      year,
      eppgbm,
      weighingCoverage: coverage,
      surveys: values
        .filter((v) => Number(v.period.slice(0, 4)) === year)
        .map((v) => ({
          source: v.source,
          value: Number(v.value),
          sourceKey: v.source_key ?? '',
          note: v.note,
        })),
    };
  });
  return { region, indicator: params.indicator, policy: policy.id, years: out };
}

// ── 1. meta ────────────────────────────────────────────────────────────────────────────────

/** The indicators, the periods with data and the default region. */
export async function dashboardMeta(ctx: ServiceContext, settings: DashboardSettings) {
  const [extent, home] = await Promise.all([dataExtent(ctx.db), homeRegion(ctx, settings)]);
  const date = today(ctx);
  const latest = async (kind: PeriodKind) =>
    formatPeriod(
      await defaultPeriod(ctx, '00', kind).catch(() => latestCompletePeriod(kind, date)),
    );
  return {
    indicators: dashboardIndicators.map((d) => ({ ...d })),
    periods: {
      firstMonth: extent.firstMonth,
      lastMonth: extent.lastMonth,
      latestComplete: {
        month: await latest('month'),
        quarter: await latest('quarter'),
        year: await latest('year'),
        weighing_month: await latest('weighing_month'),
      },
    },
    homeRegion: home,
  };
}
