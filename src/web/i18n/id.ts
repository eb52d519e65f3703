/**
 * Indonesian dictionary: the default language of Tumbuh (DESIGN.md, Web). Every key here must
 * also exist in `en.ts`; the `Messages` type makes the compiler check that. Placeholders are
 * written `{name}` and filled by `translate()`.
 */
export const id = {
  'app.name': 'Tumbuh',
  'app.subtitle': 'Data Stunting & AKI-AKB',

  'layout.skipToContent': 'Langsung ke konten utama',
  'layout.menu': 'Menu',
  'layout.navLabel': 'Navigasi utama',
  'layout.languageLabel': 'Bahasa',
  'layout.serverOffline': 'Server tidak dapat dihubungi. Halaman publik tetap dapat dibuka.',
  'layout.retry': 'Coba lagi',

  'nav.home': 'Beranda',
  'nav.dashboard': 'Dasbor',
  'nav.input': 'Input Data',
  'nav.admin': 'Admin',
  'nav.login': 'Masuk',
  'nav.logout': 'Keluar',
  'nav.account': 'Akun saya',

  'footer.regionCodes': 'Kode wilayah: Kepmendagri 300.2.2-2430/2025 via Cahya DSN (MIT)',
  'footer.growthStandard': 'Standar pertumbuhan: WHO 2006',
  'footer.software': 'Tumbuh adalah perangkat lunak sumber terbuka.',

  'common.loading': 'Memuat…',
  'common.save': 'Simpan',
  'common.saving': 'Menyimpan…',
  'common.reload': 'Muat ulang',
  'common.close': 'Tutup',
  'common.yes': 'Ya',
  'common.no': 'Tidak',
  'common.none': '—',
  'common.requestId': 'Kode permintaan: {requestId}',

  'error.network': 'Tidak dapat menghubungi server. Periksa koneksi internet lalu coba lagi.',
  'error.http': 'Server menjawab dengan kesalahan (HTTP {status}). Coba lagi nanti.',
  'error.unexpected': 'Terjadi kesalahan yang tidak terduga.',
  'error.pageLoad': 'Halaman gagal dimuat. Periksa koneksi lalu muat ulang halaman.',

  'auth.loginRequired': 'Silakan masuk untuk membuka halaman ini.',
  'auth.loginRequiredTitle': 'Perlu masuk',
  'auth.forbidden': 'Akun Anda tidak memiliki akses ke halaman ini.',
  'auth.forbiddenTitle': 'Tidak ada akses',

  'home.title': 'Portal Data Stunting & AKI-AKB',
  'home.intro':
    'Tumbuh menghimpun data stunting balita serta kematian ibu dan bayi dari posyandu, puskesmas dan dinas, lalu menyajikan angka yang dapat dipercaya untuk setiap tingkat pemerintahan dan masyarakat.',
  'home.placeholderTitle': 'Angka utama akan tampil di sini',
  'home.placeholderText':
    'Setiap angka akan disertai periode, sumber dan penyebutnya. Bagian ini belum berisi data.',
  'home.staffTitle': 'Untuk petugas',
  'home.staffText':
    'Kader posyandu, petugas puskesmas dan dinas masuk dengan akun yang diberikan oleh administrator.',

  'login.title': 'Masuk',
  'login.intro': 'Masuk dengan email dan kata sandi akun Tumbuh Anda.',
  'login.email': 'Email',
  'login.password': 'Kata sandi',
  'login.showPassword': 'Tampilkan kata sandi',
  'login.submit': 'Masuk',
  'login.submitting': 'Sedang masuk…',
  'login.alreadyIn': 'Anda sudah masuk sebagai {name} ({role}).',
  'login.toDashboard': 'Buka dasbor',
  'login.locked':
    'Akun dikunci sementara karena terlalu banyak percobaan gagal. Coba lagi setelah {time}.',
  'login.forgot':
    'Lupa kata sandi? Hubungi administrator di dinas Anda untuk mendapatkan kata sandi sementara.',

  'password.forcedTitle': 'Buat kata sandi Anda sendiri',
  'password.forcedIntro':
    'Anda masuk dengan kata sandi sementara. Sebelum melanjutkan, buat kata sandi baru yang hanya Anda ketahui.',
  'password.title': 'Ganti kata sandi',
  'password.current': 'Kata sandi saat ini',
  'password.currentTemporary': 'Kata sandi sementara',
  'password.new': 'Kata sandi baru',
  'password.newHint': 'Minimal 10 karakter. Kalimat pendek yang mudah Anda ingat lebih aman.',
  'password.confirm': 'Ulangi kata sandi baru',
  'password.submit': 'Simpan kata sandi',
  'password.tooShort': 'Kata sandi baru minimal 10 karakter.',
  'password.mismatch': 'Ulangan kata sandi tidak sama.',
  'password.sameAsCurrent': 'Kata sandi baru harus berbeda dari yang sekarang.',
  'password.changed': 'Kata sandi sudah diganti.',

  'account.title': 'Akun saya',
  'account.name': 'Nama',
  'account.email': 'Email',
  'account.role': 'Peran',
  'account.region': 'Wilayah',

  'dashboard.title': 'Dasbor',
  'dashboard.intro':
    'Pilih wilayah, lalu telusuri wilayah di bawahnya. Grafik dan indikator akan ditambahkan di sini.',
  'dashboard.childrenTitle': 'Wilayah di bawah {name}',
  'dashboard.noChildren': '{name} tidak memiliki wilayah di bawahnya.',
  'dashboard.chartsPlaceholder': 'Grafik dan indikator akan tampil di sini',
  'dashboard.colName': 'Nama',
  'dashboard.colLevel': 'Tingkat',
  'dashboard.colCode': 'Kode',

  'input.title': 'Input Data',
  'input.placeholder':
    'Pencatatan penimbangan dan pengukuran di posyandu akan tersedia bersama register anak dan ibu.',
  'input.placeholderTitle': 'Segera hadir',

  'region.title': 'Wilayah',
  'region.pickerLabel': 'Wilayah',
  'region.breadcrumb': 'Jenjang wilayah',
  'region.current': 'Wilayah terpilih: {name} ({level})',
  'region.chooseChild': 'Pilih {level}',
  'region.chooseChildPlaceholder': '— pilih {level} —',
  'region.search': 'Cari wilayah',
  'region.searchPlaceholder': 'Ketik nama, mis. Kupang',
  'region.searchHint': 'Ketik minimal 2 huruf.',
  'region.searching': 'Mencari…',
  'region.results': '{count} wilayah ditemukan. Gunakan panah atas/bawah dan Enter untuk memilih.',
  'region.noResults': 'Tidak ada wilayah yang cocok.',
  'region.resultsLabel': 'Hasil pencarian wilayah',
  'region.noneSelected': 'Belum ada wilayah terpilih. Cari wilayah di bawah.',
  'region.typeKabupaten': 'Kabupaten',
  'region.typeKota': 'Kota',
  'region.typeDesa': 'Desa',
  'region.typeKelurahan': 'Kelurahan',
  'region.typeDesaAdat': 'Desa adat',
  'region.open': 'Buka {name}',

  'admin.title': 'Admin',
  'admin.system': 'Server: versi {version}, basis data {database}',
  'admin.usersTitle': 'Pengguna',
  'admin.usersEmpty': 'Belum ada pengguna.',
  'admin.colName': 'Nama',
  'admin.colEmail': 'Email',
  'admin.colRole': 'Peran',
  'admin.colRegion': 'Wilayah',
  'admin.colStatus': 'Status',
  'admin.colLastLogin': 'Terakhir masuk',
  'admin.statusActive': 'Aktif',
  'admin.statusDisabled': 'Nonaktif',
  'admin.never': 'Belum pernah',
  'admin.addTitle': 'Tambah pengguna',
  'admin.addIntro':
    'Pengguna baru mendapat kata sandi sekali pakai dan wajib menggantinya saat pertama masuk.',
  'admin.email': 'Email',
  'admin.name': 'Nama lengkap',
  'admin.role': 'Peran',
  'admin.region': 'Wilayah tugas',
  'admin.roleLevels': 'Peran ini untuk tingkat: {levels}.',
  'admin.scopeInvalid': 'Peran {role} harus ditugaskan pada tingkat: {levels}.',
  'admin.scopeForbidden': 'Anda tidak dapat membuat pengguna dengan peran dan wilayah ini.',
  'admin.submit': 'Tambah pengguna',
  'admin.otpTitle': 'Kata sandi sekali pakai untuk {email}',
  'admin.otpWarning':
    'Catat atau salin sekarang: kata sandi ini hanya ditampilkan sekali. Serahkan langsung kepada pengguna, jangan lewat grup percakapan. Pengguna wajib menggantinya saat pertama masuk.',
  'admin.copy': 'Salin',
  'admin.copied': 'Tersalin',
  'admin.copyFailed': 'Tidak dapat menyalin otomatis; pilih dan salin teksnya.',
  'admin.otpDone': 'Sudah saya catat',
  'admin.auditTitle': 'Log audit',
  'admin.auditEmpty': 'Belum ada catatan audit.',
  'admin.colTime': 'Waktu',
  'admin.colActor': 'Pelaku',
  'admin.colAction': 'Tindakan',
  'admin.colEntity': 'Objek',
  'admin.system.actor': 'sistem',

  'notFound.title': 'Halaman tidak ditemukan',
  'notFound.text': 'Alamat ini tidak ada di Tumbuh.',
  'notFound.home': 'Kembali ke beranda',
} as const satisfies Record<string, string>;

/** A key of the dictionary; `t()` accepts only these. */
export type MessageKey = keyof typeof id;
/** The shape every other language must fill completely. */
export type Messages = Record<MessageKey, string>;
