import { createHash, randomBytes } from 'node:crypto';
import type { Actor } from '../../core/access/scope.ts';
import { isRole } from '../../core/access/roles.ts';
import { DomainError } from '../../core/errors.ts';
import { findRegion } from '../../db/queries/regions.ts';
import {
  deleteSession,
  deleteUserSessions,
  findLiveSession,
  insertSession,
  touchSession,
} from '../../db/queries/sessions.ts';
import { findUserByEmail, findUserById, updateUser } from '../../db/queries/users.ts';
import type { AppUserRow } from '../../db/types.ts';
import { audit } from '../audit.ts';
import type { ServiceContext } from '../context.ts';
import { dummyPasswordHash, hashPassword, verifyPassword } from './passwords.ts';

export interface AuthPolicy {
  /** Sliding session lifetime: a session unused this long expires. */
  sessionIdleMinutes: number;
  /** Failed logins in a row before the account is locked. */
  maxFailedLogins: number;
  lockMinutes: number;
}

export const defaultAuthPolicy: AuthPolicy = {
  sessionIdleMinutes: 480,
  maxFailedLogins: 5,
  lockMinutes: 15,
};

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  role: Actor['role'];
  regionCode: string;
  regionName: string;
  /** The posyandu a kader works at; null for other roles. */
  posyanduId: string | null;
  mustChangePassword: boolean;
}

export interface OpenSession {
  token: string;
  csrfToken: string;
  expiresAt: Date;
  user: SessionUser;
}

/** The cookie holds the token; the database only its hash. */
export const sessionIdOf = (token: string) => createHash('sha256').update(token).digest('hex');

export function actorOf(
  user: Pick<SessionUser, 'id' | 'role' | 'regionCode' | 'posyanduId'>,
): Actor {
  return { id: user.id, role: user.role, regionCode: user.regionCode, posyanduId: user.posyanduId };
}

async function sessionUser(ctx: ServiceContext, row: AppUserRow): Promise<SessionUser> {
  if (!isRole(row.role)) throw new Error(`user ${row.id} has unknown role ${row.role}`);
  const region = await findRegion(ctx.db, row.region_code);
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    regionCode: row.region_code,
    regionName: region?.name ?? row.region_code,
    posyanduId: row.posyandu_id,
    mustChangePassword: row.must_change_password,
  };
}

/**
 * Email + password → a new session. Unknown emails cost the same time as known ones; repeated
 * failures lock the account for a while (the lock is audited); a locked account is refused
 * before the password is even checked.
 */
export async function login(
  ctx: ServiceContext,
  input: { email: string; password: string },
  policy: AuthPolicy = defaultAuthPolicy,
): Promise<OpenSession> {
  const now = ctx.now();
  const user = await findUserByEmail(ctx.db, input.email);
  if (!user) {
    await verifyPassword(input.password, await dummyPasswordHash());
    throw new DomainError('invalid_credentials');
  }
  if (user.locked_until && user.locked_until > now) {
    throw new DomainError('account_locked', {
      until: user.locked_until.toISOString(),
      lockedUntil: user.locked_until.toISOString(),
    });
  }
  const ok = await verifyPassword(input.password, user.password_hash);
  if (!ok) {
    const failed = user.failed_attempts + 1;
    if (failed >= policy.maxFailedLogins) {
      const until = new Date(now.getTime() + policy.lockMinutes * 60_000);
      await ctx.db.transaction().execute(async (trx) => {
        await updateUser(trx, user.id, { failed_attempts: 0, locked_until: until });
        await audit(trx, ctx, {
          actorId: user.id,
          action: 'auth.locked',
          entity: 'app_user',
          entityId: user.id,
          regionCode: user.region_code,
          after: { lockedUntil: until.toISOString(), failedAttempts: failed },
        });
      });
      throw new DomainError('account_locked', {
        until: until.toISOString(),
        lockedUntil: until.toISOString(),
      });
    }
    await updateUser(ctx.db, user.id, { failed_attempts: failed });
    throw new DomainError('invalid_credentials');
  }
  if (user.disabled) throw new DomainError('account_disabled');

  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const expiresAt = new Date(now.getTime() + policy.sessionIdleMinutes * 60_000);
  await ctx.db.transaction().execute(async (trx) => {
    await updateUser(trx, user.id, { failed_attempts: 0, locked_until: null, last_login_at: now });
    await insertSession(trx, {
      id: sessionIdOf(token),
      userId: user.id,
      csrfToken,
      expiresAt,
      now,
    });
    await audit(trx, ctx, {
      actorId: user.id,
      action: 'auth.login',
      entity: 'app_user',
      entityId: user.id,
      regionCode: user.region_code,
    });
  });
  return { token, csrfToken, expiresAt, user: await sessionUser(ctx, user) };
}

/** The session behind a cookie token, sliding its expiry forward; null when missing or expired. */
export async function resolveSession(
  ctx: ServiceContext,
  token: string,
  policy: AuthPolicy = defaultAuthPolicy,
): Promise<{ csrfToken: string; expiresAt: Date; user: SessionUser } | null> {
  const now = ctx.now();
  const found = await findLiveSession(ctx.db, sessionIdOf(token), now);
  if (!found || found.user.disabled) return null;
  let expiresAt = found.session.expiresAt;
  // Refresh at most once a minute: a dashboard's burst of requests writes once.
  if (now.getTime() - found.session.lastSeenAt.getTime() > 60_000) {
    expiresAt = new Date(now.getTime() + policy.sessionIdleMinutes * 60_000);
    await touchSession(ctx.db, found.session.id, now, expiresAt);
  }
  return {
    csrfToken: found.session.csrfToken,
    expiresAt,
    user: await sessionUser(ctx, found.user),
  };
}

export async function logout(ctx: ServiceContext, token: string): Promise<void> {
  const id = sessionIdOf(token);
  await ctx.db.transaction().execute(async (trx) => {
    await deleteSession(trx, id);
    if (ctx.actor)
      await audit(trx, ctx, {
        action: 'auth.logout',
        entity: 'app_user',
        entityId: ctx.actor.id,
        regionCode: ctx.actor.regionCode,
      });
  });
}

/** Replaces the password (and the one-time flag); every other session of the user is ended. */
export async function changePassword(
  ctx: ServiceContext,
  token: string,
  input: { currentPassword: string; newPassword: string },
): Promise<void> {
  if (!ctx.actor) throw new DomainError('unauthenticated');
  const user = await findUserById(ctx.db, ctx.actor.id);
  if (!user || !(await verifyPassword(input.currentPassword, user.password_hash)))
    throw new DomainError('validation_failed', {
      field: 'currentPassword',
      summary: 'currentPassword',
    });
  if (input.currentPassword === input.newPassword)
    throw new DomainError('validation_failed', {
      field: 'newPassword',
      summary: 'newPassword',
      allowed: 'different from the current password',
    });
  const passwordHash = await hashPassword(input.newPassword);
  await ctx.db.transaction().execute(async (trx) => {
    await updateUser(trx, user.id, { password_hash: passwordHash, must_change_password: false });
    await deleteUserSessions(trx, user.id, sessionIdOf(token));
    await audit(trx, ctx, {
      action: 'auth.password_changed',
      entity: 'app_user',
      entityId: user.id,
      regionCode: user.region_code,
    });
  });
}
