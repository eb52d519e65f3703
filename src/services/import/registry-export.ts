/**
 * Export of the caller's scope — children, and current measurements with z-scores and status —
 * as rows for CSV/XLSX (services/export/table-export streams them; cells are spreadsheet-safe).
 * The database is paged with keyset pagination (5,000 rows a page), so memory stays flat for a
 * province's million rows. The headers are the import's own (docs/import-format.md): an export
 * can be imported back, and adds nothing.
 */
import { canAccessRegion } from '../../core/access/scope.ts';
import { DomainError } from '../../core/errors.ts';
import { ageInMonths } from '../../core/growth/age.ts';
import { categoryLabel } from '../../core/growth/classification.ts';
import {
  childrenExportPage,
  measurementsExportPage,
  type ChildCursor,
  type ChildExportRow,
  type MeasurementCursor,
  type MeasurementExportRow,
} from '../../db/queries/imports.ts';
import { audit } from '../audit.ts';
import type { ServiceContext } from '../context.ts';
import type { ExportColumn } from '../export/table-export.ts';

const PAGE = 5000;

export interface ExportScope {
  regionCode: string;
  posyanduId?: string;
}

/** The region (default: the caller's scope) and, for a kader, their posyandu; audited. */
async function exportScope(
  ctx: ServiceContext,
  params: { regionCode?: string; posyanduId?: string },
  what: 'children' | 'measurements',
  format: string,
): Promise<ExportScope> {
  const actor = ctx.actor;
  if (!actor) throw new DomainError('unauthenticated');
  const regionCode = params.regionCode ?? actor.regionCode;
  if (!canAccessRegion(actor, 'records:read', regionCode))
    throw new DomainError('region_forbidden', { code: regionCode, field: 'region' });
  let posyanduId = params.posyanduId;
  if (actor.role === 'kader') {
    if (!actor.posyanduId) throw new DomainError('forbidden');
    posyanduId = actor.posyanduId;
  }
  await audit(ctx.db, ctx, {
    action: `export.${what}`,
    entity: 'export',
    regionCode,
    after: { format, posyanduId: posyanduId ?? null },
  });
  return { regionCode, ...(posyanduId && { posyanduId }) };
}

/** Children of the scope, page by page. */
export async function exportChildren(
  ctx: ServiceContext,
  params: { regionCode?: string; posyanduId?: string; format: 'csv' | 'xlsx' },
): Promise<{ scope: ExportScope; rows: AsyncIterable<ChildExportRow> }> {
  const scope = await exportScope(ctx, params, 'children', params.format);
  async function* rows() {
    let after: ChildCursor = null;
    for (;;) {
      const page = await childrenExportPage(ctx.db, { ...scope, after, limit: PAGE });
      yield* page;
      if (page.length < PAGE) return;
      const last = page[page.length - 1]!;
      after = { regionCode: last.region_code, birthDate: last.birth_date, id: last.id };
    }
  }
  return { scope, rows: rows() };
}

/** Current measurements of the scope (optionally a date range), page by page. */
export async function exportMeasurements(
  ctx: ServiceContext,
  params: {
    regionCode?: string;
    posyanduId?: string;
    from?: string;
    to?: string;
    format: 'csv' | 'xlsx';
  },
): Promise<{ scope: ExportScope; rows: AsyncIterable<MeasurementExportRow> }> {
  const scope = await exportScope(ctx, params, 'measurements', params.format);
  async function* rows() {
    let after: MeasurementCursor = null;
    for (;;) {
      const page = await measurementsExportPage(ctx.db, {
        ...scope,
        from: params.from,
        to: params.to,
        after,
        limit: PAGE,
      });
      yield* page;
      if (page.length < PAGE) return;
      const last = page[page.length - 1]!;
      after = { regionCode: last.region_code, measuredOn: last.measured_on, id: last.id };
    }
  }
  return { scope, rows: rows() };
}

