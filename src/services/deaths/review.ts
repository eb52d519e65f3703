/**
 * The review workflow of a case (core/deaths/workflow.ts): verify, review (audit maternal
 * perinatal), recommend, close (follow-up done), void; and the recommendations with who carries
 * them out and whether they were. Each step locks the case, checks the version the user saw, the
 * actor's right and the state machine, writes who and when, and audits — in one transaction.
 */
import { randomUUID } from 'node:crypto';
import {
  canCompleteRecommendation,
  canReadCase,
  canRecommend,
  canTakeAction,
} from '../../core/deaths/access.ts';
import { isCauseGroupFor, isMaternalCondition } from '../../core/deaths/cause-groups.ts';
import { addDays } from '../../core/deaths/dates.ts';
import type { CaseDeadlines } from '../../core/deaths/deadlines.ts';
import {
  actionsFrom,
  checkTransition,
  mayAddRecommendation,
  type Avoidability,
  type RecommendationLevel,
  type VoidReason,
  type WorkflowAction,
} from '../../core/deaths/workflow.ts';
import { DomainError } from '../../core/errors.ts';
import type { FieldProblem } from '../../core/registry/rules.ts';
import {
  findDeathCase,
  insertRecommendation,
  listRecommendations,
  lockDeathCase,
  markRecommendationDone,
  updateDeathCaseRow,
} from '../../db/queries/deaths.ts';
import type { DeathCaseRow, DeathCaseTable, DeathRecommendationRow } from '../../db/types.ts';
import type { Updateable } from 'kysely';
import { audit } from '../audit.ts';
import type { ServiceContext } from '../context.ts';
import { problemsError } from '../registry/record.ts';
import { caseAuditView, localToday, readDeathCase, requireActor, scopeOf } from './cases.ts';

/** What the review records (audit maternal perinatal): the coded cause and the contributing factors. */
export interface ReviewInput {
  causeGroup: string;
  maternalCondition?: string | null;
  avoidable: Avoidability;
  summary: string;
  delayDeciding?: boolean | null;
  delayReaching?: boolean | null;
  delayReceiving?: boolean | null;
}

/** A workflow step as the API receives it. */
export interface ActionInput {
  action: WorkflowAction;
  /** The case version the user saw. */
  version: number;
  note?: string | null;
  review?: ReviewInput | null;
  voidReason?: VoidReason | null;
  duplicateOf?: string | null;
}

const stepWords: Record<WorkflowAction, string> = {
  verify: 'verify',
  review: 'review',
  recommend: 'recommend',
  close: 'close (follow-up done)',
  void: 'void',
};

function refuse(
  row: DeathCaseRow,
  step: string,
  reason: string,
  allowed: readonly string[],
): DomainError {
  return new DomainError('death_case_state', {
    status: row.status,
    step,
    reason,
    allowed: allowed.length ? allowed.join(', ') : '—',
    field: 'action',
  });
}

function reviewProblems(row: DeathCaseRow, review: ReviewInput | null | undefined): FieldProblem[] {
  if (!review)
    return [
      {
        field: 'review',
        problem: 'required',
        allowed: 'causeGroup, avoidable and summary of the review',
      },
    ];
  const problems: FieldProblem[] = [];
  if (!isCauseGroupFor(review.causeGroup, row.kind, row.stillbirth_timing))
    problems.push({
      field: 'review.causeGroup',
      problem: 'cause_group_mismatch',
      allowed: `a cause group for a ${row.kind} death`,
    });
  if (review.maternalCondition) {
    if (row.kind !== 'stillbirth' && row.kind !== 'neonatal')
      problems.push({
        field: 'review.maternalCondition',
        problem: 'not_applicable',
        allowed: 'only for stillbirths and neonatal deaths',
      });
    else if (!isMaternalCondition(review.maternalCondition))
      problems.push({
        field: 'review.maternalCondition',
        problem: 'invalid_value',
        allowed: 'm1, m2, m3, m4 or m5',
      });
  }
  if (!review.summary.trim())
    problems.push({
      field: 'review.summary',
      problem: 'required',
      allowed: 'what the review found (no names)',
    });
  return problems;
}

