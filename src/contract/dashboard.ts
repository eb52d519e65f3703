/**
 * The dashboard API and the aggregate indicator store (API-SPEC.md, "Dashboard API" 1–8 and the
 * shared shapes): zod schemas that validate requests, type the web client and make the OpenAPI
 * document. Figures are aggregate only — never a child. Proportions are 0–1 numbers, periods are
 * written as core/indicators formatPeriod writes them, region codes dotless (`00` = Indonesia).
 */
import { z } from 'zod';
import { ageGroupIds, nutritionIndicatorIds } from '../core/indicators/prevalence.ts';
import { parsePeriod, periodKinds } from '../core/indicators/period.ts';
import { regionLevels } from '../core/regions/region-code.ts';
import { text } from './common.ts';

// ── indicators ──────────────────────────────────────────────────────────────────────────────

/** Every indicator the dashboard computes from the registry (e-PPGBM style). */
export const dashboardIndicatorIds = [
  ...nutritionIndicatorIds,
  'weighing_coverage',
  'weight_gain',
  'two_t',
] as const;
/** One of {@link dashboardIndicatorIds}. */
export type DashboardIndicatorId = (typeof dashboardIndicatorIds)[number];

const list = (values: readonly string[]) => values.join(', ');

/** An indicator id, with the allowed ids in the error message. */
export const dashboardIndicatorSchema = z.enum(dashboardIndicatorIds, {
  message: `one of ${list(dashboardIndicatorIds)}`,
});

const bilingual = z.object({ id: z.string(), en: z.string() });

// ── shared shapes ───────────────────────────────────────────────────────────────────────────

/** A proportion ready to show (core/indicators ProportionFigure). */
export const figureSchema = z.object({
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  value: z.number().nullable().describe('0–1; null when suppressed or the denominator is 0'),
  ci: z
    .object({ lower: z.number(), upper: z.number() })
    .nullable()
    .describe('Wilson 95 % interval'),
  suppressed: z.boolean(),
  suppressionReason: z.enum(['small_denominator', 'small_count']).nullable(),
  exceedsRegistered: z
    .boolean()
    .optional()
    .describe('weighing coverage only: more children weighed than registered (value > 1)'),
});
export type Figure = z.infer<typeof figureSchema>;

/** A reporting period with its labels and (inclusive) dates. */
export const periodInfoSchema = z.object({
  code: z.string().describe('2025-08, 2025-Q3, 2025 or 2025-BT08'),
  kind: z.enum(periodKinds),
  label: bilingual,
  start: z.string().describe('YYYY-MM-DD'),
  end: z.string().describe('YYYY-MM-DD, inclusive'),
});
export type PeriodInfo = z.infer<typeof periodInfoSchema>;

/** Levels of a region reference: the four Kemendagri levels, and `nasional` for code `00`. */
export const regionRefLevels = ['nasional', ...regionLevels] as const;

export const regionRefSchema = z.object({
  code: z.string(),
  name: z.string(),
  level: z.enum(regionRefLevels),
});
export type RegionRef = z.infer<typeof regionRefSchema>;

/** Levels an area table can list: the regions below, or the posyandu. */
export const areaLevels = [...regionLevels, 'posyandu'] as const;
export type AreaLevel = (typeof areaLevels)[number];

/** The small-number rule applied to the whole response (docs/indicators.md §6). */
const policySchema = z
  .string()
  .describe('public_child_figures_min5 (public) or internal_no_suppression (records:read)');

// ── query fields ────────────────────────────────────────────────────────────────────────────

/** Dotless kode wilayah, or `00` for Indonesia. Whether it exists is checked by the service. */
export const dashboardRegionSchema = z
  .string()
  .trim()
  .max(13)
  .transform((s) => s.replace(/\./g, ''))
  .refine((s) => /^\d{2}(\d{2}(\d{2}(\d{4})?)?)?$/.test(s), {
    message: 'a kode wilayah of 2, 4, 6 or 10 digits (e.g. 53, 5301, 530101, 5301012001), or 00',
  });

/** A period code as formatPeriod writes it. */
export const periodCodeSchema = z
  .string()
  .trim()
  .max(10)
  .refine((s) => parsePeriod(s) !== null, {
    message: 'a period: YYYY-MM (month), YYYY-Qn (quarter), YYYY (year), YYYY-BT02 or YYYY-BT08',
  });

