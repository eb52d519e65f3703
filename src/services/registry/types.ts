/** Row shapes the server's presenters receive from registry services (server never imports db). */
export type { ChildRow, MeasurementRow, PosyanduRow } from '../../db/types.ts';
export type { ChildWithLatest } from '../../db/queries/registry.ts';

export interface PosyanduListItem {
  id: string;
  name: string;
  region_code: string;
  region_name: string;
  puskesmas_id: string | null;
  active: boolean;
  children: number | null;
}
