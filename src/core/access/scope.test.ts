import { describe, expect, it } from 'vitest';
import { canAccessRegion, canManageUser, isScopeValidForRole, type Actor } from './scope.ts';

const district: Actor = { id: 'u1', role: 'district', regionCode: '5301' };
const admin: Actor = { id: 'u2', role: 'admin', regionCode: '5301' };

describe('region scope', () => {
  it('lets a district user reach its own kabupaten and below, nothing else', () => {
    expect(canAccessRegion(district, 'records:read', '5301')).toBe(true);
    expect(canAccessRegion(district, 'records:write', '5301012001')).toBe(true);
    expect(canAccessRegion(district, 'records:read', '5302')).toBe(false);
    expect(canAccessRegion(district, 'records:read', '53')).toBe(false);
  });

  it('checks the role as well as the region', () => {
    expect(canAccessRegion(district, 'users:manage', '5301')).toBe(false);
    expect(canAccessRegion({ ...district, role: 'partner' }, 'records:read', '5301')).toBe(false);
    expect(canAccessRegion({ ...district, role: 'editor' }, 'content:write', '5301')).toBe(true);
  });

  it('lets an admin manage users only inside the scope and never a wider admin', () => {
    expect(canManageUser(admin, { role: 'kader', regionCode: '5301012001' })).toBe(true);
    expect(canManageUser(admin, { role: 'admin', regionCode: '5301' })).toBe(true);
    expect(canManageUser(admin, { role: 'province', regionCode: '53' })).toBe(false);
    expect(canManageUser(admin, { role: 'kader', regionCode: '5302012001' })).toBe(false);
  });

  it('ties each role to a region level', () => {
    expect(isScopeValidForRole('kader', '5301012001')).toBe(true);
    expect(isScopeValidForRole('kader', '5301')).toBe(false);
    expect(isScopeValidForRole('province', '53')).toBe(true);
  });
});
