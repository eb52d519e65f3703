/**
 * Live births and population figures: entry, import and the entry screen's table
 * (docs/deaths.md §Live births). Writes need `aggregates:write` over the region. A figure below
 * the infant deaths already recorded for its region and period is refused (a denominator smaller
 * than its numerator is a data problem, not a rate); nothing of a refused batch is stored.
 */
import { roleAllows } from '../../core/access/roles.ts';
import { canAccessRegion } from '../../core/access/scope.ts';
import {
  liveBirthColumns,
  readLiveBirthRow,
  type LiveBirthIssue,
  type LiveBirthRow as FileRow,
} from '../../core/deaths/live-birth-import.ts';
import { isLiveBirthPeriod, liveBirthResolver } from '../../core/deaths/live-births.ts';
import { DomainError } from '../../core/errors.ts';
import { isBlankRow } from '../../core/import/rows.ts';
import { parsePeriod, periodEnd, periodStart } from '../../core/indicators/period.ts';
import { childLevel } from '../../core/regions/region-code.ts';
import { insertAudits } from '../../db/queries/audit.ts';
import {
  deleteLiveBirthRow,
  findLiveBirthRows,
  infantDeathsIn,
  listLiveBirthRows,
  listPopulationRows,
  regionsAtLevelWithin,
  upsertLiveBirthRows,
  upsertPopulationRows,
} from '../../db/queries/deaths.ts';
import { findRegion, findRegions } from '../../db/queries/regions.ts';
import type { LiveBirthRow, PopulationFigureRow } from '../../db/types.ts';
import type { ServiceContext } from '../context.ts';
import { DEFAULT_IMPORT_LIMITS, inspectImportFile, readSourceRows } from '../import/source.ts';
import { publishedLiveBirths } from './published-births.ts';
import { regionChildren } from './region-tree.ts';
import { requireActor } from './cases.ts';

/** One live-birth figure to store (count null: remove the entry, so estimates apply again). */
export interface LiveBirthInput {
  regionCode: string;
  period: string;
  count: number | null;
  source?: string | null;
}

/** `region_not_found` naming `entries.N.regionCode` for the first unknown region. */
async function assertRegionsExist(
  ctx: ServiceContext,
  inputs: readonly { regionCode: string }[],
): Promise<void> {
  const codes = [...new Set(inputs.map((e) => e.regionCode))];
  const known = new Set((await findRegions(ctx.db, codes)).map((r) => r.code));
  const i = inputs.findIndex((input) => !known.has(input.regionCode));
  if (i >= 0)
    throw new DomainError('region_not_found', {
      code: inputs[i]!.regionCode,
      field: `entries.${i}.regionCode`,
    });
}

/** The live-birth resolver over stored rows, with the published figures as the last fallback. */
export function resolverOfRows(
  entries: readonly LiveBirthRow[],
  population: readonly PopulationFigureRow[],
  childrenOf: (code: string) => readonly string[],
) {
  return liveBirthResolver({
    entries: entries.map((e) => ({
      regionCode: e.region_code,
      period: e.period,
      count: e.count,
      source: e.source,
    })),
    population: population.map((p) => ({
      regionCode: p.region_code,
      year: p.year,
      population: p.population,
      crudeBirthRate: p.crude_birth_rate,
      source: p.source,
    })),
    published: publishedLiveBirths(),
    childrenOf,
  });
}

function assertMayWrite(ctx: ServiceContext, regionCode: string, field: string): void {
  const actor = requireActor(ctx);
  if (!canAccessRegion(actor, 'aggregates:write', regionCode)) {
    const roleCould = canAccessRegion({ ...actor, regionCode }, 'aggregates:write', regionCode);
    throw roleCould
      ? new DomainError('region_forbidden', { code: regionCode, field })
      : new DomainError('forbidden', { action: 'aggregates:write' });
  }
}

/** The date range of a live-birth period (`2025` or `2025-03`). */
function rangeOf(period: string): { from: string; to: string } {
  const p = parsePeriod(period)!;
  return { from: periodStart(p), to: periodEnd(p) };
}

/**
 * Stores live-birth figures in one transaction: all or none. Each entry's region must exist and
 * lie in the actor's scope, and its count must not be below the infant deaths recorded there in
 * that period (`live_births_below_deaths`, naming `entries.N.count`). Entries equal to what is
 * stored count as unchanged; each change is audited.
 */
