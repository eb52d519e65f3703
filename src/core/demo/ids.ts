/**
 * Deterministic record ids for the demo: RFC 9562 version-8 ("custom") UUIDs, so they can never
 * collide with the version-4 ids that phones and PostgreSQL generate for real records, and a
 * reader can tell a demo id at a glance:
 *
 *   KKSSSSSS-0000-8000-8NNN-NNNNNNNNNNNN
 *
 * KK = record kind, SSSSSS = 24 bits of the seed's hash, N… = a 60-bit sequence number. Ids of
 * one kind and seed ascend with the sequence number, so bulk loads append to the primary-key
 * index instead of splitting pages all over it.
 */
import { hash32 } from './random.ts';

/** Record kinds (first byte of the id). */
export const DEMO_ID_KIND = {
  puskesmas: 0xd1,
  posyandu: 0xd2,
  child: 0xd3,
  measurement: 0xd4,
  death_case: 0xd5,
  death_recommendation: 0xd6,
} as const;

export type DemoIdKind = keyof typeof DEMO_ID_KIND;

const hex = (n: number, width: number) => n.toString(16).padStart(width, '0');

/** The id prefix of a kind and seed: `KKSSSSSS-0000-8000-8`. */
export function demoIdPrefix(kind: DemoIdKind, seed: number): string {
  const seedBits = hash32(seed) >>> 8;
  return `${hex(DEMO_ID_KIND[kind], 2)}${hex(seedBits, 6)}-0000-8000-8`;
}

/** The id of record `sequence` (0 ≤ sequence < 2^53) of a kind, given its prefix. */
export function demoId(prefix: string, sequence: number): string {
  const high = Math.floor(sequence / 0x1_0000_0000_0000); // bits 48…
  const low = sequence - high * 0x1_0000_0000_0000;
  return `${prefix}${hex(high, 3)}-${hex(low, 12)}`;
}

/** True for ids made by demoId (any kind, any seed). */
export function isDemoId(id: string): boolean {
  return /^d[1-6][0-9a-f]{6}-0000-8000-8[0-9a-f]{3}-[0-9a-f]{12}$/.test(id);
}
