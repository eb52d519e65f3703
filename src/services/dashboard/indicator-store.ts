/**
 * The aggregate indicator store (like DHIS2 data values): the catalogue, values per region ×
 * period × source, entered by authorised users (`aggregates:write` over the region, audited,
 * every version kept in indicator_value_history) or imported from CSV/XLSX (per-row report, good
 * rows kept, the same file twice changes nothing), and the published figures of data/indicators
 * loaded at start (once; again when the files change). Every change bumps the dashboard version
 * (targets and survey figures are shown next to the rollups).
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { canAccessRegion } from '../../core/access/scope.ts';
import {
  builtinCatalogue,
  publishedValue,
  valueProblem,
  type PublishedRow,
  type StoreUnit,
  type StoreValue,
} from '../../core/indicators/catalogue.ts';
import {
  parsePeriod,
  periodEnd,
  periodLabel as periodLabelOf,
  periodStart,
} from '../../core/indicators/period.ts';
import { DomainError, type Lang } from '../../core/errors.ts';
import type { Db } from '../../db/connect.ts';
import { insertAudits, type AuditRecord } from '../../db/queries/audit.ts';
import { bumpDashboardVersion, kyselyExecutor } from '../../db/queries/dashboard-rollup.ts';
import { readAppSetting, writeAppSetting } from '../../db/queries/demo.ts';
import {
  deletePublishedValuesExcept,
  findValues,
  insertValueHistory,
  listIndicators,
  upsertIndicators,
  upsertValues,
  valuesByKey,
  type ValueFilter,
  type ValueWrite,
} from '../../db/queries/indicator-store.ts';
import type { IndicatorRow, IndicatorValueRow } from '../../db/types.ts';
import type { ServiceContext } from '../context.ts';
import { referenceFile } from '../paths.ts';
import { regionTree } from './region-tree.ts';

/** app_setting key: checksum of the published files last loaded. */
const PUBLISHED_SETTING = 'indicator_data';
/** Files of data/indicators that hold no values. */
const NOT_VALUES = new Set(['sources.csv', 'missing.csv']);

const keyOf = (v: { indicator: string; regionCode: string; period: string; source: string }) =>
  `${v.indicator}|${v.regionCode}|${v.period}|${v.source}`;
const savedKey = (r: {
  indicator_code: string;
  region_code: string;
  period: string;
  source: string;
}) =>
  keyOf({
    indicator: r.indicator_code,
    regionCode: r.region_code,
    period: r.period,
    source: r.source,
  });

// ── catalogue and reading ──────────────────────────────────────────────────────────────────

/** The catalogue as the API shows it. */
export async function indicatorCatalogue(db: Db) {
  return (await listIndicators(db)).map((r) => ({
    code: r.code,
    name: { id: r.name_id, en: r.name_en },
    unit: r.unit,
    direction: r.direction,
    definition: { id: r.definition_id, en: r.definition_en },
    source: r.source,
  }));
}

/** A stored value as the API shows it (percent as 0–1). */
export function presentValue(v: IndicatorValueRow & { region_name: string | null }) {
  const period = parsePeriod(v.period)!;
  return {
    indicator: v.indicator_code,
    regionCode: v.region_code,
    regionName: v.region_code === '00' ? 'Indonesia' : (v.region_name ?? v.region_code),
    period: v.period,
    periodLabel: { id: periodLabelOf(period, 'id'), en: periodLabelOf(period, 'en') },
    source: v.source,
    value: Number(v.value),
    numerator: v.numerator === null ? null : Number(v.numerator),
    denominator: v.denominator === null ? null : Number(v.denominator),
    note: v.note,
    sourceKey: v.source_key,
    origin: v.origin,
    updatedAt: new Date(v.updated_at).toISOString(),
  };
}

/** Values matching the filter (public: they are published aggregate figures). */
export async function listIndicatorValues(
  ctx: ServiceContext,
  params: {
    indicator?: string;
    region?: string;
    within: boolean;
    source?: string;
    from?: string;
    to?: string;
    limit: number;
  },
) {
  const bound = (code: string | undefined, field: string, end: boolean) => {
    if (!code) return undefined;
    const p = parsePeriod(code);
    if (!p) throw storeError(field, 'a period (YYYY, YYYY-MM, YYYY-Qn, YYYY-BTmm)');
    return end ? periodEnd(p) : periodStart(p);
  };
  const filter: ValueFilter = {
    indicator: params.indicator,
    ...(params.region
      ? params.within
        ? { within: params.region }
        : { regions: [params.region] }
      : {}),
    sources: params.source ? [params.source] : undefined,
    from: bound(params.from, 'from', false),
    to: bound(params.to, 'to', true),
    limit: params.limit + 1,
  };
  const rows = await findValues(ctx.db, filter);
  return {
    items: rows.slice(0, params.limit).map(presentValue),
    truncated: rows.length > params.limit,
  };
}

