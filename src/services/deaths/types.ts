/** Row shapes the server's presenters receive from the deaths services (server never imports db). */
export type { DeathCaseRow, DeathRecommendationRow } from '../../db/types.ts';
