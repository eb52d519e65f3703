/// <reference types="vite/client" />
import { describe, expect, it } from 'vitest';
import kbmCsv from '../../../data/kbm/kbm.csv?raw';
import { KBM_TABLE } from './weight-gain.ts';

describe('KBM table', () => {
  it('equals data/kbm/kbm.csv (the documented source)', () => {
    const [header, ...rows] = kbmCsv.trim().split('\n');
    expect(header).toBe('age_month_from,age_month_to,kbm_g');
    expect(
      rows.map((r) => {
        const [fromMonth, toMonth, minimumGainG] = r.split(',').map(Number);
        return { fromMonth, toMonth, minimumGainG };
      }),
    ).toEqual(KBM_TABLE);
  });

  it('covers every month from 1 to 60 exactly once', () => {
    const covered = KBM_TABLE.flatMap((r) =>
      Array.from({ length: r.toMonth - r.fromMonth + 1 }, (_, k) => r.fromMonth + k),
    );
    expect(covered).toEqual(Array.from({ length: 60 }, (_, k) => k + 1));
  });
});
