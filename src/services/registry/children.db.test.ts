import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../core/access/scope.ts';
import { assessMeasurement } from '../../core/registry/assess.ts';
import { DomainError } from '../../core/errors.ts';
import { findChild, insertPosyandu } from '../../db/queries/registry.ts';
import { createTestDb } from '../../test/db.ts';
import { testClock } from '../../test/app.ts';
import type { ServiceContext } from '../context.ts';
import type { DatabaseHandle } from '../database.ts';
import { registerChild, updateChild } from './children.ts';
import { recordMeasurements } from './measurements.ts';

let database: DatabaseHandle;
let ctx: ServiceContext;

beforeAll(async () => {
  database = await createTestDb();
  const regionCode = '5301042003';
  const id = (
    await database.db
      .insertInto('app_user')
      .values({
        email: 'u@test.tumbuh.id',
        name: 'U',
        role: 'village',
        region_code: regionCode,
        password_hash: 'x',
      })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  const actor: Actor = { id, role: 'village', regionCode };
  ctx = { db: database.db, actor, now: testClock().now, requestId: 'test' };
});
afterAll(async () => {
  await database.close();
});

const names = ['Ani', 'Budi', 'Citra', 'Dewi'];

async function childWithMeasurement() {
  const posyandu = await insertPosyandu(database.db, {
    name: `P ${randomUUID()}`,
    region_code: '5301042003',
  });
  const child = (
    await registerChild(ctx, {
      posyanduId: posyandu.id,
      name: `Koreksi ${names.shift()}`,
      sex: 2,
      birthDate: '2025-01-01',
    })
  ).child;
  const measurementId = randomUUID();
  await recordMeasurements(ctx, [
    {
      id: measurementId,
      childId: child.id,
      measuredOn: '2026-07-01',
      weightKg: 8.1,
      heightCm: 74.2,
      measure: 'l',
    },
  ]);
  return { child, measurementId };
}

const stored = (id: string) =>
  database.db.selectFrom('measurement').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

describe('updateChild keeps the measurements true to the corrected sex and birth date', () => {
  it('recomputes age and z-scores when the sex is corrected', async () => {
    const { child, measurementId } = await childWithMeasurement();
    const before = await stored(measurementId);
    await updateChild(ctx, child.id, { sex: 1, version: child.version });
    const after = await stored(measurementId);
    const expected = assessMeasurement({
      sex: 1,
      birthDate: '2025-01-01',
      measuredOn: '2026-07-01',
      weightKg: 8.1,
      heightCm: 74.2,
      measure: 'l',
    });
    expect(after.zlen).toBe(expected.zlen);
    expect(after.zwei).toBe(expected.zwei);
    expect(after.height_for_age).toBe(expected.heightForAge);
    expect(after.zlen).not.toBe(before.zlen);
  });

  it('recomputes age and z-scores when the birth date is corrected', async () => {
    const { child, measurementId } = await childWithMeasurement();
    await updateChild(ctx, child.id, { birthDate: '2025-04-01', version: child.version });
    const after = await stored(measurementId);
    const expected = assessMeasurement({
      sex: 2,
      birthDate: '2025-04-01',
      measuredOn: '2026-07-01',
      weightKg: 8.1,
      heightCm: 74.2,
      measure: 'l',
    });
    expect(after.age_days).toBe(456);
    expect(after.zlen).toBe(expected.zlen);
  });

  it('refuses a birth date after a measurement and changes nothing', async () => {
    const { child, measurementId } = await childWithMeasurement();
    const before = await stored(measurementId);
    const error = await updateChild(ctx, child.id, {
      birthDate: '2026-08-01',
      version: child.version,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).details.field).toBe('birthDate');
    expect(await stored(measurementId)).toEqual(before);
    expect((await findChild(database.db, child.id))?.birth_date).toBe('2025-01-01');
  });
});
