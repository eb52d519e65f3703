/**
 * Display labels of domain values. The labels themselves live in core (one source for the server's
 * messages, the CLI and the screen); this file only picks the language.
 */
import { roleLabels, type Role } from '../../core/access/roles.ts';
import { roleRegionLength } from '../../core/access/scope.ts';
import {
  codeLengthOfLevel,
  regionLevelLabels,
  regionLevels,
  type RegionLevel,
} from '../../core/regions/region-code.ts';
import type { Region } from '../api-client.ts';
import type { Lang, MessageKey, Translate } from './language.ts';

export function roleLabel(role: Role, lang: Lang): string {
  return roleLabels[role][lang];
}

export function regionLevelLabel(level: RegionLevel, lang: Lang): string {
  return regionLevelLabels[level][lang];
}

const typeKeys: Record<NonNullable<Region['type']>, MessageKey> = {
  kabupaten: 'region.typeKabupaten',
  kota: 'region.typeKota',
  desa: 'region.typeDesa',
  kelurahan: 'region.typeKelurahan',
  desa_adat: 'region.typeDesaAdat',
};

/** "Kota" or "Kelurahan" when the type is known, else the level ("Kecamatan"). */
export function regionKindLabel(region: Pick<Region, 'level' | 'type'>, t: Translate, lang: Lang) {
  return region.type ? t(typeKeys[region.type]) : regionLevelLabel(region.level, lang);
}

/** Levels a role may be scoped to, as text: "Desa/Kelurahan" for a kader. */
export function roleLevelsLabel(role: Role, lang: Lang): string {
  return regionLevels
    .filter((level) => roleRegionLength[role].includes(codeLengthOfLevel(level)))
    .map((level) => regionLevelLabel(level, lang))
    .join(', ');
}
