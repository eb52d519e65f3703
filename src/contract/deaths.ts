/**
 * AKI-AKB: death notifications, their review, live births and the public figures
 * (docs/deaths.md). `deathSummarySchema` is the shape fixed in API-SPEC.md ("AKI-AKB summary"):
 * additions only, never renames. Public shapes carry no personal field (house rule 5): the
 * summary, series, areas and breakdown are counts; names, NIK and dates of birth appear only in
 * the case shapes, which need a session and a health role in scope.
 */
import { z } from 'zod';
import {
  deathKinds,
  facilityTypes,
  maternalTimings,
  placesOfDeath,
  stillbirthTimings,
} from '../core/deaths/case.ts';
import {
  avoidabilityValues,
  caseStatuses,
  recommendationLevels,
  voidReasons,
  workflowActions,
} from '../core/deaths/workflow.ts';
import { parsePeriod, type Period } from '../core/indicators/period.ts';
import { regionCodeSchema, text } from './common.ts';
import { periodInfoSchema, regionRefSchema, type PeriodInfo } from './dashboard.ts';

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'a date YYYY-MM-DD' })
  .describe('ISO date, YYYY-MM-DD');
const uuid = z.uuid({ message: 'a UUID' });
const nik = z
  .string()
  .trim()
  .regex(/^\d{16}$/, { message: '16 digits' });
const whole = (min: number, max: number, unit: string) =>
  z
    .number({ message: `a whole number (${unit})` })
    .int({ message: `a whole number (${unit})` })
    .min(min, { message: `${min}–${max} ${unit}` })
    .max(max, { message: `${min}–${max} ${unit}` });
const flag = z
  .enum(['true', 'false', '1', '0'])
  .transform((v) => v === 'true' || v === '1')
  .describe('true or false');

/** A period as formatPeriod writes it; parsed to a Period. */
export const periodParamSchema = z
  .string()
  .trim()
  .transform((s, ctx) => {
    const period = parsePeriod(s);
    if (!period) {
      ctx.addIssue({
        code: 'custom',
        message: 'a month (2025-08), quarter (2025-Q3) or year (2025)',
      });
      return z.NEVER;
    }
    return period;
  }) as unknown as z.ZodType<Period, string>;

/** A region code of any level, or `00` for Indonesia. */
export const deathRegionSchema = z
  .string()
  .trim()
  .max(13)
  .transform((s) => s.replace(/\./g, ''))
  .refine((s) => s === '00' || /^(\d{2}|\d{4}|\d{6}|\d{10})$/.test(s), {
    message: 'kode wilayah: 00 (Indonesia), 2, 4, 6 or 10 digits',
  });

// ── figures (PeriodInfo and RegionRef are the dashboard's shared shapes, API-SPEC.md) ──

export { periodInfoSchema, regionRefSchema, type PeriodInfo };

export const deathCountsSchema = z.object({
  maternal: z.number().describe('maternal deaths (ICD-MM group 9, coincidental, excluded)'),
  neonatal: z.number().describe('deaths at 0–28 days'),
  infant: z.number().describe('deaths under 1 year (neonatal + post-neonatal)'),
  underFive: z.number().describe('deaths under 5 years'),
  stillbirth: z.number().describe('stillbirths (not in infant deaths)'),
});
export type DeathCountsView = z.infer<typeof deathCountsSchema>;

export const rateSchema = z.object({
  value: z.number(),
  ci: z.object({ lower: z.number(), upper: z.number() }).describe('exact (Garwood) Poisson 95 %'),
  per: z.union([z.literal(1000), z.literal(100000)]),
  unstable: z.boolean().describe('fewer than 10 deaths: read the interval, not the point'),
});
export type RateView = z.infer<typeof rateSchema>;

export const liveBirthsSchema = z.object({
  value: z.number().nullable(),
  estimated: z.boolean(),
  source: z.string().nullable().describe('where the figure comes from, in the language asked'),
  method: z
    .enum(['reported', 'sum_of_areas', 'prorated_from_year', 'population_cbr', 'published_figure'])
    .nullable()
    .describe('how the figure was obtained (docs/deaths.md §Live births)'),
});
export type LiveBirthsView = z.infer<typeof liveBirthsSchema>;

export const ratesSchema = z.object({
  aki: rateSchema.nullable().describe('per 100,000 live births'),
  akb: rateSchema.nullable().describe('per 1,000 live births'),
  akn: rateSchema.nullable().describe('per 1,000 live births'),
  akaba: rateSchema.nullable().describe('under-five deaths per 1,000 live births'),
});

