import type { Db } from '../../db/connect.ts';
import { regionCodesWithin } from '../../db/queries/deaths.ts';

/** Parent code by prefix, with `00` (Indonesia) above the provinces. */
function parentCode(code: string): string | null {
  if (code.length === 10) return code.slice(0, 6);
  if (code.length === 6) return code.slice(0, 4);
  if (code.length === 4) return code.slice(0, 2);
  if (code.length === 2 && code !== '00') return '00';
  return null;
}

const trees = new WeakMap<Db, Map<string, Promise<Map<string, string[]>>>>();

/**
 * The region tree below `regionCode` (all of Indonesia for `00`) as `children(code)`, for adding
 * live births up the tree. Kode wilayah are reference data loaded at start and never edited by
 * the app, so each subtree is read once per database handle and kept (a province is ~4,000
 * codes; Indonesia ~92,000).
 */
export async function regionChildren(
  db: Db,
  regionCode: string,
): Promise<(code: string) => readonly string[]> {
  let byPrefix = trees.get(db);
  if (!byPrefix) trees.set(db, (byPrefix = new Map<string, Promise<Map<string, string[]>>>()));
  let tree = byPrefix.get(regionCode);
  if (!tree) {
    tree = (async () => {
      const children = new Map<string, string[]>();
      for (const code of await regionCodesWithin(db, regionCode === '00' ? null : regionCode)) {
        const parent = parentCode(code);
        if (!parent) continue;
        let list = children.get(parent);
        if (!list) children.set(parent, (list = []));
        list.push(code);
      }
      for (const list of children.values()) list.sort();
      return children;
    })();
    byPrefix.set(regionCode, tree);
    tree.catch(() => byPrefix.delete(regionCode));
  }
  const children = await tree;
  return (code) => children.get(code) ?? [];
}
