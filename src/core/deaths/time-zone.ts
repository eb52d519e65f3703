/**
 * Local time of a death. A death is reported as a local date and clock time; the 24-hour
 * notification rule compares it with the moment the notification reached the server, so the
 * local time must be placed on the time line. Indonesia has three zones and every province lies
 * in one of them (Undang-undang waktu: Keppres 41/1987), so the zone follows from the first two
 * digits of the kode wilayah — no configuration, no guessing from the phone's clock.
 */

/** UTC offset in hours: WIB +7, WITA +8, WIT +9. */
export type IndonesianUtcOffset = 7 | 8 | 9;

/** WITA provinces: Bali, NTB, NTT, Kalimantan Selatan/Timur/Utara, all of Sulawesi. */
const WITA = new Set(['51', '52', '53', '63', '64', '65', '71', '72', '73', '74', '75', '76']);
/** WIT provinces: Maluku, Maluku Utara and the Papua provinces. */
const WIT = new Set(['81', '82', '91', '92', '93', '94', '95', '96', '97']);

/** The UTC offset of the province a region code lies in (WIB for Sumatra, Java, Kalimantan Barat/Tengah). */
export function utcOffsetOfRegion(regionCode: string): IndonesianUtcOffset {
  const province = regionCode.slice(0, 2);
  if (WITA.has(province)) return 8;
  if (WIT.has(province)) return 9;
  return 7;
}

/** Short name of the zone, for labels: WIB, WITA, WIT. */
export function zoneName(offset: IndonesianUtcOffset): 'WIB' | 'WITA' | 'WIT' {
  return offset === 7 ? 'WIB' : offset === 8 ? 'WITA' : 'WIT';
}

/** The local calendar date (YYYY-MM-DD) of an instant in that zone. */
export function localDateAt(instant: Date, offset: IndonesianUtcOffset): string {
  return new Date(instant.getTime() + offset * 3_600_000).toISOString().slice(0, 10);
}

/** True for a clock time `HH:MM` (00:00–23:59). */
export function isClockTime(value: string): boolean {
  return /^([01]\d|2[0-3]):[0-5]\d$/.test(value);
}

/**
 * The instant of a local date and time. Without a time the end of the day (23:59) is taken: the
 * most lenient reading, so that a death whose hour is unknown is never called late unfairly.
 */
export function localInstant(date: string, time: string | null, offset: IndonesianUtcOffset): Date {
  const clock = time ?? '23:59';
  return new Date(Date.parse(`${date}T${clock}:00Z`) - offset * 3_600_000);
}

/** Notification deadline after a death (Kemenkes AMP-SR: "notifikasi … dalam waktu 1×24 jam"). */
export const NOTIFICATION_DEADLINE_HOURS = 24;

/** How late a notification is: minutes from the death to the notification, and whether > 24 h. */
export function notificationDelay(
  death: { date: string; time: string | null; regionCode: string },
  notifiedAt: Date,
): { minutes: number; late: boolean } {
  const diedAt = localInstant(death.date, death.time, utcOffsetOfRegion(death.regionCode));
  const minutes = Math.max(0, Math.round((notifiedAt.getTime() - diedAt.getTime()) / 60_000));
  return { minutes, late: minutes > NOTIFICATION_DEADLINE_HOURS * 60 };
}