function storeError(field: string, allowed: string): DomainError {
  return new DomainError('validation_failed', { field, allowed, summary: `${field}: ${allowed}` });
}

// ── writing ────────────────────────────────────────────────────────────────────────────────

/** One problem of a submitted value, naming its row (1-based) and column. */
export interface ValueIssue {
  row: number;
  column: string | null;
  code: string;
  message: { id: string; en: string };
}

/** Counts and problems of a write. */
export interface ValuesWriteResult {
  created: number;
  updated: number;
  unchanged: number;
  rejected: number;
  issues: ValueIssue[];
}

const issue = (
  row: number,
  column: string | null,
  code: string,
  id: string,
  en: string,
): ValueIssue => ({ row, column, code, message: { id, en } });

/** Picks the message of an issue in the reader's language. */
export function issueIn(i: ValueIssue, lang: Lang) {
  return { row: i.row, column: i.column, code: i.code, message: i.message[lang] };
}

/** A value submitted by a user or a file row, with its row number for the report. */
export interface SubmittedValue extends StoreValue {
  row: number;
}

/**
 * Checks and writes values: each one's indicator, region, period, value (for its unit) and the
 * caller's right to write aggregates of that region. Good values are written in one
 * transaction with their history rows, their audit entries and a dashboard version bump; bad
 * ones are reported and never stop the good ones. A value equal to the stored one is left alone.
 */
