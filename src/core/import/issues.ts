/**
 * The per-row report of an import: one issue per problem, naming the row (as a spreadsheet numbers
 * it), the column (as the file names it) and a stable code with what is allowed. The cell's value
 * is never repeated (it may be a NIK or a name). Messages in Indonesian and English.
 */
import type { Lang } from '../errors.ts';
import type { ImportField } from './columns.ts';

export type IssueSeverity = 'error' | 'warning';

export interface RowIssue {
  row: number;
  field: ImportField | null;
  /** The header as written in the file (null for an issue about the whole row). */
  column: string | null;
  severity: IssueSeverity;
  code: string;
  details?: { allowed?: string; otherRow?: number; fields?: string };
}

/** `{allowed}`, `{otherRow}` and `{fields}` are filled from the issue's details. */
export const ISSUE_MESSAGES: Record<string, Record<Lang, string>> = {
  required: { id: 'Wajib diisi ({allowed})', en: 'Required ({allowed})' },
  invalid_date: {
    id: 'Tanggal tidak terbaca; gunakan {allowed}',
    en: 'Unreadable date; use {allowed}',
  },
  in_future: {
    id: 'Tanggal di masa depan; harus {allowed}',
    en: 'Date in the future; must be {allowed}',
  },
  before_birth: {
    id: 'Tanggal pengukuran sebelum tanggal lahir',
    en: 'Measurement date before the birth date',
  },
  age_over_60_months: {
    id: 'Umur saat diukur 60 bulan atau lebih (bukan balita)',
    en: 'Age at measurement 60 months or more (not a balita)',
  },
  out_of_range: { id: 'Di luar batas ({allowed})', en: 'Out of range ({allowed})' },
  invalid_number: { id: 'Bukan angka; gunakan {allowed}', en: 'Not a number; use {allowed}' },
  invalid_sex: {
    id: 'Jenis kelamin tidak dikenal; gunakan {allowed}',
    en: 'Unknown sex; use {allowed}',
  },
  invalid_measure: {
    id: 'Cara ukur tidak dikenal; gunakan {allowed}',
    en: 'Unknown measuring position; use {allowed}',
  },
  invalid_value: {
    id: 'Nilai tidak dikenal; gunakan {allowed}',
    en: 'Unknown value; use {allowed}',
  },
  invalid_nik: { id: 'NIK tidak valid ({allowed})', en: 'Invalid NIK ({allowed})' },
  nik_as_number: {
    id: 'NIK tersimpan sebagai angka (digit terakhir bisa hilang); format kolom sebagai Teks',
    en: 'NIK stored as a number (the last digit may be lost); format the column as Text',
  },
  same_as_child: { id: 'NIK ibu sama dengan NIK anak', en: "The mother's NIK is the child's NIK" },
  invalid_region_code: {
    id: 'Kode desa tidak valid ({allowed})',
    en: 'Invalid village code ({allowed})',
  },
  invalid_text: { id: 'Teks berisi karakter kontrol', en: 'Text contains control characters' },
  too_long: { id: 'Terlalu panjang ({allowed})', en: 'Too long ({allowed})' },
  cell_too_long: { id: 'Sel terlalu panjang ({allowed})', en: 'Cell too long ({allowed})' },
  formula: {
    id: 'Sel berisi rumus, bukan nilai (rumus tidak pernah dijalankan); tempel sebagai nilai',
    en: 'The cell holds a formula, not a value (formulas are never run); paste values only',
  },
  error_value: {
    id: 'Sel berisi galat spreadsheet (mis. #N/A)',
    en: 'The cell holds a spreadsheet error (e.g. #N/A)',
  },
  too_many_cells: {
    id: 'Baris berisi terlalu banyak sel; sisanya diabaikan',
    en: 'The row has too many cells; the rest were ignored',
  },
  unknown_region: { id: 'Kode desa tidak dikenal', en: 'Unknown village code' },
  region_outside_scope: {
    id: 'Desa di luar wilayah akun Anda',
    en: 'Village outside your account scope',
  },
  unknown_village_name: {
    id: 'Desa tidak ditemukan dengan nama desa dan kecamatan ini; gunakan Kode Desa',
    en: 'No village with this village and kecamatan name; use the village code',
  },
  ambiguous_village_name: {
    id: 'Nama desa cocok dengan lebih dari satu desa; gunakan Kode Desa',
    en: 'The village name matches more than one village; use the village code',
  },
  unknown_posyandu: {
    id: 'Posyandu tidak terdaftar di desa ini (menambah posyandu perlu hak data rujukan)',
    en: 'No posyandu of this name in the village (adding one needs reference-data rights)',
  },
  posyandu_outside_scope: {
    id: 'Posyandu ini bukan posyandu akun Anda',
    en: 'This posyandu is not the one of your account',
  },
  child_ambiguous: {
    id: 'Lebih dari satu anak terdaftar cocok (nama, tanggal lahir, ibu, desa); gabungkan datanya dulu',
    en: 'More than one registered child matches (name, birth date, mother, village); merge them first',
  },
  child_mismatch: {
    id: 'NIK ini terdaftar untuk anak dengan {fields} berbeda; periksa NIK',
    en: 'This NIK is registered for a child with a different {fields}; check the NIK',
  },
  child_outside_scope: {
    id: 'Anak dengan NIK ini terdaftar di luar wilayah akun Anda',
    en: 'A child with this NIK is registered outside your account scope',
  },
  measurement_exists: {
    id: 'Anak ini sudah punya pengukuran lain pada tanggal ini (nilai berbeda); koreksi lewat halaman anak',
    en: 'This child already has another measurement on this date (different values); correct it on the child page',
  },
  conflicting_row: {
    id: 'Baris {otherRow} berisi pengukuran berbeda untuk anak dan tanggal yang sama',
    en: 'Row {otherRow} has a different measurement for the same child and date',
  },
  duplicate_row: {
    id: 'Sama dengan baris {otherRow}; dilewati',
    en: 'Same as row {otherRow}; skipped',
  },
  duplicate_earlier_row: {
    id: 'Sama dengan baris sebelumnya di berkas ini; dilewati',
    en: 'Same as an earlier row of this file; skipped',
  },
  implausible: {
    id: 'Nilai tidak wajar ({fields}); disimpan dengan tanda dan tidak dihitung dalam prevalensi',
    en: 'Implausible value ({fields}); stored, flagged and left out of prevalence',
  },
  not_stored: { id: 'Tidak tersimpan ({allowed})', en: 'Not stored ({allowed})' },
};

/** The message of an issue in a language, with its details filled in. */
export function issueMessage(issue: Pick<RowIssue, 'code' | 'details'>, lang: Lang): string {
  const template = ISSUE_MESSAGES[issue.code]?.[lang] ?? issue.code;
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => {
    const value = (issue.details as Record<string, unknown> | undefined)?.[key];
    return typeof value === 'string' || typeof value === 'number' ? String(value) : whole;
  });
}
