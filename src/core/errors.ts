/**
 * Errors are values with stable snake_case codes (house rule 4): the code is the contract,
 * never renamed; messages are looked up per language at the edge. `details` names the field
 * or row and what is allowed, and never carries personal data.
 */
export type Lang = 'id' | 'en';

export type ErrorCode = keyof typeof messages;

export interface ErrorDetails {
  /** The field (or `row:column`) the error is about. */
  field?: string;
  row?: number;
  /** What is allowed, human readable, e.g. "16 digits" or "0–1826 days". */
  allowed?: string;
  [key: string]: unknown;
}

/** Message catalogue: one entry per code, Indonesian first. `{x}` is filled from details. */
export const messages = {
  validation_failed: {
    id: 'Data tidak valid: {summary}',
    en: 'Invalid data: {summary}',
    status: 400,
  },
  not_found: { id: 'Tidak ditemukan: {what}', en: 'Not found: {what}', status: 404 },
  region_not_found: {
    id: 'Kode wilayah {code} tidak dikenal',
    en: 'Unknown region code {code}',
    status: 404,
  },
  unauthenticated: { id: 'Silakan masuk terlebih dahulu', en: 'Please log in first', status: 401 },
  forbidden: {
    id: 'Anda tidak berwenang untuk tindakan ini',
    en: 'You are not allowed to do this',
    status: 403,
  },
  region_forbidden: {
    id: 'Wilayah {code} di luar cakupan akun Anda',
    en: 'Region {code} is outside your account scope',
    status: 403,
  },
  csrf_invalid: {
    id: 'Token keamanan (CSRF) tidak ada atau salah; muat ulang halaman',
    en: 'Security token (CSRF) missing or wrong; reload the page',
    status: 403,
  },
  invalid_credentials: {
    id: 'Email atau kata sandi salah',
    en: 'Wrong email or password',
    status: 401,
  },
  account_locked: {
    id: 'Akun dikunci sementara karena terlalu banyak percobaan gagal; coba lagi setelah {until}',
    en: 'Account temporarily locked after too many failed attempts; try again after {until}',
    status: 423,
  },
  account_disabled: { id: 'Akun dinonaktifkan', en: 'Account disabled', status: 403 },
  email_taken: {
    id: 'Email {email} sudah terdaftar',
    en: 'Email {email} is already registered',
    status: 409,
  },
  rate_limited: {
    id: 'Terlalu banyak permintaan; coba lagi dalam {retryAfter}',
    en: 'Too many requests; try again in {retryAfter}',
    status: 429,
  },
  conflict: { id: 'Konflik data: {what}', en: 'Data conflict: {what}', status: 409 },
  child_duplicate: {
    id: 'Anak ini kemungkinan sudah terdaftar ({reason}); periksa atau gabungkan data',
    en: 'This child is probably registered already ({reason}); check or merge the records',
    status: 409,
  },
  child_version_conflict: {
    id: 'Data anak ini baru saja diubah oleh orang lain; muat ulang lalu ulangi perubahan Anda',
    en: 'Someone else changed this child just now; reload and make your change again',
    status: 409,
  },
  child_merged: {
    id: 'Data anak ini sudah digabung ke data lain',
    en: 'This child record was merged into another one',
    status: 409,
  },
  measurement_conflict: {
    id: 'Kiriman dengan kode yang sama sudah tersimpan dengan isi berbeda',
    en: 'A submission with the same id was already stored with different content',
    status: 409,
  },
  child_conflict: {
    id: 'Pendaftaran anak dengan kode yang sama sudah tersimpan dengan isi berbeda',
    en: 'A child registration with the same id was already stored with different content',
    status: 409,
  },
  measurement_exists: {
    id: 'Anak ini sudah diukur pada tanggal {date}; ubah data itu bila perlu koreksi',
    en: 'This child already has a measurement on {date}; correct that one instead',
    status: 409,
  },
  implausible_unconfirmed: {
    id: 'Nilai tidak wajar ({fields}); periksa lagi lalu konfirmasi bila memang benar',
    en: 'Implausible value ({fields}); check again and confirm if it is right',
    status: 422,
  },
  payload_too_large: { id: 'Data terlalu besar', en: 'Payload too large', status: 413 },
  // File imports (docs/import-format.md): refused before anything is written.
  import_empty: {
    id: 'Berkas kosong: tidak ada baris data',
    en: 'The file is empty: no data rows',
    status: 400,
  },
  import_too_large: {
    id: 'Berkas terlalu besar (paling besar {max}); pecah menjadi beberapa berkas',
    en: 'File too large (at most {max}); split it into several files',
    status: 413,
  },
  import_too_many_rows: {
    id: 'Berkas berisi lebih dari {max} baris; pecah menjadi beberapa berkas',
    en: 'The file has more than {max} rows; split it into several files',
    status: 413,
  },
  import_xls_legacy: {
    id: 'Berkas Excel lama (.xls) tidak didukung: simpan ulang sebagai .xlsx atau CSV',
    en: 'Old Excel files (.xls) are not supported: save as .xlsx or CSV',
    status: 415,
  },
  import_file_type: {
    id: 'Jenis berkas tidak didukung ({detected}): unggah CSV atau Excel .xlsx',
    en: 'Unsupported file type ({detected}): upload CSV or Excel .xlsx',
    status: 415,
  },
  import_corrupt: {
    id: 'Berkas {format} rusak atau tidak dapat dibaca ({reason})',
    en: 'The {format} file is damaged or unreadable ({reason})',
    status: 400,
  },
  import_zip_bomb: {
    id: 'Berkas XLSX ditolak: isinya setelah dibuka melampaui batas aman ({limit})',
    en: 'XLSX file refused: its unpacked content exceeds the safe limit ({limit})',
    status: 413,
  },
  import_cell_too_large: {
    id: 'Berkas berisi sel yang terlalu besar (lebih dari {max}); periksa berkasnya',
    en: 'The file holds a cell that is too large (more than {max}); check the file',
    status: 413,
  },
  import_sheet_not_found: {
    id: "Lembar '{sheet}' tidak ada di berkas; lembar yang ada: {sheets}",
    en: "No sheet '{sheet}' in the file; its sheets: {sheets}",
    status: 400,
  },
  import_missing_columns: {
    id: 'Kolom wajib tidak ditemukan: {missing}. Kolom yang terbaca: {found}. Lihat templat impor.',
    en: 'Required columns not found: {missing}. Columns read: {found}. See the import template.',
    status: 400,
  },
  import_duplicate_columns: {
    id: 'Lebih dari satu kolom berarti sama ({columns}); hapus salah satunya',
    en: 'More than one column means the same ({columns}); remove one of them',
    status: 400,
  },
  import_state: {
    id: 'Impor ini berstatus {status}; {action} tidak dapat dilakukan',
    en: 'This import is {status}; cannot {action}',
    status: 409,
  },
  import_interrupted: {
    id: 'Impor terhenti sebelum selesai (server dimulai ulang); jalankan lagi: baris yang sudah tersimpan tidak digandakan',
    en: 'The import stopped before it finished (server restart); run it again: rows already stored are not doubled',
    status: 409,
  },
  import_file_changed: {
    id: 'Berkas yang dipratinjau tidak tersedia lagi atau sudah berubah; unggah ulang',
    en: 'The previewed file is gone or has changed; upload it again',
    status: 409,
  },
  // Deaths (AKI-AKB, docs/deaths.md).
  death_case_state: {
    id: 'Kasus berstatus {status}: {step} tidak dapat dilakukan ({reason}). Yang dapat dilakukan sekarang: {allowed}',
    en: 'The case is {status}: cannot {step} ({reason}). What can be done now: {allowed}',
    status: 409,
  },
  death_duplicate: {
    id: 'Kematian ini kemungkinan sudah dinotifikasi ({reason}); periksa daftar kasus, atau konfirmasi bahwa ini kasus lain',
    en: 'This death was probably notified already ({reason}); check the case list, or confirm that it is another case',
    status: 409,
  },
  death_case_version_conflict: {
    id: 'Kasus ini baru saja diubah oleh orang lain; muat ulang lalu ulangi perubahan Anda',
    en: 'Someone else changed this case just now; reload and make your change again',
    status: 409,
  },
  live_births_below_deaths: {
    id: 'Lahir hidup {field} ({count}) lebih sedikit dari kematian bayi yang tercatat ({deaths}) untuk wilayah {code} periode {period}: periksa angkanya',
    en: 'Live births {field} ({count}) are fewer than the recorded infant deaths ({deaths}) for region {code} in {period}: check the figure',
    status: 422,
  },
  // Portal and CMS (docs/portal.md).
  slug_taken: {
    id: 'Alamat (slug) {slug} sudah dipakai konten lain dengan jenis yang sama; pilih yang lain',
    en: 'The address (slug) {slug} is already used by another item of the same kind; choose another',
    status: 409,
  },
  version_conflict: {
    id: 'Konten ini baru saja diubah oleh orang lain; muat ulang lalu ulangi perubahan Anda',
    en: 'Someone else changed this item just now; reload and make your change again',
    status: 409,
  },
  file_too_large: {
    // Whole sentences in each language: `allowed` (in details) is in English.
    id: 'Berkas terlalu besar: gambar paling besar 5 MB, PDF paling besar 20 MB',
    en: 'File too large: images up to 5 MB, PDF up to 20 MB',
    status: 413,
  },
  unsupported_file_type: {
    id: 'Jenis berkas tidak didukung atau isinya tidak sesuai jenisnya; yang diterima: {allowed}',
    en: 'Unsupported file type, or its content does not match its type; accepted: {allowed}',
    status: 415,
  },
  internal: {
    id: 'Terjadi kesalahan di server (kode permintaan {requestId})',
    en: 'Server error (request id {requestId})',
    status: 500,
  },
} as const satisfies Record<string, { id: string; en: string; status: number }>;

export class DomainError extends Error {
  readonly code: ErrorCode;
  readonly details: ErrorDetails;

  constructor(code: ErrorCode, details: ErrorDetails = {}) {
    super(formatMessage(code, details, 'en'));
    this.name = 'DomainError';
    this.code = code;
    this.details = details;
  }

  get status(): number {
    return messages[this.code].status;
  }
}

/** Fills `{key}` placeholders from details; unknown keys stay visible rather than vanish. */
export function formatMessage(code: ErrorCode, details: ErrorDetails, lang: Lang): string {
  const template: string = messages[code][lang];
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => {
    const value = details[key];
    return typeof value === 'string' || typeof value === 'number' ? String(value) : whole;
  });
}

export const isDomainError = (e: unknown): e is DomainError => e instanceof DomainError;
