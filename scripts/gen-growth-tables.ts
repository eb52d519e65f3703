/**
 * Generates src/core/growth/tables.generated.ts from the WHO LMS tables in data/who-growth.
 *
 * Core is pure (no file reading, it also runs offline in a kader's browser), so the tables reach
 * it as a committed module. To keep that module small each column is stored as integers
 * (value × 10^decimals, decimals = the most decimals any value of that column has in the CSV)
 * and delta-encoded: the first number is the first value, each next one is the difference to the
 * previous value. Decoding `integer / 10^decimals` gives back exactly the double that parsing the
 * CSV text gives (both are the correctly rounded value of the same decimal), which the generator
 * asserts and src/core/growth/tables.test.ts checks again.
 *
 * Usage: node --import tsx scripts/gen-growth-tables.ts
 * The drift test (tables.test.ts) regenerates in memory and fails when the committed file differs.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as prettier from 'prettier';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const GROWTH_DATA_DIR = path.join(root, 'data', 'who-growth');
export const GROWTH_TABLES_MODULE = path.join(root, 'src', 'core', 'growth', 'tables.generated.ts');

/** The nine WHO tables, in the order and with the key column of data/who-growth/README.md. */
export const GROWTH_TABLE_FILES = [
  { id: 'lhfa', key: 'age_days', title: 'length/height-for-age (cm)' },
  { id: 'wfa', key: 'age_days', title: 'weight-for-age (kg)' },
  { id: 'wfl', key: 'length_cm', title: 'weight-for-length (kg), recumbent length 45–110 cm' },
  { id: 'wfh', key: 'height_cm', title: 'weight-for-height (kg), standing height 65–120 cm' },
  { id: 'bfa', key: 'age_days', title: 'BMI-for-age (kg/m²)' },
  { id: 'hcfa', key: 'age_days', title: 'head circumference-for-age (cm)' },
  { id: 'acfa', key: 'age_days', title: 'arm circumference-for-age (cm)' },
  { id: 'tsfa', key: 'age_days', title: 'triceps skinfold-for-age (mm)' },
  { id: 'ssfa', key: 'age_days', title: 'subscapular skinfold-for-age (mm)' },
] as const;

export interface ParsedLmsRow {
  sex: 1 | 2;
  /** Key as written in the CSV (days, or cm with one decimal). */
  keyText: string;
  l: string;
  m: string;
  s: string;
}

/** Reads one table CSV (header + rows) as text, keeping every number as written. */
export function readLmsCsv(file: string, keyColumn: string): ParsedLmsRow[] {
  const lines = readFileSync(file, 'utf8').replace(/\r/g, '').split('\n');
  const header = (lines[0] ?? '').split(',');
  const col = (name: string): number => {
    const i = header.indexOf(name);
    if (i < 0) throw new Error(`${file}: column ${name} missing (header: ${header.join(',')})`);
    return i;
  };
  const [iSex, iKey, iL, iM, iS] = ['sex', keyColumn, 'l', 'm', 's'].map(col) as [
    number,
    number,
    number,
    number,
    number,
  ];
  const rows: ParsedLmsRow[] = [];
  for (const [n, line] of lines.slice(1).entries()) {
    if (line === '') continue;
    const f = line.split(',');
    const sex = f[iSex];
    if (sex !== '1' && sex !== '2') throw new Error(`${file}:${n + 2}: sex ${sex}`);
    rows.push({
      sex: sex === '1' ? 1 : 2,
      keyText: f[iKey] ?? '',
      l: f[iL] ?? '',
      m: f[iM] ?? '',
      s: f[iS] ?? '',
    });
  }
  return rows;
}

const DECIMAL = /^-?\d+(\.\d+)?$/;

function decimalsOf(text: string): number {
  if (!DECIMAL.test(text)) throw new Error(`not a plain decimal: ${text}`);
  const dot = text.indexOf('.');
  return dot < 0 ? 0 : text.length - dot - 1;
}

/** The decimal text as an integer count of 10^-decimals, computed on the digits (no rounding). */
function scaled(text: string, decimals: number): number {
  const negative = text.startsWith('-');
  const [whole = '', fraction = ''] = (negative ? text.slice(1) : text).split('.');
  if (!DECIMAL.test(text) || fraction.length > decimals) {
    throw new Error(`${text} does not fit ${decimals} decimals`);
  }
  const digits = Number(whole + fraction.padEnd(decimals, '0'));
  if (!Number.isSafeInteger(digits)) throw new Error(`too many digits: ${text}`);
  return negative ? -digits : digits;
}

/** Key in the table's unit: whole days, or length in mm (tenths of a cm). */
function keyUnits(keyText: string, unit: 'day' | 'mm'): number {
  return scaled(keyText, unit === 'day' ? 0 : 1);
}

function encodeColumn(texts: string[], decimals: number): number[] {
  const ints = texts.map((t) => scaled(t, decimals));
  const scale = 10 ** decimals;
  texts.forEach((t, i) => {
    // The decoder computes integer / 10^decimals; it must be the double the CSV text parses to.
    if ((ints[i] ?? NaN) / scale !== Number(t)) throw new Error(`inexact decode of ${t}`);
  });
  return ints.map((v, i) => (i === 0 ? v : v - (ints[i - 1] ?? 0)));
}

