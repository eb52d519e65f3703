/**
 * Cause groups of maternal, perinatal and child deaths, as data (docs/deaths.md §Cause groups).
 *
 * - Maternal deaths: the nine groups of the underlying cause in WHO, "The WHO application of
 *   ICD-10 to deaths during pregnancy, childbirth and the puerperium: ICD-MM" (2012). Groups 1–6
 *   are direct obstetric causes, 7 indirect, 8 unknown, 9 coincidental (a coincidental death is
 *   recorded but is not a maternal death in AKI: see `countsInAki`).
 * - Stillbirths and neonatal deaths: the groups of WHO, "The WHO application of ICD-10 to deaths
 *   during the perinatal period: ICD-PM" (2016): antepartum A1–A6, intrapartum I1–I7, neonatal
 *   N1–N11, and the maternal condition M1–M5 that is recorded beside the perinatal cause.
 * - Post-neonatal (29 days–11 months) and child (12–59 months) deaths: ICD-PM does not cover
 *   them; the groups are those the Profil Kesehatan Indonesia tabulates for these ages (2021:
 *   pneumonia, diare, kelainan kongenital, kondisi perinatal, penyakit saraf, meningitis, demam
 *   berdarah; Kemenkes 2019 under-five table: malaria, difteri, campak; Profil Jawa Tengah 2022:
 *   tenggelam/cedera), with "other" and "unknown".
 *
 * The codes are stable identifiers (stored in death_case.cause_group), never renamed.
 */
import type { DeathKind } from './kinds.ts';

/** Which classification a group belongs to. */
export type CauseSystem =
  'icd_mm' | 'icd_pm_antepartum' | 'icd_pm_intrapartum' | 'icd_pm_neonatal' | 'child';

/** One cause group. */
export interface CauseGroup {
  readonly code: string;
  readonly system: CauseSystem;
  readonly label: { readonly id: string; readonly en: string };
}

const g = (code: string, system: CauseSystem, id: string, en: string): CauseGroup => ({
  code,
  system,
  label: { id, en },
});

/** WHO ICD-MM (2012): groups of the underlying cause of a death during pregnancy, childbirth and the puerperium. */
export const maternalCauseGroups: readonly CauseGroup[] = [
  g('mm1', 'icd_mm', 'Kehamilan dengan hasil akhir abortus', 'Pregnancies with abortive outcome'),
  g(
    'mm2',
    'icd_mm',
    'Gangguan hipertensi dalam kehamilan, persalinan dan nifas',
    'Hypertensive disorders in pregnancy, childbirth and the puerperium',
  ),
  g('mm3', 'icd_mm', 'Perdarahan obstetri', 'Obstetric haemorrhage'),
  g('mm4', 'icd_mm', 'Infeksi terkait kehamilan', 'Pregnancy-related infection'),
  g('mm5', 'icd_mm', 'Komplikasi obstetri lain', 'Other obstetric complications'),
  g(
    'mm6',
    'icd_mm',
    'Komplikasi tak terduga dari penanganan',
    'Unanticipated complications of management',
  ),
  g('mm7', 'icd_mm', 'Komplikasi non-obstetri (tidak langsung)', 'Non-obstetric complications'),
  g('mm8', 'icd_mm', 'Tidak diketahui / belum dapat ditentukan', 'Unknown/undetermined'),
  g('mm9', 'icd_mm', 'Penyebab kebetulan (bukan kematian ibu)', 'Coincidental causes'),
];

const congenital = {
  id: 'Kelainan kongenital, deformasi dan kelainan kromosom',
  en: 'Congenital malformations, deformations and chromosomal abnormalities',
};

