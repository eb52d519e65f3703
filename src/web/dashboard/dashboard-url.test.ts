import { describe, expect, it } from 'vitest';
import { dashboardHref, readDashboardView } from './dashboard-url.ts';

const read = (query: string) => readDashboardView(new URLSearchParams(query));

describe('dashboard URL', () => {
  it('reads region, period and indicator', () => {
    expect(read('wilayah=5301&periode=2025-08&indikator=stunting')).toEqual({
      region: '5301',
      period: '2025-08',
      indicator: 'stunting',
    });
    expect(read('wilayah=53.01&periode=2025-BT08').region).toBe('5301');
    expect(read('periode=2025-Q3').period).toBe('2025-Q3');
  });

  it('drops what it cannot read, so the defaults apply', () => {
    expect(read('wilayah=xx&periode=2025-13&indikator=DROP%20TABLE')).toEqual({
      region: null,
      period: null,
      indicator: null,
    });
    expect(read('')).toEqual({ region: null, period: null, indicator: null });
  });

  it('writes a shareable path that leaves defaults out', () => {
    expect(dashboardHref('/dasbor', { region: '5301', period: null, indicator: 'wasting' })).toBe(
      '/dasbor?wilayah=5301&indikator=wasting',
    );
    expect(dashboardHref('/dasbor', { region: null, period: null, indicator: null })).toBe(
      '/dasbor',
    );
    const href = dashboardHref('/dasbor', { region: '53', period: '2025-BT08', indicator: null });
    expect(read(href.split('?')[1]!)).toEqual({
      region: '53',
      period: '2025-BT08',
      indicator: null,
    });
  });
});
