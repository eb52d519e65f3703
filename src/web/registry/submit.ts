/**
 * Every write of the kader screens goes through this module: registering a child, recording a
 * measurement, correcting one. Each submission carries an id made on the phone, so sending it
 * again (a retry after a lost answer, later an offline queue) stores nothing twice. The answers
 * the screens must react to are returned as values, not thrown: a duplicate child, an
 * implausible value waiting for confirmation, a day already measured. Anything else (network,
 * server error) is an `error` outcome whose `retryable` says whether resending may help — the
 * hook a future offline queue wraps.
 */
import { ApiError, isApiError } from '../api-client.ts';
import {
  registryWrites,
  type ChildBody,
  type ChildUpdateBody,
  type ChildView,
  type CorrectionBody,
  type DuplicateCandidate,
  type MeasurementBody,
  type RecordMeasurementResponse,
} from './api.ts';

/** Why the server turned a submission down, when the screen can do something about it. */
export type SubmitOutcome<T> =
  | { kind: 'saved'; value: T }
  /**
   * 409 child_duplicate: show the candidates; resend with confirmNotDuplicate to register anyway
   * — unless the reason is the NIK, which belongs to one child only. `outsideScope`: matching
   * records the user may not see.
   */
  | {
      kind: 'duplicate';
      candidates: DuplicateCandidate[];
      reason: string;
      outsideScope: number;
      message: string;
    }
  /** 422 implausible_unconfirmed: ask the kader to check, resend with confirmImplausible. */
  | { kind: 'implausible'; message: string }
  /** 409 measurement_exists: this child already has a measurement that day; correct that one. */
  | { kind: 'exists'; message: string }
  /** 400 validation_failed: one field is wrong; `field` names it as the body does. */
  | { kind: 'invalid'; field: string | null; allowed: string | null; message: string }
  /** Anything else. `retryable`: the same submission may be sent again later unchanged. */
  | { kind: 'error'; error: ApiError; retryable: boolean };

/**
 * A random UUID (v4) for a new child or measurement. `crypto.randomUUID` exists only in secure
 * contexts (https, localhost); a posyandu laptop on plain http still has getRandomValues.
 */
export function newId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);

function isCandidate(value: unknown): value is DuplicateCandidate {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { id?: unknown }).id === 'string' &&
    typeof (value as { name?: unknown }).name === 'string'
  );
}

/** Turns a rejected request into the outcome the screen handles. */
export function outcomeOfError<T>(e: unknown): SubmitOutcome<T> {
  const error = isApiError(e) ? e : new ApiError(0, 'network_error', String(e));
  const details = error.details;
  switch (error.code) {
    case 'child_duplicate': {
      const candidates = Array.isArray(details.candidates)
        ? details.candidates.filter(isCandidate)
        : [];
      return {
        kind: 'duplicate',
        candidates,
        reason: text(details.reason) ?? '',
        outsideScope: typeof details.outsideScope === 'number' ? details.outsideScope : 0,
        message: error.message,
      };
    }
    case 'implausible_unconfirmed':
      return { kind: 'implausible', message: error.message };
    case 'measurement_exists':
      return { kind: 'exists', message: error.message };
    case 'validation_failed':
      return {
        kind: 'invalid',
        field: text(details.field),
        allowed: text(details.allowed),
        message: error.message,
      };
    default:
      return {
        kind: 'error',
        error,
        // Not reached, or the server failed: the same id may be sent again unchanged.
        retryable: error.status === 0 || error.status >= 500 || error.status === 429,
      };
  }
}

async function settle<T>(call: () => Promise<T>): Promise<SubmitOutcome<T>> {
  try {
    return { kind: 'saved', value: await call() };
  } catch (e) {
    return outcomeOfError<T>(e);
  }
}

/** A new child (with its mother's details). The body must carry an id from newId(). */
export function submitChild(
  body: ChildBody & { id: string },
): Promise<SubmitOutcome<{ child: ChildView }>> {
  return settle(() => registryWrites.createChild(body));
}

/**
 * A correction of a child's record, sent with the version it was read at: if someone changed it
 * meanwhile the answer is a `conflict` error (reload and redo), never a silent overwrite.
 */
export function submitChildUpdate(
  childId: string,
  body: ChildUpdateBody,
): Promise<SubmitOutcome<{ child: ChildView }>> {
  return settle(() => registryWrites.updateChild(childId, body));
}

/** One month's weighing/measuring of a child. The body must carry an id from newId(). */
export function submitMeasurement(
  body: MeasurementBody,
): Promise<SubmitOutcome<RecordMeasurementResponse>> {
  return settle(() => registryWrites.recordMeasurement(body));
}

/**
 * A correction of measurement `measurementId`: a new measurement (new id) that supersedes it;
 * the old one stays readable, struck through.
 */
export function submitCorrection(
  measurementId: string,
  body: CorrectionBody,
): Promise<SubmitOutcome<RecordMeasurementResponse>> {
  return settle(() => registryWrites.correctMeasurement(measurementId, body));
}

/**
 * Folds child `duplicateId` into `keepId`: its measurements move over, and the duplicate stays
 * readable, marked as merged. Sending it again answers `child_merged` (an `error` outcome).
 */
export function submitMerge(
  keepId: string,
  duplicateId: string,
): Promise<SubmitOutcome<{ child: ChildView }>> {
  return settle(() => registryWrites.mergeChild(keepId, duplicateId));
}
