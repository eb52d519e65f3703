/**
 * The open-data catalogue (docs/portal.md): every public dataset the API already serves, with
 * links for the home region in each format its route supports. No data is copied here.
 */
import { localDateAt, utcOffsetOfRegion } from '../../core/deaths/time-zone.ts';
import { dashboardIndicators } from '../../core/indicators/dashboard.ts';
import type { ServiceContext } from '../context.ts';
import { readSettings } from './settings.ts';

type Format = 'csv' | 'json' | 'xlsx';

export interface DatasetEntry {
  id: string;
  title: { id: string; en: string };
  description: { id: string; en: string };
  source: string;
  downloads: { format: Format; url: string }[];
  updatedAt: string | null;
}

const url = (path: string, query: Record<string, string> = {}) => {
  const qs = new URLSearchParams(query).toString();
  return qs ? `${path}?${qs}` : path;
};

const EPPGBM = 'e-PPGBM (register Tumbuh)';
const AMP = 'Notifikasi kematian & AMP-SR (Tumbuh)';

export async function datasets(
  ctx: ServiceContext,
): Promise<{ datasets: DatasetEntry[]; apiDocs: string }> {
  const settings = await readSettings(ctx.db);
  const region = settings.homeRegion;
  const year = localDateAt(ctx.now(), utcOffsetOfRegion(region)).slice(0, 4);
  const list: DatasetEntry[] = [];

  list.push({
    id: 'dashboard-summary',
    title: { id: 'Ringkasan indikator gizi', en: 'Nutrition indicator summary' },
    description: {
      id: 'Prevalensi stunting, wasting, underweight, overweight, cakupan penimbangan dan jumlah anak untuk bulan terakhir yang lengkap.',
      en: 'Prevalence of stunting, wasting, underweight, overweight, weighing coverage and child counts for the latest complete month.',
    },
    source: EPPGBM,
    downloads: [{ format: 'json', url: url('/api/dashboard/summary', { region }) }],
    updatedAt: null,
  });
  for (const indicator of dashboardIndicators) {
    list.push({
      id: `dashboard-areas-${indicator.id}`,
      title: {
        id: `${indicator.label.id} per wilayah`,
        en: `${indicator.label.en} by area`,
      },
      description: {
        id: `${indicator.label.id} untuk setiap wilayah di bawah wilayah beranda, bulan terakhir yang lengkap.`,
        en: `${indicator.label.en} for every area below the home region, latest complete month.`,
      },
      source: EPPGBM,
      downloads: (['csv', 'xlsx', 'json'] as const).map((format) => ({
        format,
        url: url('/api/dashboard/areas', { region, indicator: indicator.id, format }),
      })),
      updatedAt: null,
    });
    list.push({
      id: `dashboard-series-${indicator.id}`,
      title: { id: `${indicator.label.id} per bulan`, en: `${indicator.label.en} by month` },
      description: {
        id: `Deret waktu bulanan ${indicator.label.id.toLowerCase()} wilayah beranda.`,
        en: `Monthly time series of ${indicator.label.en.toLowerCase()} for the home region.`,
      },
      source: EPPGBM,
      downloads: [
        { format: 'json', url: url('/api/dashboard/series', { region, indicator: indicator.id }) },
      ],
      updatedAt: null,
    });
  }
  list.push(
    {
      id: 'deaths-summary',
      title: { id: 'Ringkasan AKI-AKB', en: 'Maternal and infant mortality summary' },
      description: {
        id: 'Jumlah kematian ibu, neonatal, bayi dan balita terverifikasi, lahir hidup, serta AKI/AKB/AKN dengan selang kepercayaan 95 %.',
        en: 'Verified maternal, neonatal, infant and under-five deaths, live births, and MMR/IMR/NMR with 95 % intervals.',
      },
      source: AMP,
      downloads: [{ format: 'json', url: url('/api/deaths/summary', { region }) }],
      updatedAt: null,
    },
    {
      id: 'deaths-series',
      title: { id: 'AKI-AKB per tahun', en: 'Maternal and infant mortality by year' },
      description: {
        id: 'Kematian, lahir hidup dan angka kematian wilayah beranda per tahun.',
        en: 'Deaths, live births and rates of the home region by year.',
      },
      source: AMP,
      downloads: [{ format: 'json', url: url('/api/deaths/series', { region, kind: 'year' }) }],
      updatedAt: null,
    },
    {
      id: 'deaths-areas',
      title: {
        id: `AKI-AKB per wilayah, ${year}`,
        en: `Maternal and infant mortality by area, ${year}`,
      },
      description: {
        id: 'Kematian, lahir hidup dan angka kematian setiap wilayah di bawah wilayah beranda.',
        en: 'Deaths, live births and rates of every area below the home region.',
      },
      source: AMP,
      downloads: [{ format: 'json', url: url('/api/deaths/areas', { region, period: year }) }],
      updatedAt: null,
    },
    {
      id: 'indicator-catalogue',
      title: { id: 'Katalog indikator', en: 'Indicator catalogue' },
      description: {
        id: 'Definisi, satuan dan sumber setiap indikator yang disimpan.',
        en: 'Definition, unit and source of every stored indicator.',
      },
      source: 'Tumbuh',
      downloads: [{ format: 'json', url: '/api/indicator-catalogue' }],
      updatedAt: null,
    },
    {
      id: 'regions',
      title: { id: 'Daftar wilayah', en: 'Region list' },
      description: {
        id: 'Kode dan nama wilayah (Kepmendagri) di dalam wilayah beranda.',
        en: 'Region codes and names (Ministry of Home Affairs) within the home region.',
      },
      source: 'Kepmendagri kode wilayah',
      downloads: [{ format: 'json', url: url('/api/regions', { within: region, limit: '50' }) }],
      updatedAt: null,
    },
    {
      id: 'region-boundaries',
      title: { id: 'Batas wilayah (GeoJSON)', en: 'Region boundaries (GeoJSON)' },
      description: {
        id: 'Batas wilayah di bawah wilayah beranda untuk peta.',
        en: 'Boundaries of the areas below the home region, for maps.',
      },
      source: 'Batas wilayah Tumbuh',
      downloads: [{ format: 'json', url: `/api/regions/${region}/boundaries` }],
      updatedAt: null,
    },
  );
  return { datasets: list, apiDocs: '/api/docs' };
}