export async function saveLiveBirths(
  ctx: ServiceContext,
  inputs: readonly LiveBirthInput[],
  origin: 'entry' | 'import' = 'entry',
): Promise<{ stored: number; removed: number; unchanged: number }> {
  const actor = requireActor(ctx);
  const seen = new Set<string>();
  for (const [i, input] of inputs.entries()) {
    if (!isLiveBirthPeriod(input.period))
      throw new DomainError('validation_failed', {
        field: `entries.${i}.period`,
        summary: `entries.${i}.period: a year (2025) or a month (2025-03)`,
        allowed: 'YYYY or YYYY-MM',
      });
    const key = `${input.regionCode}|${input.period}`;
    if (seen.has(key))
      throw new DomainError('validation_failed', {
        field: `entries.${i}`,
        summary: `entries.${i}: the same region and period twice`,
        allowed: 'one figure per region and period',
      });
    seen.add(key);
    assertMayWrite(ctx, input.regionCode, `entries.${i}.regionCode`);
  }
  await assertRegionsExist(ctx, inputs);

  return ctx.db.transaction().execute(async (trx) => {
    const deaths = await infantDeathsIn(
      trx,
      inputs.map((e) => ({ regionCode: e.regionCode, ...rangeOf(e.period) })),
    );
    for (const [i, input] of inputs.entries())
      if (input.count !== null && input.count < deaths[i]!)
        throw new DomainError('live_births_below_deaths', {
          field: `entries.${i}.count`,
          count: input.count,
          deaths: deaths[i]!,
          code: input.regionCode,
          period: input.period,
          allowed: `at least ${deaths[i]!} (the infant deaths recorded)`,
        });
    const before = new Map(
      (await findLiveBirthRows(trx, inputs)).map((r) => [`${r.region_code}|${r.period}`, r]),
    );
    const writes: Omit<LiveBirthRow, 'updated_at'>[] = [];
    const audits = [];
    let removed = 0;
    let unchanged = 0;
    for (const input of inputs) {
      const old = before.get(`${input.regionCode}|${input.period}`);
      const source = input.source?.trim() || null;
      if (input.count === null) {
        if (old && (await deleteLiveBirthRow(trx, input.regionCode, input.period))) {
          removed += 1;
          audits.push(
            auditRecord(ctx, 'live_birth.removed', input.regionCode, input.period, old, null),
          );
        } else unchanged += 1;
        continue;
      }
      if (old && old.count === input.count && old.source === source) {
        unchanged += 1;
        continue;
      }
      writes.push({
        region_code: input.regionCode,
        period: input.period,
        count: input.count,
        source,
        origin,
        entered_by: actor.id,
      });
      audits.push(
        auditRecord(ctx, 'live_birth.saved', input.regionCode, input.period, old ?? null, {
          count: input.count,
          source,
        }),
      );
    }
    await upsertLiveBirthRows(trx, writes);
    await insertAudits(trx, audits);
    return { stored: writes.length, removed, unchanged };
  });
}

function auditRecord(
  ctx: ServiceContext,
  action: string,
  regionCode: string,
  period: string,
  before: { count: number; source: string | null } | null,
  after: { count: number; source: string | null } | null,
) {
  return {
    actorId: ctx.actor?.id ?? null,
    requestId: ctx.requestId ?? null,
    action,
    entity: 'live_birth',
    entityId: `${regionCode}:${period}`,
    regionCode,
    before: before ? { count: before.count, source: before.source } : null,
    after,
  };
}

/** The report of a live-birth file. */
export interface LiveBirthImportReport {
  dryRun: boolean;
  rowsTotal: number;
  stored: number;
  unchanged: number;
  rejected: number;
  issues: LiveBirthIssue[];
}

/** Most rows a live-birth file may have (one row per desa and month of a province-year is ~40,000). */
export const MAX_LIVE_BIRTH_ROWS = 200_000;

/**
 * Imports a CSV/XLSX of live births: the file is checked as every import is (size, type, zip
 * bomb, encoding: services/import/source.ts), each row read and checked (region known and in
 * scope, period, count, not below the recorded infant deaths, not contradicting another row of
 * the file); good rows are stored in one transaction, bad rows reported by row, column and
 * reason. Importing the same file again changes nothing (`unchanged`). A dry run stores nothing.
 */
