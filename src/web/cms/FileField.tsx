/**
 * A file chosen, uploaded at once and shown: an image with its preview or a PDF as a link. While
 * uploading a progress bar shows the fraction sent; a refusal (413 too large, 415 wrong type) is
 * shown under the field with the server's message.
 */
import { useEffect, useId, useRef, useState, type ChangeEvent } from 'react';
import { isAbortError, isApiError } from '../api-client.ts';
import { FieldError } from '../components/FieldError.tsx';
import { useT } from '../i18n/language.ts';
import { uploadContentFile, type FileRef } from './api.ts';
import { formatBytes } from './helpers.ts';

export interface Upload {
  /** Uploads the file; null when it was refused or cancelled (the error is in `error`). */
  upload: (file: File) => Promise<FileRef | null>;
  /** Fraction sent (0–1) while uploading, else null. */
  progress: number | null;
  error: string | undefined;
  clearError: () => void;
}

/** One upload at a time with its progress and error; unmounting cancels it. */
export function useUpload(): Upload {
  const t = useT();
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<string | undefined>();
  const controller = useRef<AbortController | null>(null);
  useEffect(() => () => controller.current?.abort(), []);

  async function upload(file: File): Promise<FileRef | null> {
    controller.current?.abort();
    const own = new AbortController();
    controller.current = own;
    setError(undefined);
    setProgress(0);
    try {
      return await uploadContentFile(file, setProgress, own.signal);
    } catch (e) {
      if (!isAbortError(e)) setError(isApiError(e) ? e.message : t('error.unexpected'));
      return null;
    } finally {
      if (controller.current === own) {
        controller.current = null;
        setProgress(null);
      }
    }
  }
  return { upload, progress, error, clearError: () => setError(undefined) };
}

export function UploadProgress({ progress }: { progress: number | null }) {
  const t = useT();
  if (progress === null) return null;
  const percent = Math.round(progress * 100);
  return (
    <div className="progress-block cms-progress" aria-live="polite">
      <p>{t('cms.uploading', { percent })}</p>
      <progress max={100} value={percent} aria-label={t('cms.uploadProgress')} />
    </div>
  );
}

interface FileFieldProps {
  label: string;
  kind: 'image' | 'pdf';
  value: FileRef | null;
  onChange: (file: FileRef | null) => void;
  /** A message of the form's own (e.g. required to publish), shown when there is no upload error. */
  problem?: string | undefined;
  /** id of the file input, for focusing it from an error. */
  id?: string | undefined;
}

const accepts = {
  image: 'image/png,image/jpeg,image/webp',
  pdf: 'application/pdf',
} as const;

export function FileField({ label, kind, value, onChange, problem, id }: FileFieldProps) {
  const t = useT();
  const ownId = useId();
  const inputId = id ?? `${ownId}-file`;
  const { upload, progress, error } = useUpload();

  async function choose(event: ChangeEvent<HTMLInputElement>) {
    const input = event.target;
    const file = input.files?.[0];
    if (!file) return;
    const stored = await upload(file);
    input.value = '';
    if (stored) onChange(stored);
  }

  const message = error ?? problem;
  return (
    <div className="field cms-file-field">
      <label htmlFor={inputId}>{label}</label>
      <p className="hint" id={`${inputId}-hint`}>
        {kind === 'image' ? t('cms.imageHint') : t('cms.pdfHint')}
      </p>
      {value && (
        <div className="cms-file-current">
          {kind === 'image' ? (
            <img src={value.url} alt={t('cms.previewOf', { name: value.name })} />
          ) : (
            <a href={value.url} target="_blank" rel="noopener noreferrer">
              {value.name}
            </a>
          )}
          <span className="hint">
            {value.name} · {formatBytes(value.size)}
          </span>
          <button type="button" className="button button-small" onClick={() => onChange(null)}>
            {t('cms.removeFile')}
          </button>
        </div>
      )}
      <input
        id={inputId}
        type="file"
        accept={accepts[kind]}
        disabled={progress !== null}
        aria-describedby={`${inputId}-hint ${inputId}-error`}
        aria-invalid={message ? true : undefined}
        onChange={(e) => void choose(e)}
      />
      <UploadProgress progress={progress} />
      <FieldError id={`${inputId}-error`} text={message} />
    </div>
  );
}
