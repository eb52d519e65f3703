import type { Kysely, Transaction } from 'kysely';
import type { AppUserRow, Database, NewAppUser } from '../types.ts';

type Q = Kysely<Database> | Transaction<Database>;

export async function findUserByEmail(db: Q, email: string): Promise<AppUserRow | undefined> {
  return db.selectFrom('app_user').selectAll().where('email', '=', email).executeTakeFirst();
}

export async function findUserById(db: Q, id: string): Promise<AppUserRow | undefined> {
  return db.selectFrom('app_user').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertUser(db: Q, user: NewAppUser): Promise<AppUserRow> {
  return db.insertInto('app_user').values(user).returningAll().executeTakeFirstOrThrow();
}

export async function updateUser(
  db: Q,
  id: string,
  changes: Partial<Omit<NewAppUser, 'id'>>,
): Promise<AppUserRow> {
  return db
    .updateTable('app_user')
    .set(changes)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Users whose scope lies inside `regionCode` (prefix rule), newest first. */
export async function listUsersWithin(
  db: Q,
  regionCode: string,
  limit = 500,
): Promise<(AppUserRow & { region_name: string; posyandu_name: string | null })[]> {
  return db
    .selectFrom('app_user')
    .innerJoin('region', 'region.code', 'app_user.region_code')
    .leftJoin('posyandu', 'posyandu.id', 'app_user.posyandu_id')
    .selectAll('app_user')
    .select(['region.name as region_name', 'posyandu.name as posyandu_name'])
    .where('app_user.region_code', 'like', `${regionCode}%`)
    .orderBy('app_user.created_at', 'desc')
    .limit(limit)
    .execute();
}

export async function countUsers(db: Q): Promise<number> {
  const row = await db
    .selectFrom('app_user')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
