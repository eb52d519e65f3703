/**
 * Synthetic AKI-AKB data for the demo province (docs/demo-data.md §Deaths): live births per desa
 * and month, and death notifications with their review, at the levels NTT publishes. Pure and
 * seeded: the same plan and seed give the same rows.
 *
 * Levels (data/indicators/maternal_infant.csv, Dinkes NTT):
 * - live births per kabupaten a year: the 2019 figure (18 kabupaten/kota); the other four share
 *   what is left of the province's 90,023 in proportion to their demo children;
 * - maternal and infant deaths per kabupaten: the mean of 2018 and 2019 per 1,000 births (the
 *   province rate where a kabupaten has none), scaled so the province matches 2023 (135 maternal,
 *   1,065 infant deaths); stillbirths at the kabupaten's 2019 rate of births "mati";
 * - neonatal deaths are 78 % of infant deaths and child (1–4 years) deaths 9 % of them, the
 *   shares of Profil Kesehatan Indonesia 2021 (20,154 neonatal, 5,102 post-neonatal, 2,310
 *   child deaths).
 * Every case runs through the review workflow as far as its age allows (some deliberately slow,
 * so overdue cases exist); two kabupaten report live births as yearly totals only, so estimates
 * show where they are used. Names are invented like the children's (names.ts).
 */
import type {
  DeathKind,
  FacilityType,
  MaternalTiming,
  PlaceOfDeath,
  StillbirthTiming,
} from '../deaths/case.ts';
import type { Avoidability, CaseStatus, RecommendationLevel } from '../deaths/workflow.ts';
import { dateParts, dayOfMonth, isoDate, monthIndexOf } from './calendar.ts';
import { demoId, demoIdPrefix } from './ids.ts';
import { FAMILY_NAMES, MOTHER_NAMES, MUSLIM_MOTHER_NAMES, type NamingArea } from './names.ts';
import type { DemoPlan } from './plan.ts';
import { DemoRandom } from './random.ts';

/** A published figure the demo is calibrated on. */
export interface PublishedFigure {
  regionCode: string;
  indicator: 'births_alive' | 'births_dead' | 'maternal_deaths' | 'infant_deaths';
  year: number;
  value: number;
}

/** One synthetic death case with its workflow so far. */
export interface DemoDeathCase {
  id: string;
  kind: DeathKind;
  status: CaseStatus;
  regionCode: string;
  deathRegionCode: string;
  deathDate: string;
  deathTime: string | null;
  placeOfDeath: PlaceOfDeath;
  facilityType: FacilityType | null;
  facilityName: string | null;
  name: string;
  birthDate: string | null;
  motherName: string | null;
  sex: 1 | 2 | null;
  ageDays: number | null;
  motherAgeYears: number | null;
  gestationalWeeks: number | null;
  birthWeightGrams: number | null;
  maternalTiming: MaternalTiming | null;
  deliveryDate: string | null;
  stillbirthTiming: StillbirthTiming | null;
  /** The suspected cause at notification, then the reviewed one. */
  causeGroup: string | null;
  delays: [boolean | null, boolean | null, boolean | null];
  notifiedAt: string;
  notifierRole: 'village' | 'puskesmas' | 'hospital';
  notifiedLate: boolean;
  delayMinutes: number;
  lateReason: string | null;
  verifiedAt: string | null;
  reviewedAt: string | null;
  reviewSummary: string | null;
  avoidable: Avoidability | null;
  recommendedAt: string | null;
  closedAt: string | null;
}

/** A recommendation of a reviewed demo case. */
export interface DemoRecommendation {
  id: string;
  caseId: string;
  regionCode: string;
  text: string;
  responsible: string;
  level: RecommendationLevel;
  dueDate: string;
  createdAt: string;
  doneAt: string | null;
  doneNote: string | null;
}

/** A live-birth figure of the demo. */
export interface DemoLiveBirth {
  regionCode: string;
  period: string;
  count: number;
}

export interface DemoDeathData {
  cases: DemoDeathCase[];
  recommendations: DemoRecommendation[];
  liveBirths: DemoLiveBirth[];
}

