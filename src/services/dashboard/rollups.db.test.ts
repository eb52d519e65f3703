import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../core/access/scope.ts';
import { referenceRollupCells } from '../../core/indicators/rollup-reference.test-data.ts';
import { kyselyExecutor, ROLLUP_COUNT_COLUMNS } from '../../db/queries/dashboard-rollup.ts';
import { insertPosyandu } from '../../db/queries/registry.ts';
import { testClock } from '../../test/app.ts';
import { createTestDb, testEngine } from '../../test/db.ts';
import { seededRandom } from '../../core/seeded-random.ts';
import type { ServiceContext } from '../context.ts';
import type { DatabaseHandle } from '../database.ts';
import { mergeChildren, registerChild, updateChild } from '../registry/children.ts';
import { recordMeasurements, type MeasurementSubmission } from '../registry/measurements.ts';
import {
  rebuildAllRollups,
  rebuildRollups,
  rollupMeasurement,
  type RebuildWorker,
  type RollupSourceRow,
} from './rollups.ts';

let database: DatabaseHandle;
let ctx: ServiceContext;

/** Two kecamatan of Kabupaten Kupang, three desa, four posyandu (one desa has two). */
// the third desa in another kabupaten: a full rebuild builds a kabupaten at a time, and a child
// moved there is counted by its whole history in both
const DESA = ['5301042003', '5301042004', '5302011001'] as const;
const posyandu: { id: string; desa: string }[] = [];

beforeAll(async () => {
  database = await createTestDb();
  const user = await database.db
    .insertInto('app_user')
    .values({
      email: 'rollup@test.tumbuh.id',
      name: 'Rollup',
      role: 'province',
      region_code: '53',
      password_hash: 'x',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const actor: Actor = { id: user.id, role: 'province', regionCode: '53' };
  ctx = {
    db: database.db,
    actor,
    now: testClock(new Date('2025-07-01T08:00:00Z')).now,
    requestId: 'rollup-test',
  };
  for (const [i, desa] of [DESA[0], DESA[0], DESA[1], DESA[2]].entries()) {
    const row = await insertPosyandu(database.db, { name: `Posyandu ${i}`, region_code: desa });
    posyandu.push({ id: row.id, desa });
  }
});
afterAll(async () => database?.close());

/** Seeded choices, so a failing seed can be replayed. */
function random(seed: number) {
  const next = seededRandom(seed);
  return {
    next,
    int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)]!,
    normal: () => Math.sqrt(-2 * Math.log(next() || 1e-9)) * Math.cos(2 * Math.PI * next()),
  };
}

const addDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

interface TestChild {
  id: string;
  birthDate: string;
  posyanduId: string;
  version: number;
  merged: boolean;
  days: Map<string, string>; // measured_on → current measurement id
}

/** A plausible (sometimes implausible) weighing of a child of that age. */
function values(r: ReturnType<typeof random>, ageDays: number) {
  const months = ageDays / 30.4375;
  const height = 50 + 24 * Math.sqrt(months / 12) + r.normal() * 4.5;
  const weight = 3.3 + 2.1 * Math.pow(months, 0.62) + r.normal() * 1.2;
  const wild = r.next() < 0.04;
  return {
    weightKg: Math.round(Math.min(39, Math.max(1.5, wild ? weight * 2.6 : weight)) * 10) / 10,
    heightCm:
      r.next() < 0.15
        ? null
        : Math.round(Math.min(125, Math.max(40, wild ? height * 0.6 : height)) * 10) / 10,
    measure: months < 24 ? ('l' as const) : ('h' as const),
    oedema: r.next() < 0.03,
  };
}

/**
 * A random history through the real write paths: children registered, weighings in random
 * order (late months included), corrections (some to another day), moves to another posyandu,
 * sex and birth-date corrections, merges of duplicates.
 */