export async function writeIndicatorValues(
  ctx: ServiceContext,
  submitted: readonly SubmittedValue[],
  options: { origin: 'entry' | 'import' },
): Promise<ValuesWriteResult> {
  const actor = ctx.actor;
  if (!actor) throw new DomainError('unauthenticated');
  const catalogue = new Map((await listIndicators(ctx.db)).map((r) => [r.code, r]));
  const tree = await regionTree(ctx.db);
  const issues: ValueIssue[] = [];
  const good = new Map<string, { v: SubmittedValue; unit: StoreUnit }>();
  for (const v of submitted) {
    const entry = catalogue.get(v.indicator);
    const found: ValueIssue[] = [];
    if (!entry)
      found.push(
        issue(
          v.row,
          'indicator',
          'unknown_indicator',
          `indikator ${v.indicator.slice(0, 60)} tidak ada di katalog (GET /api/indicator-catalogue)`,
          `indicator ${v.indicator.slice(0, 60)} is not in the catalogue (GET /api/indicator-catalogue)`,
        ),
      );
    if (v.regionCode !== '00' && !tree.get(v.regionCode))
      found.push(
        issue(
          v.row,
          'regionCode',
          'region_not_found',
          `kode wilayah ${v.regionCode} tidak dikenal (00 = Indonesia)`,
          `unknown kode wilayah ${v.regionCode} (00 = Indonesia)`,
        ),
      );
    else if (!canAccessRegion(actor, 'aggregates:write', v.regionCode))
      found.push(
        issue(
          v.row,
          'regionCode',
          'region_forbidden',
          `wilayah ${v.regionCode} di luar cakupan atau peran akun Anda (perlu aggregates:write)`,
          `region ${v.regionCode} is outside your account's scope or role (aggregates:write needed)`,
        ),
      );
    if (!parsePeriod(v.period))
      found.push(
        issue(
          v.row,
          'period',
          'invalid_period',
          'periode: YYYY, YYYY-MM, YYYY-Qn, YYYY-BT02 atau YYYY-BT08',
          'period: YYYY, YYYY-MM, YYYY-Qn, YYYY-BT02 or YYYY-BT08',
        ),
      );
    if (!v.source.trim() || v.source.length > 60)
      found.push(
        issue(v.row, 'source', 'invalid_source', 'sumber: 1–60 huruf', 'source: 1–60 characters'),
      );
    const problem = entry ? valueProblem(entry.unit, v.value) : null;
    if (problem)
      found.push(
        issue(v.row, 'value', 'invalid_value', `nilai: ${problemId(problem)}`, `value: ${problem}`),
      );
    if (
      v.numerator != null &&
      v.denominator != null &&
      (v.numerator > v.denominator || v.denominator < 0)
    )
      found.push(
        issue(
          v.row,
          'numerator',
          'numerator_above_denominator',
          'pembilang tidak boleh lebih dari penyebut',
          'the numerator cannot exceed the denominator',
        ),
      );
    if (found.length) {
      issues.push(...found);
      continue;
    }
    const key = keyOf(v);
    const earlier = good.get(key);
    if (earlier)
      issues.push(
        issue(
          earlier.v.row,
          null,
          'duplicate_value',
          `nilai yang sama (indikator, wilayah, periode, sumber) ada lagi di baris ${v.row}: yang terakhir dipakai`,
          `the same value (indicator, region, period, source) comes again in row ${v.row}: the last one is used`,
        ),
      );
    good.set(key, { v, unit: entry!.unit });
  }
  const rejectedRows = new Set(
    issues.filter((i) => i.code !== 'duplicate_value').map((i) => i.row),
  );
  const result: ValuesWriteResult = {
    created: 0,
    updated: 0,
    unchanged: 0,
    rejected: rejectedRows.size,
    issues,
  };
  const candidates = [...good.values()].map(({ v }) => v);
  if (candidates.length === 0) return result;

  const stored = new Map((await valuesByKey(ctx.db, candidates)).map((r) => [savedKey(r), r]));
  const writes: { v: SubmittedValue; before: IndicatorValueRow | undefined; row: ValueWrite }[] =
    [];
  for (const v of candidates) {
    const before = stored.get(keyOf(v));
    const row = valueWrite(v, options.origin, actor.id);
    if (before && sameValue(before, row)) result.unchanged++;
    else writes.push({ v, before, row });
  }
  if (writes.length === 0) return result;
  await ctx.db.transaction().execute(async (trx) => {
    const saved = await upsertValues(
      trx,
      writes.map((w) => w.row),
    );
    const byKey = new Map(saved.map((s) => [savedKey(s), s]));
    const history = [];
    const audits: AuditRecord[] = [];
    for (const w of writes) {
      const s = byKey.get(keyOf(w.v))!;
      if (s.created) result.created++;
      else result.updated++;
      history.push({
        value_id: s.id,
        actor_id: actor.id,
        action: s.created ? ('created' as const) : ('updated' as const),
        value: w.row.value,
        numerator: w.row.numerator,
        denominator: w.row.denominator,
        note: w.row.note,
        source_key: w.row.source_key,
        origin: w.row.origin,
        request_id: ctx.requestId ?? null,
      });
      audits.push({
        actorId: actor.id,
        requestId: ctx.requestId ?? null,
        action: s.created ? 'indicator_value.created' : 'indicator_value.updated',
        entity: 'indicator_value',
        entityId: String(s.id),
        regionCode: w.v.regionCode,
        before: w.before ? auditView(w.before) : undefined,
        after: auditView(w.row),
      });
    }
    await insertValueHistory(trx, history);
    await insertAudits(trx, audits);
    await bumpDashboardVersion(kyselyExecutor(trx));
  });
  return result;
}

function problemId(problem: string): string {
  return problem
    .replace('a proportion: 15.7 % is 0.157', 'proporsi: 15,7 % ditulis 0,157')
    .replace('a whole number', 'bilangan bulat')
    .replace('a rate', 'angka')
    .replace('a number', 'angka');
}

function valueWrite(
  v: StoreValue,
  origin: ValueWrite['origin'],
  actorId: string | null,
): ValueWrite {
  const period = parsePeriod(v.period)!;
  return {
    indicator_code: v.indicator,
    region_code: v.regionCode,
    period: v.period,
    period_start: periodStart(period),
    period_end: periodEnd(period),
    source: v.source,
    value: v.value,
    numerator: v.numerator ?? null,
    denominator: v.denominator ?? null,
    note: v.note ?? null,
    source_key: v.sourceKey ?? null,
    origin,
    updated_by: actorId,
  };
}

const num = (x: number | string | null) => (x === null ? null : Number(x));

function sameValue(a: IndicatorValueRow, b: ValueWrite): boolean {
  return (
    num(a.value) === b.value &&
    num(a.numerator) === b.numerator &&
    num(a.denominator) === b.denominator &&
    a.note === b.note &&
    a.source_key === b.source_key
  );
}

