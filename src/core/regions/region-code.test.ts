import { describe, expect, it } from 'vitest';
import {
  isWithinRegion,
  normalizeRegionCode,
  regionAncestorCodes,
  regionLevel,
  regionParentCode,
} from './region-code.ts';
import { regionLooseKey, regionSearchKey } from './region-name.ts';

describe('region codes', () => {
  it('derives level, parent and ancestors from the code', () => {
    expect(regionLevel('53')).toBe('provinsi');
    expect(regionLevel('5301012001')).toBe('desa');
    expect(regionParentCode('5301012001')).toBe('530101');
    expect(regionParentCode('5301')).toBe('53');
    expect(regionParentCode('53')).toBeNull();
    expect(regionAncestorCodes('5301012001')).toEqual(['53', '5301', '530101']);
    expect(regionAncestorCodes('53')).toEqual([]);
  });

  it('normalises dotted codes and rejects what is not a code', () => {
    expect(normalizeRegionCode('53.01.01.2001')).toBe('5301012001');
    expect(normalizeRegionCode(' 5371 ')).toBe('5371');
    expect(normalizeRegionCode('537')).toBeNull();
    expect(normalizeRegionCode('53a1')).toBeNull();
    expect(normalizeRegionCode("53'; drop table region;--")).toBeNull();
  });

  it('scopes by prefix, not by string containment', () => {
    expect(isWithinRegion('5301012001', '5301')).toBe(true);
    expect(isWithinRegion('5301', '5301')).toBe(true);
    expect(isWithinRegion('5302012001', '5301')).toBe(false);
    expect(isWithinRegion('1530', '53')).toBe(false);
  });
});

describe('region name keys', () => {
  it('ignores case, punctuation, accents and administrative prefixes', () => {
    expect(regionSearchKey('Kab. Timor Tengah Selatan')).toBe('timortengahselatan');
    expect(regionSearchKey('KABUPATEN TIMOR-TENGAH SELATAN')).toBe('timortengahselatan');
    expect(regionSearchKey('Kota Kupang')).toBe(regionSearchKey('kupang'));
    expect(regionSearchKey('Lok Tuan')).toBe(regionSearchKey('Loktuan'));
  });

  it('has a loose key for doubled letters and vowel variants', () => {
    expect(regionLooseKey('Sika')).toBe(regionLooseKey('Kabupaten Sikka'));
    expect(regionLooseKey('Berebas Pantai')).toBe(regionLooseKey('Berbas Pantai'));
  });
});
