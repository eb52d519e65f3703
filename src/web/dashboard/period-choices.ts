/**
 * The periods a picker offers (pure): every period of a kind that overlaps the months with data,
 * newest first, with those after the latest complete one marked (the month being entered is not
 * complete, so its figure still moves).
 */
import {
  formatPeriod,
  nextPeriod,
  parsePeriod,
  periodEnd,
  periodOfDate,
  periodStart,
  previousPeriod,
  type Period,
  type PeriodKind,
} from '../../core/indicators/period.ts';

/** One entry of the period list. */
export interface PeriodChoice {
  code: string;
  /** False for a period after the latest complete one (still being entered). */
  complete: boolean;
}

/** At most this many entries (ten years of months). */
const maxChoices = 120;

/** The first period of `kind` that overlaps the month `month` or comes after it. */
function firstOverlapping(kind: PeriodKind, month: string): Period {
  const date = `${month}-01`;
  let period = periodOfDate(kind, date);
  if (period) return period;
  // A bulan timbang: the next February or August.
  period = periodOfDate(kind, `${month.slice(0, 4)}-02-01`)!;
  while (periodEnd(period) < date) period = nextPeriod(period);
  return period;
}

/**
 * Periods of `kind` from the one holding `lastMonth` back to the one holding `firstMonth`
 * (`YYYY-MM`), newest first. Empty when there are no months with data.
 */
export function periodChoices(
  kind: PeriodKind,
  firstMonth: string | null,
  lastMonth: string | null,
  latestComplete: string | null,
): PeriodChoice[] {
  if (!firstMonth || !lastMonth) return [];
  const first = firstOverlapping(kind, firstMonth);
  const complete = latestComplete ? parsePeriod(latestComplete) : null;
  const lastDay = `${lastMonth}-28`;
  if (periodStart(first) > lastDay) return [];
  let period = first;
  // Walk forward to the last period that starts on or before the last month with data.
  while (periodStart(nextPeriod(period)) <= lastDay) period = nextPeriod(period);
  const choices: PeriodChoice[] = [];
  const firstStart = periodStart(first);
  while (periodStart(period) >= firstStart && choices.length < maxChoices) {
    choices.push({
      code: formatPeriod(period),
      complete: complete ? periodEnd(period) <= periodEnd(complete) : true,
    });
    period = previousPeriod(period);
  }
  return choices;
}

/** The kind of a period code, or null for an unreadable one. */
export function periodKindOf(code: string | null): PeriodKind | null {
  const period = code ? parsePeriod(code) : null;
  return period?.kind ?? null;
}
