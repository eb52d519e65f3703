import { describe, expect, it } from 'vitest';
import type { EditorItem } from '../../contract/portal.ts';
import {
  createBody,
  emptyValues,
  isDirty,
  publishProblems,
  saveProblems,
  updateBody,
  valuesOfItem,
  withTitle,
} from './form.ts';

const pdf = {
  id: '7b0d7d44-2f0c-4a3e-9d51-0f6c9f0e1a11',
  name: 'laporan.pdf',
  mime: 'application/pdf',
  size: 1234,
  url: '/api/portal/files/7b0d7d44-2f0c-4a3e-9d51-0f6c9f0e1a11/laporan.pdf',
};

const item: EditorItem = {
  id: '3f0a8c2e-1b2d-4c3e-8f4a-5b6c7d8e9f00',
  kind: 'event',
  slug: 'rembuk-stunting',
  title: 'Rembuk Stunting',
  summary: 'Ringkas',
  bodyHtml: '<p>Isi</p>',
  tags: ['rembuk', 'kabupaten'],
  author: 'Sekretariat',
  cover: null,
  document: null,
  documentType: null,
  region: null,
  interventionType: null,
  eventStart: '2025-08-01',
  eventEnd: null,
  location: 'Aula',
  publishedAt: null,
  updatedAt: '2025-07-01T00:00:00Z',
  status: 'draft',
  version: 3,
  coverFileId: null,
  documentFileId: null,
  regionCode: null,
  createdAt: '2025-07-01T00:00:00Z',
  updatedBy: 'editor@example.org',
};

describe('editor form', () => {
  it('fills the slug from the title until the slug is typed', () => {
    let v = withTitle(emptyValues(), 'Hari Gizi Nasional 2025');
    expect(v.slug).toBe('hari-gizi-nasional-2025');
    v = { ...v, slug: 'hgn', slugEdited: true };
    expect(withTitle(v, 'Hari Gizi').slug).toBe('hgn');
    // A stored item's slug is someone's URL already: it does not follow the title.
    expect(withTitle(valuesOfItem(item), 'Lain').slug).toBe('rembuk-stunting');
  });

  it('sends kind-specific fields only for their kind', () => {
    const v = {
      ...emptyValues(),
      title: ' Panduan ',
      tags: 'a, b, a',
      document: pdf,
      documentType: 'pedoman' as const,
      regionCode: '5301',
      eventStart: '2025-01-01',
      location: 'Kupang',
    };
    const knowledge = createBody('knowledge', v);
    expect(knowledge).toMatchObject({
      kind: 'knowledge',
      title: 'Panduan',
      tags: ['a', 'b'],
      documentFileId: pdf.id,
      documentType: 'pedoman',
      regionCode: null,
      eventStart: null,
      location: '',
    });
    expect('slug' in knowledge).toBe(false);
    const practice = updateBody('practice', { ...v, slug: 'panduan' }, 4);
    expect(practice).toMatchObject({
      version: 4,
      slug: 'panduan',
      regionCode: '5301',
      documentFileId: null,
      documentType: null,
    });
  });

  it('round-trips a stored item without becoming dirty', () => {
    const saved = valuesOfItem(item);
    expect(isDirty('event', { ...saved }, saved)).toBe(false);
    expect(isDirty('event', { ...saved, summary: 'Baru' }, saved)).toBe(true);
    // A field the kind does not use does not count.
    expect(isDirty('event', { ...saved, regionCode: '53' }, saved)).toBe(false);
  });

  it('finds what the server would refuse', () => {
    const v = {
      ...emptyValues(),
      slug: 'Bad Slug',
      eventStart: '2025-02-02',
      eventEnd: '2025-02-01',
    };
    const problems = saveProblems('event', v);
    expect(problems.get('title')).toBe('required');
    expect(problems.get('slug')).toBe('slug');
    expect(problems.get('eventEnd')).toBe('endBeforeStart');
    expect(saveProblems('news', v).has('eventEnd')).toBe(false);
    expect(publishProblems('knowledge', v)).toEqual(['document']);
    expect(publishProblems('event', { ...v, eventStart: '' })).toEqual(['eventStart']);
    expect(publishProblems('practice', v)).toEqual(['regionCode']);
    expect(publishProblems('news', v)).toEqual([]);
  });
});
