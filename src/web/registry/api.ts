/**
 * HTTP calls of the child growth registry (posyandu, children, measurements, follow-up lists).
 * Shapes come from src/contract/registry.ts as types only, so zod is not shipped to the phone.
 * Writes do not live here but in ./submit.ts, the one path a later offline queue wraps.
 */
import type { z } from 'zod';
import type {
  ChildInput,
  ChildSummary,
  ChildView,
  MeasurementView,
  Posyandu,
  childBodySchema,
  childDetailSchema,
  childUpdateBodySchema,
  correctionBodySchema,
  createPosyanduBodySchema,
  duplicateSchema,
  followUpCategorySchema,
  followUpListSchema,
  followUpRowSchema,
  measurementBodySchema,
  recordMeasurementResponseSchema,
  rosterSchema,
} from '../../contract/registry.ts';
import { request, withQuery } from '../api-client.ts';

export type { ChildInput, ChildSummary, ChildView, MeasurementView, Posyandu };
export type Roster = z.infer<typeof rosterSchema>;
export type ChildDetail = z.infer<typeof childDetailSchema>;
export type ChildBody = z.input<typeof childBodySchema>;
export type ChildUpdateBody = z.input<typeof childUpdateBodySchema>;
export type MeasurementBody = z.input<typeof measurementBodySchema>;
export type CorrectionBody = z.input<typeof correctionBodySchema>;
export type CreatePosyanduBody = z.input<typeof createPosyanduBodySchema>;
export type RecordMeasurementResponse = z.infer<typeof recordMeasurementResponseSchema>;
export type DuplicateCandidate = z.infer<typeof duplicateSchema>['candidates'][number];
export type FollowUpCategory = z.infer<typeof followUpCategorySchema>;
export type FollowUpList = z.infer<typeof followUpListSchema>;
export type FollowUpRow = z.infer<typeof followUpRowSchema>;

/** Query of the follow-up list; `categories` comma-separated as the API reads it. */
export interface FollowUpQuery {
  region?: string | undefined;
  posyanduId?: string | undefined;
  categories: readonly FollowUpCategory[];
  from: string;
  to: string;
}

/** Rows shown on the screen: enough for a puskesmas round, light enough for the browser. */
export const FOLLOW_UP_SCREEN_LIMIT = 1000;
/** Rows in a download: the most the API gives (contract followUpQuerySchema). */
export const FOLLOW_UP_FILE_LIMIT = 100_000;

function followUpParams(query: FollowUpQuery, limit: number) {
  return {
    region: query.region,
    posyanduId: query.posyanduId,
    categories: query.categories.join(','),
    from: query.from,
    to: query.to,
    limit,
  };
}

const id = (value: string) => encodeURIComponent(value);

/** Reads of the registry API. */
export const registryApi = {
  /** Posyandu in the user's scope (a kader gets exactly one), optionally inside `region`. */
  posyandu: (region: string | undefined, signal?: AbortSignal) =>
    request<{ items: Posyandu[] }>('GET', '/api/posyandu', { query: { region }, signal }),

  /** The children of a posyandu with their last measurement and whether they were measured in `month`. */
  roster: (posyanduId: string, month: string, signal?: AbortSignal) =>
    request<Roster>('GET', `/api/posyandu/${id(posyanduId)}/children`, {
      query: { month },
      signal,
    }),

  child: (childId: string, signal?: AbortSignal) =>
    request<ChildDetail>('GET', `/api/children/${id(childId)}`, { signal }),

  searchChildren: (
    query: { q: string; region?: string; posyanduId?: string },
    signal?: AbortSignal,
  ) => request<{ items: ChildView[] }>('GET', '/api/children', { query, signal }),

  followUp: (query: FollowUpQuery, signal?: AbortSignal) =>
    request<FollowUpList>('GET', '/api/follow-up', {
      query: { ...followUpParams(query, FOLLOW_UP_SCREEN_LIMIT), format: 'json' },
      signal,
    }),

  /** A plain link to the same list as a file: the browser downloads it with the session cookie. */
  followUpFileUrl: (query: FollowUpQuery, format: 'csv' | 'xlsx') =>
    withQuery('/api/follow-up', { ...followUpParams(query, FOLLOW_UP_FILE_LIMIT), format }),
};

/** Answers of the writes (./submit.ts), kept here beside the other shapes. */
export const registryWrites = {
  /** A new posyandu in a desa (reference:write). Errors name their field in details.field. */
  createPosyandu: (body: CreatePosyanduBody) =>
    request<Posyandu>('POST', '/api/posyandu', { body }),
  createChild: (body: ChildBody) =>
    request<{ child: ChildView }>('POST', '/api/children', { body }),
  updateChild: (childId: string, body: ChildUpdateBody) =>
    request<{ child: ChildView }>('PATCH', `/api/children/${id(childId)}`, { body }),
  mergeChild: (childId: string, duplicateId: string) =>
    request<{ child: ChildView }>('POST', `/api/children/${id(childId)}/merge`, {
      body: { duplicateId },
    }),
  recordMeasurement: (body: MeasurementBody) =>
    request<RecordMeasurementResponse>('POST', '/api/measurements', { body }),
  correctMeasurement: (measurementId: string, body: CorrectionBody) =>
    request<RecordMeasurementResponse>(
      'POST',
      `/api/measurements/${id(measurementId)}/correction`,
      { body },
    ),
};
