/**
 * The LMS method of the WHO Child Growth Standards (WHO 2006, Methods and development, ch. 7) with
 * the operations in the order anthro writes them (`compute_zscore`, `compute_zscore_adjusted` in
 * R/z-score-helper.R), so the doubles agree with anthro's (data/who-growth/README.md §6).
 * None of the WHO tables has L = 0, so the log form is never needed.
 */

/**
 * Plain LMS z-score: z = ((y / M)^L − 1) / (S × L), in anthro's order of operations.
 * (y/M)^L is computed as e^(L·ln(y/M)): V8's Math.pow is about twice as slow and the power is
 * most of the cost of a z-score; both are within ~2 ulp of the exact power, so z-scores agree
 * with anthro's to ~1e-13 (anthro's own pow has the same error). L = 1 (length/height and head
 * circumference) needs no power at all, and gives exactly anthro's value.
 */
export function lmsZ(y: number, l: number, m: number, s: number): number {
  const x = y / m;
  return ((l === 1 ? x : Math.exp(l * Math.log(x))) - 1) / (s * l);
}

/** The measurement at `k` SD: SD(k) = M × (1 + L × S × k)^(1/L). NaN where no such value exists. */
export function lmsValueAt(k: number, l: number, m: number, s: number): number {
  return m * Math.pow(1 + l * s * k, 1 / l);
}

/**
 * The WHO's restricted application of the LMS method, used for every weight-based indicator and
 * for arm circumference and skinfolds (not for length/height or head circumference): beyond ±3 SD
 * the distance is measured in units of the 2-to-3 SD distance on that side, because the fitted
 * Box-Cox tails are unreliable there.
 *   z > 3:  3 + (y − SD(3)) / (SD(3) − SD(2));   z < −3:  −3 + (y − SD(−3)) / (SD(−2) − SD(−3)).
 * The SD lines are only computed when needed: the result is the same as anthro's, which computes
 * them for every row.
 */
export function lmsZRestricted(y: number, l: number, m: number, s: number): number {
  const z = lmsZ(y, l, m, s);
  return z > 3 || z < -3 ? restrictedTailZ(y, l, m, s, z) : z;
}

/**
 * The part of lmsZRestricted beyond ±3 SD, given the plain z (> 3 or < −3). Kept apart so the
 * batch kernels inline the common path and call this only for the rare extreme values.
 */
export function restrictedTailZ(y: number, l: number, m: number, s: number, z: number): number {
  if (z > 3) {
    const sd3 = lmsValueAt(3, l, m, s);
    return 3 + (y - sd3) / (sd3 - lmsValueAt(2, l, m, s));
  }
  if (z < -3) {
    const sd3neg = lmsValueAt(-3, l, m, s);
    return -3 + (y - sd3neg) / (lmsValueAt(-2, l, m, s) - sd3neg);
  }
  return z;
}

/**
 * Inverse of `lmsZRestricted`: the measurement whose restricted z-score is `z`. Between −3 and 3
 * this is SD(z); beyond, the straight line through SD(±3) with slope SD(±3) − SD(±2).
 * May be ≤ 0 for very negative z (no child has that measurement); the caller decides.
 */
export function lmsValueAtRestricted(z: number, l: number, m: number, s: number): number {
  if (z > 3) {
    const sd3 = lmsValueAt(3, l, m, s);
    return sd3 + (z - 3) * (sd3 - lmsValueAt(2, l, m, s));
  }
  if (z < -3) {
    const sd3neg = lmsValueAt(-3, l, m, s);
    return sd3neg + (z + 3) * (lmsValueAt(-2, l, m, s) - sd3neg);
  }
  return lmsValueAt(z, l, m, s);
}
