import {
  canAccessRegion,
  canManageUser,
  isScopeValidForRole,
  roleRegionLength,
  type Actor,
} from '../../core/access/scope.ts';
import type { Role } from '../../core/access/roles.ts';
import { DomainError } from '../../core/errors.ts';
import { findRegion } from '../../db/queries/regions.ts';
import { findPosyandu } from '../../db/queries/registry.ts';
import { findUserByEmail, insertUser, listUsersWithin } from '../../db/queries/users.ts';
import type { AppUserRow } from '../../db/types.ts';
import { audit } from '../audit.ts';
import type { ServiceContext } from '../context.ts';
import { hashPassword, oneTimePassword } from './passwords.ts';

export interface UserView {
  id: string;
  email: string;
  name: string;
  role: Role;
  regionCode: string;
  regionName: string;
  posyanduId: string | null;
  posyanduName: string | null;
  disabled: boolean;
  createdAt: string;
  lastLoginAt: string | null;
}

const levelNames: Record<number, string> = {
  2: 'provinsi',
  4: 'kabupaten/kota',
  6: 'kecamatan',
  10: 'desa/kelurahan',
};

function view(row: AppUserRow, regionName: string, posyanduName: string | null): UserView {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role as Role,
    regionCode: row.region_code,
    regionName,
    posyanduId: row.posyandu_id,
    posyanduName,
    disabled: row.disabled,
    createdAt: row.created_at.toISOString(),
    lastLoginAt: row.last_login_at ? row.last_login_at.toISOString() : null,
  };
}

/**
 * Creates a user with a one-time password (shown once, never stored in clear, must be changed at
 * first login). `ctx.actor` null means the operator at the command line creating the first admin.
 */
export async function createUser(
  ctx: ServiceContext,
  input: {
    email: string;
    name: string;
    role: Role;
    regionCode: string;
    posyanduId?: string | null;
  },
): Promise<{ user: UserView; oneTimePassword: string }> {
  const target = { role: input.role, regionCode: input.regionCode };
  if (ctx.actor && !canManageUser(ctx.actor, target)) {
    throw canAccessRegion(ctx.actor, 'users:manage', input.regionCode)
      ? new DomainError('forbidden', { field: 'role' })
      : new DomainError('region_forbidden', { code: input.regionCode, field: 'regionCode' });
  }
  const region = await findRegion(ctx.db, input.regionCode);
  if (!region)
    throw new DomainError('region_not_found', { code: input.regionCode, field: 'regionCode' });
  if (!isScopeValidForRole(input.role, input.regionCode)) {
    throw new DomainError('validation_failed', {
      field: 'regionCode',
      summary: `regionCode: role ${input.role} belongs to a ${roleRegionLength[input.role].map((n) => levelNames[n]).join(' or ')}`,
      allowed: roleRegionLength[input.role].map((n) => levelNames[n]).join(' | '),
    });
  }
  // A kader belongs to one posyandu, in the desa of their scope; other roles to none.
  let posyanduName: string | null = null;
  if (input.role === 'kader') {
    const posyandu = input.posyanduId ? await findPosyandu(ctx.db, input.posyanduId) : undefined;
    if (!posyandu || posyandu.region_code !== input.regionCode)
      throw new DomainError('validation_failed', {
        field: 'posyanduId',
        summary: 'posyanduId: a kader needs a posyandu in the chosen desa',
        allowed: 'a posyandu of the desa',
      });
    posyanduName = posyandu.name;
  } else if (input.posyanduId) {
    throw new DomainError('validation_failed', {
      field: 'posyanduId',
      summary: 'posyanduId: only for the kader role',
      allowed: 'empty',
    });
  }
  if (await findUserByEmail(ctx.db, input.email))
    throw new DomainError('email_taken', { email: input.email, field: 'email' });

  const password = oneTimePassword();
  const passwordHash = await hashPassword(password);
  const row = await ctx.db.transaction().execute(async (trx) => {
    const inserted = await insertUser(trx, {
      email: input.email,
      name: input.name,
      role: input.role,
      region_code: input.regionCode,
      password_hash: passwordHash,
      must_change_password: true,
      posyandu_id: input.role === 'kader' ? (input.posyanduId ?? null) : null,
    });
    await audit(trx, ctx, {
      action: 'user.created',
      entity: 'app_user',
      entityId: inserted.id,
      regionCode: input.regionCode,
      after: {
        email: input.email,
        role: input.role,
        regionCode: input.regionCode,
        posyanduId: input.posyanduId ?? null,
      },
    });
    return inserted;
  });
  return { user: view(row, region.name, posyanduName), oneTimePassword: password };
}

export async function listUsers(ctx: ServiceContext & { actor: Actor }): Promise<UserView[]> {
  if (!canAccessRegion(ctx.actor, 'users:manage', ctx.actor.regionCode))
    throw new DomainError('forbidden');
  const rows = await listUsersWithin(ctx.db, ctx.actor.regionCode);
  return rows.map((row) => view(row, row.region_name, row.posyandu_name));
}
