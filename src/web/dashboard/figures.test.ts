import { describe, expect, it } from 'vitest';
import { translate, type Translate } from '../i18n/language.ts';
import {
  figureState,
  formatCount,
  formatFigure,
  formatFraction,
  formatInterval,
  shortPeriodLabel,
  type FigureLike,
} from './figures.ts';

const id: Translate = (key, params) => translate(key, params, 'id');
const en: Translate = (key, params) => translate(key, params, 'en');

const shown: FigureLike = {
  numerator: 157,
  denominator: 1000,
  value: 0.157,
  ci: { lower: 0.1355, upper: 0.1806 },
  suppressed: false,
  suppressionReason: null,
};
const smallCount: FigureLike = {
  numerator: null,
  denominator: 40,
  value: null,
  ci: null,
  suppressed: true,
  suppressionReason: 'small_count',
};
const smallDenominator: FigureLike = {
  ...smallCount,
  denominator: null,
  suppressionReason: 'small_denominator',
};
const nobody: FigureLike = { ...shown, numerator: 0, denominator: 0, value: null, ci: null };

describe('dashboard figures', () => {
  it('writes a proportion as an Indonesian percentage with its interval', () => {
    expect(formatFigure(shown, 'id', id)).toBe('15,7%');
    expect(formatFigure(shown, 'en', en)).toBe('15.7%');
    expect(formatInterval(shown, 'id')).toBe('13,6–18,1%');
    expect(formatFraction(shown, 'id', id)).toBe('157 dari 1.000 anak');
  });

  it('never shows a suppressed figure as 0', () => {
    expect(figureState(smallCount)).toBe('suppressed');
    expect(formatFigure(smallCount, 'id', id)).toBe('Data terlalu sedikit');
    expect(formatInterval(smallCount, 'id')).toBeNull();
    expect(formatFraction(smallCount, 'id', id)).toBe('< 5 dari 40 anak');
    expect(formatFraction(smallDenominator, 'id', id)).toBe('< 5 anak diukur');
    expect(formatCount(null, 'id', true)).toBe('< 5');
    expect(formatCount(null, 'id', false)).toBe('—');
    expect(formatCount(0, 'id', true)).toBe('0');
  });

  it('tells "nobody measured" apart from "hidden"', () => {
    expect(figureState(nobody)).toBe('no_data');
    expect(figureState(null)).toBe('no_data');
    expect(formatFigure(nobody, 'id', id)).toBe('Tidak ada data');
    expect(formatFraction(nobody, 'id', id)).toBeNull();
  });

  it('shortens period codes for chart axes', () => {
    expect(shortPeriodLabel('2025-08', 'id')).toBe('Agu 25');
    expect(shortPeriodLabel('2025-08', 'en')).toBe('Aug 25');
    expect(shortPeriodLabel('2025-Q3', 'id')).toBe('TW III 25');
    expect(shortPeriodLabel('2025-Q3', 'en')).toBe('Q3 25');
    expect(shortPeriodLabel('2025', 'id')).toBe('2025');
    expect(shortPeriodLabel('2025-BT02', 'id')).toBe('BT Feb 25');
    expect(shortPeriodLabel('nonsense', 'id')).toBe('nonsense');
  });
});