/**
 * Takes one workflow step. Refused steps are clear errors: `death_case_state` (409) names the
 * status, the step, why (wrong status, no recommendations yet, recommendations still open) and
 * what can be done now; `forbidden` (403) when the actor's role or scope does not allow it;
 * `death_case_version_conflict` when the case changed since the user loaded it.
 */
export async function takeAction(
  ctx: ServiceContext,
  id: string,
  input: ActionInput,
): Promise<DeathCaseRow> {
  const actor = requireActor(ctx);
  await readDeathCase(ctx, id); // 404 outside the scope, before anything is locked
  if (input.action === 'review') {
    const problems = reviewProblems((await findDeathCase(ctx.db, id))!, input.review);
    if (problems.length) throw problemsError(problems);
  }
  return ctx.db.transaction().execute(async (trx) => {
    const row = (await lockDeathCase(trx, id))!;
    if (row.version !== input.version)
      throw new DomainError('death_case_version_conflict', { field: 'version' });
    const allowed = actionsFrom(row.status).filter((a) =>
      canTakeAction(actor, scopeOf(row), a, row.status),
    );
    if (!canTakeAction(actor, scopeOf(row), input.action, row.status))
      throw new DomainError('forbidden', {
        action: `death case: ${input.action}`,
        reason: 'review_team_only',
        allowed: allowed.join(', ') || '—',
      });
    const recommendations = await listRecommendations(trx, [id]);
    const check = checkTransition(
      row.status,
      input.action,
      recommendations.map((r) => ({ done: r.done_at !== null })),
    );
    if (!check.ok) throw refuse(row, stepWords[input.action], check.reason, allowed);

    const now = ctx.now();
    const note = input.note?.trim() || null;
    let changes: Updateable<DeathCaseTable>;
    switch (input.action) {
      case 'verify':
        changes = {
          status: 'verified',
          verified_at: now,
          verified_by: actor.id,
          verification_note: note,
        };
        break;
      case 'review': {
        const review = input.review!;
        changes = {
          status: 'reviewed',
          reviewed_at: now,
          reviewed_by: actor.id,
          review_summary: review.summary.trim(),
          avoidable: review.avoidable,
          cause_group: review.causeGroup,
          maternal_condition: review.maternalCondition ?? row.maternal_condition,
          delay_deciding: review.delayDeciding ?? row.delay_deciding,
          delay_reaching: review.delayReaching ?? row.delay_reaching,
          delay_receiving: review.delayReceiving ?? row.delay_receiving,
        };
        break;
      }
      case 'recommend':
        changes = { status: 'recommended', recommended_at: now, recommended_by: actor.id };
        break;
      case 'close':
        changes = { status: 'closed', closed_at: now, closed_by: actor.id, closing_note: note };
        break;
      case 'void': {
        if (!input.voidReason)
          throw problemsError([
            {
              field: 'voidReason',
              problem: 'required',
              allowed: 'duplicate, not_eligible or entered_in_error',
            },
          ]);
        let duplicateOf: string | null = null;
        if (input.voidReason === 'duplicate') {
          const original = input.duplicateOf
            ? await findDeathCase(trx, input.duplicateOf)
            : undefined;
          if (
            !original ||
            original.id === id ||
            original.status === 'void' ||
            !canReadCase(actor, scopeOf(original))
          )
            throw problemsError([
              {
                field: 'duplicateOf',
                problem: 'required',
                allowed: 'the id of the case this one duplicates (not voided, in your scope)',
              },
            ]);
          duplicateOf = original.id;
        }
        changes = {
          status: 'void',
          voided_at: now,
          voided_by: actor.id,
          void_reason: input.voidReason,
          void_note: note,
          duplicate_of: duplicateOf,
        };
        break;
      }
    }
    const updated = (await updateDeathCaseRow(trx, id, row.version, changes))!;
    await audit(trx, ctx, {
      action: `death_case.${check.to}`,
      entity: 'death_case',
      entityId: id,
      regionCode: row.region_code,
      before: { status: row.status },
      after: {
        ...caseAuditView(updated),
        ...(input.action === 'review' && {
          avoidable: updated.avoidable,
          delays: [updated.delay_deciding, updated.delay_reaching, updated.delay_receiving],
        }),
        ...(input.action === 'void' && {
          voidReason: updated.void_reason,
          duplicateOf: updated.duplicate_of,
        }),
      },
    });
    return updated;
  });
}