export const dataProblemSchema = z.object({
  indicator: z.enum(['aki', 'akb', 'akn', 'akaba']),
  code: z.enum(['births_below_deaths', 'invalid_count']),
});

/** GET /api/deaths/summary (API-SPEC.md). */
export const deathSummaryQuerySchema = z.object({
  region: deathRegionSchema
    .optional()
    .describe('default: the province holding the data (00 = Indonesia when none)'),
  period: periodParamSchema
    .optional()
    .describe('month, quarter or year; default: the latest complete month with data'),
});

export const deathSummarySchema = z.object({
  region: regionRefSchema,
  period: periodInfoSchema,
  asOf: z.string().describe('ISO time the figures last changed'),
  counts: deathCountsSchema,
  liveBirths: liveBirthsSchema,
  rates: ratesSchema,
  hasData: z.boolean().describe('false: nothing notified or entered for this region/period'),
  // additions to API-SPEC.md
  policy: z
    .string()
    .describe('the small-number rule applied: deaths_counts_public_unstable_below_10'),
  unverified: z.number().describe('notifications not yet verified (not in the counts)'),
  complete: z
    .boolean()
    .describe('false for the running period: counts so far, no rates (deaths still coming in)'),
  dataProblems: z.array(dataProblemSchema).describe('e.g. live births below the deaths'),
});
export type DeathSummary = z.infer<typeof deathSummarySchema>;

const figuresShape = {
  counts: deathCountsSchema,
  liveBirths: liveBirthsSchema,
  rates: ratesSchema,
  dataProblems: z.array(dataProblemSchema),
};

export const deathSeriesQuerySchema = z.object({
  region: deathRegionSchema,
  kind: z.enum(['month', 'year']).default('month'),
  from: periodParamSchema.optional(),
  to: periodParamSchema.optional().describe('default: the latest complete month or year'),
});
export const deathSeriesSchema = z.object({
  region: regionRefSchema,
  policy: z.string(),
  points: z.array(z.object({ period: periodInfoSchema, complete: z.boolean(), ...figuresShape })),
});
export type DeathSeries = z.infer<typeof deathSeriesSchema>;

export const deathAreasQuerySchema = z.object({
  region: deathRegionSchema,
  period: periodParamSchema,
  level: z.enum(['provinsi', 'kabupaten', 'kecamatan', 'desa']).optional(),
});
export const deathAreasSchema = z.object({
  region: regionRefSchema,
  period: periodInfoSchema,
  policy: z.string(),
  level: z.string(),
  complete: z.boolean().describe('false for the running period: no rates'),
  rows: z.array(
    z.object({ code: z.string(), name: z.string(), level: z.string(), ...figuresShape }),
  ),
});
export type DeathAreas = z.infer<typeof deathAreasSchema>;

export const deathBreakdownQuerySchema = z.object({
  region: deathRegionSchema,
  period: periodParamSchema,
});
export const deathBreakdownSchema = z.object({
  region: regionRefSchema,
  period: periodInfoSchema,
  restricted: z
    .boolean()
    .describe('below kabupaten level causes and places are for signed-in health staff only'),
  byKind: z.array(
    z.object({
      kind: z.enum(deathKinds),
      total: z.number(),
      causes: z.array(
        z.object({
          code: z.string().describe('cause group code, or "uncoded"'),
          label: z.object({ id: z.string(), en: z.string() }).nullable(),
          count: z.number(),
        }),
      ),
      places: z.object({
        facility: z.number(),
        home: z.number(),
        on_the_way: z.number(),
        other: z.number(),
      }),
    }),
  ),
  lateNotifications: z.object({ late: z.number(), total: z.number() }),
});
export type DeathBreakdown = z.infer<typeof deathBreakdownSchema>;

// ── cases ──

