import { describe, expect, it } from 'vitest';
import { assessMeasurement } from '../../core/registry/assess.ts';
import { localChildren, localMeasurements, localSummary } from './local-view.ts';
import type { MeasurementView, OutboxItem } from './outbox.ts';

const child = {
  id: 'c1',
  posyanduId: 'p1',
  regionCode: '5301042003',
  name: 'Maria',
  sex: 2 as const,
  birthDate: '2025-09-10',
  nik: null,
  birthWeightKg: null,
  birthLengthCm: null,
  motherName: 'Yosefina',
  motherNik: null,
  address: null,
  mergedInto: null,
  version: 1,
};
const stored: MeasurementView = {
  id: 'm1',
  childId: 'c1',
  measuredOn: '2026-10-10',
  ageDays: 395,
  weightKg: 8.6,
  heightCm: 73.5,
  measure: 'l',
  headCm: null,
  muacCm: null,
  oedema: false,
  status: {
    heightForAge: { z: 0, category: 'normal', implausible: false },
    weightForAge: { z: 0, category: 'normal', implausible: false },
    weightForHeight: { z: 0, category: 'normal', implausible: false },
    weightGain: 'B',
    twoT: false,
    implausible: false,
  },
  source: 'entry',
  supersedes: null,
  supersededAt: null,
  createdAt: '2026-10-10T01:00:00Z',
};
const base = {
  schema: 1,
  userId: 'u',
  posyanduId: 'p1',
  state: 'pending' as const,
  createdAt: 0,
  attempts: 0,
  nextAttemptAt: 0,
};
const queued: OutboxItem = {
  ...base,
  kind: 'measurement',
  id: 'm2',
  childId: 'c1',
  seq: 2,
  body: {
    id: 'm2',
    childId: 'c1',
    measuredOn: '2026-11-10',
    weightKg: 9.1,
    heightCm: 74.6,
    measure: 'l',
  },
};

describe('the phone’s view of the registry', () => {
  it('computes a queued weighing’s status with the core growth code, N/T against the stored month', () => {
    const list = localMeasurements(child, [stored], [queued]);
    expect(list.map((m) => [m.id, m.queued])).toEqual([
      ['m1', false],
      ['m2', true],
    ]);
    const server = assessMeasurement({
      sex: 2,
      birthDate: child.birthDate,
      measuredOn: '2026-11-10',
      weightKg: 9.1,
      heightCm: 74.6,
      measure: 'l',
    });
    const phone = list[1]!.status;
    expect(phone.heightForAge.z).toBe(server.zlen);
    expect(phone.weightForHeight.category).toBe(server.weightForHeight);
    expect(phone.weightGain).toBe('N');
  });

  it('lists a child registered offline and marks the roster line as waiting', () => {
    const registration: OutboxItem = {
      ...base,
      kind: 'child',
      id: 'c2',
      childId: 'c2',
      seq: 1,
      body: { id: 'c2', posyanduId: 'p1', name: 'Yohana', sex: 2, birthDate: '2026-01-05' },
    };
    const children = localChildren('p1', [child], [registration]);
    expect(children.map((c) => [c.name, c.queued])).toEqual([
      ['Maria', false],
      ['Yohana', true],
    ]);
    const line = localSummary(
      children[0]!,
      localMeasurements(child, [stored], [queued]),
      '2026-11',
    );
    expect(line).toMatchObject({ measuredThisMonth: true, lastWeightKg: 9.1, queued: 1 });
  });

  it('hides a stored measurement replaced by a queued correction', () => {
    const correction: OutboxItem = {
      ...queued,
      id: 'm3',
      body: {
        ...queued.body,
        id: 'm3',
        measuredOn: '2026-10-10',
        weightKg: 8.7,
        supersedes: 'm1',
      } as never,
    };
    const list = localMeasurements(child, [stored], [correction]);
    expect(list.map((m) => m.id)).toEqual(['m3']);
  });
});
