/**
 * The demo province's AKI-AKB data (core/demo/deaths.ts): live births and death cases with their
 * review, recommendations and history, COPYed in the demo's transaction. Only ever into a
 * database whose registry holds the synthetic demo (services/demo), never in production; every
 * row says `demo` (source/origin), so the UI labels it "Data sintetis (demo)".
 */
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { demoDeathData, type DemoDeathCase, type PublishedFigure } from '../../core/demo/deaths.ts';
import type { DemoPlan } from '../../core/demo/plan.ts';
import type { BulkSession, CopyValue } from '../../db/bulk.ts';
import {
  AUDIT_COPY_COLUMNS,
  DEATH_CASE_COPY_COLUMNS,
  DEATH_RECOMMENDATION_COPY_COLUMNS,
  LIVE_BIRTH_COPY_COLUMNS,
} from '../../db/queries/deaths.ts';
import { referenceFile } from '../paths.ts';
import { PUBLISHED_BIRTHS_FILE } from './published-births.ts';

/** The source every demo live-birth figure names. */
export const DEMO_BIRTH_SOURCE = 'Data sintetis (demo)';
const PREFERRED_SOURCE = 'nttprov-kesehatan-2018-2019';
const indicators = new Set(['births_alive', 'births_dead', 'maternal_deaths', 'infant_deaths']);

/** The published NTT figures the demo is calibrated on (one per region, indicator and year). */
export function demoCalibration(): PublishedFigure[] {
  const rows = parse<Record<string, string>>(
    readFileSync(referenceFile(PUBLISHED_BIRTHS_FILE), 'utf8'),
    {
      columns: true,
      bom: true,
    },
  );
  const chosen = new Map<string, Record<string, string>>();
  for (const r of rows) {
    if (!indicators.has(r.indicator ?? '')) continue;
    const key = `${r.region_code}|${r.indicator}|${r.year}`;
    const earlier = chosen.get(key);
    if (!earlier || r.source === PREFERRED_SOURCE) chosen.set(key, r);
  }
  return [...chosen.values()].map((r) => ({
    regionCode: r.region_code!,
    indicator: r.indicator as PublishedFigure['indicator'],
    year: Number(r.year),
    value: Number(r.value),
  }));
}

const caseRow = (c: DemoDeathCase, now: string): CopyValue[] => [
  c.id,
  c.kind,
  c.status,
  c.regionCode,
  c.deathRegionCode,
  c.deathDate,
  c.deathTime,
  c.placeOfDeath,
  c.facilityType,
  c.facilityName,
  c.name,
  c.birthDate,
  c.motherName,
  c.sex,
  c.ageDays,
  c.motherAgeYears,
  c.gestationalWeeks,
  c.birthWeightGrams,
  c.maternalTiming,
  c.deliveryDate,
  c.stillbirthTiming,
  c.causeGroup,
  c.delays[0],
  c.delays[1],
  c.delays[2],
  c.notifiedAt,
  c.notifierRole,
  c.notifiedLate,
  c.delayMinutes,
  c.lateReason,
  c.verifiedAt,
  c.reviewedAt,
  c.reviewSummary,
  c.avoidable,
  c.recommendedAt,
  c.closedAt,
  'demo',
  c.notifiedAt,
  now,
];

/** The history of a demo case, as the audit log of a real one would read. */
function* auditRows(
  c: DemoDeathCase,
  recs: ReturnType<typeof demoDeathData>['recommendations'],
): Generator<CopyValue[]> {
  const row = (at: string, action: string, after: Record<string, unknown>): CopyValue[] => [
    at,
    action,
    'death_case',
    c.id,
    c.regionCode,
    JSON.stringify({ ...after, source: 'demo' }),
  ];
  yield row(c.notifiedAt, 'death_case.notified', {
    kind: c.kind,
    status: 'notified',
    notifiedLate: c.notifiedLate,
  });
  if (c.verifiedAt) yield row(c.verifiedAt, 'death_case.verified', { status: 'verified' });
  if (c.reviewedAt)
    yield row(c.reviewedAt, 'death_case.reviewed', {
      status: 'reviewed',
      causeGroup: c.causeGroup,
    });
  for (const r of recs)
    yield row(r.createdAt, 'death_case.recommendation_added', {
      recommendationId: r.id,
      level: r.level,
    });
  if (c.recommendedAt)
    yield row(c.recommendedAt, 'death_case.recommended', { status: 'recommended' });
  for (const r of recs)
    if (r.doneAt) yield row(r.doneAt, 'death_case.recommendation_done', { recommendationId: r.id });
  if (c.closedAt) yield row(c.closedAt, 'death_case.closed', { status: 'closed' });
}

/** Counts of what the demo loaded. */
export interface DemoDeathCounts {
  cases: number;
  recommendations: number;
  liveBirthEntries: number;
}

/** Generates and COPYs the demo's AKI-AKB rows in the caller's bulk transaction. */
export async function loadDemoDeaths(
  session: BulkSession,
  plan: DemoPlan,
  now: Date,
): Promise<DemoDeathCounts> {
  const stamp = now.toISOString();
  const data = demoDeathData(plan, demoCalibration(), stamp);
  await session.copy(
    'live_birth',
    LIVE_BIRTH_COPY_COLUMNS,
    data.liveBirths.map((b) => [b.regionCode, b.period, b.count, DEMO_BIRTH_SOURCE, 'demo']),
  );
  await session.copy(
    'death_case',
    DEATH_CASE_COPY_COLUMNS,
    data.cases.map((c) => caseRow(c, stamp)),
  );
  await session.copy(
    'death_recommendation',
    DEATH_RECOMMENDATION_COPY_COLUMNS,
    data.recommendations.map((r) => [
      r.id,
      r.caseId,
      r.regionCode,
      r.text,
      r.responsible,
      r.level,
      r.dueDate,
      r.createdAt,
      r.doneAt,
      r.doneNote,
    ]),
  );
  const byCase = new Map<string, typeof data.recommendations>();
  for (const r of data.recommendations) byCase.set(r.caseId, [...(byCase.get(r.caseId) ?? []), r]);
  await session.copy(
    'audit_log',
    AUDIT_COPY_COLUMNS,
    (function* () {
      for (const c of data.cases) yield* auditRows(c, byCase.get(c.id) ?? []);
    })(),
  );
  return {
    cases: data.cases.length,
    recommendations: data.recommendations.length,
    liveBirthEntries: data.liveBirths.length,
  };
}
