/**
 * One data row of an import file → a checked record (child + measurement), or the row's issues.
 * Checks are the registry's own rules (core/registry/rules: dates, ranges, NIK), judged on
 * `today`, so a row is refused for the same reasons the kader's screen would refuse it. Two
 * differences, both for historical registers: a child born more than 60 months ago may be
 * imported (only the age at the measurement must be under 60 months), and a missing measuring
 * position is inferred from age (lying under 24 months, standing from 24, as WHO measures).
 */
import { ageDaysBetween, HEIGHT_FROM_AGE_DAYS } from '../growth/age.ts';
import { childProblems, measurementProblems, personNameKey } from '../registry/rules.ts';
import type { ColumnMapping, ImportField } from './columns.ts';
import type { RowIssue } from './issues.ts';
import {
  isCellProblem,
  parseDate,
  parseDecimal,
  parseMeasure,
  parseNik,
  parseSex,
  parseText,
  parseVillageCode,
  parseYesNo,
  type CellValue,
  type Parsed,
} from './values.ts';

/** A row that passed every check that needs no database. */
export interface ImportRecord {
  row: number;
  nik: string | null;
  name: string;
  sex: 1 | 2;
  birthDate: string;
  birthWeightKg: number | null;
  birthLengthCm: number | null;
  motherName: string | null;
  motherNik: string | null;
  address: string | null;
  /** The desa by code, or by names (resolved against the region table by the service). */
  villageCode: string | null;
  place: { district: string | null; subdistrict: string; village: string } | null;
  posyandu: string;
  measuredOn: string;
  weightKg: number | null;
  heightCm: number | null;
  measure: 'l' | 'h' | null;
  muacCm: number | null;
  headCm: number | null;
  oedema: boolean;
}

export interface RowResult {
  record: ImportRecord | null;
  issues: RowIssue[];
}

/** Column positions of each field, from the detected header. */
export type FieldColumns = Partial<Record<ImportField, ColumnMapping>>;

export function fieldColumns(columns: readonly ColumnMapping[]): FieldColumns {
  const out: FieldColumns = {};
  for (const c of columns) if (c.field && !out[c.field]) out[c.field] = c;
  return out;
}

/** A row with nothing in it (blank lines and empty spreadsheet rows are skipped, not reported). */
export function isBlankRow(cells: readonly CellValue[]): boolean {
  for (const cell of cells) {
    if (cell === null) continue;
    if (typeof cell === 'string' && cell.trim() === '') continue;
    return false;
  }
  return true;
}

/** Birth weight above 100 is taken as grams (registers write 3200 as often as 3,2). */
function birthWeightKg(value: number | null): number | null {
  return value !== null && value > 100 ? value / 1000 : value;
}

