/**
 * Name matching for region search. Sources spell names differently (Sika/Sikka, Loktuan/Lok Tuan,
 * "Kab. Kupang"/"Kabupaten Kupang"), so search compares a folded key: lower case, accents, punctuation
 * and spaces removed, and the administrative prefixes dropped (shared/data/README.md, Conventions).
 */
const prefixes = [
  'kabupaten administrasi',
  'kota administrasi',
  'kabupaten',
  'kab',
  'kota',
  'provinsi',
  'prov',
  'kecamatan',
  'kec',
  'kelurahan',
  'kel',
  'desa adat',
  'desa',
];
const prefixPattern = new RegExp(`^(?:${prefixes.join('|')})\\b\\.?\\s*`);

/** Folded key of a region name: `Kab. Timor Tengah Selatan` → `timortengahselatan`. */
export function regionSearchKey(name: string): string {
  const plain = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9\s.]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return plain.replace(prefixPattern, '').replace(/[^a-z0-9]/g, '');
}

/**
 * A fold that also merges doubled letters (Sikka/Sika, Berebas/Berbas is not covered: that
 * needs the vowel rule below). Used as a second, looser key when the exact key finds nothing.
 */
export function regionLooseKey(name: string): string {
  return regionSearchKey(name)
    .replace(/(.)\1+/g, '$1')
    .replace(/[aeiou]/g, '');
}
