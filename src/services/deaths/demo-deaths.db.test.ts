import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/connect.ts';
import { createTestDb } from '../../test/db.ts';
import { generateDemo, seedDemoIfEmpty, type DemoRunResult } from '../demo/demo-province.ts';
import { deathSummary } from './indicators.ts';

let database: DatabaseHandle;
let result: DemoRunResult;
const ctx = () => ({ db: database.db, actor: null, now: () => new Date('2025-06-20T04:00:00Z') });
const count = async (table: 'death_case' | 'death_recommendation' | 'live_birth') =>
  Number(
    (
      await database.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

beforeAll(async () => {
  database = await createTestDb();
  result = await generateDemo(database, { children: 2000, seed: 3, today: '2025-06-20' });
}, 180_000);
afterAll(async () => database?.close());

describe('the demo province has AKI-AKB data', () => {
  it('loads cases, recommendations and live births, all marked demo, and reports them', async () => {
    const deaths = result.info.deaths!;
    expect(deaths.cases).toBeGreaterThan(3000);
    expect(await count('death_case')).toBe(deaths.cases);
    expect(await count('death_recommendation')).toBe(deaths.recommendations);
    expect(await count('live_birth')).toBe(deaths.liveBirthEntries);
    const sources = await database.db
      .selectFrom('death_case')
      .select('source')
      .distinct()
      .execute();
    expect(sources).toEqual([{ source: 'demo' }]);
    const origins = await database.db
      .selectFrom('live_birth')
      .select('origin')
      .distinct()
      .execute();
    expect(origins).toEqual([{ origin: 'demo' }]);
    const history = await database.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity', '=', 'death_case')
      .limit(1)
      .execute();
    expect(history).toHaveLength(1);
  });

  it('gives the province a year of NTT-like figures from reported live births', async () => {
    const year = await deathSummary(ctx(), { region: '53', period: { kind: 'year', year: 2024 } });
    expect(year.hasData).toBe(true);
    expect(year.counts.maternal).toBeGreaterThan(90);
    expect(year.counts.maternal).toBeLessThan(190);
    expect(year.liveBirths).toMatchObject({ estimated: false, method: 'sum_of_areas' });
    expect(year.liveBirths!.value).toBeGreaterThan(85_000);
    const aki = year.rates.aki!;
    expect(aki.ok && aki.value > 100 && aki.value < 220).toBe(true);
  });

  it('marks a month as estimated where two kabupaten report only yearly totals', async () => {
    const month = await deathSummary(ctx(), {
      region: '53',
      period: { kind: 'month', year: 2025, month: 5 },
    });
    expect(month.liveBirths).toMatchObject({ estimated: true, method: 'sum_of_areas' });
    const alor = await deathSummary(ctx(), {
      region: '5305',
      period: { kind: 'month', year: 2025, month: 5 },
    });
    expect(alor.liveBirths).toMatchObject({ estimated: true, method: 'published_figure' });
    const alor2024 = await deathSummary(ctx(), {
      region: '5305',
      period: { kind: 'month', year: 2024, month: 5 },
    });
    expect(alor2024.liveBirths).toMatchObject({ estimated: true, method: 'prorated_from_year' });
  });

  it('adds the deaths to a demo loaded before AKI-AKB existed, once', async () => {
    await database.db.deleteFrom('death_recommendation').execute();
    await database.db.deleteFrom('death_case').execute();
    await database.db.deleteFrom('live_birth').execute();
    await seedDemoIfEmpty(database);
    expect(await count('death_case')).toBe(result.info.deaths!.cases);
    await seedDemoIfEmpty(database);
    expect(await count('death_case')).toBe(result.info.deaths!.cases);
  });
});