async function randomHistory(
  seed: number,
  options: { children?: number; steps?: number; check?: boolean } = {},
) {
  const children = options.children ?? 16;
  const r = random(seed);
  const kids: TestChild[] = [];
  const register = async () => {
    const p = r.pick(posyandu);
    const birthDate = addDays('2025-06-30', -r.int(30, 1780));
    const { child } = await registerChild(ctx, {
      posyanduId: p.id,
      name: `Anak ${seed}-${kids.length}`,
      sex: r.pick([1, 2] as const),
      birthDate,
      confirmNotDuplicate: true,
    });
    kids.push({
      id: child.id,
      birthDate,
      posyanduId: p.id,
      version: child.version,
      merged: false,
      days: new Map(),
    });
  };
  for (let i = 0; i < children; i++) await register();

  const stats = { batches: 0, corrections: 0, moves: 0, merges: 0, edits: 0 };
  for (let step = 0; step < (options.steps ?? 120); step++) {
    if (options.check && step > 0 && step % 2 === 0)
      await expectConsistent(`after step ${step} (seed ${seed})`);
    const roll = r.next();
    const live = kids.filter((k) => !k.merged);
    if (roll < 0.62) {
      // a batch of weighings of several children, in random order of dates
      const batch: MeasurementSubmission[] = [];
      for (let i = r.int(1, 12); i > 0; i--) {
        const k = r.pick(live);
        const first = k.birthDate > '2023-01-01' ? k.birthDate : '2023-01-01';
        const span = (Date.parse('2025-06-30') - Date.parse(first)) / 86_400_000;
        const day = addDays(first, r.int(0, Math.max(0, Math.floor(span))));
        const ageDays = (Date.parse(day) - Date.parse(k.birthDate)) / 86_400_000;
        if (ageDays >= 1826 || k.days.has(day)) continue;
        if (batch.some((b) => b.childId === k.id && b.measuredOn === day)) continue;
        batch.push({ id: randomUUID(), childId: k.id, measuredOn: day, ...values(r, ageDays) });
      }
      stats.batches++;
      const outcomes = await recordMeasurements(ctx, batch, { source: 'import' });
      outcomes.forEach((o, i) => {
        if (o.ok)
          kids
            .find((k) => k.id === batch[i]!.childId)!
            .days.set(batch[i]!.measuredOn, o.measurement.id);
      });
    } else if (roll < 0.75) {
      // a correction, sometimes to another day
      const k = r.pick(
        live
          .filter((c) => c.days.size > 0)
          .concat(live)
          .slice(0, 1 + live.length),
      );
      if (k.days.size === 0) continue;
      const [day, id] = r.pick([...k.days]);
      const newDay = r.next() < 0.4 ? addDays(day, r.int(-20, 20)) : day;
      const ageDays = (Date.parse(newDay) - Date.parse(k.birthDate)) / 86_400_000;
      if (newDay > '2025-06-30' || ageDays < 0 || ageDays >= 1826) continue;
      if (newDay !== day && k.days.has(newDay)) continue;
      const [o] = await recordMeasurements(
        ctx,
        [
          {
            id: randomUUID(),
            childId: k.id,
            measuredOn: newDay,
            supersedes: id,
            ...values(r, ageDays),
          },
        ],
        { source: 'import' },
      );
      if (o!.ok) {
        stats.corrections++;
        k.days.delete(day);
        k.days.set(newDay, o!.measurement.id);
      }
    } else if (roll < 0.84) {
      // the child moves to another posyandu (later weighings are there), or its sex is corrected
      const k = r.pick(live);
      const change =
        r.next() < 0.5
          ? { posyanduId: r.pick(posyandu).id }
          : r.next() < 0.5
            ? { sex: r.pick([1, 2] as const) }
            : { birthDate: addDays(k.birthDate, r.int(-10, 10)) };
      try {
        const updated = await updateChild(ctx, k.id, { ...change, version: k.version });
        k.version = updated.version;
        if ('posyanduId' in change) stats.moves++;
        else stats.edits++;
        k.posyanduId = updated.posyandu_id;
        k.birthDate = updated.birth_date;
      } catch {
        // a birth date after a measurement or beyond 60 months is refused: fine
      }
    } else if (roll < 0.9 && live.length > 3) {
      // two records of one child are merged
      const keep = r.pick(live);
      const duplicate = r.pick(live.filter((c) => c !== keep));
      if (keep.posyanduId && duplicate) {
        await mergeChildren(ctx, keep.id, duplicate.id);
        duplicate.merged = true;
        stats.merges++;
        for (const [day, id] of duplicate.days) if (!keep.days.has(day)) keep.days.set(day, id);
        duplicate.days.clear();
      }
    } else await register();
  }
  return stats;
}

