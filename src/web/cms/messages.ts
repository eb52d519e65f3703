/**
 * The CMS's words come with the CMS chunk instead of with every page: a visitor's phone never
 * downloads them (the portal's initial-JS budget). Imported first by CmsPage.tsx.
 */
import { cmsEn, cmsId } from '../i18n/cms.ts';
import { registerMessages } from '../i18n/language.ts';

registerMessages('id', cmsId);
registerMessages('en', cmsEn);
