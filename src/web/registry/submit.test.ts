import { describe, expect, it } from 'vitest';
import { ApiError } from '../api-client.ts';
import { newId, outcomeOfError } from './submit.ts';

describe('submissions', () => {
  it('makes version 4 UUIDs', () => {
    const ids = new Set(Array.from({ length: 50 }, newId));
    expect(ids.size).toBe(50);
    for (const id of ids) {
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    }
  });

  it('turns the answers the screens act on into outcomes', () => {
    const duplicate = outcomeOfError(
      new ApiError(409, 'child_duplicate', 'Anak ini kemungkinan sudah terdaftar', {
        candidates: [{ id: 'c1', name: 'Budi', birthDate: '2024-01-02', motherName: null }, 42],
        reason: 'same name and birth date',
      }),
    );
    expect(duplicate).toMatchObject({ kind: 'duplicate', reason: 'same name and birth date' });
    expect(duplicate.kind === 'duplicate' && duplicate.candidates.map((c) => c.id)).toEqual(['c1']);
    expect(outcomeOfError(new ApiError(422, 'implausible_unconfirmed', 'x'))).toMatchObject({
      kind: 'implausible',
    });
    expect(outcomeOfError(new ApiError(409, 'measurement_exists', 'x'))).toMatchObject({
      kind: 'exists',
    });
    expect(
      outcomeOfError(
        new ApiError(400, 'validation_failed', 'x', { field: 'weightKg', allowed: '0.5–40 kg' }),
      ),
    ).toMatchObject({ kind: 'invalid', field: 'weightKg', allowed: '0.5–40 kg' });
  });

  it('says which failures may be sent again unchanged', () => {
    const retry = (status: number, code: string) => {
      const o = outcomeOfError(new ApiError(status, code, 'x'));
      return o.kind === 'error' && o.retryable;
    };
    expect(retry(0, 'network_error')).toBe(true);
    expect(retry(500, 'internal')).toBe(true);
    expect(retry(403, 'region_forbidden')).toBe(false);
    expect(retry(409, 'measurement_conflict')).toBe(false);
  });
});
