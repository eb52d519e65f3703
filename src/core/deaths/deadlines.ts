/**
 * When each step of a case is due, and whether it is overdue. The deadlines are settings of the
 * installation (server env DEATHS_*_DAYS, documented in .env.example); the defaults below are
 * Tumbuh's choice, since the exact AMP-SR time limits could not be read in the stored guideline
 * (docs/deaths.md §Deadlines): verification within 7 days of the notification, review within
 * 30 days of the death, recommendations within 7 days of the review, each recommendation
 * carried out by its own due date (default 90 days after it was made).
 */
import { addDays } from './dates.ts';
import type { CaseStatus } from './workflow.ts';

/** Days allowed for each step. */
export interface CaseDeadlines {
  /** From the notification to its verification. */
  verifyDays: number;
  /** From the death to the review (audit maternal perinatal). */
  reviewDays: number;
  /** From the review to the recommendations. */
  recommendDays: number;
  /** Default due date of a recommendation, from the day it is made. */
  followUpDays: number;
}

export const defaultCaseDeadlines: CaseDeadlines = {
  verifyDays: 7,
  reviewDays: 30,
  recommendDays: 7,
  followUpDays: 90,
};

/** What the deadline computation needs of a case (dates as YYYY-MM-DD, local). */
export interface CaseTimeline {
  status: CaseStatus;
  deathDate: string;
  notifiedOn: string;
  reviewedOn: string | null;
  /** Due dates of recommendations not yet carried out. */
  openRecommendationDueDates: readonly string[];
}

/** The next step due: which one and by when; null for closed or voided cases. */
export interface CaseDue {
  step: 'verify' | 'review' | 'recommend' | 'follow_up';
  dueDate: string;
  overdue: boolean;
  /** Days past the due date (0 when not overdue). */
  daysOverdue: number;
}

/** The step a case waits for, its due date, and whether `today` is past it. */
export function caseDue(c: CaseTimeline, today: string, deadlines: CaseDeadlines): CaseDue | null {
  let step: CaseDue['step'];
  let dueDate: string;
  switch (c.status) {
    case 'notified':
      step = 'verify';
      dueDate = addDays(c.notifiedOn, deadlines.verifyDays);
      break;
    case 'verified':
      step = 'review';
      dueDate = addDays(c.deathDate, deadlines.reviewDays);
      break;
    case 'reviewed':
      step = 'recommend';
      dueDate = addDays(c.reviewedOn ?? c.deathDate, deadlines.recommendDays);
      break;
    case 'recommended':
      if (c.openRecommendationDueDates.length === 0) {
        // Every recommendation carried out: closing is the only thing left, due now.
        step = 'follow_up';
        dueDate = today;
        return { step, dueDate, overdue: false, daysOverdue: 0 };
      }
      step = 'follow_up';
      dueDate = [...c.openRecommendationDueDates].sort()[0]!;
      break;
    default:
      return null;
  }
  const overdue = today > dueDate;
  const daysOverdue = overdue
    ? Math.round((Date.parse(today) - Date.parse(dueDate)) / 86_400_000)
    : 0;
  return { step, dueDate, overdue, daysOverdue };
}
