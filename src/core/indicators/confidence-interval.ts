/**
 * 95 % confidence intervals for Tumbuh's public figures ("honest uncertainty on small areas",
 * research/anchors.md §7 item 4):
 * - Wilson score interval for a proportion (prevalence, coverage): well behaved at 0 and at n,
 *   unlike the Wald interval, without the continuity correction;
 * - exact (Garwood 1936) Poisson interval for a count of deaths, and its rate form for
 *   AKI (per 100,000 live births) and AKB/AKN (per 1,000 live births).
 */
import { chiSquareQuantile } from './incomplete-gamma.ts';

/** Two-sided 95 %: z = Φ⁻¹(0.975) (the standard normal quantile, to double precision). */
export const z95 = 1.959963984540054;

/** α of a two-sided 95 % interval. */
export const alpha95 = 0.05;

/** How an interval was computed, so that a presenter can say so next to the figure. */
export type IntervalMethod = 'wilson' | 'exact_poisson';

/** A 95 % confidence interval on the same scale as the figure it belongs to. */
export interface ConfidenceInterval {
  readonly lower: number;
  readonly upper: number;
  readonly level: 0.95;
  readonly method: IntervalMethod;
}

function checkCount(value: number, name: string): void {
  if (!Number.isInteger(value) || value < 0) {
    throw new RangeError(`${name} must be a whole number ≥ 0, got ${value}`);
  }
}

/**
 * Wilson score 95 % interval for k events out of n (Wilson 1927; no continuity correction):
 * centre (p̂ + z²/2n) / (1 + z²/n), half-width z·√(p̂(1−p̂)/n + z²/4n²) / (1 + z²/n).
 * k = 0 gives lower exactly 0 and k = n upper exactly 1. n = 0 → null (no information).
 * k and n must be whole numbers with 0 ≤ k ≤ n; anything else is a programming error
 * (counts come from our own tallies) and throws RangeError.
 */
export function wilsonInterval(k: number, n: number): ConfidenceInterval | null {
  checkCount(k, 'k');
  checkCount(n, 'n');
  if (k > n) throw new RangeError(`k (${k}) must not exceed n (${n})`);
  if (n === 0) return null;
  const p = k / n;
  const z2 = z95 * z95;
  const denominator = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denominator;
  const halfWidth = (z95 * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / denominator;
  return {
    lower: k === 0 ? 0 : Math.max(0, centre - halfWidth),
    upper: k === n ? 1 : Math.min(1, centre + halfWidth),
    level: 0.95,
    method: 'wilson',
  };
}

/**
 * Exact (Garwood) 95 % interval for the mean of a Poisson count k:
 * lower = χ²(α/2, 2k)/2 (0 when k = 0), upper = χ²(1 − α/2, 2k + 2)/2.
 * Equivalently P(X ≥ k; lower) = α/2 and P(X ≤ k; upper) = α/2. Used for death counts, which
 * are small per kabupaten and are not a sample from a known denominator.
 */
export function poissonExactInterval(k: number): ConfidenceInterval {
  checkCount(k, 'k');
  return {
    lower: k === 0 ? 0 : chiSquareQuantile(alpha95 / 2, 2 * k) / 2,
    upper: chiSquareQuantile(1 - alpha95 / 2, 2 * k + 2) / 2,
    level: 0.95,
    method: 'exact_poisson',
  };
}

/**
 * Exact Poisson 95 % interval of a rate: the count interval ÷ `births` × `multiplier`
 * (100,000 for AKI, 1,000 for AKB/AKN). Live births are treated as fixed (the usual practice
 * for registration-based rates). `births` ≤ 0 or not finite → null.
 */
export function poissonRateInterval(
  k: number,
  births: number,
  multiplier: number,
): ConfidenceInterval | null {
  if (!(births > 0) || !Number.isFinite(births)) return null;
  const count = poissonExactInterval(k);
  return {
    ...count,
    lower: (count.lower / births) * multiplier,
    upper: (count.upper / births) * multiplier,
  };
}