/** Every rollup table, in a fixed order, without the change times. */
async function snapshot() {
  const counts = ROLLUP_COUNT_COLUMNS.join(', ');
  const read = async (query: string) =>
    (await kyselyExecutor(database.db).query(query)).map((r) => JSON.stringify(r));
  return {
    cells: await read(
      `select kind, period, region_code, posyandu_id::text, sex, age_group, ${counts} from dashboard_cell
       order by posyandu_id, kind, period, region_code, sex, age_group`,
    ),
    areas: await read(
      `select region_code, code_length, kind, period, sex, age_group, ${counts} from dashboard_area
       order by region_code, kind, period, sex, age_group`,
    ),
    register: await read(
      `select region_code, posyandu_id::text, sex, birth_month, children from dashboard_register
       order by posyandu_id, region_code, sex, birth_month`,
    ),
    registerAreas: await read(
      `select region_code, code_length, sex, birth_month, children from dashboard_register_area
       order by region_code, birth_month, sex`,
    ),
  };
}

/** The reference: core/indicators over every current measurement, cell by cell. */
/** The cells core's per-period definitions give for what the registry holds now. */
async function coreCells() {
  const rows = await sql<RollupSourceRow & { sex: 1 | 2 }>`
    select m.child_id, m.measured_on, m.age_days, m.region_code, m.posyandu_id::text as posyandu_id,
           c.sex, m.zlen, m.flen, m.zwfl, m.fwfl, m.zwei, m.fwei, m.oedema, m.weight_kg,
           m.weight_gain, m.two_t
    from measurement m join child c on c.id = m.child_id where m.superseded_at is null`.execute(
    database.db,
  );
  const cells = referenceRollupCells(rows.rows.map((m) => rollupMeasurement(m, m.sex)));
  return [...cells]
    .map(([key, counts]) => {
      const [posyanduId, kind, period, region, sex, ageGroup] = key.split('|');
      return JSON.stringify([kind, period, region, posyanduId, Number(sex), ageGroup, ...counts]);
    })
    .sort();
}

async function storedCells() {
  const rows = await kyselyExecutor(database.db).query<Record<string, unknown>>(
    `select kind, period, region_code, posyandu_id::text as posyandu_id, sex, age_group,
            ${ROLLUP_COUNT_COLUMNS.join(', ')} from dashboard_cell`,
  );
  return rows
    .map((r) =>
      JSON.stringify([
        r.kind,
        r.period,
        r.region_code,
        r.posyandu_id,
        r.sex,
        r.age_group,
        ...ROLLUP_COUNT_COLUMNS.map((c) => r[c]),
      ]),
    )
    .sort();
}

