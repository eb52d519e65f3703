import { z } from 'zod';
import { regionCodeSchema } from './common.ts';

const flag = z
  .enum(['true', 'false', '1', '0'])
  .transform((v) => v === 'true' || v === '1')
  .describe('true or false');
const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'a date YYYY-MM-DD' })
  .describe('ISO date, YYYY-MM-DD');

/** PUT /api/imports: the file is the raw request body (application/octet-stream, text/csv or XLSX). */
export const uploadQuerySchema = z.object({
  name: z
    .string()
    .trim()
    .min(1, { message: 'the file name' })
    .max(255, { message: 'at most 255 characters' })
    .describe('the file name as the user chose it (e.g. register-oktober.xlsx)'),
  dryRun: flag.default(true).describe('true (default): preview only, write nothing'),
  sheet: z
    .string()
    .trim()
    .min(1)
    .max(100)
    .optional()
    .describe('XLSX: the sheet to read (default: the first)'),
  wait: flag
    .default(false)
    .describe('true: answer when the import has run (200); false: answer at once (202) and poll'),
});

export const importIdParams = z.object({ id: z.uuid({ message: 'a UUID' }) });

export const commitQuerySchema = z.object({
  wait: flag.default(false),
});

export const importCountsSchema = z.object({
  rowsTotal: z.number().describe('data rows read'),
  rowsImported: z.number().describe('new measurements stored (preview: that would be stored)'),
  rowsDuplicate: z.number().describe('already stored, or the same as an earlier row of the file'),
  rowsRejected: z.number().describe('rows with an error: nothing of them stored'),
  rowsWarned: z.number().describe('stored with a warning'),
  childrenMatched: z.number().describe('registered children the rows were matched to'),
  childrenCreated: z.number(),
  posyanduCreated: z.number(),
  issuesStored: z.number().describe('rows of the report (capped at 100,000; the counts are not)'),
});

export const importIssueSchema = z.object({
  row: z.number().describe('row number as a spreadsheet shows it'),
  column: z.string().nullable().describe('the column as named in the file'),
  severity: z.enum(['error', 'warning']),
  code: z.string(),
  message: z.string(),
});

export const importSchema = z.object({
  id: z.string(),
  fileName: z.string(),
  fileSize: z.number(),
  sha256: z.string(),
  format: z.enum(['csv', 'xlsx']).nullable(),
  sheet: z.string().nullable(),
  status: z.enum(['previewing', 'previewed', 'committing', 'committed', 'failed']),
  error: z
    .object({ code: z.string(), message: z.string(), details: z.record(z.string(), z.unknown()) })
    .nullable()
    .describe('why the file could not be imported (status failed)'),
  columns: z
    .array(
      z.object({
        header: z.string(),
        field: z.string().nullable(),
        status: z.enum(['recognised', 'ignored', 'unknown']),
      }),
    )
    .nullable(),
  counts: importCountsSchema,
  progress: z.object({
    bytesRead: z.number(),
    bytesTotal: z.number(),
    percent: z.number().describe('0–100, from the bytes of the file read'),
  }),
  regionCode: z.string(),
  actorEmail: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  committedAt: z.string().nullable(),
});
export type ImportView = z.infer<typeof importSchema>;

export const importDetailSchema = importSchema.extend({
  issues: z.array(importIssueSchema).describe('the first 100 issues; the whole report: report.csv'),
});

export const importListQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(50),
});
export const importListSchema = z.object({ items: z.array(importSchema) });

export const exportFormatParams = z.object({ format: z.enum(['csv', 'xlsx']) });

export const exportQuerySchema = z.object({
  region: regionCodeSchema.optional().describe("default: the user's scope"),
  posyanduId: z.uuid({ message: 'a UUID' }).optional(),
});

export const measurementExportQuerySchema = exportQuerySchema.extend({
  from: isoDate.optional(),
  to: isoDate.optional(),
});
