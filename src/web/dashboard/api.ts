/**
 * HTTP calls of the dashboard (API-SPEC.md, "Dashboard API"). All public reads of aggregate
 * figures; the one write is a region's target in the indicator store. Shapes follow
 * src/contract/dashboard.ts as types only, so zod is not shipped to the phone.
 */
import type { z } from 'zod';
import type {
  AreaLevel,
  AreaRow,
  Areas,
  Breakdown,
  Comparison,
  DashboardMeta,
  Figure,
  IndicatorValueInput,
  IndicatorValuesWrite,
  PeriodInfo,
  RegionRef,
  Series,
  Summary,
  TopVillages,
  areaSorts,
  indicatorDescriptionSchema,
} from '../../contract/dashboard.ts';
import type { ageGroupIds } from '../../core/indicators/prevalence.ts';
import type { PeriodKind } from '../../core/indicators/period.ts';
import { request, withQuery } from '../api-client.ts';

export type {
  AreaLevel,
  AreaRow,
  Areas,
  Breakdown,
  Comparison,
  DashboardMeta,
  Figure,
  IndicatorValueInput,
  IndicatorValuesWrite,
  PeriodInfo,
  PeriodKind,
  RegionRef,
  Series,
  Summary,
  TopVillages,
};
export type IndicatorMeta = z.infer<typeof indicatorDescriptionSchema>;
export type Direction = IndicatorMeta['direction'];
export type AgeGroup = (typeof ageGroupIds)[number];
export type AreasSort = (typeof areaSorts)[number];

type AreasQuery = {
  region: string;
  indicator: string;
  period?: string | undefined;
  level?: AreaLevel | undefined;
  sort?: AreasSort | undefined;
};

/** Typed calls of the dashboard API. */
export const dashboardApi = {
  meta: (signal?: AbortSignal) => request<DashboardMeta>('GET', '/api/dashboard/meta', { signal }),

  summary: (query: { region: string; period?: string | undefined }, signal?: AbortSignal) =>
    request<Summary>('GET', '/api/dashboard/summary', { query, signal }),

  series: (
    query: { region: string; indicator: string; kind: PeriodKind; from?: string; to?: string },
    signal?: AbortSignal,
  ) => request<Series>('GET', '/api/dashboard/series', { query, signal }),

  breakdown: (
    query: { region: string; indicator: string; period?: string | undefined },
    signal?: AbortSignal,
  ) => request<Breakdown>('GET', '/api/dashboard/breakdown', { query, signal }),

  areas: (query: AreasQuery, signal?: AbortSignal) =>
    request<Areas>('GET', '/api/dashboard/areas', { query, signal }),

  /** A plain link for the browser to download the areas table (`content-disposition` names it). */
  areasDownloadHref: (query: AreasQuery, format: 'csv' | 'xlsx') =>
    withQuery('/api/dashboard/areas', { ...query, format }),

  topVillages: (
    query: { region: string; indicator: string; period?: string | undefined; limit?: number },
    signal?: AbortSignal,
  ) => request<TopVillages>('GET', '/api/dashboard/top-villages', { query, signal }),

  topVillagesDownloadHref: (
    query: { region: string; indicator: string; period?: string | undefined; limit?: number },
    format: 'csv' | 'xlsx',
  ) => withQuery('/api/dashboard/top-villages', { ...query, format }),

  comparison: (query: { region: string; indicator: string }, signal?: AbortSignal) =>
    request<Comparison>('GET', '/api/dashboard/comparison', { query, signal }),

  /** Needs `aggregates:write` over the region; audited by the server. */
  saveIndicatorValues: (values: IndicatorValueInput[]) =>
    request<IndicatorValuesWrite>('POST', '/api/indicator-values', { body: { values } }),
};