/** A recommendation as the API receives it. */
export interface RecommendationInput {
  text: string;
  responsible?: string | null;
  level: RecommendationLevel;
  /** Default: today + the installation's follow-up days. */
  dueDate?: string | null;
}

/** Adds a recommendation to a reviewed case (until it is closed). */
export async function addRecommendation(
  ctx: ServiceContext,
  caseId: string,
  input: RecommendationInput,
  deadlines: CaseDeadlines,
): Promise<DeathRecommendationRow> {
  const actor = requireActor(ctx);
  const row = await readDeathCase(ctx, caseId);
  if (!canRecommend(actor, scopeOf(row)))
    throw new DomainError('forbidden', {
      action: 'add recommendation',
      reason: 'review_team_only',
    });
  if (!mayAddRecommendation(row.status))
    throw refuse(row, 'add a recommendation', 'wrong_status', actionsFrom(row.status));
  const today = localToday(ctx, row.death_region_code);
  const dueDate = input.dueDate || addDays(today, deadlines.followUpDays);
  if (dueDate < today)
    throw problemsError([
      { field: 'dueDate', problem: 'in_past', allowed: `on or after ${today}` },
    ]);
  return ctx.db.transaction().execute(async (trx) => {
    const recommendation = await insertRecommendation(trx, {
      id: randomUUID(),
      case_id: caseId,
      region_code: row.region_code,
      text: input.text.trim(),
      responsible: input.responsible?.trim() || null,
      level: input.level,
      due_date: dueDate,
      created_by: actor.id,
    });
    await audit(trx, ctx, {
      action: 'death_case.recommendation_added',
      entity: 'death_case',
      entityId: caseId,
      regionCode: row.region_code,
      after: {
        recommendationId: recommendation.id,
        level: recommendation.level,
        dueDate: recommendation.due_date,
      },
    });
    return recommendation;
  });
}

/** Marks a recommendation carried out (the response: what was done, in a note). */
export async function completeRecommendation(
  ctx: ServiceContext,
  caseId: string,
  recommendationId: string,
  input: { note?: string | null },
): Promise<DeathRecommendationRow> {
  const actor = requireActor(ctx);
  const row = await readDeathCase(ctx, caseId);
  if (!canCompleteRecommendation(actor, scopeOf(row)))
    throw new DomainError('forbidden', { action: 'complete recommendation' });
  const existing = (await listRecommendations(ctx.db, [caseId])).find(
    (r) => r.id === recommendationId,
  );
  if (!existing) throw new DomainError('not_found', { what: 'recommendation' });
  if (row.status !== 'recommended' && row.status !== 'reviewed')
    throw refuse(row, 'mark a recommendation done', 'wrong_status', actionsFrom(row.status));
  if (existing.done_at)
    throw new DomainError('conflict', {
      what: 'recommendation already carried out',
      field: 'recommendationId',
    });
  return ctx.db.transaction().execute(async (trx) => {
    const done = await markRecommendationDone(trx, recommendationId, {
      done_at: ctx.now(),
      done_by: actor.id,
      done_note: input.note?.trim() || null,
    });
    if (!done)
      throw new DomainError('conflict', {
        what: 'recommendation already carried out',
        field: 'recommendationId',
      });
    await audit(trx, ctx, {
      action: 'death_case.recommendation_done',
      entity: 'death_case',
      entityId: caseId,
      regionCode: row.region_code,
      after: { recommendationId },
    });
    return done;
  });
}
