/**
 * The one place the web app talks HTTP. Types come from the zod schemas in src/contract (house
 * rule 3: one schema gives validation, OpenAPI and these types); they are imported as types only,
 * so zod itself is not shipped to the phone. Every error the server sends has the shape
 * `{error:{code,message,details,requestId}}` and becomes an `ApiError` whose message — already in
 * the user's language via Accept-Language — is what the UI shows.
 */
import type { z } from 'zod';
import type {
  AuditEntry,
  Me,
  SessionResponse,
  User,
  changePasswordBodySchema,
  createUserBodySchema,
  createUserResponseSchema,
  loginBodySchema,
} from '../contract/auth.ts';
import type { ErrorResponse } from '../contract/common.ts';
import type { About, healthSchema } from '../contract/health.ts';
import type {
  Region,
  RegionDetail,
  RegionSearchResult,
  boundariesSchema,
  regionLevelSchema,
} from '../contract/regions.ts';
import { getLang, translate } from './i18n/language.ts';

export type { About, AuditEntry, Me, Region, RegionDetail, SessionResponse, User };
export type Health = z.infer<typeof healthSchema>;
export type LoginBody = z.input<typeof loginBodySchema>;
export type ChangePasswordBody = z.input<typeof changePasswordBodySchema>;
export type CreateUserBody = z.input<typeof createUserBodySchema>;
export type CreateUserResponse = z.infer<typeof createUserResponseSchema>;
export type RegionLevel = z.infer<typeof regionLevelSchema>;
export type RegionSearchItem = RegionSearchResult['items'][number];
/** Children's GeoJSON; `missing` lists the children that have no boundary. */
export type Boundaries = z.infer<typeof boundariesSchema> & { missing: string[] };
export type Ok = { ok: true };

/** Codes the client itself produces when no server error body is available. */
export type ClientErrorCode = 'network_error' | 'http_error';

/** An error answer of the API (or a failure to reach it), ready to show by its message. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  /** HTTP status; 0 when the server was not reached. */
  readonly status: number;
  /** Stable snake_case code from the server (src/core/errors.ts), or a ClientErrorCode. */
  readonly code: string;
  readonly details: Record<string, unknown>;
  readonly requestId: string | null;

  constructor(
    status: number,
    code: string,
    message: string,
    details: Record<string, unknown> = {},
    requestId: string | null = null,
  ) {
    super(message);
    this.status = status;
    this.code = code;
    this.details = details;
    this.requestId = requestId;
  }
}

export const isApiError = (e: unknown): e is ApiError => e instanceof ApiError;

/** True for the rejection of a request cancelled with an AbortSignal (not an error to show). */
export const isAbortError = (e: unknown): boolean =>
  e instanceof DOMException && e.name === 'AbortError';

let csrfToken: string | null = null;
let onUnauthenticated: (() => void) | null = null;

/** The session's CSRF token, for writes that cannot go through `request` (a file upload with progress). */
export const currentCsrfToken = (): string | null => csrfToken;

