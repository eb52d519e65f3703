import { inflateSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sniffMime } from '../../core/portal/text.ts';
import type { DatabaseHandle } from '../../db/connect.ts';
import { createTestDb } from '../../test/db.ts';
import { gradientPng, simplePdf } from './demo-assets.ts';
import { seedPortalContentIfEmpty } from './demo-content.ts';

let database: DatabaseHandle;
const now = new Date('2026-11-24T08:00:00Z');

beforeAll(async () => {
  database = await createTestDb();
});
afterAll(async () => {
  await database.close();
});

describe('demo assets', () => {
  it('makes valid PNGs and PDFs', () => {
    const png = gradientPng(4, 3, [0, 0, 0], [255, 255, 255]);
    expect(sniffMime(png)).toBe('image/png');
    expect(png.readUInt32BE(16)).toBe(4);
    const idatLength = png.readUInt32BE(33);
    expect(png.toString('ascii', 37, 41)).toBe('IDAT');
    expect(inflateSync(png.subarray(41, 41 + idatLength)).length).toBe(3 * (1 + 4 * 3));
    const pdf = simplePdf('Judul (uji)', ['Baris satu']).toString('latin1');
    expect(pdf.startsWith('%PDF-1.4')).toBe(true);
    expect(pdf).toContain('(Judul \\(uji\\)) Tj');
    const xref = Number(/startxref\n(\d+)/.exec(pdf)![1]);
    expect(pdf.slice(xref, xref + 4)).toBe('xref');
    const firstObject = Number(/0000000000 65535 f \n(\d{10})/.exec(pdf)![1]);
    expect(pdf.slice(firstObject, firstObject + 7)).toBe('1 0 obj');
  });
});

describe('seedPortalContentIfEmpty', () => {
  it('stores the demo content once', async () => {
    const stored = await seedPortalContentIfEmpty(database.db, { now });
    expect(stored).toBe(1 + 6 + 3 + 3 + 3);
    expect(await seedPortalContentIfEmpty(database.db, { now })).toBe(0);
    const rows = await database.db
      .selectFrom('content_item')
      .select(['kind', 'status', 'slug', 'region_code', 'event_start', 'published_at'])
      .execute();
    const published = (kind: string) =>
      rows.filter((r) => r.kind === kind && r.status === 'published');
    expect(published('news')).toHaveLength(5);
    expect(rows.filter((r) => r.status === 'draft')).toHaveLength(1);
    expect(published('page').map((r) => r.slug)).toEqual(['profil-pokja']);
    expect(published('knowledge')).toHaveLength(3);
    for (const p of published('practice')) expect(p.region_code).toMatch(/^53\d{2}$/);
    const today = '2026-11-24';
    const upcoming = published('event').filter((e) => e.event_start! >= today);
    expect(upcoming).toHaveLength(2);
    for (const n of published('news'))
      expect(new Date(n.published_at!).getUTCFullYear()).toBe(2025);
    const files = await database.db.selectFrom('content_file').select(['mime', 'bytes']).execute();
    for (const f of files) expect(sniffMime(Buffer.from(f.bytes))).toBe(f.mime);
    expect(files.filter((f) => f.mime === 'application/pdf')).toHaveLength(3);
  });
});