/** Kabupaten that report live births as yearly totals only (so the page shows estimates). */
export const YEARLY_BIRTH_REPORTERS = ['5305', '5316'];
/** Province totals of 2023 the deaths are scaled to (Nusa Flobamora 2024-08-15, acting governor). */
const TARGET_2023 = { maternal: 135, infant: 1065 };
const NEONATAL_SHARE = 0.78;
const CHILD_PER_INFANT = 0.09;
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const WITA = 8 * HOUR;

/** Poisson draw (Knuth for small means, normal approximation above 30). */
function poisson(rng: DemoRandom, mean: number): number {
  if (mean <= 0) return 0;
  if (mean > 30) return Math.max(0, Math.round(mean + Math.sqrt(mean) * rng.normal()));
  const limit = Math.exp(-mean);
  let k = 0;
  let p = rng.next();
  while (p > limit) {
    k += 1;
    p *= rng.next();
  }
  return k;
}

function weighted<T>(rng: DemoRandom, items: readonly (readonly [T, number])[]): T {
  const total = items.reduce((s, [, w]) => s + w, 0);
  let x = rng.next() * total;
  for (const [item, w] of items) {
    x -= w;
    if (x < 0) return item;
  }
  return items[items.length - 1]![0];
}

/** A local WITA moment of a day number and minutes after midnight, as ISO with offset. */
function witaIso(day: number, minutes: number): string {
  const ms = day * DAY + minutes * MINUTE - WITA;
  return new Date(ms).toISOString();
}
const plusMs = (iso: string, ms: number) => new Date(Date.parse(iso) + ms).toISOString();

const causeWeights: Record<DeathKind, readonly (readonly [string, number])[]> = {
  maternal: [
    ['mm3', 30],
    ['mm2', 26],
    ['mm7', 18],
    ['mm4', 7],
    ['mm5', 6],
    ['mm8', 7],
    ['mm1', 4],
    ['mm6', 2],
  ],
  neonatal: [
    ['n9', 35],
    ['n4', 27],
    ['n1', 12],
    ['n6', 10],
    ['n7', 6],
    ['n8', 4],
    ['n2', 2],
    ['n11', 2],
    ['n3', 1],
    ['n5', 1],
  ],
  postneonatal: [
    ['c_pneumonia', 25],
    ['c_diarrhoea', 20],
    ['c_congenital', 12],
    ['c_other', 12],
    ['c_perinatal', 5],
    ['c_unknown', 5],
    ['c_dengue', 4],
    ['c_malaria', 4],
    ['c_malnutrition', 4],
    ['c_meningitis', 3],
    ['c_neurological', 3],
    ['c_injury', 3],
  ],
  child: [
    ['c_diarrhoea', 22],
    ['c_pneumonia', 20],
    ['c_other', 15],
    ['c_dengue', 10],
    ['c_injury', 10],
    ['c_malaria', 6],
    ['c_malnutrition', 6],
    ['c_unknown', 5],
    ['c_congenital', 4],
    ['c_vaccine_preventable', 2],
  ],
  stillbirth: [],
};
const stillbirthCauses = (timing: StillbirthTiming): readonly (readonly [string, number])[] =>
  timing === 'intrapartum'
    ? [
        ['i3', 45],
        ['i7', 25],
        ['i1', 8],
        ['i2', 6],
        ['i4', 6],
        ['i5', 5],
        ['i6', 5],
      ]
    : [
        ['a6', 45],
        ['a3', 18],
        ['a5', 12],
        ['a1', 10],
        ['a2', 8],
        ['a4', 7],
      ];

const summaries: Record<string, string> = {
  mm3: 'Perdarahan pascasalin; transfusi tidak tersedia tepat waktu, rujukan dari rumah terlambat.',
  mm2: 'Preeklamsia berat tidak terdeteksi saat ANC; kejang di rumah sebelum dirujuk.',
  mm4: 'Sepsis setelah persalinan di rumah; keluarga menunggu beberapa hari sebelum ke puskesmas.',
  mm7: 'Penyakit jantung dalam kehamilan, tidak dirujuk ke dokter spesialis selama ANC.',
  n9: 'Bayi berat lahir rendah dan prematur; tidak ada perawatan metode kanguru, hipotermia.',
  n4: 'Asfiksia saat lahir; resusitasi tertunda karena alat tidak siap.',
  n6: 'Infeksi neonatal; tanda bahaya tidak dikenali keluarga.',
};
const fallbackSummary =
  'Kajian selesai: rantai kejadian dan faktor yang dapat diperbaiki dicatat oleh tim AMP-SR.';

