/**
 * HTTP calls of AKI-AKB (docs/deaths.md): the public figures, the death cases and their review,
 * live births. Shapes follow src/contract/deaths.ts as types only (zod is not shipped).
 */
import type {
  ActionBody,
  CaseHistory,
  CaseList,
  CaseView,
  CorrectBody,
  DeathAreas,
  DeathBreakdown,
  DeathSeries,
  DeathSummary,
  LiveBirthImport,
  LiveBirthsBody,
  LiveBirthsList,
  NotifyBody,
  PopulationBody,
  RecommendationBody,
} from '../../contract/deaths.ts';
import { request, uploadFile, withQuery } from '../api-client.ts';

export type {
  ActionBody,
  CaseHistory,
  CaseList,
  CaseView,
  CorrectBody,
  DeathAreas,
  DeathBreakdown,
  DeathSeries,
  DeathSummary,
  LiveBirthImport,
  LiveBirthsList,
  NotifyBody,
  RecommendationBody,
};
export type CaseSummary = CaseList['items'][number];
export type Rate = NonNullable<DeathSummary['rates']['aki']>;

/** Query of the case list (comma-separated lists as the API reads them). */
export interface CaseQuery {
  region?: string | undefined;
  status?: string | undefined;
  kind?: string | undefined;
  overdue?: boolean | undefined;
  late?: boolean | undefined;
  limit?: number | undefined;
}

const caseUrl = (id: string) => `/api/deaths/cases/${encodeURIComponent(id)}`;
type CaseResponse = { case: CaseView };
const flag = (value: boolean | undefined) => (value ? 'true' : undefined);

export const deathsApi = {
  summary: (query: { region?: string; period?: string }, signal?: AbortSignal) =>
    request<DeathSummary>('GET', '/api/deaths/summary', { query, signal }),
  series: (
    query: { region: string; kind: 'month' | 'year'; from?: string; to?: string },
    signal?: AbortSignal,
  ) => request<DeathSeries>('GET', '/api/deaths/series', { query, signal }),
  areas: (query: { region: string; period: string }, signal?: AbortSignal) =>
    request<DeathAreas>('GET', '/api/deaths/areas', { query, signal }),
  breakdown: (query: { region: string; period: string }, signal?: AbortSignal) =>
    request<DeathBreakdown>('GET', '/api/deaths/breakdown', { query, signal }),

  cases: (query: CaseQuery, signal?: AbortSignal) =>
    request<CaseList>('GET', '/api/deaths/cases', {
      query: { ...query, overdue: flag(query.overdue), late: flag(query.late) },
      signal,
    }),
  case: async (id: string, signal?: AbortSignal) =>
    (await request<CaseResponse>('GET', caseUrl(id), { signal })).case,
  notify: async (body: NotifyBody) =>
    (await request<CaseResponse>('POST', '/api/deaths/cases', { body })).case,
  correct: async (id: string, body: CorrectBody) =>
    (await request<CaseResponse>('PATCH', caseUrl(id), { body })).case,
  act: async (id: string, body: ActionBody) =>
    (await request<CaseResponse>('POST', `${caseUrl(id)}/transitions`, { body })).case,
  addRecommendation: async (id: string, body: RecommendationBody) =>
    (await request<CaseResponse>('POST', `${caseUrl(id)}/recommendations`, { body })).case,
  completeRecommendation: async (id: string, recommendationId: string, note: string | null) =>
    (
      await request<CaseResponse>(
        'POST',
        `${caseUrl(id)}/recommendations/${encodeURIComponent(recommendationId)}/done`,
        { body: { note } },
      )
    ).case,
  history: (id: string, signal?: AbortSignal) =>
    request<CaseHistory>('GET', `${caseUrl(id)}/history`, { signal }),

  liveBirths: (query: { region: string; year: number }, signal?: AbortSignal) =>
    request<LiveBirthsList>('GET', '/api/deaths/live-births', { query, signal }),
  saveLiveBirths: (body: LiveBirthsBody) =>
    request<{ stored: number; removed: number; unchanged: number }>(
      'PUT',
      '/api/deaths/live-births',
      { body },
    ),
  importLiveBirths: (file: File, dryRun: boolean) =>
    uploadFile<LiveBirthImport>('/api/deaths/live-births/import', file, {
      name: file.name,
      dryRun: dryRun ? 'true' : 'false',
    }),
  savePopulation: (body: PopulationBody) =>
    request<{ stored: number }>('PUT', '/api/deaths/population', { body }),
  templateUrl: (format: 'csv' | 'xlsx') => withQuery(`/api/deaths/live-births/template.${format}`),
};
