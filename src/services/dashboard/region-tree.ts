/**
 * Every region's name and level, kept in memory by the dashboard: area tables list all regions of
 * a level inside a region (also those without data), which by prefix over 91,599 rows would be a
 * scan per request. The region table is reference data loaded once, so one read per process.
 */
import { regionLevels, type RegionLevel } from '../../core/regions/region-code.ts';
import type { Db } from '../../db/connect.ts';
import { allRegions } from '../../db/queries/dashboard.ts';

/** A region as the dashboard names it. */
export interface RegionNode {
  code: string;
  name: string;
  level: RegionLevel;
}

/** Lookup by code and by level inside a region (prefix rule of kode wilayah). */
export class RegionTree {
  private readonly byCode = new Map<string, RegionNode>();
  private readonly byLevel = new Map<RegionLevel, RegionNode[]>();

  constructor(regions: readonly RegionNode[]) {
    for (const level of regionLevels) this.byLevel.set(level, []);
    for (const r of regions) {
      this.byCode.set(r.code, r);
      this.byLevel.get(r.level)!.push(r);
    }
    for (const list of this.byLevel.values()) list.sort((a, b) => (a.code < b.code ? -1 : 1));
  }

  /** The region of a code, or undefined. */
  get(code: string): RegionNode | undefined {
    return this.byCode.get(code);
  }

  /** Regions of `level` inside `within` (`00`: the whole country), in code order. */
  within(within: string, level: RegionLevel): RegionNode[] {
    const list = this.byLevel.get(level)!;
    if (within === '00') return list;
    // binary search for the first code ≥ within; codes with the prefix follow contiguously
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid]!.code < within) lo = mid + 1;
      else hi = mid;
    }
    const out: RegionNode[] = [];
    for (let i = lo; i < list.length && list[i]!.code.startsWith(within); i++) out.push(list[i]!);
    return out;
  }
}

const trees = new WeakMap<Db, Promise<RegionTree>>();

/** The region tree of a database, read once. */
export function regionTree(db: Db): Promise<RegionTree> {
  let tree = trees.get(db);
  if (!tree) {
    tree = allRegions(db).then((rows) => new RegionTree(rows));
    tree.catch(() => trees.delete(db));
    trees.set(db, tree);
  }
  return tree;
}