/** Called when any request answers 401 unauthenticated (expired session): the session store logs out. */
export function setUnauthenticatedHandler(handler: (() => void) | null): void {
  onUnauthenticated = handler;
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
export type Query = Record<string, string | number | undefined>;

export interface RequestOptions {
  body?: unknown;
  query?: Query;
  signal?: AbortSignal | undefined;
}

/** `path?key=value…`, leaving out empty values; also builds plain links (file downloads). */
export function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

function isErrorResponse(payload: unknown): payload is ErrorResponse {
  if (typeof payload !== 'object' || payload === null || !('error' in payload)) return false;
  const error = payload.error;
  return (
    typeof error === 'object' &&
    error !== null &&
    typeof (error as { code?: unknown }).code === 'string' &&
    typeof (error as { message?: unknown }).message === 'string'
  );
}

async function readJson(response: Response): Promise<unknown> {
  const type = response.headers.get('content-type') ?? '';
  if (!type.includes('json')) return undefined;
  try {
    return await response.json();
  } catch {
    return undefined;
  }
}

function toApiError(response: Response, payload: unknown): ApiError {
  if (isErrorResponse(payload)) {
    const { code, message, details, requestId } = payload.error;
    return new ApiError(response.status, code, message, details ?? {}, requestId ?? null);
  }
  return new ApiError(
    response.status,
    'http_error',
    translate('error.http', { status: response.status }),
  );
}

/**
 * One HTTP call of the API: JSON in and out, CSRF token on writes, errors as ApiError. Feature
 * clients (e.g. registry/api.ts) build on it so that every call shares these rules.
 */
export async function request<T>(
  method: Method,
  path: string,
  options: RequestOptions = {},
  isRetry = false,
): Promise<T> {
  const headers: Record<string, string> = {
    Accept: 'application/json',
    'Accept-Language': getLang(),
  };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;

  let response: Response;
  try {
    response = await fetch(withQuery(path, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? null : JSON.stringify(options.body),
      signal: options.signal ?? null,
    });
  } catch (e) {
    if (isAbortError(e)) throw e;
    throw new ApiError(0, 'network_error', translate('error.network'));
  }

  const payload = await readJson(response);
  if (response.ok) return payload as T;

  const error = toApiError(response, payload);
  if (error.code === 'csrf_invalid' && method !== 'GET' && !isRetry) {
    // The token rotates with the session (login, logout, expiry): fetch a fresh one, retry once.
    await api.session();
    return request<T>(method, path, options, true);
  }
  if (error.code === 'unauthenticated') onUnauthenticated?.();
  throw error;
}

/**
 * Sends a file as the raw request body (CSV/XLSX imports), with the session's CSRF token and the
 * same error handling as `request`.
 */
export async function uploadFile<T>(path: string, file: Blob, query?: Query): Promise<T> {
  let response: Response;
  try {
    response = await fetch(withQuery(path, query), {
      method: 'PUT',
      headers: {
        Accept: 'application/json',
        'Accept-Language': getLang(),
        'Content-Type': 'application/octet-stream',
        ...(csrfToken ? { 'x-csrf-token': csrfToken } : {}),
      },
      credentials: 'same-origin',
      body: file,
    });
  } catch {
    throw new ApiError(0, 'network_error', translate('error.network'));
  }
  const payload = await readJson(response);
  if (response.ok) return payload as T;
  const error = toApiError(response, payload);
  if (error.code === 'unauthenticated') onUnauthenticated?.();
  throw error;
}

function rememberSession(session: SessionResponse): SessionResponse {
  csrfToken = session.csrfToken;
  return session;
}

/** Region details are reference data that change once a year at most: ask once per page load. */
const regionDetails = new Map<string, Promise<RegionDetail>>();

/** Typed calls of the Tumbuh HTTP API; paths and shapes follow src/contract. */
export const api = {
  health: (signal?: AbortSignal) => request<Health>('GET', '/healthz', { signal }),

  /** Version, database, and whether the registry holds the synthetic demo (see about.ts). */
  about: (signal?: AbortSignal) => request<About>('GET', '/api/about', { signal }),

  session: async (signal?: AbortSignal) =>
    rememberSession(await request<SessionResponse>('GET', '/api/auth/session', { signal })),

  /** Errors: 401 invalid_credentials, 423 account_locked, 429 rate_limited. */
  login: async (body: LoginBody) =>
    rememberSession(await request<SessionResponse>('POST', '/api/auth/login', { body })),

  logout: () => request<Ok>('POST', '/api/auth/logout'),

  changePassword: (body: ChangePasswordBody) => request<Ok>('POST', '/api/auth/password', { body }),

  region: (code: string): Promise<RegionDetail> => {
    let detail = regionDetails.get(code);
    if (!detail) {
      detail = request<RegionDetail>('GET', `/api/regions/${encodeURIComponent(code)}`);
      regionDetails.set(code, detail);
      // A failure is not cached: the next attempt asks again.
      detail.catch(() => regionDetails.delete(code));
    }
    return detail;
  },

  searchRegions: (
    query: { q: string; level?: RegionLevel; within?: string; limit?: number },
    signal?: AbortSignal,
  ) => request<RegionSearchResult>('GET', '/api/regions', { query, signal }),

  boundaries: (code: string, signal?: AbortSignal) =>
    request<Boundaries>('GET', `/api/regions/${encodeURIComponent(code)}/boundaries`, { signal }),

  users: (signal?: AbortSignal) => request<{ items: User[] }>('GET', '/api/users', { signal }),

  createUser: (body: CreateUserBody) => request<CreateUserResponse>('POST', '/api/users', { body }),

  audit: (limit: number, signal?: AbortSignal) =>
    request<{ items: AuditEntry[] }>('GET', '/api/audit', { query: { limit }, signal }),
};