export interface EncodedTable {
  id: string;
  title: string;
  keyUnit: 'day' | 'mm';
  firstKey: number;
  count: number;
  decimals: { l: number; m: number; s: number };
  male: { l: number[]; m: number[]; s: number[] };
  female: { l: number[]; m: number[]; s: number[] };
}

/** Parses, validates (both sexes, contiguous keys, same range) and encodes one table. */
export function encodeTable(
  id: string,
  title: string,
  keyColumn: string,
  rows: ParsedLmsRow[],
): EncodedTable {
  const keyUnit = keyColumn === 'age_days' ? 'day' : 'mm';
  const bySex = [1, 2].map((sex) => rows.filter((r) => r.sex === sex));
  const [male = [], female = []] = bySex;
  if (male.length === 0 || male.length !== female.length) {
    throw new Error(`${id}: ${male.length} male rows, ${female.length} female rows`);
  }
  const firstKey = keyUnits(male[0]?.keyText ?? '', keyUnit);
  for (const sexRows of bySex) {
    sexRows.forEach((r, i) => {
      if (keyUnits(r.keyText, keyUnit) !== firstKey + i) {
        throw new Error(`${id}: key ${r.keyText} out of sequence at row ${i} of sex ${r.sex}`);
      }
    });
  }
  const decimals = {
    l: Math.max(...rows.map((r) => decimalsOf(r.l))),
    m: Math.max(...rows.map((r) => decimalsOf(r.m))),
    s: Math.max(...rows.map((r) => decimalsOf(r.s))),
  };
  for (const r of rows) {
    if (Number(r.l) === 0) throw new Error(`${id}: L = 0 is not handled (key ${r.keyText})`);
  }
  const encodeSex = (sexRows: ParsedLmsRow[]): EncodedTable['male'] => ({
    l: encodeColumn(
      sexRows.map((r) => r.l),
      decimals.l,
    ),
    m: encodeColumn(
      sexRows.map((r) => r.m),
      decimals.m,
    ),
    s: encodeColumn(
      sexRows.map((r) => r.s),
      decimals.s,
    ),
  });
  return {
    id,
    title,
    keyUnit,
    firstKey,
    count: male.length,
    decimals,
    male: encodeSex(male),
    female: encodeSex(female),
  };
}

function columnSource(c: number[]): string {
  return `[${c.join(', ')}]`;
}

function tableSource(t: EncodedTable): string {
  const sexSource = (s: EncodedTable['male']): string =>
    `{ l: ${columnSource(s.l)}, m: ${columnSource(s.m)}, s: ${columnSource(s.s)} }`;
  return [
    `  /** ${t.title} */`,
    `  ${t.id}: {`,
    `    keyUnit: '${t.keyUnit}',`,
    `    firstKey: ${t.firstKey},`,
    `    count: ${t.count},`,
    `    decimals: { l: ${t.decimals.l}, m: ${t.decimals.m}, s: ${t.decimals.s} },`,
    `    male: ${sexSource(t.male)},`,
    `    female: ${sexSource(t.female)},`,
    `  },`,
  ].join('\n');
}

/** The full text of tables.generated.ts for the CSVs in `dataDir`, formatted by Prettier. */
export async function generateGrowthTablesSource(dataDir = GROWTH_DATA_DIR): Promise<string> {
  const tables = GROWTH_TABLE_FILES.map((f) =>
    encodeTable(f.id, f.title, f.key, readLmsCsv(path.join(dataDir, `${f.id}.csv`), f.key)),
  );
  const source = `// generated by scripts/gen-growth-tables.ts from data/who-growth — do not edit
/**
 * The WHO Child Growth Standards LMS tables exactly as the WHO \`anthro\` R package (1.1.0) uses
 * them (source and checks: data/who-growth/README.md). Per table and sex, each of L, M, S is a
 * delta-encoded column of integers: value[i] = (d[0] + … + d[i]) / 10^decimals, keys
 * firstKey, firstKey + 1, … in keyUnit (whole days of age, or mm of length/height).
 * Decoded once by ./tables.ts.
 */
export interface EncodedLmsColumns {
  l: readonly number[];
  m: readonly number[];
  s: readonly number[];
}

export interface EncodedLmsTable {
  keyUnit: 'day' | 'mm';
  firstKey: number;
  count: number;
  decimals: { l: number; m: number; s: number };
  male: EncodedLmsColumns;
  female: EncodedLmsColumns;
}

export const ENCODED_LMS_TABLES: Record<
  ${GROWTH_TABLE_FILES.map((f) => `'${f.id}'`).join(' | ')},
  EncodedLmsTable
> = {
${tables.map(tableSource).join('\n')}
};
`;
  const options = (await prettier.resolveConfig(GROWTH_TABLES_MODULE)) ?? {};
  return prettier.format(source, { ...options, filepath: GROWTH_TABLES_MODULE });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const source = await generateGrowthTablesSource();
  writeFileSync(GROWTH_TABLES_MODULE, source);
  console.error(
    `wrote ${path.relative(root, GROWTH_TABLES_MODULE)} (${Math.round(source.length / 1024)} KiB)`,
  );
}
