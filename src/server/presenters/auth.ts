import type { AuditEntry, Me, User } from '../../contract/auth.ts';
import type { SessionUser } from '../../services/auth/sessions.ts';
import type { UserView } from '../../services/auth/users.ts';
import type { AuditEntryView } from '../../services/audit.ts';

/** The logged-in user as the web app sees them (their own data only). */
export const presentMe = (user: SessionUser): Me => ({
  id: user.id,
  email: user.email,
  name: user.name,
  role: user.role,
  regionCode: user.regionCode,
  regionName: user.regionName,
  posyanduId: user.posyanduId,
  mustChangePassword: user.mustChangePassword,
});

/** Users as an administrator of the same scope sees them; never the password hash or lock counters. */
export const presentUser = (user: UserView): User => ({
  id: user.id,
  email: user.email,
  name: user.name,
  role: user.role,
  regionCode: user.regionCode,
  regionName: user.regionName,
  posyanduId: user.posyanduId,
  posyanduName: user.posyanduName,
  disabled: user.disabled,
  createdAt: user.createdAt,
  lastLoginAt: user.lastLoginAt,
});

export const presentAuditEntry = (entry: AuditEntryView): AuditEntry => ({ ...entry });
