import { describe, expect, it } from 'vitest';
import {
  liveBirthColumns,
  liveBirthIssueMessage,
  parseBirthCount,
  parseBirthPeriod,
  readLiveBirthRow,
} from './live-birth-import.ts';

describe('reading a live-birth file', () => {
  it('recognises the headers by their folded names and says what is missing', () => {
    const ok = liveBirthColumns([
      'No',
      'KODE_DESA',
      'Nama Wilayah',
      'Tahun',
      'Bulan',
      'Jumlah Lahir Hidup',
    ]);
    if (!ok.ok) throw new Error('expected columns');
    expect(ok.columns.map((c) => c.field)).toEqual([
      null,
      'regionCode',
      null,
      'year',
      'month',
      'count',
    ]);
    expect(liveBirthColumns(['Desa', 'Jumlah'])).toEqual({
      ok: false,
      missing: ['Kode Wilayah', 'Periode (atau Tahun)'],
      found: ['Desa', 'Jumlah'],
    });
  });

  it('reads periods written in the usual ways', () => {
    const p = (
      period: string | Date | number | null,
      year: string | number | null = null,
      month: string | number | null = null,
    ) => parseBirthPeriod(period, year, month);
    expect(p('2025-03')).toEqual({ ok: true, value: '2025-03' });
    expect(p('2025-3')).toEqual({ ok: true, value: '2025-03' });
    expect(p('03/2025')).toEqual({ ok: true, value: '2025-03' });
    expect(p('Maret 2025')).toEqual({ ok: true, value: '2025-03' });
    expect(p('2025')).toEqual({ ok: true, value: '2025' });
    expect(p(new Date('2025-03-01T00:00:00Z'))).toEqual({ ok: true, value: '2025-03' });
    expect(p(null, 2025, 'Agustus')).toEqual({ ok: true, value: '2025-08' });
    expect(p(null, 2025, null)).toEqual({ ok: true, value: '2025' });
    expect(p('2025-13')).toEqual({ ok: false });
    expect(p(null, null, null)).toEqual({ ok: true, value: null });
  });

  it('reads whole counts with thousands separators and refuses fractions', () => {
    expect(parseBirthCount('1.250')).toBe(1250);
    expect(parseBirthCount('1,250')).toBe(1250);
    expect(parseBirthCount(12)).toBe(12);
    expect(parseBirthCount('12,5')).toBe('invalid');
    expect(parseBirthCount(12.5)).toBe('invalid');
    expect(parseBirthCount(null)).toBeNull();
  });

  it('reports every problem of a row with its column and never the value', () => {
    const cols = liveBirthColumns(['Kode Wilayah', 'Periode', 'Lahir Hidup']);
    if (!cols.ok) throw new Error('expected columns');
    expect(readLiveBirthRow(2, ['53.01.04.2003', '2025-01', '7'], cols.columns)).toMatchObject({
      ok: true,
      row: { regionCode: '5301042003', period: '2025-01', count: 7 },
    });
    const bad = readLiveBirthRow(3, ['530', 'Q1', 'tujuh'], cols.columns);
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(bad.issues.map((i) => [i.column, i.code])).toEqual([
      ['Kode Wilayah', 'invalid_region_code'],
      ['Periode', 'invalid_period'],
      ['Lahir Hidup', 'invalid_number'],
    ]);
    expect(liveBirthIssueMessage(bad.issues[1]!, 'id')).toBe(
      'Periode tidak terbaca; gunakan YYYY-MM (e.g. 2025-03) or YYYY',
    );
    expect(JSON.stringify(bad.issues)).not.toContain('tujuh');
  });
});
