/**
 * The downloadable import template (GET /api/imports/template.csv|.xlsx): the canonical header of
 * every field, in the order of an e-PPGBM register, with two example rows of made-up children
 * (their NIKs are not real). Tumbuh's own measurement export uses the same headers, so an export
 * can be imported back (and adds nothing).
 */
import { FIELD_LABELS, type ImportField } from './columns.ts';

/** Template columns in order; required ones are marked in docs/import-format.md. */
export const TEMPLATE_FIELDS: readonly ImportField[] = [
  'nik',
  'name',
  'sex',
  'birthDate',
  'birthWeightKg',
  'birthLengthCm',
  'motherName',
  'motherNik',
  'address',
  'villageCode',
  'villageName',
  'subdistrictName',
  'districtName',
  'posyandu',
  'measuredOn',
  'weightKg',
  'heightCm',
  'measure',
  'muacCm',
  'headCm',
  'oedema',
];

export const TEMPLATE_HEADERS: readonly string[] = TEMPLATE_FIELDS.map((f) => FIELD_LABELS[f]);

/** Example rows (made up): a baduta measured lying, a balita standing without NIK. */
export const TEMPLATE_EXAMPLES: readonly (string | number | null)[][] = [
  [
    '5301010101240001',
    'Contoh Anak Satu',
    'L',
    '2024-03-05',
    3.1,
    49,
    'Contoh Ibu Satu',
    '5301014101950002',
    'RT 001 RW 002',
    '5301042003',
    'Bokonusan',
    'Semau',
    'Kabupaten Kupang',
    'Posyandu Melati',
    '2025-10-06',
    9.5,
    76.4,
    'Terlentang',
    14.2,
    45.1,
    'Tidak',
  ],
  [
    null,
    'Contoh Anak Dua',
    'P',
    '05/07/2022',
    null,
    null,
    'Contoh Ibu Dua',
    null,
    null,
    '5301042003',
    'Bokonusan',
    'Semau',
    'Kabupaten Kupang',
    'Posyandu Melati',
    '06/10/2025',
    '12,3',
    '91,2',
    'Berdiri',
    null,
    null,
    null,
  ],
];