const sexLabel = (sex: number) => (sex === 1 ? 'L' : 'P');

/** Columns of the children download (import headers). */
export const childExportColumns: ExportColumn<ChildExportRow>[] = [
  { header: 'Kode Desa', value: (r) => r.region_code, width: 12 },
  { header: 'Desa/Kelurahan', value: (r) => r.region_name, width: 20 },
  { header: 'Posyandu', value: (r) => r.posyandu_name, width: 22 },
  { header: 'NIK', value: (r) => r.nik, width: 18 },
  { header: 'Nama Anak', value: (r) => r.name, width: 24 },
  { header: 'JK', value: (r) => sexLabel(r.sex), width: 5 },
  { header: 'Tgl Lahir', value: (r) => r.birth_date, width: 12 },
  { header: 'BB Lahir', value: (r) => r.birth_weight_kg },
  { header: 'TB Lahir', value: (r) => r.birth_length_cm },
  { header: 'Nama Ibu', value: (r) => r.mother_name, width: 22 },
  { header: 'NIK Ibu', value: (r) => r.mother_nik, width: 18 },
  { header: 'Alamat', value: (r) => r.address, width: 30 },
];

const label = (index: 'pb_tb_u' | 'bb_u' | 'bb_pb_tb', code: string | null) =>
  code ? categoryLabel(index, code as never) : null;

/** Columns of the measurements download: the import's headers, then z-scores and status. */
export const measurementExportColumns: ExportColumn<MeasurementExportRow>[] = [
  { header: 'Kode Desa', value: (r) => r.region_code, width: 12 },
  { header: 'Desa/Kelurahan', value: (r) => r.region_name, width: 20 },
  { header: 'Posyandu', value: (r) => r.posyandu_name, width: 22 },
  { header: 'NIK', value: (r) => r.nik, width: 18 },
  { header: 'Nama Anak', value: (r) => r.name, width: 24 },
  { header: 'JK', value: (r) => sexLabel(r.sex), width: 5 },
  { header: 'Tgl Lahir', value: (r) => r.birth_date, width: 12 },
  { header: 'Nama Ibu', value: (r) => r.mother_name, width: 22 },
  { header: 'Tanggal Pengukuran', value: (r) => r.measured_on, width: 12 },
  { header: 'Umur (bulan)', value: (r) => Math.floor(ageInMonths(r.age_days)) },
  { header: 'BB (kg)', value: (r) => r.weight_kg },
  { header: 'TB/PB (cm)', value: (r) => r.height_cm },
  {
    header: 'Cara Ukur',
    value: (r) => (r.measure === 'l' ? 'Terlentang' : r.measure === 'h' ? 'Berdiri' : null),
  },
  { header: 'LiLA (cm)', value: (r) => r.muac_cm },
  { header: 'Lingkar Kepala (cm)', value: (r) => r.head_cm },
  { header: 'Edema', value: (r) => (r.oedema ? 'Ya' : null) },
  { header: 'ZS TB/U', value: (r) => r.zlen },
  { header: 'ZS BB/U', value: (r) => r.zwei },
  { header: 'ZS BB/TB', value: (r) => r.zwfl },
  { header: 'ZS IMT/U', value: (r) => r.zbmi },
  { header: 'Status TB/U', value: (r) => label('pb_tb_u', r.height_for_age), width: 16 },
  { header: 'Status BB/U', value: (r) => label('bb_u', r.weight_for_age), width: 22 },
  { header: 'Status BB/TB', value: (r) => label('bb_pb_tb', r.weight_for_height), width: 18 },
  { header: 'N/T', value: (r) => r.weight_gain },
  { header: '2T', value: (r) => (r.two_t ? 'Ya' : null) },
  { header: 'Tidak wajar', value: (r) => (r.implausible ? 'Ya' : null) },
  { header: 'Sumber', value: (r) => r.source },
];