const caseFieldsShape = {
  kind: z.enum(deathKinds),
  regionCode: regionCodeSchema.describe('desa/kelurahan of residence (10 digits)'),
  deathDate: isoDate,
  deathTime: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'a time HH:MM' })
    .nullish()
    .describe('local time of the death, when known'),
  placeOfDeath: z.enum(placesOfDeath),
  facilityType: z.enum(facilityTypes).nullish(),
  facilityName: text(200).nullish(),
  deathRegionCode: regionCodeSchema
    .nullish()
    .describe(
      'where the death happened (facility kabupaten/kecamatan/desa); default: the residence',
    ),
  name: text(120).pipe(z.string().min(1, { message: 'required' })),
  nik: nik.nullish(),
  birthDate: isoDate.nullish().describe("the baby's birth date (required for babies born alive)"),
  motherAgeYears: whole(10, 60, 'years').nullish(),
  sex: z.union([z.literal(1), z.literal(2)]).nullish(),
  motherName: text(120).nullish(),
  motherNik: nik.nullish(),
  address: text(300).nullish(),
  gestationalWeeks: whole(4, 45, 'weeks').nullish(),
  birthWeightGrams: whole(300, 6500, 'g').nullish(),
  maternalTiming: z.enum(maternalTimings).nullish(),
  deliveryDate: isoDate.nullish(),
  stillbirthTiming: z.enum(stillbirthTimings).nullish(),
  causeGroup: z.string().trim().max(40).nullish().describe('ICD-MM / ICD-PM / child group code'),
  maternalCondition: z.string().trim().max(4).nullish().describe('ICD-PM M1–M5 (perinatal deaths)'),
  causeNote: text(2000).nullish(),
  delayDeciding: z.boolean().nullish().describe('delay 1: in deciding to seek care'),
  delayReaching: z.boolean().nullish().describe('delay 2: in reaching a facility'),
  delayReceiving: z.boolean().nullish().describe('delay 3: in receiving adequate care'),
  chronology: text(2000).nullish(),
  lateReason: text(500).nullish().describe('why the notification comes after 24 hours'),
};

export const notifyBodySchema = z.object({
  id: uuid.optional().describe('may be generated by the client; re-sending the same id is safe'),
  ...caseFieldsShape,
  confirmNotDuplicate: z.boolean().default(false),
});
export type NotifyBody = z.input<typeof notifyBodySchema>;

export const correctBodySchema = z
  .object(caseFieldsShape)
  .partial()
  .extend({ version: z.number().int().min(1).describe('the version you edited') });
export type CorrectBody = z.input<typeof correctBodySchema>;

const personRef = z.object({ id: z.string(), name: z.string() }).nullable();
const step = z.object({ at: z.string(), by: personRef }).nullable();

export const dueSchema = z
  .object({
    step: z.enum(['verify', 'review', 'recommend', 'follow_up']),
    dueDate: z.string(),
    overdue: z.boolean(),
    daysOverdue: z.number(),
  })
  .nullable();

export const recommendationSchema = z.object({
  id: z.string(),
  text: z.string(),
  responsible: z.string().nullable(),
  level: z.enum(recommendationLevels),
  dueDate: z.string(),
  overdue: z.boolean(),
  createdAt: z.string(),
  createdBy: personRef,
  doneAt: z.string().nullable(),
  doneBy: personRef,
  doneNote: z.string().nullable(),
});

export const caseSummarySchema = z.object({
  id: z.string(),
  kind: z.enum(deathKinds),
  status: z.enum(caseStatuses),
  name: z.string().describe('(personal) visible to health roles in scope only'),
  regionCode: z.string(),
  regionName: z.string().nullable(),
  deathRegionCode: z.string(),
  deathDate: z.string(),
  placeOfDeath: z.enum(placesOfDeath),
  facilityName: z.string().nullable(),
  causeGroup: z.string().nullable(),
  notifiedAt: z.string(),
  notifiedLate: z.boolean(),
  notificationDelayMinutes: z.number(),
  due: dueSchema,
  openRecommendations: z.number(),
  version: z.number(),
});
export type CaseSummary = z.infer<typeof caseSummarySchema>;

