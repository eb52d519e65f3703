/**
 * HTTP calls of the public portal (docs/portal.md): settings, published items, the open-data
 * catalogue. Shapes follow src/contract/portal.ts as types only, so zod is not shipped.
 */
import type {
  ContentKind,
  Dataset,
  ItemList,
  PublicItem,
  PublicItemSummary,
  PublicSettings,
  datasetListSchema,
} from '../../contract/portal.ts';
import type { z } from 'zod';
import { request } from '../api-client.ts';

export type { ContentKind, Dataset, ItemList, PublicItem, PublicItemSummary, PublicSettings };
export type DatasetList = z.infer<typeof datasetListSchema>;

export const portalApi = {
  settings: (signal?: AbortSignal) =>
    request<PublicSettings>('GET', '/api/portal/settings', { signal }),
  items: (
    query: { kind: ContentKind; tag?: string | undefined; page?: number; pageSize?: number },
    signal?: AbortSignal,
  ) => request<ItemList>('GET', '/api/portal/items', { query, signal }),
  item: (kind: ContentKind, slug: string, signal?: AbortSignal) =>
    request<PublicItem>(
      'GET',
      `/api/portal/items/${encodeURIComponent(kind)}/${encodeURIComponent(slug)}`,
      { signal },
    ),
  datasets: (signal?: AbortSignal) =>
    request<DatasetList>('GET', '/api/portal/datasets', { signal }),
};
