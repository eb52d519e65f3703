/**
 * Rounding exactly as R (≥ 4.0.0) rounds, so that z-scores, and therefore the implausibility flags
 * decided on them, equal anthro's (data/who-growth/README.md §7).
 */

/**
 * R's `round(x, 2)`: of the two 2-decimal candidates around |x| (floor and ceiling of 100|x|,
 * divided by 100 in double arithmetic) take the nearer one; on an exactly equal distance the one
 * whose 100× value is even; then restore the sign. This is not `Math.round(x * 100) / 100` nor
 * `toFixed(2)`: R gives round(0.125, 2) = 0.12, round(2.675, 2) = 2.67, round(5.015, 2) = 5.02,
 * round(3.005, 2) = 3 (R's `fround` in src/nmath/fround.c, the algorithm of R 4.0.0).
 * NaN and ±Infinity are returned unchanged, like R.
 */
export function roundLikeR(x: number): number {
  const x10 = 100 * x;
  const fraction = x10 - Math.floor(x10);
  // Fast path, taken by almost every value and written without data-dependent branches (a
  // mispredicted branch costs more than all the arithmetic): away from a midpoint (.xx5) R's
  // choice is the nearest integer of 100|x|, because its two distances then differ by ≥ 2e-9
  // while both are exact to ~1e-10 for |x| < 1e6. Near a midpoint, and for NaN, ±Infinity and
  // large values, R's own comparison decides (roundLikeRNearTie).
  if (Math.abs(fraction - 0.5) < 1e-7 || !(Math.abs(x10) < 1e8)) return roundLikeRNearTie(x);
  const r = Math.floor(x10 + 0.5) / 100;
  // R rounds |x| and restores the sign: −0.004 gives −0.
  return r === 0 ? x * 0 : r;
}

/**
 * R's `fround` literally (compare the distances to both candidates, ties to even), used by
 * roundLikeR near a midpoint and for special values; exported so tests can check the fast path.
 */
export function roundLikeRNearTie(x: number): number {
  if (!(x === x) || x === Infinity || x === -Infinity || x === 0) return x;
  const negative = x < 0;
  const a = negative ? -x : x;
  // R returns x unchanged when it already has more than 15 significant digits before the
  // rounding position (log10(x) + digits > DBL_DIG): |x| > 1e13 for 2 digits.
  if (a > 1e13) return x;
  const x10 = 100 * a;
  const i10 = Math.floor(x10);
  const down = i10 / 100;
  const up = Math.ceil(x10) / 100;
  const du = up - a;
  const dd = a - down;
  const r = du < dd || (du === dd && i10 % 2 === 1) ? up : down;
  return negative ? -r : r;
}

/**
 * anthro's `round_up` for ages: whole days, every .5 rounded up (`floor(a) + (a − floor(a) ≥ 0.5)`),
 * for a ≥ 0. 730.49 → 730, 730.5 → 731. (anthro's comment calls it banker's rounding; it is not.)
 */
export function roundHalfUp(a: number): number {
  const f = Math.floor(a);
  return a - f >= 0.5 ? f + 1 : f;
}
