import type { Kysely, Transaction } from 'kysely';
import type { AppUserRow, Database } from '../types.ts';

type Q = Kysely<Database> | Transaction<Database>;

export async function insertSession(
  db: Q,
  session: { id: string; userId: string; csrfToken: string; expiresAt: Date; now: Date },
): Promise<void> {
  await db
    .insertInto('user_session')
    .values({
      id: session.id,
      user_id: session.userId,
      csrf_token: session.csrfToken,
      expires_at: session.expiresAt,
      // The service's clock, not the database's: sliding expiry compares the two.
      created_at: session.now,
      last_seen_at: session.now,
    })
    .execute();
}

/** The live session and its user, or undefined when missing or expired. */
export async function findLiveSession(
  db: Q,
  id: string,
  now: Date,
): Promise<
  | {
      session: { id: string; csrfToken: string; expiresAt: Date; lastSeenAt: Date };
      user: AppUserRow;
    }
  | undefined
> {
  const row = await db
    .selectFrom('user_session as s')
    .innerJoin('app_user as u', 'u.id', 's.user_id')
    .selectAll('u')
    .select(['s.id as session_id', 's.csrf_token', 's.expires_at', 's.last_seen_at'])
    .where('s.id', '=', id)
    .where('s.expires_at', '>', now)
    .executeTakeFirst();
  if (!row) return undefined;
  const { session_id, csrf_token, expires_at, last_seen_at, ...user } = row;
  return {
    session: {
      id: session_id,
      csrfToken: csrf_token,
      expiresAt: expires_at,
      lastSeenAt: last_seen_at,
    },
    user,
  };
}

export async function touchSession(db: Q, id: string, now: Date, expiresAt: Date): Promise<void> {
  await db
    .updateTable('user_session')
    .set({ last_seen_at: now, expires_at: expiresAt })
    .where('id', '=', id)
    .execute();
}

export async function deleteSession(db: Q, id: string): Promise<void> {
  await db.deleteFrom('user_session').where('id', '=', id).execute();
}

export async function deleteUserSessions(db: Q, userId: string, exceptId?: string): Promise<void> {
  let query = db.deleteFrom('user_session').where('user_id', '=', userId);
  if (exceptId) query = query.where('id', '!=', exceptId);
  await query.execute();
}

export async function deleteExpiredSessions(db: Q, now: Date): Promise<number> {
  const result = await db
    .deleteFrom('user_session')
    .where('expires_at', '<=', now)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
