/**
 * The register (S) of every area of a list by birth month, as running totals: S of any period —
 * the children born in the 60 months up to its last month — is then one subtraction per area,
 * so one read of the register serves every period until the register changes.
 */

/** Children registered in an area (kode wilayah) in one birth month (year × 12 + month − 1). */
export interface RegisterMonthRow {
  region_code: string;
  birth_month: number;
  children: number;
}

/** Running totals of the register per area over birth months. */
export interface RegisterMonths {
  /** Children born in [fromMonth, toMonth] per area that has any in the whole register. */
  between(fromMonth: number, toMonth: number): { region_code: string; children: number }[];
}

export function registerMonths(rows: readonly RegisterMonthRow[]): RegisterMonths {
  const areas: string[] = [];
  const index = new Map<string, number>();
  let first = Infinity;
  let last = -Infinity;
  for (const r of rows) {
    if (!index.has(r.region_code)) {
      index.set(r.region_code, areas.length);
      areas.push(r.region_code);
    }
    first = Math.min(first, r.birth_month);
    last = Math.max(last, r.birth_month);
  }
  const span = areas.length === 0 ? 0 : last - first + 1;
  // totals[a * (span + 1) + k] = children of area a born in the first k months
  const width = span + 1;
  const totals = new Float64Array(areas.length * width);
  for (const r of rows)
    totals[index.get(r.region_code)! * width + (r.birth_month - first) + 1]! += r.children;
  for (let a = 0; a < areas.length; a++)
    for (let k = 1; k < width; k++) totals[a * width + k]! += totals[a * width + k - 1]!;
  return {
    between(fromMonth, toMonth) {
      const lo = Math.min(Math.max(fromMonth - first, 0), span);
      const hi = Math.min(Math.max(toMonth - first + 1, 0), span);
      if (hi <= lo) return areas.map((code) => ({ region_code: code, children: 0 }));
      return areas.map((code, a) => ({
        region_code: code,
        children: totals[a * width + hi]! - totals[a * width + lo]!,
      }));
    },
  };
}
