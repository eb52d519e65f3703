import { describe, expect, it } from 'vitest';
import { parsePercentInput } from './target-input.ts';

describe('target input', () => {
  it('reads Indonesian and English decimals as a proportion', () => {
    expect(parsePercentInput('14')).toBe(0.14);
    expect(parsePercentInput('14,5')).toBe(0.145);
    expect(parsePercentInput(' 14.25 % ')).toBe(0.1425);
    expect(parsePercentInput('0')).toBe(0);
    expect(parsePercentInput('100')).toBe(1);
  });

  it('refuses what is not a percentage', () => {
    for (const bad of ['', 'abc', '-3', '101', '14,555', '1.000', '0,14,5']) {
      expect(parsePercentInput(bad)).toBeNull();
    }
  });
});