/** WHO ICD-PM (2016): antepartum stillbirths (death before the onset of labour). */
export const antepartumCauseGroups: readonly CauseGroup[] = [
  g('a1', 'icd_pm_antepartum', congenital.id, congenital.en),
  g('a2', 'icd_pm_antepartum', 'Infeksi', 'Infection'),
  g('a3', 'icd_pm_antepartum', 'Hipoksia antepartum', 'Antepartum hypoxia'),
  g(
    'a4',
    'icd_pm_antepartum',
    'Gangguan antepartum lain yang spesifik',
    'Other specified antepartum disorder',
  ),
  g(
    'a5',
    'icd_pm_antepartum',
    'Gangguan terkait pertumbuhan janin',
    'Disorders related to fetal growth',
  ),
  g(
    'a6',
    'icd_pm_antepartum',
    'Kematian antepartum tanpa penyebab spesifik',
    'Antepartum death of unspecified cause',
  ),
];

/** WHO ICD-PM (2016): intrapartum stillbirths (death during labour). */
export const intrapartumCauseGroups: readonly CauseGroup[] = [
  g('i1', 'icd_pm_intrapartum', congenital.id, congenital.en),
  g('i2', 'icd_pm_intrapartum', 'Trauma lahir', 'Birth trauma'),
  g('i3', 'icd_pm_intrapartum', 'Kejadian intrapartum akut', 'Acute intrapartum event'),
  g('i4', 'icd_pm_intrapartum', 'Infeksi', 'Infection'),
  g(
    'i5',
    'icd_pm_intrapartum',
    'Gangguan intrapartum lain yang spesifik',
    'Other specified intrapartum disorder',
  ),
  g(
    'i6',
    'icd_pm_intrapartum',
    'Gangguan terkait pertumbuhan janin',
    'Disorders related to fetal growth',
  ),
  g(
    'i7',
    'icd_pm_intrapartum',
    'Kematian intrapartum tanpa penyebab spesifik',
    'Intrapartum death of unspecified cause',
  ),
];

/** WHO ICD-PM (2016): neonatal deaths (0–27 completed days; Tumbuh counts 0–28 days as Kemenkes does). */
export const neonatalCauseGroups: readonly CauseGroup[] = [
  g('n1', 'icd_pm_neonatal', congenital.id, congenital.en),
  g(
    'n2',
    'icd_pm_neonatal',
    'Gangguan terkait pertumbuhan janin',
    'Disorders related to fetal growth',
  ),
  g('n3', 'icd_pm_neonatal', 'Trauma lahir', 'Birth trauma'),
  g(
    'n4',
    'icd_pm_neonatal',
    'Komplikasi kejadian intrapartum (asfiksia)',
    'Complications of intrapartum events',
  ),
  g(
    'n5',
    'icd_pm_neonatal',
    'Kejang dan gangguan status serebral',
    'Convulsions and disorders of cerebral status',
  ),
  g('n6', 'icd_pm_neonatal', 'Infeksi', 'Infection'),
  g(
    'n7',
    'icd_pm_neonatal',
    'Gangguan pernapasan dan kardiovaskular',
    'Respiratory and cardiovascular disorders',
  ),
  g('n8', 'icd_pm_neonatal', 'Kondisi neonatal lain', 'Other neonatal conditions'),
  g(
    'n9',
    'icd_pm_neonatal',
    'Berat lahir rendah dan prematuritas',
    'Low birth weight and prematurity',
  ),
  g('n10', 'icd_pm_neonatal', 'Lain-lain', 'Miscellaneous'),
  g(
    'n11',
    'icd_pm_neonatal',
    'Kematian neonatal tanpa penyebab spesifik',
    'Neonatal death of unspecified cause',
  ),
];

