/**
 * What the dashboard's tables look like as CSV/XLSX downloads: one header per column in the
 * reader's language, percentages as numbers (15.7, not 0.157) so a spreadsheet can chart them,
 * and the rule applied to small numbers in every row. Text cells are made formula-safe by the
 * exporters (core/export/cells.ts).
 */
import type { Lang } from '../../core/errors.ts';
import type { ExportColumn } from '../../services/export/table-export.ts';
import type { AreaRow } from '../../services/dashboard/dashboard.ts';

interface FigureLike {
  numerator: number | null;
  denominator: number | null;
  value: number | null;
  ci: { lower: number; upper: number } | null;
  suppressed: boolean;
  suppressionReason: string | null;
}

const percent = (v: number | null | undefined) =>
  v === null || v === undefined ? null : Math.round(v * 10000) / 100;

const t = (lang: Lang, id: string, en: string) => (lang === 'id' ? id : en);

function figureColumns<Row>(lang: Lang, figureOf: (row: Row) => FigureLike): ExportColumn<Row>[] {
  return [
    { header: t(lang, 'Nilai (%)', 'Value (%)'), value: (r) => percent(figureOf(r).value) },
    { header: t(lang, 'Pembilang', 'Numerator'), value: (r) => figureOf(r).numerator },
    { header: t(lang, 'Penyebut', 'Denominator'), value: (r) => figureOf(r).denominator },
    {
      header: t(lang, 'Batas bawah 95% (%)', '95% lower (%)'),
      value: (r) => percent(figureOf(r).ci?.lower),
    },
    {
      header: t(lang, 'Batas atas 95% (%)', '95% upper (%)'),
      value: (r) => percent(figureOf(r).ci?.upper),
    },
    {
      header: t(lang, 'Disembunyikan (< 5 anak)', 'Suppressed (< 5 children)'),
      value: (r) => figureOf(r).suppressionReason ?? '',
      width: 22,
    },
  ];
}

/** Columns of the area table (map, ranking, sortable table). */
export function areaColumns(
  result: { indicator: string; period: { code: string }; policy: string },
  lang: Lang,
): ExportColumn<AreaRow>[] {
  return [
    { header: t(lang, 'Kode', 'Code'), value: (r) => r.code, width: 14 },
    { header: t(lang, 'Nama', 'Name'), value: (r) => r.name, width: 30 },
    { header: t(lang, 'Tingkat', 'Level'), value: (r) => r.level },
    { header: t(lang, 'Desa posyandu', 'Posyandu village'), value: (r) => r.parentName ?? '' },
    { header: t(lang, 'Indikator', 'Indicator'), value: () => result.indicator, width: 16 },
    { header: t(lang, 'Periode', 'Period'), value: () => result.period.code },
    ...figureColumns<AreaRow>(lang, (r) => r.figure),
    { header: t(lang, 'Jumlah anak', 'Children'), value: (r) => r.count },
    { header: t(lang, 'Peringkat', 'Rank'), value: (r) => r.rank },
    {
      header: t(lang, 'Aturan angka kecil', 'Small-number rule'),
      value: () => result.policy,
      width: 26,
    },
  ];
}

type TopVillageRow = {
  code: string;
  name: string;
  kecamatan: string;
  kabupaten: string;
  count: number | null;
  figure: FigureLike;
};

/** Columns of the top-villages table. */
export function topVillageColumns(
  result: { indicator: string; period: { code: string }; policy: string },
  lang: Lang,
): ExportColumn<TopVillageRow>[] {
  return [
    { header: t(lang, 'Kode', 'Code'), value: (r) => r.code, width: 14 },
    { header: t(lang, 'Desa/Kelurahan', 'Village'), value: (r) => r.name, width: 24 },
    { header: t(lang, 'Kecamatan', 'Sub-district'), value: (r) => r.kecamatan, width: 20 },
    { header: t(lang, 'Kabupaten/Kota', 'District/City'), value: (r) => r.kabupaten, width: 24 },
    { header: t(lang, 'Indikator', 'Indicator'), value: () => result.indicator, width: 16 },
    { header: t(lang, 'Periode', 'Period'), value: () => result.period.code },
    { header: t(lang, 'Jumlah anak', 'Children'), value: (r) => r.count },
    ...figureColumns<TopVillageRow>(lang, (r) => r.figure),
    {
      header: t(lang, 'Aturan angka kecil', 'Small-number rule'),
      value: () => result.policy,
      width: 26,
    },
  ];
}

type ComparisonRow = {
  year: number;
  source: string;
  value: number | null;
  period: string;
  sourceKey: string;
  note: string | null;
  coverage: number | null;
};

/** Columns of the source comparison (one row per year and source). */
export function comparisonColumns(lang: Lang): ExportColumn<ComparisonRow>[] {
  return [
    { header: t(lang, 'Tahun', 'Year'), value: (r) => r.year },
    { header: t(lang, 'Sumber', 'Source'), value: (r) => r.source, width: 18 },
    { header: t(lang, 'Periode', 'Period'), value: (r) => r.period },
    { header: t(lang, 'Nilai (%)', 'Value (%)'), value: (r) => percent(r.value) },
    {
      header: t(lang, 'Cakupan penimbangan (%)', 'Weighing coverage (%)'),
      value: (r) => percent(r.coverage),
    },
    { header: t(lang, 'Rujukan', 'Citation'), value: (r) => r.sourceKey, width: 28 },
    { header: t(lang, 'Catatan', 'Note'), value: (r) => r.note ?? '', width: 30 },
  ];
}

/** A download's file name from its parts (region, period…): lower case, safe characters only. */
export function exportFileName(parts: readonly string[]): string {
  return parts
    .join('-')
    .toLowerCase()
    .replace(/[^a-z0-9_-]+/g, '-')
    .replace(/-+/g, '-');
}