const recommendationPool: readonly {
  text: string;
  level: RecommendationLevel;
  who: 'puskesmas' | 'rs' | 'dinkes' | 'desa';
}[] = [
  {
    text: 'Bentuk dan data pendonor darah desa; jadwalkan pemeriksaan golongan darah ibu hamil.',
    level: 'community',
    who: 'desa',
  },
  {
    text: 'Siapkan ambulans desa dan daftar kendaraan siaga untuk rujukan persalinan.',
    level: 'community',
    who: 'desa',
  },
  {
    text: 'Kelas ibu hamil tentang tanda bahaya kehamilan dan nifas setiap bulan.',
    level: 'community',
    who: 'puskesmas',
  },
  {
    text: 'Skrining preeklamsia (tekanan darah, protein urin) pada setiap kunjungan ANC.',
    level: 'facility',
    who: 'puskesmas',
  },
  {
    text: 'Latihan resusitasi bayi baru lahir untuk semua bidan puskesmas dan pustu.',
    level: 'facility',
    who: 'puskesmas',
  },
  {
    text: 'Pastikan stok uterotonika dan MgSO4 di setiap fasilitas persalinan.',
    level: 'facility',
    who: 'dinkes',
  },
  {
    text: 'Tinjau alur rujukan ke RSUD dan waktu tanggap IGD untuk kegawatdaruratan obstetri.',
    level: 'facility',
    who: 'rs',
  },
  {
    text: 'Kunjungan nifas dan neonatal ke rumah dalam 48 jam setelah pulang.',
    level: 'facility',
    who: 'puskesmas',
  },
  {
    text: 'Perawatan metode kanguru untuk bayi berat lahir rendah di puskesmas rawat inap.',
    level: 'facility',
    who: 'rs',
  },
  {
    text: 'Rumah tunggu kelahiran untuk ibu dari desa terpencil menjelang persalinan.',
    level: 'district',
    who: 'dinkes',
  },
  {
    text: 'Evaluasi ketersediaan dokter spesialis kandungan dan anak di RSUD.',
    level: 'district',
    who: 'dinkes',
  },
];
const lateReasons = [
  'Sinyal telepon tidak ada di desa',
  'Bidan baru mengetahui dari kader',
  'Jalan putus karena hujan',
  'Keluarga tidak melapor',
  'Akun aplikasi belum aktif',
];
const doneNotes = [
  'Sudah dilaksanakan dan dilaporkan ke Dinkes.',
  'Selesai; dipantau pada rapat bulanan puskesmas.',
  'Terlaksana, anggaran dari dana desa.',
];

/** Annual live births per kabupaten of the plan: the published 2019 figures, the rest shared out. */
export function demoAnnualBirths(
  plan: DemoPlan,
  published: readonly PublishedFigure[],
): Map<string, number> {
  const alive = new Map(
    published
      .filter((p) => p.indicator === 'births_alive' && p.year === 2019)
      .map((p) => [p.regionCode, p.value]),
  );
  const province = alive.get(plan.province.code) ?? 0;
  const known = plan.kabupaten.filter((k) => alive.has(k.code));
  const unknown = plan.kabupaten.filter((k) => !alive.has(k.code));
  const rest = Math.max(0, province - known.reduce((s, k) => s + alive.get(k.code)!, 0));
  const restChildren = unknown.reduce((s, k) => s + k.children, 0);
  const births = new Map<string, number>();
  for (const k of known) births.set(k.code, alive.get(k.code)!);
  for (const k of unknown) {
    const fallback = plan.totalChildren > 0 ? (k.children / plan.totalChildren) * 90_000 : 0;
    births.set(
      k.code,
      Math.round(restChildren > 0 && rest > 0 ? (rest * k.children) / restChildren : fallback),
    );
  }
  return births;
}

