/**
 * The dashboard's state lives in its URL (`/dasbor?wilayah=5301&periode=2025-08&indikator=stunting`)
 * so that a view can be shared and the back button climbs back (pure). Anything unreadable is
 * dropped, and the page falls back to its defaults for it.
 */
import { formatPeriod, parsePeriod } from '../../core/indicators/period.ts';
import { isRegionCode } from '../../core/regions/region-code.ts';

/** What the URL asks for; null: the default. */
export interface DashboardView {
  region: string | null;
  period: string | null;
  indicator: string | null;
}

const indicatorPattern = /^[a-z][a-z0-9_]{0,63}$/;

/** Reads the view from the query (dots in a kode wilayah are accepted: `53.01`). */
export function readDashboardView(query: URLSearchParams): DashboardView {
  const region = query.get('wilayah')?.replace(/\./g, '') ?? '';
  const period = parsePeriod(query.get('periode') ?? '');
  const indicator = query.get('indikator') ?? '';
  return {
    region: isRegionCode(region) ? region : null,
    period: period ? formatPeriod(period) : null,
    indicator: indicatorPattern.test(indicator) ? indicator : null,
  };
}

/** The path of a view; defaults are left out so a shared link keeps following "the latest". */
export function dashboardHref(base: string, view: DashboardView): string {
  const params = new URLSearchParams();
  if (view.region) params.set('wilayah', view.region);
  if (view.period) params.set('periode', view.period);
  if (view.indicator) params.set('indikator', view.indicator);
  const text = params.toString();
  return text ? `${base}?${text}` : base;
}