/** The rollups agree with the registry right now: cells = core, sums = sums of the cells. */
async function expectConsistent(when: string) {
  const exec = kyselyExecutor(database.db);
  const counts = ROLLUP_COUNT_COLUMNS.join(', ');
  const sums = ROLLUP_COUNT_COLUMNS.map((c) => `sum(c.${c})::int as ${c}`).join(', ');
  expect(await storedCells(), `cells ${when}`).toEqual(await coreCells());
  const areas = await exec.query(
    `select region_code, kind, period, sex, age_group, ${counts} from dashboard_area
     order by region_code, kind, period, sex, age_group`,
  );
  const summed = await exec.query(
    `select a.code as region_code, c.kind, c.period, g.sex, g.age_group, ${sums}
     from dashboard_cell c
     cross join lateral (values ('00'), (left(c.region_code, 2)), (left(c.region_code, 4)),
                                (left(c.region_code, 6)), (c.region_code)) as a(code)
     cross join lateral (values (c.sex, c.age_group), (0::smallint, 'all')) as g(sex, age_group)
     group by 1, 2, 3, 4, 5 order by 1, 2, 3, 4, 5`,
  );
  expect(areas, `region sums ${when}`).toEqual(summed);
  const register = await exec.query(
    `select region_code, posyandu_id::text, sex, birth_month, children from dashboard_register
     order by 1, 2, 3, 4`,
  );
  const children = await exec.query(
    `select region_code, posyandu_id::text, sex,
            extract(year from birth_date)::int * 12 + extract(month from birth_date)::int - 1 as birth_month,
            count(*)::int as children
     from child where merged_into is null group by 1, 2, 3, 4 order by 1, 2, 3, 4`,
  );
  expect(register, `register ${when}`).toEqual(children);
  const registerAreas = await exec.query(
    `select region_code, sex, birth_month, children from dashboard_register_area order by 1, 2, 3`,
  );
  const registerSums = await exec.query(
    `select a.code as region_code, r.sex, r.birth_month, sum(r.children)::int as children
     from dashboard_register r
     cross join lateral (values ('00'), (left(r.region_code, 2)), (left(r.region_code, 4)),
                                (left(r.region_code, 6)), (r.region_code)) as a(code)
     group by 1, 2, 3 order by 1, 2, 3`,
  );
  expect(registerAreas, `register sums ${when}`).toEqual(registerSums);
}

