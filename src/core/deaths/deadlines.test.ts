import { describe, expect, it } from 'vitest';
import { caseDue, defaultCaseDeadlines, type CaseTimeline } from './deadlines.ts';

const timeline = (extra: Partial<CaseTimeline>): CaseTimeline => ({
  status: 'notified',
  deathDate: '2025-03-01',
  notifiedOn: '2025-03-02',
  reviewedOn: null,
  openRecommendationDueDates: [],
  ...extra,
});

describe('deadlines of the review steps', () => {
  it('gives each status its next step and due date, overdue the day after', () => {
    expect(caseDue(timeline({}), '2025-03-09', defaultCaseDeadlines)).toEqual({
      step: 'verify',
      dueDate: '2025-03-09',
      overdue: false,
      daysOverdue: 0,
    });
    expect(caseDue(timeline({}), '2025-03-11', defaultCaseDeadlines)).toEqual({
      step: 'verify',
      dueDate: '2025-03-09',
      overdue: true,
      daysOverdue: 2,
    });
    expect(
      caseDue(timeline({ status: 'verified' }), '2025-04-01', defaultCaseDeadlines),
    ).toMatchObject({ step: 'review', dueDate: '2025-03-31', overdue: true });
    expect(
      caseDue(
        timeline({ status: 'reviewed', reviewedOn: '2025-03-20' }),
        '2025-03-25',
        defaultCaseDeadlines,
      ),
    ).toMatchObject({ step: 'recommend', dueDate: '2025-03-27', overdue: false });
  });

  it('takes the earliest open recommendation as the follow-up deadline', () => {
    const due = caseDue(
      timeline({ status: 'recommended', openRecommendationDueDates: ['2025-06-30', '2025-05-31'] }),
      '2025-06-01',
      defaultCaseDeadlines,
    );
    expect(due).toMatchObject({
      step: 'follow_up',
      dueDate: '2025-05-31',
      overdue: true,
      daysOverdue: 1,
    });
  });

  it("follows the installation's settings and has nothing due for closed or voided cases", () => {
    expect(
      caseDue(timeline({}), '2025-03-05', { ...defaultCaseDeadlines, verifyDays: 2 }),
    ).toMatchObject({ overdue: true });
    expect(caseDue(timeline({ status: 'closed' }), '2030-01-01', defaultCaseDeadlines)).toBeNull();
    expect(caseDue(timeline({ status: 'void' }), '2030-01-01', defaultCaseDeadlines)).toBeNull();
  });
});
