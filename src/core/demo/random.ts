/**
 * Seeded randomness for the demo province: a small, fast PRNG (sfc32, Chris Doty-Humphrey's
 * "small fast counting" generator, 128-bit state, passes PractRand) seeded through a 32-bit hash
 * of (seed, stream, index). Every child gets its own stream derived from the run's seed and its
 * index, so a child's data never depends on how the run was chunked or ordered (house rule 2:
 * the core reads no clock and no Math.random; the seed is an argument).
 */

/** 32-bit integer hash (the murmur3 finaliser): spreads nearby inputs over the whole range. */
export function hash32(x: number): number {
  let h = x >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** One 32-bit key from several integers (order matters): the seed of a derived stream. */
export function mixKeys(...keys: readonly number[]): number {
  let h = 0x9e3779b9;
  for (const k of keys) {
    // Split numbers above 2^32 (child indexes × months) into two words.
    const lo = k >>> 0;
    const hi = Math.floor(k / 0x1_0000_0000) >>> 0;
    h = hash32(h ^ lo) + 0x7f4a7c15;
    if (hi !== 0) h = hash32(h ^ hi) + 0x7f4a7c15;
  }
  return hash32(h);
}

/**
 * A seeded random stream. `next()` is uniform in [0, 1) with 32 bits; the helpers draw the
 * distributions the generator needs. Not for cryptography.
 */
export class DemoRandom {
  private a: number;
  private b: number;
  private c: number;
  private d: number;
  private spareNormal = NaN;

  constructor(...keys: readonly number[]) {
    const key = mixKeys(...keys);
    this.a = hash32(key ^ 0x243f6a88);
    this.b = hash32(key ^ 0x85a308d3);
    this.c = hash32(key ^ 0x13198a2e);
    this.d = 1;
    // Warm up so that nearby keys diverge completely.
    for (let i = 0; i < 12; i++) this.nextUint32();
  }

  /** Uniform 32-bit unsigned integer (sfc32). */
  nextUint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.nextUint32() / 0x1_0000_0000;
  }

  /** Uniform integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** Uniform integer in [min, max] (both included). */
  intBetween(min: number, max: number): number {
    return min + this.int(max - min + 1);
  }

  /** True with probability p. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  /** One element, uniformly. */
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!;
  }

  /** Standard normal (Marsaglia polar method; the second value is kept for the next call). */
  normal(): number {
    if (this.spareNormal === this.spareNormal) {
      const z = this.spareNormal;
      this.spareNormal = NaN;
      return z;
    }
    let u: number;
    let v: number;
    let s: number;
    do {
      u = 2 * this.next() - 1;
      v = 2 * this.next() - 1;
      s = u * u + v * v;
    } while (s >= 1 || s === 0);
    const f = Math.sqrt((-2 * Math.log(s)) / s);
    this.spareNormal = v * f;
    return u * f;
  }

  /** A uniformly random permutation of 0 … n−1 (Fisher–Yates). */
  permutation(n: number): Uint32Array {
    const p = new Uint32Array(n);
    for (let i = 0; i < n; i++) p[i] = i;
    for (let i = n - 1; i > 0; i--) {
      const j = this.int(i + 1);
      const t = p[i]!;
      p[i] = p[j]!;
      p[j] = t;
    }
    return p;
  }
}
