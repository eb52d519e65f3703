import { describe, expect, it } from 'vitest';
import { ageInMonths } from '../growth/age.ts';
import { assessMeasurement, weightGainSeries } from '../registry/assess.ts';
import { demoChildren, type DemoChild } from './children.ts';
import { isDemoId } from './ids.ts';
import { demoRegionTree, levelForTarget, planDemoProvince, type DemoOptions } from './plan.ts';

/** A small made-up province: 2 kabupaten × 2 kecamatan × 4 desa (one kelurahan each). */
function smallTree() {
  const rows: { code: string; name: string; level: string; type: string | null }[] = [
    { code: '99', name: 'Provinsi Uji', level: 'provinsi', type: null },
  ];
  for (const k of ['01', '02']) {
    rows.push({ code: `99${k}`, name: `Kabupaten ${k}`, level: 'kabupaten', type: 'kabupaten' });
    for (const c of ['01', '02']) {
      rows.push({ code: `99${k}${c}`, name: `Kecamatan ${k}${c}`, level: 'kecamatan', type: null });
      for (const d of ['1001', '2002', '2003', '2004'])
        rows.push({
          code: `99${k}${c}${d}`,
          name: `Desa ${k}${c}${d}`,
          level: 'desa',
          type: d.startsWith('1') ? 'kelurahan' : 'desa',
        });
    }
  }
  return demoRegionTree(rows, '99');
}

const baseOptions: DemoOptions = {
  seed: 7,
  children: 1500,
  months: 24,
  today: '2025-06-18',
  stuntingTargetsPercent: { '9901': 40, '9902': 25 },
};

function generate(options: Partial<DemoOptions> = {}) {
  const plan = planDemoProvince(smallTree(), { ...baseOptions, ...options });
  return { plan, children: [...demoChildren(plan)] };
}

const first = generate();

describe('demo generator: determinism', () => {
  it('the same seed gives identical children and measurements', () => {
    const again = generate();
    expect(again.children).toEqual(first.children);
    expect(again.plan.posyandu).toEqual(first.plan.posyandu);
  });

  it('another seed gives other data (and other ids)', () => {
    const other = generate({ seed: 8 });
    expect(other.children[0]!.id).not.toBe(first.children[0]!.id);
    const names = (cs: DemoChild[]) => cs.map((c) => c.name).join('|');
    expect(names(other.children)).not.toBe(names(first.children));
    const heights = (cs: DemoChild[]) => cs.flatMap((c) => c.measurements.map((m) => m.heightCm));
    expect(heights(other.children)).not.toEqual(heights(first.children));
  });

  it('a child does not depend on how many children come after it', () => {
    const more = generate({ children: 1600 });
    // Allocation differs, but the first desa's first child keeps its random stream.
    expect(more.children[0]!.name).toBe(first.children[0]!.name);
  });
});

