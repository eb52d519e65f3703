/**
 * Dashboard messages, kept in their own file so the capability owns its words; `id.ts` and `en.ts`
 * spread them in. Keys start with `dashboard.`; `en` must have exactly the keys of `id`.
 */
export const dashboardId = {
  'dashboard.title': 'Dasbor',
  'dashboard.intro':
    'Pilih wilayah, lalu telusuri wilayah di bawahnya. Grafik dan indikator akan ditambahkan di sini.',
  'dashboard.childrenTitle': 'Wilayah di bawah {name}',
  'dashboard.noChildren': '{name} tidak memiliki wilayah di bawahnya.',
  'dashboard.chartsPlaceholder': 'Grafik dan indikator akan tampil di sini',
  'dashboard.colName': 'Nama',
  'dashboard.colLevel': 'Tingkat',
  'dashboard.colCode': 'Kode',
  // Map and ranked bars (components/map, reused by the portal and AKI-AKB pages)
  'dashboard.mapRole': 'peta',
  'dashboard.mapLabel': 'Peta {title} per {level} di {name}',
  'dashboard.mapKeyboardHint':
    'Tombol panah berpindah antarwilayah, Enter atau Spasi membuka wilayah. Semua angka juga ada di daftar.',
  'dashboard.mapAnnounce': '{name}: {label}',
  'dashboard.mapLoading': 'Memuat peta…',
  'dashboard.mapNoBoundaries':
    'Batas wilayah {level} di {name} belum tersedia, jadi angka ditampilkan sebagai peringkat.',
  'dashboard.mapSomeMissing':
    '{count} {level} belum memiliki batas di peta; angkanya tetap ada di daftar (bertanda “{tag}”).',
  'dashboard.mapWithoutMap': 'tanpa peta',
  'dashboard.legendAll': 'Semua wilayah',
  'dashboard.legendNoData': 'Tidak ada data',
  'dashboard.legendSuppressed': 'Data terlalu sedikit (< 5 anak)',
  'dashboard.legendDarkerWorse': 'Warna lebih gelap = keadaan lebih buruk.',
  'dashboard.rankingSort': 'Urutkan',
  'dashboard.rankingSortValue': 'Menurut nilai',
  'dashboard.rankingSortName': 'Menurut nama',
  'dashboard.colRank': 'Peringkat',
  'dashboard.colArea': 'Wilayah',
  'dashboard.colValue': 'Nilai',
} as const satisfies Record<`dashboard.${string}`, string>;

export const dashboardEn: Record<keyof typeof dashboardId, string> = {
  'dashboard.title': 'Dashboard',
  'dashboard.intro':
    'Choose a region, then drill down into the regions below it. Charts and indicators will be added here.',
  'dashboard.childrenTitle': 'Regions in {name}',
  'dashboard.noChildren': '{name} has no regions below it.',
  'dashboard.chartsPlaceholder': 'Charts and indicators will appear here',
  'dashboard.colName': 'Name',
  'dashboard.colLevel': 'Level',
  'dashboard.colCode': 'Code',
  'dashboard.mapRole': 'map',
  'dashboard.mapLabel': 'Map of {title} by {level} in {name}',
  'dashboard.mapKeyboardHint':
    'Arrow keys move between areas, Enter or Space opens an area. Every figure is also in the list.',
  'dashboard.mapAnnounce': '{name}: {label}',
  'dashboard.mapLoading': 'Loading the map…',
  'dashboard.mapNoBoundaries':
    'Boundaries of the {level} in {name} are not available yet, so the figures are shown as a ranking.',
  'dashboard.mapSomeMissing':
    '{count} {level} have no boundary on the map yet; their figures are in the list (marked “{tag}”).',
  'dashboard.mapWithoutMap': 'not on map',
  'dashboard.legendAll': 'All areas',
  'dashboard.legendNoData': 'No data',
  'dashboard.legendSuppressed': 'Too few children (< 5)',
  'dashboard.legendDarkerWorse': 'Darker colour = worse situation.',
  'dashboard.rankingSort': 'Sort',
  'dashboard.rankingSortValue': 'By value',
  'dashboard.rankingSortName': 'By name',
  'dashboard.colRank': 'Rank',
  'dashboard.colArea': 'Area',
  'dashboard.colValue': 'Value',
};