export const exportFormats = ['json', 'csv', 'xlsx'] as const;
export const exportFormatSchema = z
  .enum(exportFormats, { message: `one of ${list(exportFormats)}` })
  .default('json');
export type ExportFormat = (typeof exportFormats)[number];

// ── 1. meta ─────────────────────────────────────────────────────────────────────────────────

export const indicatorUnits = ['percent', 'count'] as const;
export const indicatorDirections = ['lower_is_better', 'higher_is_better'] as const;

export const indicatorDescriptionSchema = z.object({
  id: z.enum(dashboardIndicatorIds),
  label: bilingual,
  unit: z.enum(indicatorUnits),
  direction: z.enum(indicatorDirections),
  definition: bilingual,
});

export const dashboardMetaSchema = z.object({
  indicators: z.array(indicatorDescriptionSchema),
  periods: z.object({
    firstMonth: z.string().nullable().describe('first month with data'),
    lastMonth: z.string().nullable().describe('last month with data'),
    latestComplete: z.object({
      month: z.string(),
      quarter: z.string(),
      year: z.string(),
      weighing_month: z.string(),
    }),
  }),
  homeRegion: z
    .string()
    .describe("the signed-in user's region, else the configured or busiest province"),
});
export type DashboardMeta = z.infer<typeof dashboardMetaSchema>;

// ── 2. summary ──────────────────────────────────────────────────────────────────────────────

export const summaryQuerySchema = z.object({
  region: dashboardRegionSchema.optional().describe('default: homeRegion of /meta'),
  period: periodCodeSchema.optional().describe('default: the latest complete month that has data'),
});

const sourceSchema = z.object({ id: z.literal('eppgbm'), label: bilingual });

export const summaryIndicatorIds = [
  ...nutritionIndicatorIds,
  'weighing_coverage',
  'weight_gain',
] as const;

export const summarySchema = z.object({
  region: regionRefSchema,
  ancestors: z.array(regionRefSchema).describe('the nation/province first'),
  period: periodInfoSchema,
  policy: policySchema,
  asOf: z.string().describe('ISO time the figures of this region last changed'),
  source: sourceSchema,
  figures: z.record(z.enum(summaryIndicatorIds), figureSchema),
  counts: z.object({
    registered: z.number().nullable().describe('S: children 0–59 months in the register'),
    measured: z.number().nullable().describe('children 0–59 months measured in the period'),
    stunted: z.number().nullable(),
    twoT: z.number().nullable().describe('children whose latest weighing was a second T in a row'),
  }),
});
export type Summary = z.infer<typeof summarySchema>;

// ── 3. series ───────────────────────────────────────────────────────────────────────────────

export const seriesQuerySchema = z.object({
  region: dashboardRegionSchema.optional(),
  indicator: dashboardIndicatorSchema.default('stunting'),
  kind: z.enum(periodKinds, { message: `one of ${list(periodKinds)}` }).default('month'),
  from: periodCodeSchema.optional().describe('first period (of `kind`)'),
  to: periodCodeSchema.optional().describe('last period (of `kind`)'),
});

export const targetSchema = z.object({
  year: z.number(),
  value: z.number().describe('0–1'),
  source: z.string(),
  regionCode: z.string().describe('whose target it is: the region, an ancestor, or 00'),
});

export const seriesSchema = z.object({
  region: regionRefSchema,
  indicator: z.enum(dashboardIndicatorIds),
  policy: policySchema,
  points: z.array(z.object({ period: periodInfoSchema, figure: figureSchema })),
  targets: z.array(targetSchema),
});
export type Series = z.infer<typeof seriesSchema>;

// ── 4. breakdown ────────────────────────────────────────────────────────────────────────────

export const breakdownQuerySchema = z.object({
  region: dashboardRegionSchema.optional(),
  indicator: dashboardIndicatorSchema.default('stunting'),
  period: periodCodeSchema.optional(),
});

export const breakdownSchema = z.object({
  region: regionRefSchema,
  indicator: z.enum(dashboardIndicatorIds),
  period: periodInfoSchema,
  policy: policySchema,
  total: figureSchema.optional(),
  bySex: z.object({ male: figureSchema, female: figureSchema }),
  byAgeGroup: z.record(z.enum(ageGroupIds), figureSchema),
});
export type Breakdown = z.infer<typeof breakdownSchema>;