export async function importLiveBirths(
  ctx: ServiceContext,
  path: string,
  options: { dryRun: boolean; sheet?: string | null; maxBytes: number },
): Promise<LiveBirthImportReport> {
  const actor = requireActor(ctx);
  if (!roleAllows(actor.role, 'aggregates:write'))
    throw new DomainError('forbidden', { action: 'aggregates:write' });
  const file = await inspectImportFile(path, {
    sheet: options.sheet ?? null,
    limits: { ...DEFAULT_IMPORT_LIMITS, maxFileBytes: options.maxBytes },
  });
  let columns: ReturnType<typeof liveBirthColumns> | null = null;
  const rows: FileRow[] = [];
  const issues: LiveBirthIssue[] = [];
  let total = 0;
  for await (const batch of readSourceRows(path, file, { batchSize: 1000 })) {
    for (const source of batch) {
      if (isBlankRow(source.cells)) continue;
      if (!columns) {
        columns = liveBirthColumns(source.cells);
        if (!columns.ok)
          throw new DomainError('import_missing_columns', {
            missing: columns.missing.join(', '),
            found: columns.found.join(', ') || '—',
          });
        continue;
      }
      if (!columns.ok) continue;
      total += 1;
      if (total > MAX_LIVE_BIRTH_ROWS)
        throw new DomainError('import_too_many_rows', { max: MAX_LIVE_BIRTH_ROWS });
      const read = readLiveBirthRow(source.number, source.cells, columns.columns);
      if (read.ok) rows.push(read.row);
      else issues.push(...read.issues);
    }
  }
  if (!columns) throw new DomainError('import_empty', {});

  // Rows checked against the database and each other.
  const known = new Map(
    (await findRegions(ctx.db, [...new Set(rows.map((r) => r.regionCode))])).map((r) => [
      r.code,
      r,
    ]),
  );
  const byKey = new Map<string, FileRow>();
  const good: FileRow[] = [];
  const regionColumn = columns.ok
    ? (columns.columns.find((c) => c.field === 'regionCode')?.header ?? null)
    : null;
  for (const row of rows) {
    const bad = (
      code: string,
      column: string | null,
      field: LiveBirthIssue['field'],
      allowed?: string,
    ) => issues.push({ row: row.row, column, field, code, ...(allowed && { allowed }) });
    if (!known.has(row.regionCode)) {
      bad('region_not_found', regionColumn, 'regionCode');
      continue;
    }
    if (!canAccessRegion(actor, 'aggregates:write', row.regionCode)) {
      bad('region_outside_scope', regionColumn, 'regionCode');
      continue;
    }
    const key = `${row.regionCode}|${row.period}`;
    const earlier = byKey.get(key);
    if (earlier) {
      if (earlier.count !== row.count)
        bad('conflicting_row', row.countColumn, 'count', String(earlier.row));
      else bad('duplicate_row', null, null);
      continue;
    }
    byKey.set(key, row);
    good.push(row);
  }
  const deaths = await infantDeathsIn(
    ctx.db,
    good.map((r) => ({ regionCode: r.regionCode, ...rangeOf(r.period) })),
  );
  const storable = good.filter((row, i) => {
    if (row.count >= deaths[i]!) return true;
    issues.push({
      row: row.row,
      column: row.countColumn,
      field: 'count',
      code: 'births_below_deaths',
      allowed: `${row.count} < ${deaths[i]!}`,
    });
    return false;
  });
  issues.sort((a, b) => a.row - b.row);
  const rejected = new Set(issues.map((i) => i.row)).size;

  const existing = new Map(
    (await findLiveBirthRows(ctx.db, storable)).map((r) => [`${r.region_code}|${r.period}`, r]),
  );
  const changed = storable.filter((r) => {
    const old = existing.get(`${r.regionCode}|${r.period}`);
    return !old || old.count !== r.count || old.source !== r.source;
  });
  if (!options.dryRun && changed.length)
    await saveLiveBirths(
      ctx,
      changed.map((r) => ({
        regionCode: r.regionCode,
        period: r.period,
        count: r.count,
        source: r.source,
      })),
      'import',
    );
  return {
    dryRun: options.dryRun,
    rowsTotal: total,
    stored: changed.length,
    unchanged: storable.length - changed.length,
    rejected,
    issues,
  };
}

/** One area of the entry screen: what was entered for the year and its months, and what is used. */
export interface LiveBirthArea {
  code: string;
  name: string;
  level: string;
  year: { count: number; source: string | null } | null;
  months: ({ count: number; source: string | null } | null)[];
  resolved: ReturnType<ReturnType<typeof liveBirthResolver>['liveBirths']>;
  infantDeaths: number;
}

