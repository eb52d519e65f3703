/** Message keys of the CMS's enumerations (kinds, states, document and intervention types). */
import type { ContentKind } from '../../contract/portal.ts';
import type { MessageKey } from '../i18n/language.ts';
import type { ContentStatus, Revision } from './api.ts';
import type { DocumentType, InterventionType } from './form.ts';

export const kindKeys: Record<ContentKind, MessageKey> = {
  news: 'cms.kindNews',
  page: 'cms.kindPage',
  knowledge: 'cms.kindKnowledge',
  practice: 'cms.kindPractice',
  event: 'cms.kindEvent',
};

/** "Berita baru", … for the heading of a new item. */
export const newKindKeys: Record<ContentKind, MessageKey> = {
  news: 'cms.newNews',
  page: 'cms.newPage',
  knowledge: 'cms.newKnowledge',
  practice: 'cms.newPractice',
  event: 'cms.newEvent',
};

export const statusKeys: Record<ContentStatus, MessageKey> = {
  draft: 'cms.statusDraft',
  published: 'cms.statusPublished',
};

export const documentTypeKeys: Record<DocumentType, MessageKey> = {
  laporan: 'cms.docLaporan',
  pedoman: 'cms.docPedoman',
  regulasi: 'cms.docRegulasi',
  kajian: 'cms.docKajian',
  infografis: 'cms.docInfografis',
  lainnya: 'cms.docLainnya',
};

export const interventionKeys: Record<InterventionType, MessageKey> = {
  gizi_spesifik: 'cms.intGiziSpesifik',
  gizi_sensitif: 'cms.intGiziSensitif',
  konvergensi: 'cms.intKonvergensi',
  pendampingan_keluarga: 'cms.intPendampingan',
  sanitasi: 'cms.intSanitasi',
  lainnya: 'cms.intLainnya',
};

export const actionKeys: Record<Revision['action'], MessageKey> = {
  create: 'cms.actionCreate',
  update: 'cms.actionUpdate',
  publish: 'cms.actionPublish',
  unpublish: 'cms.actionUnpublish',
  restore: 'cms.actionRestore',
};
