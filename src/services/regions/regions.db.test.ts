import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countRegions, countRegionsWithin } from '../../db/queries/regions.ts';
import { createTestDb } from '../../test/db.ts';
import type { DatabaseHandle } from '../database.ts';
import { childBoundaries, regionDetail, searchRegionsByName } from './region-directory.ts';

let database: DatabaseHandle;
beforeAll(async () => {
  database = await createTestDb();
});
afterAll(async () => {
  await database.close();
});

describe('region tree (data/wilayah, Kepmendagri 300.2.2-2430/2025)', () => {
  it('has every region of Indonesia', async () => {
    expect(await countRegions(database.db)).toBe(91_599);
    expect(await countRegionsWithin(database.db, '')).toMatchObject({
      provinsi: 38,
      kabupaten: 514,
      kecamatan: 7285,
      desa: 83_762,
    });
  });

  it('has the counts of the source for NTT and its kabupaten', async () => {
    // wilayah/README.md: NTT 21 kabupaten + 1 kota, 315 kecamatan, 305 kelurahan + 3137 desa.
    expect(await countRegionsWithin(database.db, '53')).toEqual({
      kabupaten: 22,
      kecamatan: 315,
      desa: 3442,
    });
    expect(await countRegionsWithin(database.db, '5301')).toEqual({ kecamatan: 24, desa: 177 });
    expect(await countRegionsWithin(database.db, '5302')).toEqual({ kecamatan: 32, desa: 278 });
    expect(await countRegionsWithin(database.db, '5303')).toEqual({ kecamatan: 24, desa: 193 });
  });

  it('gives a region with its ancestors and children', async () => {
    const detail = await regionDetail(database.db, '5301042003');
    expect(detail.ancestors.map((r) => r.code)).toEqual(['53', '5301', '530104']);
    expect(detail.region.level).toBe('desa');
    expect(detail.children).toEqual([]);
    const ntt = await regionDetail(database.db, '53');
    expect(ntt.children).toHaveLength(22);
    expect(ntt.children.find((c) => c.code === '5371')).toMatchObject({
      name: 'Kota Kupang',
      type: 'kota',
    });
    expect(ntt.hasBoundaries).toBe(true);
  });

  it('rejects an unknown code with region_not_found', async () => {
    await expect(regionDetail(database.db, '5399')).rejects.toMatchObject({
      code: 'region_not_found',
    });
  });
});

describe('region search', () => {
  const search = (q: string, extra: { level?: 'kabupaten' | 'desa'; within?: string } = {}) =>
    searchRegionsByName(database.db, { q, limit: 10, ...extra }).then((r) => r.items);

  it('ignores case, punctuation and the Kab./Kota prefixes', async () => {
    const items = await search('kab. TIMOR-TENGAH selatan');
    expect(items[0]).toMatchObject({ code: '5302', path: 'Nusa Tenggara Timur' });
    expect((await search('Kota Kupang', { level: 'kabupaten' })).map((r) => r.code)).toContain(
      '5371',
    );
    expect((await search('kupang', { level: 'kabupaten' })).map((r) => r.code).sort()).toEqual([
      '5301',
      '5371',
    ]);
  });

  it('finds official spellings from common variants', async () => {
    expect((await search('Loktuan'))[0]).toMatchObject({ code: '6474011003', name: 'Lok Tuan' });
    expect((await search('Sika', { level: 'kabupaten' }))[0]).toMatchObject({ code: '5307' });
  });

  it('restricts to a scope and treats % and _ literally', async () => {
    const inKupang = await search('oe', { within: '5301', level: 'desa' });
    expect(inKupang.length).toBeGreaterThan(0);
    expect(inKupang.every((r) => r.code.startsWith('5301'))).toBe(true);
    expect(await search('%%')).toEqual([]);
    expect(await search("'; drop table region; --")).toEqual([]);
    expect(await countRegions(database.db)).toBe(91_599);
  });
});

describe('boundaries', () => {
  it("gives the GeoJSON of a kabupaten's kecamatan, and says which are missing", async () => {
    const geo = await childBoundaries(database.db, '5301');
    expect(geo.type).toBe('FeatureCollection');
    expect(geo.features.length + geo.missing.length).toBe(24);
    expect(geo.features.every((f) => f.properties.code.startsWith('5301'))).toBe(true);
  });

  it('answers not_found where no boundaries are shipped', async () => {
    await expect(childBoundaries(database.db, '1101')).rejects.toMatchObject({ code: 'not_found' });
  });
});

describe('province list', () => {
  it('is what a search without a name gives', async () => {
    const { items } = await searchRegionsByName(database.db, { limit: 50 });
    expect(items).toHaveLength(38);
    expect(items.every((r) => r.level === 'provinsi')).toBe(true);
    expect(items.find((r) => r.code === '53')?.name).toBe('Nusa Tenggara Timur');
  });
});