/** Reads and checks one data row. `row` is its spreadsheet row number. */
export function readImportRow(
  row: number,
  cells: readonly CellValue[],
  columns: FieldColumns,
  today: string,
): RowResult {
  const issues: RowIssue[] = [];
  const issue = (
    field: ImportField,
    code: string,
    allowed?: string,
    severity: 'error' | 'warning' = 'error',
  ) =>
    issues.push({
      row,
      field,
      column: columns[field]?.header ?? null,
      severity,
      code,
      ...(allowed && { details: { allowed } }),
    });
  const cell = (field: ImportField): CellValue => {
    const c = columns[field];
    if (!c) return null;
    const value = cells[c.index];
    return value === undefined ? null : value;
  };
  function read<T>(field: ImportField, parse: (c: CellValue) => Parsed<T>): T | null {
    const result = parse(cell(field));
    if (result.ok) return result.value;
    issue(field, result.code, result.allowed);
    return null;
  }
  function required<T>(field: ImportField, value: T | null, allowed: string): value is T {
    if (value !== null) return true;
    if (!issues.some((i) => i.field === field)) issue(field, 'required', allowed);
    return false;
  }

  const nik = read('nik', parseNik);
  const name = read('name', (c) => parseText(c, 120));
  const sex = read('sex', parseSex);
  const birthDate = read('birthDate', parseDate);
  const birthWeight = birthWeightKg(read('birthWeightKg', (c) => parseDecimal(c, 'kg')));
  const birthLength = read('birthLengthCm', (c) => parseDecimal(c, 'cm'));
  const motherName = read('motherName', (c) => parseText(c, 120));
  const motherNik = read('motherNik', parseNik);
  const address = read('address', (c) => parseText(c, 300));
  const villageCode = read('villageCode', parseVillageCode);
  const district = read('districtName', (c) => parseText(c, 100));
  const subdistrict = read('subdistrictName', (c) => parseText(c, 100));
  const village = read('villageName', (c) => parseText(c, 100));
  const posyandu = read('posyandu', (c) => parseText(c, 200));
  const measuredOn = read('measuredOn', parseDate);
  const weightKg = read('weightKg', (c) => parseDecimal(c, 'kg'));
  const heightCm = read('heightCm', (c) => parseDecimal(c, 'cm'));
  const measure = read('measure', parseMeasure);
  const muacCm = read('muacCm', (c) => parseDecimal(c, 'cm'));
  const headCm = read('headCm', (c) => parseDecimal(c, 'cm'));
  const oedema = read('oedema', parseYesNo) ?? false;
  // Cells of columns that are not read may still hold a formula: they are not evaluated either,
  // and since their value is not used they do not make a problem.

  const okName = required('name', name, 'the child’s name');
  const okSex = required('sex', sex, 'L or P');
  const okBirth = required('birthDate', birthDate, 'the birth date');
  const okPosyandu = required('posyandu', posyandu, 'the posyandu name');
  const okMeasured = required('measuredOn', measuredOn, 'the measurement date');
  let okPlace = true;
  if (villageCode === null && !issues.some((i) => i.field === 'villageCode')) {
    if (columns.villageCode && !(columns.villageName && columns.subdistrictName))
      okPlace = required('villageCode', null, 'a 10-digit kode desa');
    else {
      okPlace = required('villageName', village, 'the desa/kelurahan name or its code');
      okPlace = required('subdistrictName', subdistrict, 'the kecamatan name') && okPlace;
    }
  }
  if (
    weightKg === null &&
    heightCm === null &&
    !issues.some((i) => i.field === 'weightKg' || i.field === 'heightCm')
  )
    issue(
      columns.weightKg ? 'weightKg' : 'heightCm',
      'required',
      'weight or length/height (or both)',
    );

  if (okName && okSex && okBirth) {
    for (const p of childProblems(
      {
        name,
        sex,
        birthDate,
        nik,
        motherNik,
        birthWeightKg: birthWeight,
        birthLengthCm: birthLength,
      },
      today,
    ))
      if (p.problem !== 'age_over_60_months' && !issues.some((i) => i.field === p.field))
        issue(p.field as ImportField, p.problem, p.allowed);
  }
  let position = measure;
  if (okBirth && okMeasured) {
    if (heightCm !== null && position === null && measuredOn >= birthDate)
      position = ageDaysBetween(birthDate, measuredOn) < HEIGHT_FROM_AGE_DAYS ? 'l' : 'h';
    const problems = measurementProblems(
      { measuredOn, weightKg, heightCm, measure: position, headCm, muacCm },
      birthDate,
      today,
    );
    for (const p of problems)
      if (!issues.some((i) => i.field === p.field && i.severity === 'error'))
        issue(p.field === 'measure' ? 'measure' : (p.field as ImportField), p.problem, p.allowed);
  }

  if (
    issues.some((i) => i.severity === 'error') ||
    !okName ||
    !okSex ||
    !okBirth ||
    !okPosyandu ||
    !okMeasured ||
    !okPlace
  )
    return { record: null, issues };
  return {
    record: {
      row,
      nik,
      name: name,
      sex: sex,
      birthDate: birthDate,
      birthWeightKg: birthWeight,
      birthLengthCm: birthLength,
      motherName,
      motherNik,
      address,
      villageCode,
      place: villageCode ? null : { district, subdistrict: subdistrict!, village: village! },
      posyandu: posyandu,
      measuredOn: measuredOn,
      weightKg,
      heightCm,
      measure: heightCm === null ? null : position,
      muacCm,
      headCm,
      oedema,
    },
    issues,
  };
}

/** Problems the reader found in cells of a row that no field reads are not reported. */
export function hasCellProblem(cells: readonly CellValue[]): boolean {
  return cells.some((c) => isCellProblem(c));
}

/**
 * Who a row is about, for matching it to a registered child: the NIK when given, else desa,
 * birth date and folded name and mother's name (the registry's duplicate rule).
 */
export function childIdentityKey(record: ImportRecord, villageCode: string): string {
  if (record.nik) return `nik:${record.nik}`;
  const mother = record.motherName ? personNameKey(record.motherName) : '';
  return `p:${villageCode}|${record.birthDate}|${personNameKey(record.name)}|${mother}`;
}

/** The measurement's content, for spotting the same row twice and a conflicting one. */
export function measurementValuesKey(record: ImportRecord): string {
  return [
    record.weightKg ?? '',
    record.heightCm ?? '',
    record.measure ?? '',
    record.headCm ?? '',
    record.muacCm ?? '',
    record.oedema ? 1 : 0,
  ].join('|');
}
