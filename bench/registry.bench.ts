/**
 * Measurements recorded per second through the registry's write path (recordMeasurements: scope
 * check, validation, z-scores, idempotent insert, weight-gain refresh, audit), one per call and in
 * batches, on PGlite and — when TEST_DATABASE_URL is set (`node scripts/with-postgres.mjs npm run
 * bench registry`) — on PostgreSQL. Medians of 3 runs.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import pg from 'pg';
import { ageDaysBetween } from '../src/core/growth/age.ts';
import { measurementAtZ } from '../src/core/growth/inverse.ts';
import { insertPosyandu } from '../src/db/queries/registry.ts';
import { openDatabase, type DatabaseHandle } from '../src/services/database.ts';
import type { ServiceContext } from '../src/services/context.ts';
import { registerChild } from '../src/services/registry/children.ts';
import { recordMeasurements } from '../src/services/registry/measurements.ts';

const CHILDREN = 500;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function setup(handle: DatabaseHandle): Promise<{ ctx: ServiceContext; children: string[] }> {
  const user = await handle.db
    .insertInto('app_user')
    .values({
      email: `bench-${randomUUID()}@x.id`,
      name: 'Bench',
      role: 'district',
      region_code: '5301',
      password_hash: 'x',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const ctx: ServiceContext = {
    db: handle.db,
    actor: { id: user.id, role: 'district', regionCode: '5301' },
    now: () => new Date('2026-11-24T08:00:00Z'),
    requestId: 'bench',
  };
  const posyandu = await insertPosyandu(handle.db, {
    name: 'Posyandu Bench',
    region_code: '5301042003',
  });
  const children: string[] = [];
  for (let i = 0; i < CHILDREN; i++) {
    const birth = birthDateOf(i);
    children.push(
      (
        await registerChild(ctx, {
          posyanduId: posyandu.id,
          name: `Anak ${i}`,
          sex: ((i % 2) + 1) as 1 | 2,
          birthDate: birth,
          confirmNotDuplicate: true,
        })
      ).child.id,
    );
  }
  return { ctx, children };
}

const birthDateOf = (i: number) =>
  new Date(Date.UTC(2022, 0, 1) + (i % 1300) * 86_400_000).toISOString().slice(0, 10);

/** Submissions for one month: every child weighed and measured once, at plausible z-scores. */
function month(children: string[], m: number) {
  const day = `2026-${String(m).padStart(2, '0')}-05`;
  return children.map((childId, i) => {
    const sex = ((i % 2) + 1) as 1 | 2;
    const age = ageDaysBetween(birthDateOf(i), day);
    const z = ((i % 40) - 25) / 10;
    return {
      id: randomUUID(),
      childId,
      measuredOn: day,
      weightKg: Math.round(measurementAtZ('wfa', sex, age, z + 0.3) * 100) / 100,
      heightCm: Math.round(measurementAtZ('lhfa', sex, age, z) * 10) / 10,
      measure: age < 731 ? ('l' as const) : ('h' as const),
    };
  });
}

async function measure(handle: DatabaseHandle, label: string): Promise<string[]> {
  const { ctx, children } = await setup(handle);
  const rows: string[] = [];
  let m = 1;
  for (const batch of [1, 100, 500]) {
    const rates: number[] = [];
    for (let run = 0; run < 3; run++) {
      const items = month(children, m++);
      const started = performance.now();
      for (let i = 0; i < items.length; i += batch) {
        const outcomes = await recordMeasurements(ctx, items.slice(i, i + batch));
        if (outcomes.some((o) => !o.ok))
          throw new Error(
            `bench submission failed: ${JSON.stringify(outcomes.find((o) => !o.ok))}`,
          );
      }
      rates.push(items.length / ((performance.now() - started) / 1000));
    }
    console.error(`${label} batch ${batch}: ${rates.map((r) => Math.round(r)).join(', ')} /s`);
    rows.push(
      `| ${label} | ${batch === 1 ? '1 (one call per measurement)' : batch} | ${Math.round(median(rates)).toLocaleString('en')} |`,
    );
  }
  return rows;
}

const rows: string[] = [];
const pglite = await openDatabase({ kind: 'pglite', dataDir: null });
rows.push(...(await measure(pglite, 'PGlite (in memory)')));
await pglite.close();

const url = process.env.TEST_DATABASE_URL;
if (url) {
  const name = `tumbuh_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const target = new URL(url);
  target.pathname = `/${name}`;
  const postgres = await openDatabase({ kind: 'postgres', url: target.toString(), poolSize: 4 });
  rows.push(...(await measure(postgres, 'PostgreSQL 15 (local, fsync off)')));
  await postgres.close();
  await admin.query(`drop database ${name} with (force)`);
  await admin.end();
}

console.log(`Measurements recorded through \`recordMeasurements\` (validation, z-scores, idempotent insert, N/T refresh, one audit row each), ${CHILDREN} children, one month of weighings per run; median of 3 runs. Sequential calls from one client.

| database | measurements per call | measurements/s |
| --- | --- | --: |
${rows.join('\n')}${url ? '' : '\n\n(PostgreSQL not measured in this run: run under `node scripts/with-postgres.mjs`.)'}`);
