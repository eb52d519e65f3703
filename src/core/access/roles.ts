/**
 * Roles and what each may do. A user has one role and one region scope (kode wilayah); a kader
 * is additionally tied to one posyandu. Records (children, measurements, deaths) are personal data
 * and readable only inside the scope; aggregate figures are public and need no permission here.
 */
export const roles = [
  'admin',
  'province',
  'district',
  'puskesmas',
  'village',
  'kader',
  'partner',
  'editor',
  'hospital', // a hospital's death notifier (AKI-AKB): notifies deaths, reads only its own notifications
] as const;
export type Role = (typeof roles)[number];

export const actions = [
  'records:read', // personal records of children, mothers, deaths
  'records:write', // register, measure, correct, import
  'aggregates:write', // indicator values, live births, targets
  'users:manage', // create/disable users inside the scope
  'content:write', // portal CMS
  'reference:write', // posyandu list, reference data
  'deaths:notify', // notify a maternal/perinatal death where it happened (hospitals; see core/deaths/access.ts)
] as const;
export type Action = (typeof actions)[number];

const allowed: Record<Role, readonly Action[]> = {
  admin: actions,
  province: ['records:read', 'records:write', 'aggregates:write', 'reference:write'],
  district: ['records:read', 'records:write', 'aggregates:write', 'reference:write'],
  puskesmas: ['records:read', 'records:write', 'aggregates:write'],
  village: ['records:read', 'records:write'],
  kader: ['records:read', 'records:write'],
  partner: [],
  editor: ['content:write'],
  hospital: ['deaths:notify'],
};

export const roleLabels: Record<Role, { id: string; en: string }> = {
  admin: { id: 'Administrator', en: 'Administrator' },
  province: { id: 'Dinas/Pokja Provinsi', en: 'Province office' },
  district: { id: 'Dinas/Pokja Kabupaten/Kota', en: 'District office' },
  puskesmas: { id: 'Petugas Gizi Puskesmas', en: 'Health centre officer' },
  village: { id: 'Bidan/Petugas Desa', en: 'Village officer' },
  kader: { id: 'Kader Posyandu', en: 'Posyandu cadre' },
  partner: { id: 'Mitra', en: 'Partner' },
  editor: { id: 'Editor Konten', en: 'Content editor' },
  hospital: { id: 'Petugas Rumah Sakit', en: 'Hospital officer' },
};

export function isRole(value: string): value is Role {
  return (roles as readonly string[]).includes(value);
}

/** Whether the role grants the action at all (region is checked separately). */
export function roleAllows(role: Role, action: Action): boolean {
  return allowed[role].includes(action);
}
