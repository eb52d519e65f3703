/**
 * The editor form's values (strings as typed) and their mapping to and from the API, kept pure
 * so that it is tested without a browser. Kind-specific fields are sent as null where the kind
 * does not use them, as the contract wants.
 */
import type {
  ContentKind,
  EditorItem,
  FileRef,
  documentTypes,
  interventionTypes,
} from '../../contract/portal.ts';
import { slugPattern } from '../../core/portal/model.ts';
import type { CreateItemBody, UpdateItemBody } from './api.ts';
import { parseTags, slugify } from './helpers.ts';

export type DocumentType = (typeof documentTypes)[number];
export type InterventionType = (typeof interventionTypes)[number];

export interface ItemValues {
  title: string;
  slug: string;
  /** Whether the editor typed the slug; until then it follows the title. */
  slugEdited: boolean;
  summary: string;
  tags: string;
  author: string;
  cover: FileRef | null;
  bodyHtml: string;
  document: FileRef | null;
  documentType: DocumentType | '';
  regionCode: string | null;
  interventionType: InterventionType | '';
  eventStart: string;
  eventEnd: string;
  location: string;
}

export function emptyValues(): ItemValues {
  return {
    title: '',
    slug: '',
    slugEdited: false,
    summary: '',
    tags: '',
    author: '',
    cover: null,
    bodyHtml: '',
    document: null,
    documentType: '',
    regionCode: null,
    interventionType: '',
    eventStart: '',
    eventEnd: '',
    location: '',
  };
}

/** The form values of a stored item (its slug counts as typed: it is someone's URL already). */
export function valuesOfItem(item: EditorItem): ItemValues {
  return {
    title: item.title,
    slug: item.slug,
    slugEdited: true,
    summary: item.summary,
    tags: item.tags.join(', '),
    author: item.author,
    cover: item.cover,
    bodyHtml: item.bodyHtml,
    document: item.document,
    documentType: item.documentType ?? '',
    regionCode: item.regionCode,
    interventionType: item.interventionType ?? '',
    eventStart: item.eventStart ?? '',
    eventEnd: item.eventEnd ?? '',
    location: item.location,
  };
}

/** A new title; the slug follows it until the editor changes the slug by hand. */
export function withTitle(values: ItemValues, title: string): ItemValues {
  return values.slugEdited ? { ...values, title } : { ...values, title, slug: slugify(title) };
}

type ItemFields = Omit<CreateItemBody, 'kind' | 'slug'>;

/** The fields of the API body for the kind. */
export function fieldsOf(kind: ContentKind, values: ItemValues): ItemFields {
  const knowledge = kind === 'knowledge';
  const practice = kind === 'practice';
  const event = kind === 'event';
  return {
    title: values.title.trim(),
    summary: values.summary.trim(),
    bodyHtml: values.bodyHtml,
    tags: parseTags(values.tags),
    author: values.author.trim(),
    coverFileId: values.cover?.id ?? null,
    documentFileId: knowledge ? (values.document?.id ?? null) : null,
    documentType: knowledge && values.documentType ? values.documentType : null,
    regionCode: practice ? values.regionCode : null,
    interventionType: practice && values.interventionType ? values.interventionType : null,
    eventStart: event && values.eventStart ? values.eventStart : null,
    eventEnd: event && values.eventEnd ? values.eventEnd : null,
    location: event ? values.location.trim() : '',
  };
}

/** POST body of a new item; an empty slug is left to the server (made from the title). */
export function createBody(kind: ContentKind, values: ItemValues): CreateItemBody {
  const slug = values.slug.trim();
  return { kind, ...(slug ? { slug } : {}), ...fieldsOf(kind, values) };
}

export function updateBody(kind: ContentKind, values: ItemValues, version: number): UpdateItemBody {
  return { version, slug: values.slug.trim(), ...fieldsOf(kind, values) };
}

export type Problem = 'required' | 'slug' | 'endBeforeStart' | 'tooManyTags';
export type ProblemField = 'title' | 'slug' | 'eventEnd' | 'tags';

/**
 * What the server would refuse on save, found while typing (publishing asks more: see
 * `publishProblems`).
 */
export function saveProblems(kind: ContentKind, values: ItemValues): Map<ProblemField, Problem> {
  const problems = new Map<ProblemField, Problem>();
  if (!values.title.trim()) problems.set('title', 'required');
  const slug = values.slug.trim();
  if (slug && !slugPattern.test(slug)) problems.set('slug', 'slug');
  if (parseTags(values.tags).length > 12) problems.set('tags', 'tooManyTags');
  if (
    kind === 'event' &&
    values.eventStart &&
    values.eventEnd &&
    values.eventEnd < values.eventStart
  )
    problems.set('eventEnd', 'endBeforeStart');
  return problems;
}

export type PublishField = 'document' | 'eventStart' | 'regionCode';

/** Fields a kind must have before it can be published (the server refuses without them). */
export function publishProblems(kind: ContentKind, values: ItemValues): PublishField[] {
  if (kind === 'knowledge' && !values.document) return ['document'];
  if (kind === 'event' && !values.eventStart) return ['eventStart'];
  if (kind === 'practice' && !values.regionCode) return ['regionCode'];
  return [];
}

/** Whether the form differs from what the server holds (compares what would be sent). */
export function isDirty(kind: ContentKind, values: ItemValues, saved: ItemValues): boolean {
  return (
    JSON.stringify({ slug: values.slug.trim(), ...fieldsOf(kind, values) }) !==
    JSON.stringify({ slug: saved.slug.trim(), ...fieldsOf(kind, saved) })
  );
}
