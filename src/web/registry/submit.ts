/**
 * Every write of the kader screens goes through this module: registering a child, recording a
 * measurement, correcting one. Each submission carries an id made on the phone, so sending it
 * again (a retry after a lost answer, later an offline queue) stores nothing twice. The answers
 * the screens must react to are returned as values, not thrown: a duplicate child, an
 * implausible value waiting for confirmation, a day already measured. Anything else (network,
 * server error) is an `error` outcome whose `retryable` says whether resending may help.
 *
 * New children, child corrections, measurements and measurement corrections go through the
 * phone's queue (../offline, docs/offline.md): kept in IndexedDB first, then sent at once. An
 * answer within a few seconds comes back as above; without one the outcome is `queued` with the
 * phone's own view of the record (status computed by the same core code), and the queue sends it
 * when the network returns.
 */
import { ApiError, isApiError } from '../api-client.ts';
import { newId } from '../offline/ids.ts';
import { localChildren, localMeasurements } from '../offline/local-view.ts';
import { enter, type EntryOutcome } from '../offline/offline-store.ts';
import type { OutboxProblem } from '../offline/outbox.ts';
import {
  registryWrites,
  type ChildBody,
  type ChildUpdateBody,
  type ChildView,
  type CorrectionBody,
  type DuplicateCandidate,
  type MeasurementBody,
  type MeasurementView,
  type RecordMeasurementResponse,
} from './api.ts';
import { translate } from '../i18n/language.ts';

/** Why the server turned a submission down, when the screen can do something about it. */
export type SubmitOutcome<T> =
  | { kind: 'saved'; value: T }
  /** Kept on the phone, to be sent when the network allows; `value` is the phone's view of it. */
  | { kind: 'queued'; value: T }
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

export { newId };

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

/** The server's refusal of a queued entry, as the screens handle a refused request. */
function outcomeOfProblem<T>(problem: OutboxProblem): SubmitOutcome<T> {
  const status = problem.code === 'validation_failed' ? 400 : 409;
  return outcomeOfError<T>(new ApiError(status, problem.code, problem.message, problem.details));
}

function settleEntry<T>(
  outcome: EntryOutcome,
  synced: (result: Extract<EntryOutcome, { kind: 'synced' }>['result']) => T | undefined,
  queued: () => T,
): SubmitOutcome<T> {
  switch (outcome.kind) {
    case 'synced': {
      const value = synced(outcome.result);
      return value === undefined ? { kind: 'queued', value: queued() } : { kind: 'saved', value };
    }
    case 'problem':
      return outcomeOfProblem<T>(outcome.problem);
    case 'queued':
      return { kind: 'queued', value: queued() };
    case 'unavailable':
      return {
        kind: 'error',
        error: new ApiError(0, 'storage_unavailable', translate('offline.storageUnavailable')),
        retryable: false,
      };
  }
}

/** A new child (with its mother's details). The body must carry an id from newId(). */
export async function submitChild(
  body: ChildBody & { id: string },
): Promise<SubmitOutcome<{ child: ChildView }>> {
  const outcome = await enter(
    { kind: 'child', body: { ...body, sex: body.sex } },
    { posyanduId: body.posyanduId, childId: body.id },
  );
  return settleEntry(
    outcome,
    (r) => (r.child ? { child: r.child } : undefined),
    () => ({
      child: localChildren(
        body.posyanduId,
        [],
        [
          {
            kind: 'child',
            id: body.id,
            body,
            schema: 1,
            userId: '',
            posyanduId: body.posyanduId,
            childId: body.id,
            state: 'pending',
            seq: 0,
            createdAt: Date.now(),
            attempts: 0,
            nextAttemptAt: 0,
          },
        ],
      )[0]!,
    }),
  );
}

/**
 * A correction of a child's record, sent with the version it was read at (`base`): if someone
 * changed it meanwhile the answer is a conflict shown with both versions, never a silent
 * overwrite.
 */
export async function submitChildUpdate(
  base: ChildView,
  body: ChildUpdateBody,
): Promise<SubmitOutcome<{ child: ChildView }>> {
  const { version, ...fields } = body;
  const id = newId();
  const outcome = await enter(
    { kind: 'childUpdate', body: { id, childId: base.id, version, fields }, base },
    { posyanduId: base.posyanduId, childId: base.id },
  );
  return settleEntry(
    outcome,
    (r) => (r.child ? { child: r.child } : undefined),
    () => ({ child: { ...base, ...fields } }),
  );
}

type MeasuredChild = Pick<ChildView, 'id' | 'sex' | 'birthDate' | 'posyanduId'>;

function queuedView(
  child: MeasuredChild,
  history: readonly MeasurementView[],
  body: MeasurementBody & { supersedes?: string | null },
): RecordMeasurementResponse {
  const views = localMeasurements(child, history, [
    {
      kind: 'measurement',
      id: body.id,
      body,
      schema: 1,
      userId: '',
      posyanduId: child.posyanduId,
      childId: child.id,
      state: 'pending',
      seq: 0,
      createdAt: Date.now(),
      attempts: 0,
      nextAttemptAt: 0,
    },
  ]);
  return { measurement: views.find((m) => m.id === body.id)!, created: true };
}

/**
 * One month's weighing/measuring of a child. The body must carry an id from newId(); `history`
 * (the child's current measurements) gives the phone's N/T when it cannot ask the server.
 */
export async function submitMeasurement(
  child: MeasuredChild,
  history: readonly MeasurementView[],
  body: MeasurementBody,
): Promise<SubmitOutcome<RecordMeasurementResponse>> {
  const outcome = await enter(
    { kind: 'measurement', body },
    { posyanduId: child.posyanduId, childId: child.id },
  );
  return settleEntry(
    outcome,
    (r) => (r.measurement ? { measurement: r.measurement, created: true } : undefined),
    () => queuedView(child, history, body),
  );
}

/**
 * A correction of measurement `measurementId`: a new measurement (new id) that supersedes it;
 * the old one stays readable, struck through.
 */
export async function submitCorrection(
  child: MeasuredChild,
  history: readonly MeasurementView[],
  measurementId: string,
  body: CorrectionBody,
): Promise<SubmitOutcome<RecordMeasurementResponse>> {
  const { reason: _reason, ...values } = body;
  const entry = { ...values, childId: child.id, supersedes: measurementId };
  const outcome = await enter(
    { kind: 'measurement', body: entry },
    { posyanduId: child.posyanduId, childId: child.id },
  );
  return settleEntry(
    outcome,
    (r) => (r.measurement ? { measurement: r.measurement, created: true } : undefined),
    () => queuedView(child, history, entry),
  );
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
