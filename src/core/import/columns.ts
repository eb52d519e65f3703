/**
 * Column headers of e-PPGBM-style registers → Tumbuh's import fields. Exports of e-PPGBM, of
 * puskesmas spreadsheets and of Tumbuh itself name the same thing differently ("Tgl Lahir",
 * "Tanggal Lahir", "TGL_LAHIR"; "BB (kg)", "Berat", "BB"), so a header is folded to a key (case,
 * accents, spaces, punctuation and a unit in brackets removed) and looked up in a synonym table.
 * Two header rows (a merged group cell such as "Pengukuran" over "Tanggal", "BB", "TB") are
 * flattened by trying "sub + group", "group + sub", then the sub-header alone.
 * The accepted headers are documented in docs/import-format.md (keep the two in step).
 */

/** What an import column feeds. */
export type ImportField =
  | 'nik'
  | 'name'
  | 'sex'
  | 'birthDate'
  | 'birthWeightKg'
  | 'birthLengthCm'
  | 'motherName'
  | 'motherNik'
  | 'address'
  | 'provinceName'
  | 'districtName'
  | 'subdistrictName'
  | 'villageName'
  | 'villageCode'
  | 'posyandu'
  | 'measuredOn'
  | 'weightKg'
  | 'heightCm'
  | 'measure'
  | 'muacCm'
  | 'headCm'
  | 'oedema';

/** Per field: the header the template uses (first) and its accepted synonyms, as written. */
export const FIELD_HEADERS: Record<ImportField, readonly string[]> = {
  nik: ['NIK', 'NIK Anak', 'NIK Balita', 'No NIK', 'Nomor Induk Kependudukan'],
  name: ['Nama Anak', 'Nama Balita', 'Nama', 'Nama Lengkap', 'Nama Bayi', 'Nama Anak Balita'],
  sex: ['JK', 'Jenis Kelamin', 'Kelamin', 'L/P', 'Sex', 'Gender'],
  birthDate: ['Tgl Lahir', 'Tanggal Lahir', 'Tgl Lhr', 'Tanggal Lahir Anak', 'Lahir Tanggal'],
  birthWeightKg: ['BB Lahir', 'Berat Lahir', 'Berat Badan Lahir', 'BBL', 'Lahir BB'],
  birthLengthCm: ['TB Lahir', 'PB Lahir', 'Panjang Lahir', 'Panjang Badan Lahir', 'Lahir PB'],
  motherName: ['Nama Ibu', 'Nama Ortu', 'Nama Orang Tua', 'Nama Ibu Kandung', 'Ibu'],
  motherNik: ['NIK Ibu', 'NIK Ortu', 'NIK Orang Tua'],
  address: ['Alamat', 'Alamat Lengkap', 'Alamat Domisili'],
  provinceName: ['Provinsi', 'Prov'],
  districtName: ['Kabupaten/Kota', 'Kab/Kota', 'Kabupaten', 'Kab', 'Kota'],
  subdistrictName: ['Kecamatan', 'Kec'],
  villageName: ['Desa/Kelurahan', 'Desa/Kel', 'Desa', 'Kelurahan', 'Kel', 'Nama Desa'],
  villageCode: [
    'Kode Desa',
    'Kode Desa/Kelurahan',
    'Kode Kelurahan',
    'Kode Wilayah',
    'Kode Kemendagri',
    'Kd Desa',
  ],
  posyandu: ['Posyandu', 'Nama Posyandu'],
  measuredOn: [
    'Tanggal Pengukuran',
    'Tgl Ukur',
    'Tanggal Ukur',
    'Tgl Pengukuran',
    'Tanggal Penimbangan',
    'Tgl Penimbangan',
    'Tgl Timbang',
    'Tanggal Kunjungan',
    'Tgl Kunjungan',
    'Tanggal',
    'Pengukuran Tanggal',
  ],
  weightKg: ['BB (kg)', 'BB', 'Berat', 'Berat Badan', 'Berat Badan (kg)', 'Pengukuran BB'],
  heightCm: [
    'TB/PB (cm)',
    'TB',
    'PB',
    'TB/PB',
    'PB/TB',
    'Tinggi',
    'Tinggi Badan',
    'Panjang Badan',
    'Panjang/Tinggi Badan',
    'Pengukuran TB',
  ],
  measure: ['Cara Ukur', 'Cara Pengukuran', 'Posisi', 'Posisi Ukur', 'Berdiri/Terlentang'],
  muacCm: ['LiLA (cm)', 'LiLA', 'Lingkar Lengan Atas', 'LLA'],
  headCm: ['Lingkar Kepala (cm)', 'Lingkar Kepala', 'LK'],
  oedema: ['Edema', 'Oedema', 'Edema Bilateral'],
};