// ── 5. areas ────────────────────────────────────────────────────────────────────────────────

export const areaSorts = ['value', 'count', 'name'] as const;

export const areasQuerySchema = z.object({
  region: dashboardRegionSchema.optional(),
  indicator: dashboardIndicatorSchema.default('stunting'),
  period: periodCodeSchema.optional(),
  level: z
    .enum(areaLevels, { message: `one of ${list(areaLevels)}` })
    .optional()
    .describe('default: the level just below the region'),
  sort: z.enum(areaSorts, { message: `one of ${list(areaSorts)}` }).default('value'),
  format: exportFormatSchema,
});

export const areaRowSchema = z.object({
  code: z.string().describe('kode wilayah, or the posyandu id'),
  name: z.string(),
  level: z.enum(areaLevels),
  figure: figureSchema,
  count: z.number().nullable().describe('children with the condition (null when suppressed)'),
  rank: z.number().nullable().describe('1 = worst (or best for higher_is_better); null: no value'),
  parentName: z.string().optional().describe('posyandu rows: their desa'),
});
export type AreaRow = z.infer<typeof areaRowSchema>;

export const areasSchema = z.object({
  region: regionRefSchema,
  indicator: z.enum(dashboardIndicatorIds),
  period: periodInfoSchema,
  policy: policySchema,
  level: z.enum(areaLevels),
  rows: z.array(areaRowSchema),
});
export type Areas = z.infer<typeof areasSchema>;

// ── 6. top villages ─────────────────────────────────────────────────────────────────────────

export const TOP_VILLAGES_MAX = 100;

export const topVillagesQuerySchema = z.object({
  region: dashboardRegionSchema.optional(),
  indicator: dashboardIndicatorSchema.default('stunting'),
  period: periodCodeSchema.optional(),
  limit: z.coerce
    .number({ message: `a whole number 1–${TOP_VILLAGES_MAX}` })
    .int({ message: `a whole number 1–${TOP_VILLAGES_MAX}` })
    .min(1, { message: `a whole number 1–${TOP_VILLAGES_MAX}` })
    .max(TOP_VILLAGES_MAX, { message: `at most ${TOP_VILLAGES_MAX}` })
    .default(10),
  format: exportFormatSchema,
});

export const topVillagesSchema = z.object({
  region: regionRefSchema,
  indicator: z.enum(dashboardIndicatorIds),
  period: periodInfoSchema,
  policy: policySchema,
  rows: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      kecamatan: z.string(),
      kabupaten: z.string(),
      count: z.number().nullable(),
      figure: figureSchema,
    }),
  ),
});
export type TopVillages = z.infer<typeof topVillagesSchema>;

// ── 7. comparison ───────────────────────────────────────────────────────────────────────────

export const comparisonQuerySchema = z.object({
  region: dashboardRegionSchema.optional(),
  indicator: dashboardIndicatorSchema.default('stunting'),
  format: exportFormatSchema,
});

export const comparisonSchema = z.object({
  region: regionRefSchema,
  indicator: z.enum(dashboardIndicatorIds),
  policy: policySchema,
  years: z.array(
    z.object({
      year: z.number(),
      eppgbm: z
        .object({ period: periodInfoSchema, figure: figureSchema })
        .nullable()
        .describe('Tumbuh e-PPGBM: the August weighing month of the year, else the year'),
      weighingCoverage: figureSchema.nullable(),
      surveys: z.array(
        z.object({
          source: z
            .string()
            .describe("'SSGI', 'SKI', 'Riskesdas', 'SSGBI', 'e-PPGBM' (published)…"),
          value: z.number().describe('0–1'),
          sourceKey: z.string().describe('citation key (data/indicators/sources.csv)'),
          note: z.string().nullable(),
        }),
      ),
    }),
  ),
});
export type Comparison = z.infer<typeof comparisonSchema>;

// ── 8. indicator store ──────────────────────────────────────────────────────────────────────

/** Units of stored values. `percent` values are stored and returned as 0–1 proportions. */
export const storeUnits = [
  'percent',
  'count',
  'per_1000',
  'per_1000_live_births',
  'per_100000_live_births',
] as const;
export type StoreUnit = (typeof storeUnits)[number];

export const catalogueItemSchema = z.object({
  code: z.string(),
  name: bilingual,
  unit: z.enum(storeUnits),
  direction: z.enum(indicatorDirections).nullable(),
  definition: bilingual,
  source: z.string().nullable().describe('where the definition comes from'),
});
export type CatalogueItem = z.infer<typeof catalogueItemSchema>;

