/**
 * Portal files (docs/portal.md): images and PDFs stored in the database. An upload is refused
 * before anything is stored when it is too big or its bytes are not the type it claims; a file is
 * public only while a published item or the settings use it.
 */
import { createHash, randomUUID } from 'node:crypto';
import { uploadLimits, type FileRef } from '../../core/portal/model.ts';
import { roleAllows } from '../../core/access/roles.ts';
import { DomainError } from '../../core/errors.ts';
import { cleanFileName, isUploadMime, sniffMime } from '../../core/portal/text.ts';
import {
  fileUsedByPublished,
  findContentFile,
  insertContentFile,
  listFileMetas,
} from '../../db/queries/portal.ts';
import type { ContentFileRow } from '../../db/types.ts';
import { audit } from '../audit.ts';
import type { ServiceContext } from '../context.ts';
import { requireContentWriter } from './items.ts';
import { fileRef } from './present.ts';
import { readSettings } from './settings.ts';

export const ALLOWED_TYPES = 'PNG, JPEG, WebP, PDF';
export const ALLOWED_SIZES = '≤ 5 MB for images, ≤ 20 MB for PDF';
export const MAX_UPLOAD_BYTES = Math.max(...Object.values(uploadLimits));

export const unsupportedType = () =>
  new DomainError('unsupported_file_type', { allowed: ALLOWED_TYPES });
export const tooLarge = () => new DomainError('file_too_large', { allowed: ALLOWED_SIZES });

/** The byte limit of a declared type; 415 for types the portal does not take. */
export function limitOf(contentType: string | undefined): number {
  const mime = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  if (!isUploadMime(mime)) throw unsupportedType();
  return uploadLimits[mime];
}

export async function storeUpload(
  ctx: ServiceContext,
  params: { contentType: string | undefined; fileName: string | undefined; bytes: Buffer },
): Promise<FileRef> {
  const actor = requireContentWriter(ctx);
  const mime = (params.contentType ?? '').split(';')[0]!.trim().toLowerCase();
  if (!isUploadMime(mime)) throw unsupportedType();
  if (params.bytes.length > uploadLimits[mime]) throw tooLarge();
  if (params.bytes.length === 0 || sniffMime(params.bytes) !== mime) throw unsupportedType();
  const name = cleanFileName(params.fileName, mime);
  const row = {
    id: randomUUID(),
    name,
    mime,
    size: params.bytes.length,
    sha256: createHash('sha256').update(params.bytes).digest('hex'),
    bytes: params.bytes,
    created_by: actor.id,
  };
  const stored = await ctx.db.transaction().execute(async (trx) => {
    const meta = await insertContentFile(trx, row);
    await audit(trx, ctx, {
      action: 'create',
      entity: 'content_file',
      entityId: meta.id,
      after: { name: meta.name, mime: meta.mime, size: meta.size, sha256: meta.sha256 },
    });
    return meta;
  });
  return fileRef(stored);
}

export async function listFiles(ctx: ServiceContext) {
  requireContentWriter(ctx);
  const rows = await listFileMetas(ctx.db, 1000);
  return rows.map((r) => ({ ...fileRef(r), createdAt: new Date(r.created_at).toISOString() }));
}

/**
 * A file to serve: public when a published item or the settings use it, else only to those who
 * may edit content (a draft's images in the CMS preview). 404 otherwise, and when the name in the
 * URL is not the file's.
 */
export async function fileToServe(
  ctx: ServiceContext,
  id: string,
  name: string,
): Promise<ContentFileRow & { bytes: Buffer }> {
  const file = await findContentFile(ctx.db, id);
  if (!file || file.name !== name) throw new DomainError('not_found', { what: 'file' });
  const editor = ctx.actor !== null && roleAllows(ctx.actor.role, 'content:write');
  if (!editor) {
    const used =
      (await fileUsedByPublished(ctx.db, id)) || (await readSettings(ctx.db)).logoFileId === id;
    if (!used) throw new DomainError('not_found', { what: 'file' });
  }
  return { ...file, bytes: Buffer.from(file.bytes) };
}
