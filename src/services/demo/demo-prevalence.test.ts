/**
 * The demo province's promise: each NTT kabupaten/kota's stunting prevalence, computed from the
 * generated rows by the administrative definition (core/indicators: each child once, at its
 * latest valid measurement in the period; flagged values excluded), is within 2 percentage
 * points of its published SSGI 2021 figure over the latest 12 months. 50,000 children
 * (≈ 700,000 weighings), in memory. A single month is a smaller sample (≈ 60 % of the children,
 * who miss some weighings and fluctuate a little from month to month): it stays within 3 pp.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { demoChildren } from '../../core/demo/children.ts';
import { demoRegionTree, planDemoProvince } from '../../core/demo/plan.ts';
import {
  nutritionCounts,
  type NutritionMeasurement,
  type Period,
} from '../../core/indicators/index.ts';
import { referenceFile } from '../paths.ts';
import { readStuntingTargets } from './targets.ts';

const ntt = parse<{ code: string; name: string; level: string; type: string }>(
  readFileSync(referenceFile('wilayah/wilayah.csv'), 'utf8'),
  { columns: true, bom: true },
)
  .filter((r) => r.code.startsWith('53'))
  .map((r) => ({ ...r, type: r.type || null }));

const targets = readStuntingTargets('53');

describe('demo province NTT: stunting prevalence per kabupaten/kota', () => {
  it('has SSGI 2021 targets for all 22 kabupaten/kota', () => {
    expect(Object.keys(targets)).toHaveLength(22);
    expect(targets['5302']).toBe(48.3); // Timor Tengah Selatan
    expect(targets['5371']).toBe(26.1); // Kota Kupang
  });

  it('is within 2 percentage points of SSGI 2021 over the latest 12 months (3 pp in the latest month)', () => {
    const plan = planDemoProvince(demoRegionTree(ntt, '53'), {
      seed: 1,
      children: 50_000,
      months: 24,
      today: '2025-12-31',
      stuntingTargetsPercent: targets,
    });
    expect(plan.kabupaten).toHaveLength(22);
    const byKabupaten = new Map<string, NutritionMeasurement[]>();
    for (const child of demoChildren(plan)) {
      let rows = byKabupaten.get(child.kabupatenCode);
      if (!rows) byKabupaten.set(child.kabupatenCode, (rows = []));
      for (const m of child.measurements) {
        const a = m.assessment;
        rows.push({
          childId: child.id,
          measuredOn: m.measuredOn,
          sequence: m.id,
          ageDays: m.ageDays,
          sex: child.sex,
          haz: a.zlen,
          hazFlagged: a.flen ?? false,
          whz: a.zwfl,
          whzFlagged: a.fwfl ?? false,
          waz: a.zwei,
          wazFlagged: a.fwei ?? false,
          oedema: m.oedema,
        });
      }
    }
    const periods: [string, Period, number][] = [
      ['2025 (latest 12 months)', { kind: 'year', year: 2025 }, 2],
      ['December 2025', { kind: 'month', year: 2025, month: 12 }, 3],
    ];
    const report: string[] = [];
    const maxDeviation = new Map<string, number>();
    for (const kab of plan.kabupaten) {
      const rows = byKabupaten.get(kab.code)!;
      const line = [`${kab.code} ${kab.name.padEnd(31)} target ${(kab.target * 100).toFixed(1)}`];
      for (const [label, period, bound] of periods) {
        const { numerator, denominator } = nutritionCounts(rows, period).stunting;
        const percent = (100 * numerator) / denominator;
        const deviation = percent - kab.target * 100;
        maxDeviation.set(label, Math.max(maxDeviation.get(label) ?? 0, Math.abs(deviation)));
        line.push(
          `${label}: ${percent.toFixed(1)} (n ${denominator}, ${deviation >= 0 ? '+' : ''}${deviation.toFixed(1)} pp)`,
        );
        expect(denominator, `${kab.name} ${label}`).toBeGreaterThan(300);
        expect(Math.abs(deviation), `${kab.name} ${label}`).toBeLessThanOrEqual(bound);
      }
      report.push(line.join(' · '));
    }
    const largest = [...maxDeviation].map(([label, pp]) => `${label} ${pp.toFixed(2)} pp`);
    console.error(`${report.join('\n')}\nlargest deviation: ${largest.join(', ')}`);
  }, 180_000);
});