export const catalogueSchema = z.object({ items: z.array(catalogueItemSchema) });

/** A source name: short, no control characters (`SSGI`, `SKI`, `target`, `Dinkes NTT`…). */
export const storeSourceSchema = text(60).pipe(
  z.string().min(1, { message: 'required (e.g. SSGI, SKI, target)' }),
);

export const INDICATOR_VALUES_MAX = 10_000;

export const indicatorValuesQuerySchema = z.object({
  indicator: text(60).optional(),
  region: dashboardRegionSchema.optional(),
  within: z
    .enum(['true', 'false'], { message: 'true or false' })
    .default('false')
    .transform((v) => v === 'true')
    .describe('true: also the regions inside `region`'),
  source: storeSourceSchema.optional(),
  from: periodCodeSchema.optional().describe('periods starting on or after this one'),
  to: periodCodeSchema.optional().describe('periods ending on or before this one'),
  limit: z.coerce
    .number({ message: `a whole number 1–${INDICATOR_VALUES_MAX}` })
    .int({ message: `a whole number 1–${INDICATOR_VALUES_MAX}` })
    .min(1, { message: `a whole number 1–${INDICATOR_VALUES_MAX}` })
    .max(INDICATOR_VALUES_MAX, { message: `at most ${INDICATOR_VALUES_MAX}` })
    .default(1000),
  format: exportFormatSchema,
});

export const indicatorValueSchema = z.object({
  indicator: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  period: z.string(),
  periodLabel: bilingual,
  source: z.string(),
  value: z.number().describe('percent units as 0–1'),
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  note: z.string().nullable(),
  sourceKey: z.string().nullable().describe('citation key'),
  origin: z.enum(['published', 'entry', 'import']),
  updatedAt: z.string(),
});
export type IndicatorValue = z.infer<typeof indicatorValueSchema>;

export const indicatorValuesSchema = z.object({
  items: z.array(indicatorValueSchema),
  truncated: z.boolean().describe('more values match than `limit`'),
});

export const INDICATOR_VALUES_PER_POST = 1000;

export const indicatorValueInputSchema = z.object({
  indicator: text(60).pipe(z.string().min(1, { message: 'required' })),
  regionCode: dashboardRegionSchema,
  period: periodCodeSchema,
  source: storeSourceSchema,
  value: z.number({ message: 'a number' }),
  numerator: z
    .number({ message: 'a number ≥ 0' })
    .min(0, { message: 'a number ≥ 0' })
    .nullable()
    .optional(),
  denominator: z
    .number({ message: 'a number ≥ 0' })
    .min(0, { message: 'a number ≥ 0' })
    .nullable()
    .optional(),
  note: text(500).nullable().optional(),
  sourceKey: text(120).nullable().optional(),
});
export type IndicatorValueInput = z.infer<typeof indicatorValueInputSchema>;

export const indicatorValuesBodySchema = z.object({
  values: z
    .array(indicatorValueInputSchema)
    .min(1, { message: 'at least one value' })
    .max(INDICATOR_VALUES_PER_POST, {
      message: `at most ${INDICATOR_VALUES_PER_POST} per request`,
    }),
});

/** One problem of an imported or posted value, naming the row and column. */
export const valueIssueSchema = z.object({
  row: z.number().describe('row number as the spreadsheet shows it (posts: index + 1)'),
  column: z.string().nullable(),
  code: z.string(),
  message: z.string(),
});
export type ValueIssue = z.infer<typeof valueIssueSchema>;

export const indicatorValuesWriteSchema = z.object({
  created: z.number(),
  updated: z.number(),
  unchanged: z.number(),
  rejected: z.number(),
  issues: z.array(valueIssueSchema),
});
export type IndicatorValuesWrite = z.infer<typeof indicatorValuesWriteSchema>;

export const indicatorValuesImportQuerySchema = z.object({
  sheet: text(100).optional().describe('XLSX: the sheet to read (default the first)'),
});

export const indicatorValuesImportSchema = indicatorValuesWriteSchema.extend({
  rows: z.number().describe('data rows read'),
  format: z.enum(['csv', 'xlsx']),
});
export type IndicatorValuesImport = z.infer<typeof indicatorValuesImportSchema>;
