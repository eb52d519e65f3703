import { describe, expect, it } from 'vitest';
import {
  actionsFrom,
  caseStatuses,
  checkTransition,
  isConfirmedStatus,
  workflowActions,
  type CaseStatus,
  type WorkflowAction,
} from './workflow.ts';

const allowed: Record<CaseStatus, WorkflowAction[]> = {
  notified: ['verify', 'void'],
  verified: ['review', 'void'],
  reviewed: ['recommend'],
  recommended: ['close'],
  closed: [],
  void: [],
};

describe('review workflow', () => {
  it('allows exactly the main path and voiding before review; refuses every other step', () => {
    for (const status of caseStatuses) {
      expect(actionsFrom(status)).toEqual(allowed[status]);
      for (const action of workflowActions) {
        const check = checkTransition(status, action, [{ done: true }]);
        if (allowed[status].includes(action)) expect(check.ok, `${status} ${action}`).toBe(true);
        else
          expect(check, `${status} ${action}`).toEqual({
            ok: false,
            reason: 'wrong_status',
            allowed: allowed[status],
          });
      }
    }
  });

  it('leads each step to its status', () => {
    expect(checkTransition('notified', 'verify', [])).toEqual({ ok: true, to: 'verified' });
    expect(checkTransition('verified', 'review', [])).toEqual({ ok: true, to: 'reviewed' });
    expect(checkTransition('verified', 'void', [])).toEqual({ ok: true, to: 'void' });
  });

  it('needs a recommendation to recommend, and every one carried out to close', () => {
    expect(checkTransition('reviewed', 'recommend', [])).toMatchObject({
      ok: false,
      reason: 'no_recommendations',
    });
    expect(checkTransition('reviewed', 'recommend', [{ done: false }])).toEqual({
      ok: true,
      to: 'recommended',
    });
    expect(
      checkTransition('recommended', 'close', [{ done: true }, { done: false }]),
    ).toMatchObject({ ok: false, reason: 'open_recommendations', allowed: ['close'] });
    expect(checkTransition('recommended', 'close', [{ done: true }])).toEqual({
      ok: true,
      to: 'closed',
    });
  });

  it('counts a case in public figures once verified, never when voided', () => {
    expect(caseStatuses.filter(isConfirmedStatus)).toEqual([
      'verified',
      'reviewed',
      'recommended',
      'closed',
    ]);
  });
});
