import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../core/access/scope.ts';
import { insertPosyandu } from '../../db/queries/registry.ts';
import { createTestDb } from '../../test/db.ts';
import { testClock } from '../../test/app.ts';
import type { ServiceContext } from '../context.ts';
import type { DatabaseHandle } from '../database.ts';
import { registerChild } from './children.ts';
import { recordMeasurements } from './measurements.ts';

let database: DatabaseHandle;
let ctx: ServiceContext;
let childId: string;

beforeAll(async () => {
  database = await createTestDb();
  const actor: Actor = {
    id: (
      await database.db
        .insertInto('app_user')
        .values({
          email: 'v@test.tumbuh.id',
          name: 'V',
          role: 'village',
          region_code: '5301042003',
          password_hash: 'x',
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id,
    role: 'village',
    regionCode: '5301042003',
  };
  ctx = { db: database.db, actor, now: testClock().now, requestId: 'test' };
  const posyandu = await insertPosyandu(database.db, {
    name: 'Posyandu Batch',
    region_code: '5301042003',
  });
  childId = (
    await registerChild(ctx, {
      posyanduId: posyandu.id,
      name: 'Batch Child',
      sex: 2,
      birthDate: '2025-02-01',
    })
  ).child.id;
});
afterAll(async () => {
  await database.close();
});

describe('recordMeasurements (batch)', () => {
  it('stores the good submissions and reports each bad one, in the same call', async () => {
    const good1 = { id: randomUUID(), childId, measuredOn: '2026-09-02', weightKg: 8.6 };
    const good2 = { id: randomUUID(), childId, measuredOn: '2026-10-02', weightKg: 9.0 };
    const future = { id: randomUUID(), childId, measuredOn: '2027-01-01', weightKg: 9.5 };
    const unknownChild = {
      id: randomUUID(),
      childId: randomUUID(),
      measuredOn: '2026-10-02',
      weightKg: 9,
    };
    const sameDay = { id: randomUUID(), childId, measuredOn: '2026-10-02', weightKg: 9.1 };
    const outcomes = await recordMeasurements(
      ctx,
      [good1, future, good2, unknownChild, sameDay, good1],
      { source: 'import' },
    );
    expect(outcomes.map((o) => (o.ok ? (o.created ? 'created' : 'again') : o.error.code))).toEqual([
      'created',
      'validation_failed',
      'created',
      'not_found',
      'measurement_exists',
      'again',
    ]);
    const rows = await database.db
      .selectFrom('measurement')
      .select(['measured_on', 'weight_gain'])
      .where('child_id', '=', childId)
      .orderBy('measured_on')
      .execute();
    expect(rows).toEqual([
      { measured_on: '2026-09-02', weight_gain: 'B' },
      { measured_on: '2026-10-02', weight_gain: 'N' },
    ]);
  });

  it('recomputes later months when an earlier month arrives late (out of order)', async () => {
    const december = { id: randomUUID(), childId, measuredOn: '2026-11-20', weightKg: 9.1 };
    const [first] = await recordMeasurements(ctx, [december]);
    expect(first!.ok && first!.measurement.weight_gain).toBe('T');
    // A late August weighing does not change October→November, but is B now, and September N.
    const august = { id: randomUUID(), childId, measuredOn: '2026-08-01', weightKg: 8.2 };
    await recordMeasurements(ctx, [august]);
    const rows = await database.db
      .selectFrom('measurement')
      .select(['measured_on', 'weight_gain'])
      .where('child_id', '=', childId)
      .orderBy('measured_on')
      .execute();
    expect(rows.map((r) => r.weight_gain)).toEqual(['B', 'N', 'N', 'T']);
  });

  it('answers with the row exactly as stored (values rounded to their column scale)', async () => {
    const submission = {
      id: randomUUID(),
      childId,
      measuredOn: '2026-11-21',
      weightKg: 9.456,
      heightCm: 77.25,
      measure: 'l' as const,
      muacCm: 14.05,
    };
    const [outcome] = await recordMeasurements(ctx, [submission], { source: 'import' });
    expect(outcome!.ok).toBe(true);
    const stored = await database.db
      .selectFrom('measurement')
      .selectAll()
      .where('id', '=', submission.id)
      .executeTakeFirstOrThrow();
    expect(outcome!.ok && outcome!.measurement).toEqual(stored);
    expect(stored).toMatchObject({ weight_kg: 9.46, height_cm: 77.3, muac_cm: 14.1 });
  });
});
