/**
 * Counts of deaths and the rates made from them (docs/indicators.md §4, docs/deaths.md
 * §Indicators). Input is one fact per case — no names, no dates of birth: the kind, the status,
 * the date and the two places. Counts add up across regions and months (indicators.md §7), so
 * a kabupaten's count is the sum of its desa and a year's the sum of its months.
 *
 * - maternal: maternal deaths except ICD-MM group 9 (coincidental causes are not maternal deaths);
 * - neonatal: 0–28 days; infant (AKB): neonatal + post-neonatal (under 1 year);
 * - underFive (AKABA): infant + child (1–4 years); stillbirth: counted apart (not in AKB).
 *
 * A case counts where its mother or baby lived (the desa of residence), in the month of the
 * death; only cases in a counted status (by default verified and later: a notification counts
 * once it is confirmed not to be a duplicate) are passed in by the caller.
 */
import {
  infantMortalityRate,
  maternalMortalityRatio,
  neonatalMortalityRate,
  underFiveMortalityRate,
  type MortalityResult,
} from '../indicators/mortality.ts';
import { countsInAki } from './cause-groups.ts';
import type { DeathKind, PlaceOfDeath } from './case.ts';
import type { CaseStatus } from './workflow.ts';

/** What the indicators read of a case (no personal data). */
export interface DeathFact {
  kind: DeathKind;
  status: CaseStatus;
  deathDate: string;
  /** Desa of residence. */
  regionCode: string;
  causeGroup: string | null;
  placeOfDeath: PlaceOfDeath;
  notifiedLate: boolean;
}

/** The counts the portal, the AKI-AKB page and the rates use. */
export interface DeathCounts {
  maternal: number;
  neonatal: number;
  infant: number;
  underFive: number;
  stillbirth: number;
}

/** The five counts of no deaths. */
export const noDeaths = (): DeathCounts => ({
  maternal: 0,
  neonatal: 0,
  infant: 0,
  underFive: 0,
  stillbirth: 0,
});

/** Adds one case to counts (in place). */
function addFact(counts: DeathCounts, fact: DeathFact): void {
  switch (fact.kind) {
    case 'maternal':
      if (countsInAki(fact.causeGroup)) counts.maternal += 1;
      break;
    case 'stillbirth':
      counts.stillbirth += 1;
      break;
    case 'neonatal':
      counts.neonatal += 1;
      counts.infant += 1;
      counts.underFive += 1;
      break;
    case 'postneonatal':
      counts.infant += 1;
      counts.underFive += 1;
      break;
    case 'child':
      counts.underFive += 1;
      break;
  }
}

/** The counts of a set of cases. */
export function deathCounts(facts: Iterable<DeathFact>): DeathCounts {
  const counts = noDeaths();
  for (const fact of facts) addFact(counts, fact);
  return counts;
}

/** Sums counts of different regions or months (they add up). */
export function combineDeathCounts(...parts: readonly DeathCounts[]): DeathCounts {
  const total = noDeaths();
  for (const part of parts) {
    total.maternal += part.maternal;
    total.neonatal += part.neonatal;
    total.infant += part.infant;
    total.underFive += part.underFive;
    total.stillbirth += part.stillbirth;
  }
  return total;
}

/** Counts per key (a month, an area code, …) for every fact whose key is not null. */
export function deathCountsBy(
  facts: Iterable<DeathFact>,
  keyOf: (fact: DeathFact) => string | null,
): Map<string, DeathCounts> {
  const byKey = new Map<string, DeathCounts>();
  for (const fact of facts) {
    const key = keyOf(fact);
    if (key === null) continue;
    let counts = byKey.get(key);
    if (!counts) byKey.set(key, (counts = noDeaths()));
    addFact(counts, fact);
  }
  return byKey;
}

/** The month of a death (`2025-03`): for monthly trends. */
export const monthOfDeath = (fact: DeathFact): string => fact.deathDate.slice(0, 7);

/**
 * The area of a case at a level below a region, by kode wilayah prefix: `areaAt(4)` puts every
 * desa of a kabupaten under its 4-digit code. The tree aggregation of counts is this prefix.
 */
export const areaAt =
  (codeLength: number) =>
  (fact: DeathFact): string =>
    fact.regionCode.slice(0, codeLength);

/** Deaths per cause group (uncoded: `null` key `uncoded`) for one kind of death. */
export function causeCounts(facts: Iterable<DeathFact>, kind: DeathKind): Map<string, number> {
  const counts = new Map<string, number>();
  for (const fact of facts) {
    if (fact.kind !== kind) continue;
    const key = fact.causeGroup ?? 'uncoded';
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/** Deaths per place of death for one kind of death. */
export function placeCounts(
  facts: Iterable<DeathFact>,
  kind: DeathKind,
): Record<PlaceOfDeath, number> {
  const counts: Record<PlaceOfDeath, number> = { facility: 0, home: 0, on_the_way: 0, other: 0 };
  for (const fact of facts) if (fact.kind === kind) counts[fact.placeOfDeath] += 1;
  return counts;
}

/** How many of the cases were notified more than 24 h after the death. */
export function lateNotificationCount(facts: Iterable<DeathFact>): { late: number; total: number } {
  let late = 0;
  let total = 0;
  for (const fact of facts) {
    total += 1;
    if (fact.notifiedLate) late += 1;
  }
  return { late, total };
}

/** AKI, AKB, AKN and AKABA of counts over live births; all null without live births. */
export interface MortalityRates {
  aki: MortalityResult | null;
  akb: MortalityResult | null;
  akn: MortalityResult | null;
  akaba: MortalityResult | null;
}

/**
 * The four rates with exact Poisson intervals, or null when live births are unknown. Live births
 * below the deaths (or zero) come back as the `births_below_deaths` data problem of
 * core/indicators/mortality.ts, never as a rate.
 */
export function mortalityRates(counts: DeathCounts, liveBirths: number | null): MortalityRates {
  if (liveBirths === null) return { aki: null, akb: null, akn: null, akaba: null };
  return {
    aki: maternalMortalityRatio({ deaths: counts.maternal, liveBirths }),
    akb: infantMortalityRate({ deaths: counts.infant, liveBirths }),
    akn: neonatalMortalityRate({ deaths: counts.neonatal, liveBirths }),
    akaba: underFiveMortalityRate({ deaths: counts.underFive, liveBirths }),
  };
}