export const caseSchema = caseSummarySchema.extend({
  deathTime: z.string().nullable(),
  facilityType: z.enum(facilityTypes).nullable(),
  deathRegionName: z.string().nullable(),
  nik: z.string().nullable(),
  birthDate: z.string().nullable(),
  motherName: z.string().nullable(),
  motherNik: z.string().nullable(),
  address: z.string().nullable(),
  sex: z.number().nullable(),
  ageDays: z.number().nullable(),
  motherAgeYears: z.number().nullable(),
  gestationalWeeks: z.number().nullable(),
  birthWeightGrams: z.number().nullable(),
  maternalTiming: z.enum(maternalTimings).nullable(),
  deliveryDate: z.string().nullable(),
  daysAfterDelivery: z.number().nullable(),
  stillbirthTiming: z.enum(stillbirthTimings).nullable(),
  maternalCondition: z.string().nullable(),
  causeNote: z.string().nullable(),
  delayDeciding: z.boolean().nullable(),
  delayReaching: z.boolean().nullable(),
  delayReceiving: z.boolean().nullable(),
  chronology: z.string().nullable(),
  lateReason: z.string().nullable(),
  notifiedBy: personRef,
  notifierRole: z.string().nullable(),
  verified: step,
  verificationNote: z.string().nullable(),
  reviewed: step,
  reviewSummary: z.string().nullable(),
  avoidable: z.enum(avoidabilityValues).nullable(),
  recommended: step,
  closed: step,
  closingNote: z.string().nullable(),
  voided: step,
  voidReason: z.enum(voidReasons).nullable(),
  voidNote: z.string().nullable(),
  duplicateOf: z.string().nullable(),
  source: z.string(),
  recommendations: z.array(recommendationSchema),
  /** What the signed-in user may do now. */
  can: z.object({
    edit: z.boolean(),
    actions: z.array(z.enum(workflowActions)),
    addRecommendation: z.boolean(),
    completeRecommendation: z.boolean(),
  }),
});
export type CaseView = z.infer<typeof caseSchema>;

export const caseResponseSchema = z.object({ case: caseSchema });

export const caseListQuerySchema = z.object({
  region: regionCodeSchema.optional().describe("default: the user's scope"),
  status: z
    .string()
    .optional()
    .transform((s, ctx) => {
      if (!s) return undefined;
      const list = s.split(',').map((x) => x.trim());
      const bad = list.filter((x) => !(caseStatuses as readonly string[]).includes(x));
      if (bad.length) {
        ctx.addIssue({ code: 'custom', message: `comma-separated: ${caseStatuses.join(', ')}` });
        return z.NEVER;
      }
      return list as (typeof caseStatuses)[number][];
    }),
  kind: z
    .string()
    .optional()
    .transform((s, ctx) => {
      if (!s) return undefined;
      const list = s.split(',').map((x) => x.trim());
      if (list.some((x) => !(deathKinds as readonly string[]).includes(x))) {
        ctx.addIssue({ code: 'custom', message: `comma-separated: ${deathKinds.join(', ')}` });
        return z.NEVER;
      }
      return list as (typeof deathKinds)[number][];
    }),
  from: isoDate.optional(),
  to: isoDate.optional(),
  overdue: flag.optional().describe('only cases whose next step is overdue'),
  late: flag.optional().describe('only cases notified more than 24 h after the death'),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
});

export const caseListSchema = z.object({
  items: z.array(caseSummarySchema),
  truncated: z.boolean(),
  deadlines: z.object({
    verifyDays: z.number(),
    reviewDays: z.number(),
    recommendDays: z.number(),
    followUpDays: z.number(),
  }),
});
export type CaseList = z.infer<typeof caseListSchema>;

export const caseIdParams = z.object({ id: uuid });
export const recommendationParams = z.object({ id: uuid, recommendationId: uuid });

export const actionBodySchema = z.object({
  action: z.enum(workflowActions),
  version: z.number().int().min(1),
  note: text(2000).nullish(),
  review: z
    .object({
      causeGroup: z.string().trim().min(1, { message: 'required' }).max(40),
      maternalCondition: z.string().trim().max(4).nullish(),
      avoidable: z.enum(avoidabilityValues),
      summary: text(4000),
      delayDeciding: z.boolean().nullish(),
      delayReaching: z.boolean().nullish(),
      delayReceiving: z.boolean().nullish(),
    })
    .nullish()
    .describe('required for action=review'),
  voidReason: z.enum(voidReasons).nullish().describe('required for action=void'),
  duplicateOf: uuid.nullish().describe('for voidReason=duplicate: the case this one duplicates'),
});
export type ActionBody = z.input<typeof actionBodySchema>;

export const voidQuerySchema = z.object({
  version: z.coerce.number().int().min(1),
  reason: z.enum(voidReasons).default('entered_in_error'),
});

export const recommendationBodySchema = z.object({
  text: text(1000).pipe(z.string().min(1, { message: 'required' })),
  responsible: text(200).nullish(),
  level: z.enum(recommendationLevels),
  dueDate: isoDate.nullish().describe('default: today + DEATHS_FOLLOW_UP_DAYS'),
});
export type RecommendationBody = z.input<typeof recommendationBodySchema>;