describe('demo generator: the province', () => {
  const { plan, children } = first;

  it('lays 1–3 posyandu in every desa and a puskesmas in every kecamatan', () => {
    const tree = smallTree();
    const desaCodes = tree.kabupaten.flatMap((k) =>
      k.kecamatan.flatMap((c) => c.desa.map((d) => d.code)),
    );
    for (const code of desaCodes) {
      const n = plan.posyandu.filter((p) => p.regionCode === code).length;
      expect(n).toBeGreaterThanOrEqual(1);
      expect(n).toBeLessThanOrEqual(3);
    }
    const puskesmasKecamatan = new Set(plan.puskesmas.map((p) => p.regionCode));
    expect(puskesmasKecamatan.size).toBe(4);
    for (const p of plan.posyandu) {
      const centre = plan.puskesmas.find((c) => c.id === p.puskesmasId)!;
      expect(p.regionCode.startsWith(centre.regionCode)).toBe(true);
      expect(p.name).toMatch(/^Posyandu /);
    }
  });

  it('gives every child its desa, a posyandu of that desa, names, a mother and demo ids', () => {
    expect(children).toHaveLength(1500);
    const posyandu = new Map(plan.posyandu.map((p) => [p.id, p]));
    const niks = new Set<string>();
    for (const c of children) {
      expect(isDemoId(c.id)).toBe(true);
      expect(posyandu.get(c.posyanduId)!.regionCode).toBe(c.regionCode);
      expect(c.name.length).toBeGreaterThan(2);
      expect(c.name.length).toBeLessThanOrEqual(120);
      expect(c.motherName.length).toBeGreaterThan(2);
      if (c.nik !== null) {
        expect(c.nik).toMatch(/^[0-9]{16}$/);
        expect(c.nik.startsWith(c.regionCode.slice(0, 6))).toBe(true);
        expect(niks.has(c.nik)).toBe(false);
        niks.add(c.nik);
      }
      if (c.birthWeightKg !== null) expect(c.birthWeightKg).toBeGreaterThan(1);
    }
    // Some siblings share a mother.
    const mothers = new Set(children.map((c) => c.motherNik ?? c.motherName));
    expect(mothers.size).toBeLessThan(children.length);
  });

  it('weighs children monthly at 0–59 months up to today, lying under 24 months, with gaps', () => {
    let possible = 0;
    let weighed = 0;
    const windowStart = '2023-07-01';
    for (const c of children) {
      let previous = '';
      for (const m of c.measurements) {
        expect(m.measuredOn >= windowStart && m.measuredOn <= '2025-06-18').toBe(true);
        expect(m.measuredOn > previous).toBe(true);
        previous = m.measuredOn;
        expect(m.ageDays).toBeGreaterThanOrEqual(7);
        expect(ageInMonths(m.ageDays)).toBeLessThan(60);
        expect(m.measure).toBe(m.ageDays < 730.5 ? 'l' : 'h');
        expect(isDemoId(m.id)).toBe(true);
      }
      const birth = Date.parse(c.birthDate);
      for (let t = 0; t < 24; t++) {
        const day = Date.UTC(2023, 6 + t, 15);
        const age = (day - birth) / 86_400_000;
        if (age >= 30 && age / 30.4375 < 59 && day <= Date.parse('2025-06-01')) possible += 1;
      }
      weighed += c.measurements.length;
    }
    const missed = 1 - weighed / possible;
    expect(missed).toBeGreaterThan(0.08);
    expect(missed).toBeLessThan(0.25);
  });

  it('computes every stored column with the registry code: assessMeasurement and weightGainSeries', () => {
    for (const c of children.slice(0, 200)) {
      const gains = weightGainSeries(
        c.birthDate,
        c.measurements.map((m) => ({ measuredOn: m.measuredOn, weightKg: m.weightKg })),
      );
      c.measurements.forEach((m, i) => {
        expect(m.assessment).toEqual(
          assessMeasurement({
            sex: c.sex,
            birthDate: c.birthDate,
            measuredOn: m.measuredOn,
            weightKg: m.weightKg,
            heightCm: m.heightCm,
            measure: m.measure,
            headCm: m.headCm,
            muacCm: m.muacCm,
            oedema: m.oedema,
          }),
        );
        expect([m.weightGain, m.twoT]).toEqual([gains[i]!.weightGain, gains[i]!.twoT]);
      });
    }
  });

  it('has a few implausible values, values inside the database limits, plausible growth', () => {
    const all = children.flatMap((c) => c.measurements);
    const implausible = all.filter((m) => m.assessment.implausible).length / all.length;
    expect(implausible).toBeGreaterThan(0.0005);
    expect(implausible).toBeLessThan(0.01);
    for (const m of all) {
      expect(m.weightKg).toBeGreaterThan(0);
      expect(m.weightKg).toBeLessThanOrEqual(40);
      expect(m.heightCm).toBeGreaterThanOrEqual(38);
      expect(m.heightCm).toBeLessThanOrEqual(130);
    }
    // N (weight went up by the KBM) for about half of the consecutive-month weighings.
    const nt = all.filter((m) => m.weightGain === 'N' || m.weightGain === 'T');
    const n = nt.filter((m) => m.weightGain === 'N').length / nt.length;
    expect(n).toBeGreaterThan(0.35);
    expect(n).toBeLessThan(0.8);
  });

  it('puts the target share of each kabupaten’s children below HAZ −2 at their latest weighing of the last 12 months', () => {
    for (const kab of plan.kabupaten) {
      const latest = children
        .filter((c) => c.kabupatenCode === kab.code)
        .map((c) => c.measurements.filter((m) => m.measuredOn >= '2024-07-01').at(-1))
        .filter((m) => m !== undefined && m.assessment.zlen !== null && !m.assessment.flen);
      const share = latest.filter((m) => m!.assessment.zlen! < -2).length / latest.length;
      expect(latest.length).toBeGreaterThan(400);
      expect(Math.abs(share - kab.target)).toBeLessThan(0.01);
    }
  });
});

describe('levelForTarget', () => {
  it('puts the target share of values below −2', () => {
    const values = Float64Array.from({ length: 1000 }, (_, i) => i / 100);
    const level = levelForTarget(values, 0.3);
    expect(values.filter((v) => v + level < -2).length).toBe(300);
  });
  it('without values falls back to a standard normal', () => {
    expect(levelForTarget(new Float64Array(0), 0.5)).toBeCloseTo(-2, 6);
  });
});
