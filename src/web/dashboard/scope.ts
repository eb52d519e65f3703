import type { PeriodKind } from '../../core/indicators/period.ts';
import type { IndicatorMeta } from './api.ts';

/** What every section of the dashboard shows: one region, period and indicator, and its source. */
export interface DashboardScope {
  region: string;
  regionName: string;
  /** Period code (`2025-08`) and its label (`Agustus 2025`). */
  period: string;
  periodLabel: string;
  kind: PeriodKind;
  indicator: IndicatorMeta;
  /** The source's name in the current language, e.g. "e-PPGBM (pencatatan posyandu, Tumbuh)". */
  source: string;
}
