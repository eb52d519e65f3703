/**
 * Sends a file as the raw body of a request with upload progress, which fetch cannot report:
 * XMLHttpRequest, with the same headers (language, CSRF) and the same ApiError for an error
 * answer as api-client.ts. Used by the import screen and the CMS.
 */
import { ApiError, currentCsrfToken } from './api-client.ts';
import { getLang, translate } from './i18n/language.ts';

/** The error body of an XMLHttpRequest answer, like api-client's for fetch. */
function errorOf(xhr: XMLHttpRequest): ApiError {
  try {
    const body = JSON.parse(xhr.responseText) as {
      error?: {
        code: string;
        message: string;
        details?: Record<string, unknown>;
        requestId?: string;
      };
    };
    if (body.error)
      return new ApiError(
        xhr.status,
        body.error.code,
        body.error.message,
        body.error.details ?? {},
        body.error.requestId ?? null,
      );
  } catch {
    // not JSON (e.g. a proxy's 413 page): fall through
  }
  return new ApiError(xhr.status, 'http_error', translate('error.http', { status: xhr.status }));
}

export interface UploadRequest {
  method: 'POST' | 'PUT';
  url: string;
  body: Blob;
  contentType: string;
  headers?: Record<string, string>;
  /** The fraction sent, 0–1. */
  onProgress: (fraction: number) => void;
  signal?: AbortSignal | undefined;
}

/** Resolves with the parsed JSON answer of a 2xx; rejects with ApiError otherwise. */
export function uploadWithProgress<T>(request: UploadRequest): Promise<T> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open(request.method, request.url);
    xhr.setRequestHeader('Content-Type', request.contentType);
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.setRequestHeader('Accept-Language', getLang());
    for (const [name, value] of Object.entries(request.headers ?? {}))
      xhr.setRequestHeader(name, value);
    const csrf = currentCsrfToken();
    if (csrf) xhr.setRequestHeader('x-csrf-token', csrf);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) request.onProgress(e.loaded / e.total);
    };
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        request.onProgress(1);
        resolve(JSON.parse(xhr.responseText) as T);
      } else reject(errorOf(xhr));
    };
    xhr.onerror = () => reject(new ApiError(0, 'network_error', translate('error.network')));
    xhr.onabort = () => reject(new DOMException('Upload cancelled', 'AbortError'));
    request.signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send(request.body);
  });
}
