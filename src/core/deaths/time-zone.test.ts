import { describe, expect, it } from 'vitest';
import {
  localDateAt,
  localInstant,
  notificationDelay,
  utcOffsetOfRegion,
  zoneName,
} from './time-zone.ts';

describe('local time of a death', () => {
  it('knows the zone of every province from its code', () => {
    expect(zoneName(utcOffsetOfRegion('3171'))).toBe('WIB');
    expect(zoneName(utcOffsetOfRegion('6171'))).toBe('WIB'); // Kalimantan Barat
    expect(zoneName(utcOffsetOfRegion('5301042003'))).toBe('WITA');
    expect(zoneName(utcOffsetOfRegion('6471'))).toBe('WITA'); // Kalimantan Timur
    expect(zoneName(utcOffsetOfRegion('9471'))).toBe('WIT');
  });

  it('places a local date and time on the time line', () => {
    expect(localInstant('2025-03-01', '07:00', 8).toISOString()).toBe('2025-02-28T23:00:00.000Z');
    expect(localInstant('2025-03-01', null, 7).toISOString()).toBe('2025-03-01T16:59:00.000Z');
    expect(localDateAt(new Date('2025-02-28T23:30:00Z'), 8)).toBe('2025-03-01');
  });

  it('calls a notification late after 24 hours', () => {
    const death = { date: '2025-03-01', time: '07:00', regionCode: '53' };
    expect(notificationDelay(death, new Date('2025-03-01T23:00:00Z'))).toEqual({
      minutes: 1440,
      late: false,
    });
    expect(notificationDelay(death, new Date('2025-03-01T23:01:00Z'))).toEqual({
      minutes: 1441,
      late: true,
    });
    // without a time the end of the day counts: a notification the next evening is in time
    expect(notificationDelay({ ...death, time: null }, new Date('2025-03-02T12:00:00Z')).late).toBe(
      false,
    );
  });
});
