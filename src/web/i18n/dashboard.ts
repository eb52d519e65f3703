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
};