/**
 * Headers recognised but not read: the derived columns of an e-PPGBM or Tumbuh export (age,
 * z-scores, status) are recomputed, not imported. Reported as "ignored", not as unknown.
 */
const IGNORED_HEADERS = [
  'No',
  'No.',
  'Nomor',
  'Umur',
  'Usia',
  'Umur (bulan)',
  'Usia (bulan)',
  'Umur Saat Ukur',
  'Puskesmas',
  'ZS BB/U',
  'ZS TB/U',
  'ZS BB/TB',
  'ZS IMT/U',
  'ZS LK/U',
  'ZS LiLA/U',
  'BB/U',
  'TB/U',
  'BB/TB',
  'PB/U',
  'BB/PB',
  'IMT/U',
  'Status BB/U',
  'Status TB/U',
  'Status BB/TB',
  'Status IMT/U',
  'N/T',
  'Naik/Tidak',
  '2T',
  'Tidak wajar',
  'Sumber',
  'Keterangan',
  'Catatan',
  'RT',
  'RW',
  'Kode Posyandu',
];

/** Folds a header: `Tgl. Lahir` → `tgllahir`, `BB (kg)` → `bb`, `TB/PB (cm)` → `tbpb`. */
export function headerKey(header: string): string {
  return header
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\([^)]*\)|\[[^\]]*\]/g, ' ')
    .replace(/[^a-z0-9]/g, '');
}

const UNIT_SUFFIX = /(kg|cm|gram|gr|bln|bulan)$/;

const FIELD_BY_KEY: ReadonlyMap<string, ImportField> = (() => {
  const map = new Map<string, ImportField>();
  for (const [field, headers] of Object.entries(FIELD_HEADERS) as [ImportField, string[]][])
    for (const header of headers) map.set(headerKey(header), field);
  return map;
})();
const IGNORED_KEYS: ReadonlySet<string> = new Set(IGNORED_HEADERS.map(headerKey));

/** The field a single header names, `null` for a known column that is not read, undefined if unknown. */
export function fieldOfHeader(header: string): ImportField | null | undefined {
  return fieldOfKey(headerKey(header));
}

function fieldOfKey(key: string): ImportField | null | undefined {
  if (!key) return undefined;
  const field = FIELD_BY_KEY.get(key);
  if (field) return field;
  if (IGNORED_KEYS.has(key)) return null;
  const bare = key.replace(UNIT_SUFFIX, '');
  if (bare !== key && bare) {
    const unitless = FIELD_BY_KEY.get(bare);
    if (unitless) return unitless;
    if (IGNORED_KEYS.has(bare)) return null;
  }
  return undefined;
}

/** One column of the file as mapped. */
export interface ColumnMapping {
  /** 0-based position in the row. */
  index: number;
  /** The header as it reads in the file (group and sub-header joined with " / "). */
  header: string;
  field: ImportField | null;
  /** recognised: read; ignored: a known derived column; unknown: not recognised, not read. */
  status: 'recognised' | 'ignored' | 'unknown';
}

export interface HeaderLayout {
  /** 0-based index of the last header row; data starts on the row after it. */
  headerRowIndex: number;
  /** 1 or 2 header rows. */
  headerRows: 1 | 2;
  columns: ColumnMapping[];
  /** Fields named by more than one column (an error: the file must say which one to use). */
  duplicates: { field: ImportField; headers: string[] }[];
}

type HeaderCell = string | null | undefined;

const text = (cell: HeaderCell) => (typeof cell === 'string' ? cell.trim() : '');

function mapSingle(row: readonly HeaderCell[]): ColumnMapping[] {
  return row.map((cell, index) => {
    const header = text(cell);
    const field = fieldOfHeader(header);
    return {
      index,
      header,
      field: field ?? null,
      status: field ? 'recognised' : field === null ? 'ignored' : 'unknown',
    };
  });
}

/**
 * Two header rows: the upper one holds group names in merged cells (only the first cell of a
 * merge has the text, so a group runs right until the next filled cell); a column with no
 * sub-header is a cell merged downwards and takes the upper text alone.
 */