/** Post-neonatal and child deaths (29 days–59 months): the Profil Kesehatan Indonesia groups. */
export const childCauseGroups: readonly CauseGroup[] = [
  g('c_pneumonia', 'child', 'Pneumonia', 'Pneumonia'),
  g('c_diarrhoea', 'child', 'Diare', 'Diarrhoea'),
  g('c_congenital', 'child', 'Kelainan kongenital', 'Congenital anomalies'),
  g('c_perinatal', 'child', 'Kondisi perinatal', 'Perinatal conditions'),
  g('c_meningitis', 'child', 'Meningitis', 'Meningitis'),
  g('c_neurological', 'child', 'Penyakit saraf', 'Neurological disease'),
  g('c_dengue', 'child', 'Demam berdarah', 'Dengue'),
  g('c_malaria', 'child', 'Malaria', 'Malaria'),
  g(
    'c_vaccine_preventable',
    'child',
    'Campak, difteri (PD3I)',
    'Measles, diphtheria (vaccine-preventable)',
  ),
  g('c_malnutrition', 'child', 'Gizi buruk', 'Severe malnutrition'),
  g('c_injury', 'child', 'Tenggelam, cedera, kecelakaan', 'Drowning, injury, accident'),
  g('c_other', 'child', 'Penyakit lain', 'Other disease'),
  g('c_unknown', 'child', 'Tidak diketahui', 'Unknown'),
];

/** WHO ICD-PM (2016): the mother's condition at a perinatal death (recorded beside the cause). */
export const maternalConditionGroups: readonly {
  code: string;
  label: { id: string; en: string };
}[] = [
  {
    code: 'm1',
    label: {
      id: 'Komplikasi plasenta, tali pusat dan selaput ketuban',
      en: 'Complications of placenta, cord and membranes',
    },
  },
  {
    code: 'm2',
    label: { id: 'Komplikasi kehamilan pada ibu', en: 'Maternal complications of pregnancy' },
  },
  {
    code: 'm3',
    label: { id: 'Komplikasi persalinan lain', en: 'Other complications of labour and delivery' },
  },
  {
    code: 'm4',
    label: { id: 'Kondisi medis dan bedah ibu', en: 'Maternal medical and surgical conditions' },
  },
  { code: 'm5', label: { id: 'Tidak ada kondisi ibu', en: 'No maternal condition' } },
];

/** Every cause group, by code. */
export const causeGroupsByCode: ReadonlyMap<string, CauseGroup> = new Map(
  [
    ...maternalCauseGroups,
    ...antepartumCauseGroups,
    ...intrapartumCauseGroups,
    ...neonatalCauseGroups,
    ...childCauseGroups,
  ].map((group) => [group.code, group]),
);

/** Stillbirth timing (ICD-PM): before labour, during labour, or not known. */
export type StillbirthTiming = 'antepartum' | 'intrapartum' | 'unknown';

/** The cause groups that may be chosen for a death of this kind (and stillbirth timing). */
export function causeGroupsFor(
  kind: DeathKind,
  timing?: StillbirthTiming | null,
): readonly CauseGroup[] {
  switch (kind) {
    case 'maternal':
      return maternalCauseGroups;
    case 'stillbirth':
      if (timing === 'antepartum') return antepartumCauseGroups;
      if (timing === 'intrapartum') return intrapartumCauseGroups;
      return [...antepartumCauseGroups, ...intrapartumCauseGroups];
    case 'neonatal':
      return neonatalCauseGroups;
    case 'postneonatal':
    case 'child':
      return childCauseGroups;
  }
}

/** True when the group may be recorded for a death of this kind (and timing). */
export function isCauseGroupFor(
  code: string,
  kind: DeathKind,
  timing?: StillbirthTiming | null,
): boolean {
  return causeGroupsFor(kind, timing).some((group) => group.code === code);
}

/** True for a maternal condition code M1–M5. */
export function isMaternalCondition(code: string): boolean {
  return maternalConditionGroups.some((group) => group.code === code);
}

/**
 * Whether a maternal death counts in AKI: every ICD-MM group except 9 (coincidental causes, e.g.
 * a traffic accident during pregnancy), which ICD-MM keeps apart as "not a maternal death".
 * A death whose cause is not yet coded counts (it was notified as a maternal death).
 */
export function countsInAki(causeGroup: string | null): boolean {
  return causeGroup !== 'mm9';
}