/** Expected deaths a year per kabupaten and kind. */
function expectedDeaths(
  plan: DemoPlan,
  published: readonly PublishedFigure[],
  births: Map<string, number>,
) {
  const value = (indicator: PublishedFigure['indicator'], code: string, year: number) =>
    published.find((p) => p.indicator === indicator && p.regionCode === code && p.year === year)
      ?.value;
  const mean = (indicator: 'maternal_deaths' | 'infant_deaths', code: string) => {
    const a = value(indicator, code, 2018);
    const b = value(indicator, code, 2019);
    return a !== undefined && b !== undefined ? (a + b) / 2 : undefined;
  };
  const provinceBirths = value('births_alive', plan.province.code, 2019) ?? 90_023;
  const provinceRate = (indicator: 'maternal_deaths' | 'infant_deaths') =>
    (mean(indicator, plan.province.code) ?? (indicator === 'maternal_deaths' ? 120 : 867)) /
    provinceBirths;
  const raw = plan.kabupaten.map((k) => {
    const b = births.get(k.code) ?? 0;
    const birthsOf2019 = value('births_alive', k.code, 2019);
    const rate = (indicator: 'maternal_deaths' | 'infant_deaths') => {
      const m = mean(indicator, k.code);
      return m !== undefined && birthsOf2019 ? m / birthsOf2019 : provinceRate(indicator);
    };
    const dead = value('births_dead', k.code, 2019);
    const stillRate =
      dead !== undefined && birthsOf2019 ? dead / birthsOf2019 : 823 / provinceBirths;
    return {
      code: k.code,
      maternal: b * rate('maternal_deaths'),
      infant: b * rate('infant_deaths'),
      stillbirth: b * stillRate,
    };
  });
  const scale = (key: 'maternal' | 'infant') => {
    const total = raw.reduce((s, r) => s + r[key], 0);
    return total > 0 ? TARGET_2023[key] / total : 0;
  };
  const m = scale('maternal');
  const i = scale('infant');
  return new Map(
    raw.map((r) => {
      const infant = r.infant * i;
      return [
        r.code,
        {
          maternal: r.maternal * m,
          neonatal: infant * NEONATAL_SHARE,
          postneonatal: infant * (1 - NEONATAL_SHARE),
          child: infant * CHILD_PER_INFANT,
          stillbirth: r.stillbirth,
        } satisfies Record<DeathKind, number>,
      ];
    }),
  );
}

/**
 * The demo's live births and death cases for the plan's window (its months up to `today`).
 * `now` (ISO) bounds every workflow step: nothing happens after it.
 */
export function demoDeathData(
  plan: DemoPlan,
  published: readonly PublishedFigure[],
  now: string,
): DemoDeathData {
  const seed = plan.options.seed;
  const todayDay = plan.todayDay;
  const nowMs = Date.parse(now);
  const firstMonth = plan.firstMonthIndex;
  const lastMonth = monthIndexOf(todayDay);
  const annual = demoAnnualBirths(plan, published);
  const expected = expectedDeaths(plan, published, annual);
  const casePrefix = demoIdPrefix('death_case', seed);
  const recPrefix = demoIdPrefix('death_recommendation', seed);
  const puskesmasOf = new Map(plan.puskesmas.map((p) => [p.regionCode, p.name]));
  const liveBirths: DemoLiveBirth[] = [];
  const cases: DemoDeathCase[] = [];
  const recommendations: DemoRecommendation[] = [];

  plan.kabupaten.forEach((kab, kabIndex) => {
    const desa = plan.desa.filter((d) => d.kabupatenIndex === kabIndex);
    const childTotal = desa.reduce((s, d) => s + d.children, 0) || desa.length;
    const weightOf = (d: (typeof desa)[number]) =>
      (childTotal === desa.length ? 1 : d.children) / childTotal;
    const yearly = YEARLY_BIRTH_REPORTERS.includes(kab.code);
    const rng = new DemoRandom(seed, 0xb1, kabIndex);
    const perYear = new Map<number, number>();
    // Births per desa and month (reported per desa, or added up into a yearly total).
    for (let month = firstMonth; month <= lastMonth; month++) {
      const { year, month: m } = dateParts(dayOfMonth(month, 1));
      const complete = month < lastMonth;
      for (const d of desa) {
        const count = poisson(rng, ((annual.get(kab.code) ?? 0) / 12) * weightOf(d));
        if (!complete) continue; // the running month is not reported yet
        if (yearly) perYear.set(year, (perYear.get(year) ?? 0) + count);
        else
          liveBirths.push({
            regionCode: d.code,
            period: `${year}-${String(m).padStart(2, '0')}`,
            count,
          });
      }
    }
    const lastCompleteYear = dateParts(todayDay).year - 1;
    for (const [year, count] of perYear)
      if (
        year <= lastCompleteYear &&
        dayOfMonth((year - 1970) * 12, 1) >= dayOfMonth(firstMonth, 1)
      )
        liveBirths.push({ regionCode: kab.code, period: String(year), count });

    // Deaths.
    const rates = expected.get(kab.code)!;
    const deathRng = new DemoRandom(seed, 0xde, kabIndex);
    for (let month = firstMonth; month <= lastMonth; month++) {
      for (const kind of ['maternal', 'stillbirth', 'neonatal', 'postneonatal', 'child'] as const) {
        const n = poisson(deathRng, rates[kind] / 12);
        for (let k = 0; k < n; k++) {
          const first = dayOfMonth(month, 1);
          const last = Math.min(dayOfMonth(month + 1, 1) - 1, todayDay - 1);
          if (last < first) continue;
          const day = deathRng.intBetween(first, last);
          const place = weighted(
            deathRng,
            desa.map((d) => [d, weightOf(d)] as const),
          );
          const made = demoCase(deathRng, {
            id: demoId(casePrefix, cases.length),
            kind,
            day,
            desaCode: place.code,
            kecamatanCode: place.kecamatanCode,
            kabupatenCode: kab.code,
            kabupatenName: kab.name,
            puskesmasName: puskesmasOf.get(place.kecamatanCode) ?? `Puskesmas ${place.name}`,
            naming: kab.naming,
            nowMs,
          });
          // A death notified after now is not in the register yet.
          if (Date.parse(made.case.notifiedAt) > nowMs) continue;
          cases.push(made.case);
          for (const r of made.recommendations)
            recommendations.push({ ...r, id: demoId(recPrefix, recommendations.length) });
        }
      }
    }
  });
  return { cases, recommendations, liveBirths };
}

