import { sql, type Kysely, type Transaction } from 'kysely';
import type { ChildRow, Database, MeasurementRow } from '../types.ts';

type Q = Kysely<Database> | Transaction<Database>;

/** Every child of a posyandu, merged ones included (a phone may hold them from before a merge). */
export async function childrenOfPosyandu(db: Q, posyanduId: string): Promise<ChildRow[]> {
  return db
    .selectFrom('child')
    .selectAll()
    .where('posyandu_id', '=', posyanduId)
    .orderBy('name')
    .orderBy('id')
    .execute();
}

/** Whole current measurement rows of several children, oldest first within each child. */
export async function currentMeasurementRowsOf(
  db: Q,
  childIds: string[],
): Promise<MeasurementRow[]> {
  if (childIds.length === 0) return [];
  return db
    .selectFrom('measurement')
    .selectAll()
    .where(sql<boolean>`child_id = any(${childIds}::uuid[])`)
    .where('superseded_at', 'is', null)
    .orderBy('child_id')
    .orderBy('measured_on')
    .execute();
}
