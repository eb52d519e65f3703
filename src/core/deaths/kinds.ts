/** The kinds of death Tumbuh registers (docs/deaths.md §1). */

/**
 * Who died:
 * - `maternal`: a woman during pregnancy, delivery or within 42 days after (kematian ibu);
 * - `stillbirth`: a baby born dead at ≥ 22 weeks or ≥ 500 g (lahir mati, ICD-PM);
 * - `neonatal`: a live-born baby dead at 0–28 days (kematian neonatal, AKN);
 * - `postneonatal`: 29 days up to the first birthday (with neonatal: kematian bayi, AKB);
 * - `child`: from the first to the fifth birthday (anak balita; with the above: kematian balita).
 */
export const deathKinds = ['maternal', 'stillbirth', 'neonatal', 'postneonatal', 'child'] as const;
export type DeathKind = (typeof deathKinds)[number];