export const recommendationDoneBodySchema = z.object({ note: text(2000).nullish() });

export const historySchema = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      at: z.string(),
      action: z.string(),
      actorName: z.string().nullable(),
      before: z.unknown(),
      after: z.unknown(),
    }),
  ),
});
export type CaseHistory = z.infer<typeof historySchema>;

export const duplicateDetailsSchema = z.object({
  candidates: z.array(
    z.object({
      id: z.string(),
      kind: z.string(),
      deathDate: z.string(),
      status: z.string(),
      name: z.string(),
    }),
  ),
});

// ── live births and population ──

export const liveBirthPeriodSchema = z
  .string()
  .trim()
  .regex(/^\d{4}(-(0[1-9]|1[0-2]))?$/, { message: 'a year (2025) or a month (2025-03)' });

export const liveBirthEntrySchema = z.object({
  regionCode: regionCodeSchema,
  period: liveBirthPeriodSchema,
  count: whole(0, 10_000_000, 'births').nullable().describe('null removes the entry'),
  source: text(200).nullish(),
});
export const liveBirthsBodySchema = z.object({
  entries: z.array(liveBirthEntrySchema).min(1).max(5000),
});
export type LiveBirthsBody = z.input<typeof liveBirthsBodySchema>;

export const liveBirthsQuerySchema = z.object({
  region: regionCodeSchema.optional().describe("default: the user's scope"),
  year: z.coerce.number().int().min(1900).max(9999),
});

export const liveBirthAreaSchema = z.object({
  code: z.string(),
  name: z.string(),
  level: z.string(),
  /** Entered figures of this area: the year and each month (null: not entered). */
  year: z.object({ count: z.number(), source: z.string().nullable() }).nullable(),
  months: z.array(z.object({ count: z.number(), source: z.string().nullable() }).nullable()),
  /** What the rates use for the year (entered, summed or estimated). */
  resolved: liveBirthsSchema,
  infantDeaths: z.number().describe('infant deaths (not voided) recorded for the year'),
});
export const liveBirthsListSchema = z.object({
  region: regionRefSchema,
  year: z.number(),
  self: liveBirthAreaSchema,
  areas: z.array(liveBirthAreaSchema),
  population: z.array(
    z.object({
      regionCode: z.string(),
      year: z.number(),
      population: z.number().nullable(),
      crudeBirthRate: z.number().nullable(),
      source: z.string(),
    }),
  ),
});
export type LiveBirthsList = z.infer<typeof liveBirthsListSchema>;

export const liveBirthsSavedSchema = z.object({
  stored: z.number(),
  removed: z.number(),
  unchanged: z.number(),
});

export const liveBirthImportQuerySchema = z.object({
  name: z.string().trim().min(1).max(255).describe('the file name'),
  dryRun: flag.default(false).describe('true: check only, store nothing'),
  sheet: z.string().trim().min(1).max(100).optional(),
});
export const liveBirthImportSchema = z.object({
  dryRun: z.boolean(),
  rowsTotal: z.number(),
  stored: z.number().describe('new or changed entries (dry run: that would be stored)'),
  unchanged: z
    .number()
    .describe('the same figure was already stored (importing twice changes nothing)'),
  rejected: z.number(),
  issues: z.array(
    z.object({
      row: z.number(),
      column: z.string().nullable(),
      field: z.string().nullable(),
      code: z.string(),
      message: z.string(),
    }),
  ),
});
export type LiveBirthImport = z.infer<typeof liveBirthImportSchema>;

export const populationBodySchema = z.object({
  entries: z
    .array(
      z.object({
        regionCode: regionCodeSchema,
        year: z.number().int().min(1900).max(9999),
        population: whole(1, 400_000_000, 'people').nullish(),
        crudeBirthRate: z
          .number({ message: 'a number per 1,000 people' })
          .gt(0, { message: 'more than 0' })
          .lt(80, { message: 'below 80 per 1,000' })
          .nullish(),
        source: text(200).pipe(
          z.string().min(1, { message: 'required: where the figure comes from' }),
        ),
      }),
    )
    .min(1)
    .max(1000),
});
export type PopulationBody = z.input<typeof populationBodySchema>;

export const exportFormatParams = z.object({ format: z.enum(['csv', 'xlsx']) });