describe('dashboard rollups: incremental refresh equals rebuild', () => {
  for (const seed of [11, 29]) {
    it(`after a random history of writes (seed ${seed})`, async () => {
      const stats = await randomHistory(seed, { check: true });
      expect(stats.corrections).toBeGreaterThan(5);
      expect(stats.merges).toBeGreaterThan(1);
      expect(stats.moves).toBeGreaterThan(1);
      const acrossKabupaten = await sql<{ n: number }>`
        select count(*)::int as n from (select child_id from measurement
          where superseded_at is null group by 1 having count(distinct left(region_code, 4)) > 1) c`.execute(
        database.db,
      );
      expect(acrossKabupaten.rows[0]!.n).toBeGreaterThan(0);
      const incremental = await snapshot();
      expect(incremental.cells.length).toBeGreaterThan(50);
      expect(incremental.register.length).toBeGreaterThan(10);

      // the same counts as core/indicators computes child by child
      expect(await storedCells()).toEqual(await coreCells());

      await database.db.transaction().execute((trx) => rebuildAllRollups(kyselyExecutor(trx)));
      const rebuilt = await snapshot();
      expect(rebuilt.cells).toEqual(incremental.cells);
      expect(rebuilt.areas).toEqual(incremental.areas);
      expect(rebuilt.register).toEqual(incremental.register);
      expect(rebuilt.registerAreas).toEqual(incremental.registerAreas);
    }, 600_000);
  }

  it('a region rebuild takes in rows written around the write path, as a full rebuild does', async () => {
    // A bulk load that bypassed recordMeasurements: a child and a weighing inserted directly.
    const p = posyandu.find((x) => x.desa === DESA[2])!;
    const child = await database.db
      .insertInto('child')
      .values({
        id: randomUUID(),
        region_code: DESA[2],
        posyandu_id: p.id,
        name: 'Bulk',
        sex: 1,
        birth_date: '2024-01-15',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await sql`insert into measurement (id, child_id, region_code, posyandu_id, measured_on, age_days,
                weight_kg, height_cm, measure, zlen, zwei, zwfl, flen, fwei, fwfl, source, payload_hash)
              values (${randomUUID()}, ${child.id}, ${DESA[2]}, ${p.id}, '2025-05-10', 481,
                      8.1, 70.2, 'l', -2.71, -1.9, -0.6, false, false, false, 'import', 'bulk')`.execute(
      database.db,
    );
    const messages: string[] = [];
    await rebuildRollups(database.db, {
      region: DESA[2].slice(0, 6),
      onProgress: (progress) => messages.push(progress.step),
    });
    expect(messages).toContain('posyandu');
    const regional = await snapshot();
    expect(regional.register.join()).toContain(child.id === '' ? 'x' : DESA[2]);
    expect(await storedCells()).toEqual(await coreCells());
    await rebuildRollups(database.db);
    expect(await snapshot()).toEqual(regional);
  });

  it('a full rebuild swaps in tables shaped as the migrations made them, and leaves nothing behind', async () => {
    const shape = async () =>
      (
        await sql<{ what: string }>`
          select c.relname || ' ' || coalesce(array_to_string(c.reloptions, ','), '') as what
          from pg_class c where c.relname like 'dashboard%' and c.relkind in ('r', 'i')
          union all
          select conrelid::regclass::text || ' ' || conname || ' ' || pg_get_constraintdef(oid)
          from pg_constraint where conrelid::regclass::text like 'dashboard%'
          union all
          select indexrelid::regclass::text || ' ' || pg_get_indexdef(indexrelid)
          from pg_index where indrelid::regclass::text like 'dashboard%'
          union all
          select table_name || ' ' || column_name || ' ' || data_type || ' ' || is_nullable || ' ' ||
                 coalesce(collation_name, '') || ' ' || coalesce(column_default, '')
          from information_schema.columns where table_name like 'dashboard%'
          order by 1`.execute(database.db)
      ).rows.map((r) => r.what);
    const before = await shape();
    const counts = await snapshot();
    expect(before.join('\n')).toContain('dashboard_cell_pkey');
    const steps: string[] = [];
    await rebuildRollups(database.db, { onProgress: (p) => steps.push(p.step) });
    expect(await shape()).toEqual(before);
    expect(await snapshot()).toEqual(counts);
    expect(steps).toEqual(['parts', 'parts', 'parts', 'indexes', 'swapped']);
    // PostgreSQL: the kabupaten built by two connections at once, the same counts again
    if (database.kind === 'postgres') {
      await rebuildRollups(database.db, { connections: 2 });
      expect(await shape()).toEqual(before);
      expect(await snapshot()).toEqual(counts);
    }
  });

  it.runIf(testEngine === 'postgres')(
    'during a rebuild the dashboard reads the old counts, and writers wait (PostgreSQL)',
    async () => {
      const counts = await snapshot();
      // on another connection, giving up after 1 s instead of waiting for the rebuild
      const elsewhere = (statement: string) =>
        database.db.transaction().execute(async (trx) => {
          await sql`set local lock_timeout = '1s'`.execute(trx);
          return (await sql.raw<{ n: number }>(statement).execute(trx)).rows;
        });
      let during: { read: unknown; write: unknown } | undefined;
      await database.db.transaction().execute(async (trx) => {
        const main = kyselyExecutor(trx);
        // the jobs run in the rebuild's own transaction; the first one looks at it from outside
        const worker: RebuildWorker = async (job) => {
          during ??= {
            read: await elsewhere(`select count(*)::int as n from dashboard_area`),
            write: await elsewhere(
              `update dashboard_cell set measured = measured where false`,
            ).catch((error: Error) => error.message),
          };
          return job(main);
        };
        await rebuildAllRollups(main, { workers: [worker] });
      });
      expect(during).toEqual({
        read: [{ n: counts.areas.length }],
        write: expect.stringMatching(/lock timeout/),
      });
      expect(await snapshot()).toEqual(counts);
    },
  );
});