function mapPair(groups: readonly HeaderCell[], subs: readonly HeaderCell[]): ColumnMapping[] {
  const width = Math.max(groups.length, subs.length);
  const columns: ColumnMapping[] = [];
  let group = '';
  for (let index = 0; index < width; index++) {
    const own = text(groups[index]);
    if (own) group = own;
    const sub = text(subs[index]);
    let header: string;
    let field: ImportField | null | undefined;
    if (!sub) {
      // Merged downwards (the header is in the upper row only) or a group with nothing under it.
      header = own;
      field = own ? fieldOfHeader(own) : undefined;
    } else {
      const subKey = headerKey(sub);
      const groupKey = headerKey(group);
      header = group ? `${group} / ${sub}` : sub;
      field = group
        ? (FIELD_BY_KEY.get(subKey + groupKey) ?? FIELD_BY_KEY.get(groupKey + subKey))
        : undefined;
      if (!field) field = fieldOfKey(subKey);
    }
    columns.push({
      index,
      header,
      field: field ?? null,
      status: field ? 'recognised' : field === null ? 'ignored' : 'unknown',
    });
  }
  return columns;
}

function duplicatesOf(columns: ColumnMapping[]): HeaderLayout['duplicates'] {
  const byField = new Map<ImportField, string[]>();
  for (const c of columns)
    if (c.field) byField.set(c.field, [...(byField.get(c.field) ?? []), c.header]);
  return [...byField]
    .filter(([, h]) => h.length > 1)
    .map(([field, headers]) => ({ field, headers }));
}

/** Distinct fields recognised, less a penalty for each field named twice. */
function score(columns: ColumnMapping[]): number {
  const fields = new Set(columns.flatMap((c) => (c.field ? [c.field] : [])));
  return fields.size - 2 * duplicatesOf(columns).length;
}

/** How many of the first rows may hold a title or the headers. */
export const HEADER_SEARCH_ROWS = 10;

/**
 * Finds the header among the first rows of a sheet (titles above it are skipped): the row, or
 * pair of rows, whose headers name the most fields. Null when no row names at least 3 fields.
 */
export function detectHeader(rows: readonly (readonly HeaderCell[])[]): HeaderLayout | null {
  let best: HeaderLayout | null = null;
  let bestScore = 2;
  const limit = Math.min(rows.length, HEADER_SEARCH_ROWS);
  for (let r = 0; r < limit; r++) {
    const single = mapSingle(rows[r]!);
    const s1 = score(single);
    if (s1 > bestScore) {
      bestScore = s1;
      best = {
        headerRowIndex: r,
        headerRows: 1,
        columns: single,
        duplicates: duplicatesOf(single),
      };
    }
    if (r + 1 < limit) {
      const pair = mapPair(rows[r]!, rows[r + 1]!);
      const s2 = score(pair);
      // The pair must do better than either row alone: a title over a header is no group row,
      // and a data row under a header is no sub-header.
      if (s2 > bestScore && s2 > s1 && s2 > score(mapSingle(rows[r + 1]!))) {
        bestScore = s2;
        best = {
          headerRowIndex: r + 1,
          headerRows: 2,
          columns: pair,
          duplicates: duplicatesOf(pair),
        };
      }
    }
  }
  return best;
}

/** Human names of required fields (for "missing columns" messages and the template). */
export const FIELD_LABELS: Record<ImportField, string> = Object.fromEntries(
  Object.entries(FIELD_HEADERS).map(([f, h]) => [f, h[0]!]),
) as Record<ImportField, string>;

/**
 * What every file must have. Each requirement lists alternatives: one of them must be present
 * (the desa by its code, or by desa and kecamatan names; weight or length/height or both).
 */
export const REQUIRED_COLUMNS: readonly { label: string; anyOf: readonly ImportField[][] }[] = [
  { label: 'Nama Anak', anyOf: [['name']] },
  { label: 'JK', anyOf: [['sex']] },
  { label: 'Tgl Lahir', anyOf: [['birthDate']] },
  {
    label: 'Kode Desa (atau Desa/Kelurahan + Kecamatan)',
    anyOf: [['villageCode'], ['villageName', 'subdistrictName']],
  },
  { label: 'Posyandu', anyOf: [['posyandu']] },
  { label: 'Tanggal Pengukuran', anyOf: [['measuredOn']] },
  { label: 'BB (kg) atau TB/PB (cm)', anyOf: [['weightKg'], ['heightCm']] },
];

/** Labels of the requirements the mapped columns do not meet. */
export function missingColumns(columns: readonly ColumnMapping[]): string[] {
  const present = new Set(columns.flatMap((c) => (c.field ? [c.field] : [])));
  return REQUIRED_COLUMNS.filter(
    (r) => !r.anyOf.some((set) => set.every((f) => present.has(f))),
  ).map((r) => r.label);
}

/**
 * A header as it may be shown in an error message: headers are column names, but a file with no
 * header row would put a child's name or NIK here, so digit runs are masked and text is cut.
 */
export function safeHeader(header: string): string {
  const masked = header.replace(/\d{6,}/g, '#').trim();
  return masked.length > 40 ? `${masked.slice(0, 39)}…` : masked;
}
