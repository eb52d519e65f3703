/// <reference types="vite/client" />
/**
 * Test fixture (imported by tests only): anthro's 200 reference cases, data/who-growth
 * sample-cases.csv (input) and sample-expected.csv (anthro 1.1.0's output), parsed. Loaded with
 * Vite's `?raw` import, so no file-reading code lives in core.
 */
import casesCsv from '../../../data/who-growth/sample-cases.csv?raw';
import expectedCsv from '../../../data/who-growth/sample-expected.csv?raw';

export type CsvRow = Record<string, string>;

/** Parses a simple CSV (no quoted fields, as these two files are). */
export function parseSimpleCsv(text: string): CsvRow[] {
  const [header = '', ...lines] = text.replace(/\r/g, '').trim().split('\n');
  const names = header.split(',');
  return lines.map((line) => {
    const cells = line.split(',');
    return Object.fromEntries(names.map((name, i) => [name, cells[i] ?? '']));
  });
}

export const REFERENCE_CASES_CSV = casesCsv;
export const REFERENCE_EXPECTED_CSV = expectedCsv;
export const referenceCases: CsvRow[] = parseSimpleCsv(casesCsv);
export const referenceExpected: CsvRow[] = parseSimpleCsv(expectedCsv);

/** Empty cell = missing. */
export function cellNumber(text: string | undefined): number | null {
  return text === undefined || text === '' ? null : Number(text);
}

/** The eight z-score columns of anthro's output, with their flag column. */
export const Z_COLUMNS = [
  ['zlen', 'flen'],
  ['zwei', 'fwei'],
  ['zwfl', 'fwfl'],
  ['zbmi', 'fbmi'],
  ['zhc', 'fhc'],
  ['zac', 'fac'],
  ['zts', 'fts'],
  ['zss', 'fss'],
] as const;

/** `x` to 15 significant digits, as R writes it: how clenhei and cbmi are compared. */
export function asWrittenByR(x: number): number {
  return Number(x.toPrecision(15));
}
