/**
 * The sentence next to the source comparison (pure): the latest year in which both e-PPGBM and
 * a survey have a figure, how far apart they are, and the weighing coverage that year — the
 * number that explains most of the gap (research/anchors.md §0 item 9).
 */

/** What the comparison needs of one year (proportions 0–1). */
export interface GapYear {
  year: number;
  eppgbm: number | null;
  coverage: number | null;
  surveys: readonly { source: string; value: number }[];
}

/** The latest year with both figures, or the latest survey when they never meet. */
export type Gap =
  | {
      kind: 'both';
      year: number;
      eppgbm: number;
      survey: { source: string; value: number };
      /** Survey minus e-PPGBM, in percentage points. */
      points: number;
      /** Survey ÷ e-PPGBM (null when e-PPGBM is 0). */
      ratio: number | null;
      coverage: number | null;
    }
  | { kind: 'survey_only'; year: number; survey: { source: string; value: number } }
  | { kind: 'eppgbm_only' }
  | { kind: 'none' };

/** Survey preference when a year has several: the official yardstick first. */
const preference = ['SKI', 'SSGI', 'SSGBI', 'Riskesdas'];
const rank = (source: string) => {
  const i = preference.indexOf(source);
  return i === -1 ? preference.length : i;
};

function mainSurvey(surveys: GapYear['surveys']) {
  return [...surveys].sort((a, b) => rank(a.source) - rank(b.source))[0] ?? null;
}

/** Finds the gap to write about. */
export function sourceGap(years: readonly GapYear[]): Gap {
  const newest = [...years].sort((a, b) => b.year - a.year);
  for (const y of newest) {
    const survey = mainSurvey(y.surveys);
    if (y.eppgbm !== null && survey) {
      return {
        kind: 'both',
        year: y.year,
        eppgbm: y.eppgbm,
        survey,
        points: (survey.value - y.eppgbm) * 100,
        ratio: y.eppgbm > 0 ? survey.value / y.eppgbm : null,
        coverage: y.coverage,
      };
    }
  }
  const withSurvey = newest.find((y) => y.surveys.length > 0);
  if (withSurvey)
    return { kind: 'survey_only', year: withSurvey.year, survey: mainSurvey(withSurvey.surveys)! };
  if (newest.some((y) => y.eppgbm !== null)) return { kind: 'eppgbm_only' };
  return { kind: 'none' };
}
