/**
 * The review workflow of a death case (AMP-SR, Kemenkes 2021: identifikasi/notifikasi →
 * verifikasi → pengkajian → rekomendasi → respons), as a small state machine:
 *
 *   notified ──verify──► verified ──review──► reviewed ──recommend──► recommended ──close──► closed
 *      │                    │
 *      └───────void─────────┘──► void   (duplicate, not a maternal/perinatal death, entered in error)
 *
 * `close` (follow-up done) needs every recommendation carried out: the loop from a death to the
 * action taken is closed only when the actions are (research/anchors.md §7, WHO MDSR: the
 * "response" part is the weakest). Pure: whether an action is allowed follows from the status
 * and the recommendations alone; who may do it is access.ts.
 */

export const caseStatuses = [
  'notified',
  'verified',
  'reviewed',
  'recommended',
  'closed',
  'void',
] as const;
export type CaseStatus = (typeof caseStatuses)[number];

export const workflowActions = ['verify', 'review', 'recommend', 'close', 'void'] as const;
export type WorkflowAction = (typeof workflowActions)[number];

/** Why a notification is voided; voided cases are kept (history) but never counted. */
export const voidReasons = ['duplicate', 'not_eligible', 'entered_in_error'] as const;
export type VoidReason = (typeof voidReasons)[number];

/** Whether a review found the death avoidable (AMP-SR "faktor yang dapat dicegah"). */
export const avoidabilityValues = ['yes', 'no', 'unknown'] as const;
export type Avoidability = (typeof avoidabilityValues)[number];

/** Levels at which a recommendation is carried out (WHO MPDSR: family/community to national). */
export const recommendationLevels = ['community', 'facility', 'district', 'province'] as const;
export type RecommendationLevel = (typeof recommendationLevels)[number];

const transitions: Readonly<
  Record<WorkflowAction, { from: readonly CaseStatus[]; to: CaseStatus }>
> = {
  verify: { from: ['notified'], to: 'verified' },
  review: { from: ['verified'], to: 'reviewed' },
  recommend: { from: ['reviewed'], to: 'recommended' },
  close: { from: ['recommended'], to: 'closed' },
  void: { from: ['notified', 'verified'], to: 'void' },
};

/** Statuses counted in public figures: a notification counts once it is verified (not a duplicate, a real case). */
export const confirmedStatuses: readonly CaseStatus[] = [
  'verified',
  'reviewed',
  'recommended',
  'closed',
];

/** True for a status whose case counts in the public figures. */
export function isConfirmedStatus(status: CaseStatus): boolean {
  return confirmedStatuses.includes(status);
}

/** The status an action leads to. */
export function statusAfter(action: WorkflowAction): CaseStatus {
  return transitions[action].to;
}

/** The actions the workflow allows from a status (before looking at who asks). */
export function actionsFrom(status: CaseStatus): WorkflowAction[] {
  return workflowActions.filter((action) => transitions[action].from.includes(status));
}

/** The order of the main path, for a stepper on screen. */
export const mainPath: readonly CaseStatus[] = [
  'notified',
  'verified',
  'reviewed',
  'recommended',
  'closed',
];

/** Why an action is refused. */
export type RefusalReason =
  /** The case is not in a status this action starts from. */
  | 'wrong_status'
  /** `recommend` without any recommendation recorded. */
  | 'no_recommendations'
  /** `close` while a recommendation is not yet carried out. */
  | 'open_recommendations';

export type TransitionCheck =
  { ok: true; to: CaseStatus } | { ok: false; reason: RefusalReason; allowed: WorkflowAction[] };

/**
 * Whether `action` may be taken on a case in `status` with these recommendations: the refusal
 * says why and which actions the status does allow, for a clear error.
 */
export function checkTransition(
  status: CaseStatus,
  action: WorkflowAction,
  recommendations: readonly { done: boolean }[],
): TransitionCheck {
  const allowed = actionsFrom(status);
  if (!transitions[action].from.includes(status))
    return { ok: false, reason: 'wrong_status', allowed };
  if (action === 'recommend' && recommendations.length === 0)
    return { ok: false, reason: 'no_recommendations', allowed };
  if (action === 'close' && recommendations.some((r) => !r.done))
    return { ok: false, reason: 'open_recommendations', allowed };
  return { ok: true, to: transitions[action].to };
}

/** Recommendations may be added once the case is reviewed and until it is closed. */
export function mayAddRecommendation(status: CaseStatus): boolean {
  return status === 'reviewed' || status === 'recommended';
}

/** A notification's facts may be corrected until the case is closed or voided. */
export function isEditableStatus(status: CaseStatus): boolean {
  return status !== 'closed' && status !== 'void';
}
