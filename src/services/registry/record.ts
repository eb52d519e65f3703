import { DomainError } from '../../core/errors.ts';
import type { FieldProblem } from '../../core/registry/rules.ts';
import { findChild } from '../../db/queries/registry.ts';
import type { ChildRow } from '../../db/types.ts';
import type { ServiceContext } from '../context.ts';
import { assertRecordAccess } from './access.ts';

/** What every registry use case needs: today's date, rule problems as an error, a readable child. */
export const today = (ctx: ServiceContext) => ctx.now().toISOString().slice(0, 10);

/** Turns rule problems into one validation error naming the first field and what it allows. */
export function rejectProblems(problems: FieldProblem[]): void {
  if (problems.length) throw problemsError(problems);
}

export function problemsError(problems: FieldProblem[]): DomainError {
  const first = problems[0]!;
  return new DomainError('validation_failed', {
    field: first.field,
    allowed: first.allowed,
    problem: first.problem,
    summary: problems.map((p) => `${p.field}: ${p.allowed}`).join('; '),
    issues: problems,
  });
}

/** A child record the caller may read (404 for records outside the scope). */
export async function readChild(ctx: ServiceContext, id: string): Promise<ChildRow> {
  const child = await findChild(ctx.db, id);
  if (!child) throw new DomainError('not_found', { what: 'child' });
  assertRecordAccess(
    ctx,
    'records:read',
    { regionCode: child.region_code, posyanduId: child.posyandu_id },
    { hideExistence: true, what: 'child' },
  );
  return child;
}