function auditView(
  v: Pick<
    IndicatorValueRow,
    | 'indicator_code'
    | 'region_code'
    | 'period'
    | 'source'
    | 'value'
    | 'numerator'
    | 'denominator'
    | 'note'
    | 'source_key'
    | 'origin'
  >,
) {
  return {
    indicator: v.indicator_code,
    regionCode: v.region_code,
    period: v.period,
    source: v.source,
    value: num(v.value),
    numerator: num(v.numerator),
    denominator: num(v.denominator),
    note: v.note,
    sourceKey: v.source_key,
    origin: v.origin,
  };
}

// ── the published figures (data/indicators) ────────────────────────────────────────────────

/**
 * Loads the catalogue and the published figures of data/indicators at start: once, and again
 * when a file (or the catalogue) changes (checksum in app_setting). Values a user corrected
 * (origin entry/import) are never overwritten; published values no longer in the files are
 * removed. Rows of unknown regions are skipped and returned as problems.
 */
export async function loadPublishedIndicators(
  db: Db,
  options: { dir?: string } = {},
): Promise<{ loaded: number; skipped: boolean; problems: string[] }> {
  const dir = options.dir ?? referenceFile('indicators');
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.csv') && !NOT_VALUES.has(f))
    .sort();
  const texts = files.map((f) => readFileSync(`${dir}/${f}`, 'utf8'));
  const checksum = createHash('sha256')
    .update(JSON.stringify(builtinCatalogue))
    .update(texts.join('\u0000'))
    .digest('hex');
  const previous = (await readAppSetting(db, PUBLISHED_SETTING)) as
    { checksum?: string } | undefined;
  if (previous?.checksum === checksum) return { loaded: 0, skipped: true, problems: [] };

  const tree = await regionTree(db);
  const problems: string[] = [];
  const values = new Map<string, StoreValue>();
  files.forEach((file, i) => {
    const rows = parse<PublishedRow>(texts[i]!, {
      columns: true,
      bom: true,
      skip_empty_lines: true,
    });
    rows.forEach((row, r) => {
      const where = `${file}:${r + 2}`;
      const v = publishedValue(row);
      if ('problem' in v) return problems.push(`${where}: ${v.problem}`);
      if (v.regionCode !== '00' && !tree.get(v.regionCode))
        return problems.push(`${where}: region ${v.regionCode} not in the region table`);
      const key = keyOf(v);
      const twin = values.get(key);
      if (twin && twin.value !== v.value)
        problems.push(`${where}: ${key} given twice with different values; the first is kept`);
      if (!twin) values.set(key, v);
    });
  });

  const loaded = await db.transaction().execute(async (trx) => {
    await upsertIndicators(
      trx,
      builtinCatalogue.map((e) => ({
        code: e.code,
        name_id: e.name.id,
        name_en: e.name.en,
        unit: e.unit,
        direction: e.direction,
        definition_id: e.definition.id,
        definition_en: e.definition.en,
        source: e.source,
      })),
    );
    const all = [...values.values()];
    const stored = new Map((await valuesByKey(trx, all)).map((r) => [savedKey(r), r]));
    const writes = all
      .map((v) => ({ v, before: stored.get(keyOf(v)), row: valueWrite(v, 'published', null) }))
      // a user's correction of a published figure stays
      .filter((w) => !w.before || (w.before.origin === 'published' && !sameValue(w.before, w.row)));
    const saved = await upsertValues(
      trx,
      writes.map((w) => w.row),
    );
    const written = new Map(writes.map((w) => [keyOf(w.v), w.row]));
    await insertValueHistory(
      trx,
      saved.map((s) => ({
        value_id: s.id,
        actor_id: null,
        action: s.created ? ('created' as const) : ('updated' as const),
        value: written.get(savedKey(s))!.value,
        numerator: null,
        denominator: null,
        note: null,
        source_key: written.get(savedKey(s))!.source_key,
        origin: 'published',
        request_id: null,
      })),
    );
    await deletePublishedValuesExcept(trx, all);
    await writeAppSetting(trx, PUBLISHED_SETTING, {
      checksum,
      files,
      values: all.length,
      loadedAt: new Date().toISOString(),
    });
    await bumpDashboardVersion(kyselyExecutor(trx));
    return saved.length;
  });
  return { loaded, skipped: false, problems };
}

/** Catalogue rows by code (for the import's unit conversion). */
export async function catalogueByCode(db: Db): Promise<Map<string, IndicatorRow>> {
  return new Map((await listIndicators(db)).map((r) => [r.code, r]));
}
