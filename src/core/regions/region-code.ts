/**
 * Kode wilayah (Kemendagri) helpers. A code is hierarchical: 2 digits provinsi, 4 kabupaten/kota,
 * 6 kecamatan, 10 desa/kelurahan, and its prefix is its parent (DESIGN.md, Domain words).
 * Codes are strings without dots and are never parsed as numbers (leading digits matter).
 */
export const regionLevels = ['provinsi', 'kabupaten', 'kecamatan', 'desa'] as const;
export type RegionLevel = (typeof regionLevels)[number];

const lengthOfLevel: Record<RegionLevel, number> = {
  provinsi: 2,
  kabupaten: 4,
  kecamatan: 6,
  desa: 10,
};
const levelOfLength: Record<number, RegionLevel> = {
  2: 'provinsi',
  4: 'kabupaten',
  6: 'kecamatan',
  10: 'desa',
};

/** Accepts `53.01.01.2001` or `5301012001`; returns the dotless code, or null if it is not a code. */
export function normalizeRegionCode(input: string): string | null {
  const code = input.trim().replace(/\./g, '');
  return /^\d+$/.test(code) && levelOfLength[code.length] ? code : null;
}

/** True for a syntactically valid dotless code of one of the four levels. */
export function isRegionCode(code: string): boolean {
  return /^\d+$/.test(code) && levelOfLength[code.length] !== undefined;
}

/** The level a code belongs to, from its length. */
export function regionLevel(code: string): RegionLevel {
  const level = levelOfLength[code.length];
  if (!level) throw new RangeError(`not a region code: ${code}`);
  return level;
}

export function codeLengthOfLevel(level: RegionLevel): number {
  return lengthOfLevel[level];
}

/** Parent code by prefix (`5301012001` → `530101`); null for a province. */
export function regionParentCode(code: string): string | null {
  const index = regionLevels.indexOf(regionLevel(code));
  return index === 0 ? null : code.slice(0, lengthOfLevel[regionLevels[index - 1]!]);
}

/** Codes of all ancestors, province first (`5301012001` → [`53`, `5301`, `530101`]). */
export function regionAncestorCodes(code: string): string[] {
  const own = regionLevels.indexOf(regionLevel(code));
  return regionLevels.slice(0, own).map((level) => code.slice(0, lengthOfLevel[level]));
}

/** True when `code` is `scope` itself or lies inside it (prefix rule). */
export function isWithinRegion(code: string, scope: string): boolean {
  return code.startsWith(scope) && isRegionCode(code);
}

/** The level directly below, or null for desa. */
export function childLevel(level: RegionLevel): RegionLevel | null {
  return regionLevels[regionLevels.indexOf(level) + 1] ?? null;
}

/** Display labels of the levels (Indonesian first). */
export const regionLevelLabels: Record<RegionLevel, { id: string; en: string }> = {
  provinsi: { id: 'Provinsi', en: 'Province' },
  kabupaten: { id: 'Kabupaten/Kota', en: 'District/City' },
  kecamatan: { id: 'Kecamatan', en: 'Sub-district' },
  desa: { id: 'Desa/Kelurahan', en: 'Village' },
};
