/**
 * Indicator maths (pure): prevalence, coverage, N/T, AKI/AKB/AKN, periods, confidence
 * intervals and small-number rules. Called by rollups, the dashboard API and the deaths
 * module; definitions in docs/indicators.md.
 */
export * from './confidence-interval.ts';
export * from './coverage.ts';
export * from './dashboard.ts';
export * from './incomplete-gamma.ts';
export * from './mortality.ts';
export * from './period.ts';
export * from './prevalence.ts';
export * from './proportion.ts';
export * from './suppression.ts';
export * from './weighing.ts';
