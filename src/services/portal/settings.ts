/**
 * The portal's settings (docs/portal.md): one JSON value in app_setting (`portal_settings`).
 * Until an editor saves them, defaults built from the data: the demo or busiest province.
 */
import type { PortalSettings, PublicSettings } from '../../core/portal/model.ts';
import { DomainError } from '../../core/errors.ts';
import { contrastRatio } from '../../core/portal/text.ts';
import { dataExtent } from '../../db/queries/dashboard.ts';
import { DEMO_DATASET_SETTING, readAppSetting, writeAppSetting } from '../../db/queries/demo.ts';
import { findFileMetas } from '../../db/queries/portal.ts';
import { findRegion } from '../../db/queries/regions.ts';
import type { Db } from '../../db/connect.ts';
import { audit } from '../audit.ts';
import type { ServiceContext } from '../context.ts';
import { requireContentWriter } from './items.ts';
import { fileRef } from './present.ts';

export const PORTAL_SETTINGS_KEY = 'portal_settings';
export const MIN_PRIMARY_CONTRAST = 4.5;

/** The province the portal is about by default: the demo's, else the one with most children. */
async function defaultHomeRegion(db: Db): Promise<string> {
  const demo = (await readAppSetting(db, DEMO_DATASET_SETTING)) as
    { province?: unknown } | undefined;
  if (demo && typeof demo.province === 'string') return demo.province;
  try {
    return (await dataExtent(db)).busiestProvince ?? '53';
  } catch {
    return '53';
  }
}

const provinceTitle = (name: string) =>
  name.toLowerCase().startsWith('provinsi') ? name : `Provinsi ${name}`;

export async function defaultSettings(db: Db): Promise<PortalSettings> {
  const homeRegion = await defaultHomeRegion(db);
  const name = (await findRegion(db, homeRegion))?.name ?? homeRegion;
  return {
    siteName: {
      id: `Portal Data Stunting & AKI-AKB ${provinceTitle(name)}`,
      en: `Stunting & Maternal-Infant Mortality Data Portal, ${provinceTitle(name)}`,
    },
    homeRegion,
    welcome: {
      id: 'Portal ini menyajikan data terbuka stunting serta kematian ibu dan bayi, kabar terbaru, dan bahan pembelajaran bagi semua pihak yang bekerja untuk percepatan penurunan stunting.',
      en: 'This portal offers open data on stunting and maternal and infant deaths, the latest news and learning material for everyone working to reduce stunting.',
    },
    logoFileId: null,
    colors: { primary: '#0b5d45', accent: '#f2a900' },
    contact: { address: '', email: '', phone: '' },
  };
}

/** The stored settings (or the defaults), as editors edit them. */
export async function readSettings(db: Db): Promise<PortalSettings> {
  // Stored only through saveSettings, after the contract's validation.
  const stored = (await readAppSetting(db, PORTAL_SETTINGS_KEY)) as PortalSettings | undefined;
  return stored && typeof stored === 'object' && 'siteName' in stored
    ? stored
    : defaultSettings(db);
}

/** The settings with the logo and the home region's name, as the portal shows them. */
export async function publicSettings(db: Db): Promise<PublicSettings> {
  const settings = await readSettings(db);
  const [files, region] = await Promise.all([
    findFileMetas(db, settings.logoFileId ? [settings.logoFileId] : []),
    findRegion(db, settings.homeRegion),
  ]);
  const logo = settings.logoFileId ? files.get(settings.logoFileId) : undefined;
  return {
    ...settings,
    logo: logo ? fileRef(logo) : null,
    homeRegionName: region?.name ?? settings.homeRegion,
  };
}

export async function editorSettings(ctx: ServiceContext): Promise<PortalSettings> {
  requireContentWriter(ctx);
  return readSettings(ctx.db);
}

const refuse = (field: string, allowed: string) =>
  new DomainError('validation_failed', { field, allowed, summary: `${field}: ${allowed}` });

export async function saveSettings(
  ctx: ServiceContext,
  input: PortalSettings,
): Promise<PublicSettings> {
  requireContentWriter(ctx);
  const ratio = contrastRatio(input.colors.primary, '#ffffff');
  if (ratio < MIN_PRIMARY_CONTRAST)
    throw refuse(
      'colors.primary',
      `a colour with contrast ≥ ${MIN_PRIMARY_CONTRAST}:1 on white (this one: ${ratio.toFixed(2)}:1)`,
    );
  if (!(await findRegion(ctx.db, input.homeRegion)))
    throw new DomainError('region_not_found', {
      code: input.homeRegion,
      field: 'homeRegion',
      allowed: 'a known kode wilayah',
    });
  if (input.logoFileId) {
    const logo = (await findFileMetas(ctx.db, [input.logoFileId])).get(input.logoFileId);
    if (!logo || !logo.mime.startsWith('image/'))
      throw refuse('logoFileId', 'an uploaded image (PNG, JPEG, WebP)');
  }
  const value = {
    ...input,
    colors: {
      primary: input.colors.primary.toLowerCase(),
      accent: input.colors.accent.toLowerCase(),
    },
  };
  await ctx.db.transaction().execute(async (trx) => {
    const before = await readAppSetting(trx, PORTAL_SETTINGS_KEY);
    await writeAppSetting(trx, PORTAL_SETTINGS_KEY, value);
    await audit(trx, ctx, {
      action: 'update',
      entity: 'portal_settings',
      entityId: PORTAL_SETTINGS_KEY,
      before: before ?? null,
      after: value,
    });
  });
  return publicSettings(ctx.db);
}