interface CaseContext {
  id: string;
  kind: DeathKind;
  day: number;
  desaCode: string;
  kecamatanCode: string;
  kabupatenCode: string;
  kabupatenName: string;
  puskesmasName: string;
  naming: DemoPlan['kabupaten'][number]['naming'];
  nowMs: number;
}

function personName(
  rng: DemoRandom,
  naming: CaseContext['naming'],
): { given: string; full: string } {
  const area: NamingArea = weighted(rng, naming.areas);
  const muslim = rng.chance(naming.muslimShare);
  const given = rng.pick(muslim ? MUSLIM_MOTHER_NAMES : MOTHER_NAMES);
  return {
    given,
    full: muslim && rng.chance(0.5) ? given : `${given} ${rng.pick(FAMILY_NAMES[area])}`,
  };
}

function demoCase(
  rng: DemoRandom,
  c: CaseContext,
): { case: DemoDeathCase; recommendations: Omit<DemoRecommendation, 'id'>[] } {
  const mother = personName(rng, c.naming);
  const hospitalName = c.kabupatenName
    .replace(/^Kabupaten /, 'RSUD ')
    .replace(/^Kota /, 'RSUD Kota ');
  const placeWeights: readonly (readonly [PlaceOfDeath, number])[] =
    c.kind === 'maternal'
      ? [
          ['facility', 65],
          ['home', 20],
          ['on_the_way', 12],
          ['other', 3],
        ]
      : c.kind === 'stillbirth'
        ? [
            ['facility', 70],
            ['home', 28],
            ['on_the_way', 2],
          ]
        : c.kind === 'neonatal'
          ? [
              ['facility', 60],
              ['home', 35],
              ['on_the_way', 5],
            ]
          : [
              ['home', 55],
              ['facility', 40],
              ['on_the_way', 5],
            ];
  const placeOfDeath = weighted(rng, placeWeights);
  const facilityType: FacilityType | null =
    placeOfDeath === 'facility'
      ? weighted(rng, [
          ['hospital', 60],
          ['puskesmas', 35],
          ['clinic', 5],
        ] as const)
      : null;
  const facilityName =
    facilityType === 'hospital'
      ? hospitalName
      : facilityType === 'puskesmas'
        ? c.puskesmasName
        : facilityType === 'clinic'
          ? `Klinik Pratama ${c.puskesmasName.replace(/^Puskesmas /, '')}`
          : null;
  const deathRegionCode =
    facilityType === 'hospital' ? c.kabupatenCode : facilityType ? c.kecamatanCode : c.desaCode;
  const minutes = rng.intBetween(0, 24 * 60 - 1);
  const timeKnown = rng.chance(0.75);
  const deathIso = witaIso(c.day, timeKnown ? minutes : 23 * 60 + 59);

  let birthDate: string | null = null;
  let ageDays: number | null = null;
  let sex: 1 | 2 | null = null;
  let gestationalWeeks: number | null = null;
  let birthWeightGrams: number | null = null;
  let maternalTiming: MaternalTiming | null = null;
  let deliveryDate: string | null = null;
  let stillbirthTiming: StillbirthTiming | null = null;
  let motherAgeYears: number | null = null;
  let name = mother.full;
  let cause: string;
  switch (c.kind) {
    case 'maternal': {
      motherAgeYears = Math.min(46, Math.max(16, Math.round(29 + 6.5 * rng.normal())));
      maternalTiming = weighted(rng, [
        ['postpartum', 55],
        ['delivery', 25],
        ['pregnancy', 20],
      ] as const);
      if (maternalTiming === 'pregnancy') gestationalWeeks = rng.intBetween(12, 40);
      else
        deliveryDate = isoDate(
          c.day -
            (maternalTiming === 'delivery'
              ? 0
              : Math.min(42, Math.floor(-Math.log(1 - rng.next()) * 5))),
        );
      cause = weighted(rng, causeWeights.maternal);
      break;
    }
    case 'stillbirth':
      stillbirthTiming = weighted(rng, [
        ['antepartum', 60],
        ['intrapartum', 35],
        ['unknown', 5],
      ] as const);
      gestationalWeeks = rng.intBetween(28, 41);
      birthWeightGrams =
        Math.round(Math.max(700, 900 + (gestationalWeeks - 28) * 180 + 300 * rng.normal()) / 10) *
        10;
      sex = rng.chance(0.5) ? 1 : 2;
      name = `By. Ny. ${mother.given}`;
      cause = weighted(
        rng,
        stillbirthCauses(stillbirthTiming === 'unknown' ? 'antepartum' : stillbirthTiming),
      );
      break;
    default: {
      ageDays =
        c.kind === 'neonatal'
          ? weighted(rng, [
              [rng.intBetween(0, 1), 45],
              [rng.intBetween(2, 7), 30],
              [rng.intBetween(8, 28), 25],
            ] as const)
          : c.kind === 'postneonatal'
            ? rng.intBetween(29, 360)
            : rng.intBetween(370, 1820);
      birthDate = isoDate(c.day - ageDays);
      sex = rng.chance(0.52) ? 1 : 2;
      const lbw = rng.chance(c.kind === 'neonatal' ? 0.45 : 0.15);
      birthWeightGrams =
        Math.round((lbw ? rng.intBetween(1000, 2490) : rng.intBetween(2500, 3800)) / 10) * 10;
      gestationalWeeks = lbw ? rng.intBetween(28, 36) : rng.intBetween(37, 41);
      name =
        c.kind === 'neonatal' && ageDays < 7
          ? `By. Ny. ${mother.given}`
          : `${rng.pick(sex === 1 ? ['Yohanes', 'Petrus', 'Mikael', 'Rafael', 'Yosef', 'Kevin'] : ['Maria', 'Angelina', 'Yasinta', 'Gracia', 'Natalia', 'Keysha'])} ${mother.full.split(' ').slice(1).join(' ') || mother.given}`.trim();
      cause = weighted(rng, causeWeights[c.kind]);
    }
  }

  // Notification: most within hours, one in five late.
  const late = rng.chance(0.2);
  const delayMinutes = late ? rng.intBetween(25 * 60, 10 * 24 * 60) : rng.intBetween(30, 20 * 60);
  const notifiedAt = plusMs(deathIso, delayMinutes * MINUTE);
  const notifierRole =
    facilityType === 'hospital'
      ? 'hospital'
      : facilityType === 'puskesmas'
        ? 'puskesmas'
        : 'village';
  const slow = rng.chance(0.1);
  const lag = (min: number, max: number) =>
    rng.intBetween(min, max) * DAY * (slow ? 3 : 1) + rng.intBetween(8, 16) * HOUR;
  const happened = (iso: string | null) =>
    iso !== null && Date.parse(iso) <= c.nowMs ? iso : null;
  const verifiedAt = happened(plusMs(notifiedAt, lag(1, 6)));
  // The review meets two to four weeks after the death (twice that for a slow kabupaten team),
  // and never before the verification.
  const reviewPlanned = Math.max(
    Date.parse(witaIso(c.day + rng.intBetween(14, 28) * (slow ? 2 : 1), 10 * 60)),
    verifiedAt ? Date.parse(verifiedAt) + rng.intBetween(2, 7) * DAY : 0,
  );
  const reviewOk = verifiedAt ? happened(new Date(reviewPlanned).toISOString()) : null;
  const recommendedAt = reviewOk ? happened(plusMs(reviewOk, lag(1, 6))) : null;

  const recs: Omit<DemoRecommendation, 'id'>[] = [];
  let closedAt: string | null = null;
  if (recommendedAt) {
    const n = rng.intBetween(1, 3);
    const picked = new Set<number>();
    while (picked.size < n) picked.add(rng.int(recommendationPool.length));
    let allDone = true;
    let lastDone = 0;
    for (const index of picked) {
      const r = recommendationPool[index]!;
      const createdAt = plusMs(reviewOk!, rng.intBetween(1, 5) * HOUR);
      const due = isoDate(
        Math.floor((Date.parse(createdAt) + WITA) / DAY) + rng.intBetween(45, 120),
      );
      const doneAt = happened(plusMs(createdAt, rng.intBetween(15, 150) * DAY * (slow ? 2 : 1)));
      if (doneAt) lastDone = Math.max(lastDone, Date.parse(doneAt));
      else allDone = false;
      recs.push({
        caseId: c.id,
        regionCode: c.desaCode,
        text: r.text,
        responsible:
          r.who === 'rs'
            ? hospitalName
            : r.who === 'puskesmas'
              ? c.puskesmasName
              : r.who === 'dinkes'
                ? `Dinkes ${c.kabupatenName}`
                : 'Pemerintah desa',
        level: r.level,
        dueDate: due,
        createdAt,
        doneAt,
        doneNote: doneAt ? rng.pick(doneNotes) : null,
      });
    }
    if (allDone)
      closedAt = happened(new Date(lastDone + rng.intBetween(1, 14) * DAY).toISOString());
  }
  const status: CaseStatus = closedAt
    ? 'closed'
    : recommendedAt
      ? 'recommended'
      : reviewOk
        ? 'reviewed'
        : verifiedAt
          ? 'verified'
          : 'notified';
  const knownAtNotification = rng.chance(0.6);
  const delays: DemoDeathCase['delays'] = reviewOk
    ? [rng.chance(0.35), rng.chance(0.3), rng.chance(0.4)]
    : [null, null, null];

  return {
    case: {
      id: c.id,
      kind: c.kind,
      status,
      regionCode: c.desaCode,
      deathRegionCode,
      deathDate: isoDate(c.day),
      deathTime: timeKnown
        ? `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`
        : null,
      placeOfDeath,
      facilityType,
      facilityName,
      name,
      birthDate,
      motherName: c.kind === 'maternal' ? null : mother.full,
      sex: c.kind === 'maternal' ? 2 : sex,
      ageDays,
      motherAgeYears,
      gestationalWeeks,
      birthWeightGrams,
      maternalTiming,
      deliveryDate,
      stillbirthTiming,
      causeGroup: reviewOk || knownAtNotification ? cause : null,
      delays,
      notifiedAt,
      notifierRole,
      notifiedLate: delayMinutes > 24 * 60,
      delayMinutes,
      lateReason: delayMinutes > 24 * 60 && rng.chance(0.7) ? rng.pick(lateReasons) : null,
      verifiedAt,
      reviewedAt: reviewOk,
      reviewSummary: reviewOk ? (summaries[cause] ?? fallbackSummary) : null,
      avoidable: reviewOk
        ? weighted(rng, [
            ['yes', 60],
            ['no', 25],
            ['unknown', 15],
          ] as const)
        : null,
      recommendedAt,
      closedAt,
    },
    recommendations: recs,
  };
}

/** The cause groups the demo draws from, to check they are all real codes. */
export const demoCauseCodes = (): string[] => [
  ...Object.values(causeWeights).flatMap((w) => w.map(([code]) => code)),
  ...stillbirthCauses('antepartum').map(([c]) => c),
  ...stillbirthCauses('intrapartum').map(([c]) => c),
];