/**
 * The entry screen of a region and year: for the region itself and each area one level below,
 * the entered year figure and monthly figures, what the rates will use (entered, summed or
 * estimated) and the infant deaths recorded (the lower bound of any figure).
 */
export async function liveBirthsOverview(
  ctx: ServiceContext,
  params: { region: string; year: number },
) {
  const actor = requireActor(ctx);
  const mayRead =
    canAccessRegion(actor, 'aggregates:write', params.region) ||
    canAccessRegion(actor, 'records:read', params.region);
  if (!mayRead) throw new DomainError('region_forbidden', { code: params.region, field: 'region' });
  const region = await findRegion(ctx.db, params.region);
  if (!region) throw new DomainError('region_not_found', { code: params.region, field: 'region' });
  const level = childLevel(region.level);
  const years = { from: params.year, to: params.year };
  const [entries, population, childrenOf, areas] = await Promise.all([
    listLiveBirthRows(ctx.db, params.region, years),
    listPopulationRows(ctx.db, params.region, years),
    regionChildren(ctx.db, params.region),
    level ? regionsAtLevelWithin(ctx.db, params.region, level) : Promise.resolve([]),
  ]);
  const resolver = resolverOfRows(entries, population, childrenOf);
  const byKey = new Map(entries.map((e) => [`${e.region_code}|${e.period}`, e]));
  const yearPeriod = { kind: 'year' as const, year: params.year };
  const all = [{ code: region.code, name: region.name, level: region.level }, ...areas];
  const deaths = await infantDeathsIn(
    ctx.db,
    all.map((a) => ({
      regionCode: a.code,
      from: `${params.year}-01-01`,
      to: `${params.year}-12-31`,
    })),
  );
  const view = (a: { code: string; name: string; level: string }, i: number): LiveBirthArea => {
    const entry = (period: string) => {
      const e = byKey.get(`${a.code}|${period}`);
      return e ? { count: e.count, source: e.source } : null;
    };
    return {
      code: a.code,
      name: a.name,
      level: a.level,
      year: entry(String(params.year)),
      months: Array.from({ length: 12 }, (_, m) =>
        entry(`${params.year}-${String(m + 1).padStart(2, '0')}`),
      ),
      resolved: resolver.liveBirths(a.code, yearPeriod),
      infantDeaths: deaths[i]!,
    };
  };
  return {
    region: { code: region.code, name: region.name, level: region.level },
    year: params.year,
    self: view(all[0]!, 0),
    areas: areas.map((a, i) => view(a, i + 1)),
    population: population.map((p) => ({
      regionCode: p.region_code,
      year: p.year,
      population: p.population,
      crudeBirthRate: p.crude_birth_rate,
      source: p.source,
    })),
  };
}

/** One population figure: the inputs of the population × CBR estimate. */
export interface PopulationInput {
  regionCode: string;
  year: number;
  population?: number | null;
  crudeBirthRate?: number | null;
  source: string;
}

/** Stores population figures (all or none), audited. */
export async function savePopulation(
  ctx: ServiceContext,
  inputs: readonly PopulationInput[],
): Promise<{ stored: number }> {
  const actor = requireActor(ctx);
  for (const [i, input] of inputs.entries()) {
    assertMayWrite(ctx, input.regionCode, `entries.${i}.regionCode`);
    if ((input.population ?? null) === null && (input.crudeBirthRate ?? null) === null)
      throw new DomainError('validation_failed', {
        field: `entries.${i}.population`,
        summary: `entries.${i}: population or crudeBirthRate (or both)`,
        allowed: 'a population, a crude birth rate, or both',
      });
  }
  await assertRegionsExist(ctx, inputs);
  await ctx.db.transaction().execute(async (trx) => {
    await upsertPopulationRows(
      trx,
      inputs.map((p) => ({
        region_code: p.regionCode,
        year: p.year,
        population: p.population ?? null,
        crude_birth_rate: p.crudeBirthRate ?? null,
        source: p.source.trim(),
        entered_by: actor.id,
      })),
    );
    await insertAudits(
      trx,
      inputs.map((p) => ({
        actorId: actor.id,
        requestId: ctx.requestId ?? null,
        action: 'population_figure.saved',
        entity: 'population_figure',
        entityId: `${p.regionCode}:${p.year}`,
        regionCode: p.regionCode,
        after: {
          population: p.population ?? null,
          crudeBirthRate: p.crudeBirthRate ?? null,
          source: p.source,
        },
      })),
    );
  });
  return { stored: inputs.length };
}
