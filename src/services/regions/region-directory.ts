import { existsSync, readFileSync } from 'node:fs';
import { DomainError } from '../../core/errors.ts';
import { regionAncestorCodes, regionLevel } from '../../core/regions/region-code.ts';
import { regionLooseKey, regionSearchKey } from '../../core/regions/region-name.ts';
import type { Db } from '../../db/connect.ts';
import {
  findChildRegions,
  findRegion,
  findProvinces,
  findRegions,
  searchRegions,
  type RegionRecord,
} from '../../db/queries/regions.ts';
import { referenceFile } from '../paths.ts';

export interface RegionView {
  code: string;
  name: string;
  level: RegionRecord['level'];
  type: RegionRecord['type'];
  parentCode: string | null;
}

const view = (r: RegionRecord): RegionView => ({
  code: r.code,
  name: r.name,
  level: r.level,
  type: r.type,
  parentCode: r.parent_code,
});

export async function requireRegion(db: Db, code: string): Promise<RegionView> {
  const region = await findRegion(db, code);
  if (!region) throw new DomainError('region_not_found', { code, field: 'code' });
  return view(region);
}

/** A region with its ancestors (province first) and its children. */
export async function regionDetail(db: Db, code: string) {
  const region = await requireRegion(db, code);
  const [ancestors, children] = await Promise.all([
    findRegions(db, regionAncestorCodes(code)),
    findChildRegions(db, code),
  ]);
  return {
    region,
    ancestors: ancestors.map(view),
    children: children.map(view),
    hasBoundaries: boundaryFileFor(code) !== null,
  };
}

export async function searchRegionsByName(
  db: Db,
  params: { q?: string; level?: RegionView['level']; within?: string; limit: number },
) {
  // Without a name, the starting points of every region picker: the provinces.
  if (params.q === undefined)
    return { items: (await findProvinces(db)).map((r) => ({ ...view(r), path: '' })) };
  const key = regionSearchKey(params.q);
  if (key.length === 0) return { items: [] };
  const rows = await searchRegions(db, {
    key,
    looseKey: regionLooseKey(params.q),
    level: params.level,
    within: params.within,
    limit: params.limit,
  });
  const ancestorCodes = [...new Set(rows.flatMap((r) => regionAncestorCodes(r.code)))];
  const names = new Map((await findRegions(db, ancestorCodes)).map((r) => [r.code, r.name]));
  return {
    items: rows.map((r) => ({
      ...view(r),
      path: regionAncestorCodes(r.code)
        .map((c) => names.get(c) ?? c)
        .join(' › '),
    })),
  };
}

/**
 * Which shipped GeoJSON holds the children of a region (shared/data/geo/README.md): all provinces,
 * all kabupaten/kota, kecamatan for 52/53/64, desa for 53 and 6474. Children of a kabupaten are
 * its kecamatan, filtered from the province file; those of a kecamatan its desa.
 */
function boundaryFileFor(code: string): { file: string; prefix: string } | null {
  const candidates: Record<string, string> = {
    provinsi: `kabupaten_${code}.geojson`,
    kabupaten: `kecamatan_${code.slice(0, 2)}.geojson`,
    kecamatan: `desa_${code.slice(0, 2)}.geojson`,
  };
  const level = regionLevel(code);
  const name = candidates[level];
  const extra = level === 'kecamatan' ? [`desa_${code.slice(0, 4)}.geojson`] : [];
  for (const file of [name, ...extra]) {
    if (file && existsSync(referenceFile(`geo/${file}`))) return { file, prefix: code };
  }
  return null;
}

interface Feature {
  type: 'Feature';
  properties: {
    code: string;
    name: string;
    level: string;
    labelLat: number | null;
    labelLng: number | null;
  };
  geometry: unknown;
}
interface FeatureCollection {
  type: 'FeatureCollection';
  features: Feature[];
}
interface SourceFeature {
  properties: { kode: string; nama: string; level: string; label_lat?: number; label_lng?: number };
  geometry: unknown;
}

const geoCache = new Map<string, FeatureCollection>();

function readGeo(file: string): FeatureCollection {
  let collection = geoCache.get(file);
  if (!collection) {
    // The shipped files name properties in Indonesian (kode, nama); the API speaks code, name.
    const source = JSON.parse(readFileSync(referenceFile(`geo/${file}`), 'utf8')) as {
      features: SourceFeature[];
    };
    collection = {
      type: 'FeatureCollection',
      features: source.features.map((f) => ({
        type: 'Feature',
        properties: {
          code: f.properties.kode,
          name: f.properties.nama,
          level: f.properties.level,
          labelLat: f.properties.label_lat ?? null,
          labelLng: f.properties.label_lng ?? null,
        },
        geometry: f.geometry,
      })),
    };
    geoCache.set(file, collection);
  }
  return collection;
}

/** GeoJSON of the children of a region that have boundaries; 404 when none are shipped. */
export async function childBoundaries(
  db: Db,
  code: string,
): Promise<FeatureCollection & { missing: string[] }> {
  await requireRegion(db, code);
  const source = code === '00' ? null : boundaryFileFor(code);
  if (!source) throw new DomainError('not_found', { what: `boundaries of ${code}`, code });
  const children = await findChildRegions(db, code);
  const wanted = new Set(children.map((c) => c.code));
  const features = readGeo(source.file).features.filter((f) => wanted.has(f.properties.code));
  const have = new Set(features.map((f) => f.properties.code));
  return {
    type: 'FeatureCollection',
    features,
    missing: children.filter((c) => !have.has(c.code)).map((c) => c.code),
  };
}
