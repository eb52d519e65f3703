import { isWithinRegion } from '../regions/region-code.ts';
import { roleAllows, type Action, type Role } from './roles.ts';

/** The part of a user that access decisions need; no personal fields. */
export interface Actor {
  id: string;
  role: Role;
  regionCode: string;
  posyanduId?: string | null;
}

/**
 * "May this user do this action on this region?" — the one question every route asks before it
 * reads records or writes. Region scope is the prefix rule of kode wilayah: a district user of
 * 5301 reaches 5301 and everything below it, never 5302 nor the province 53 itself.
 */
export function canAccessRegion(actor: Actor, action: Action, regionCode: string): boolean {
  return roleAllows(actor.role, action) && isWithinRegion(regionCode, actor.regionCode);
}

/**
 * An admin may create users only inside their own scope and never a role wider than that scope
 * allows (a kabupaten admin cannot create a province user).
 */
export function canManageUser(actor: Actor, target: { role: Role; regionCode: string }): boolean {
  if (!canAccessRegion(actor, 'users:manage', target.regionCode)) return false;
  return target.role !== 'admin' || target.regionCode.length >= actor.regionCode.length;
}

/** Minimum region level a role may be scoped to (a kader belongs to a desa, a district to a kabupaten…). */
export const roleRegionLength: Record<Role, readonly number[]> = {
  admin: [2, 4, 6, 10],
  province: [2],
  district: [4],
  puskesmas: [6],
  village: [10],
  kader: [10],
  partner: [2, 4, 6, 10],
  editor: [2, 4],
  hospital: [2, 4], // the province (RSUD provinsi) or kabupaten/kota where the hospital is
};

export function isScopeValidForRole(role: Role, regionCode: string): boolean {
  return roleRegionLength[role].includes(regionCode.length);
}
