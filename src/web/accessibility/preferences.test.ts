import { describe, expect, it } from 'vitest';
import {
  defaultPreferences,
  htmlAttributes,
  parsePreferences,
  textScaleOf,
  textScales,
  zoomIn,
  zoomOut,
} from './preferences.ts';

describe('accessibility preferences', () => {
  it('reads back what was stored and ignores what is not understood', () => {
    expect(parsePreferences(null)).toEqual(defaultPreferences);
    expect(parsePreferences('not json')).toEqual(defaultPreferences);
    expect(parsePreferences('{"textStep":3,"grayscale":true,"negative":"yes"}')).toEqual({
      textStep: 3,
      grayscale: true,
      negative: false,
      readableFont: false,
    });
    expect(parsePreferences('{"textStep":99}').textStep).toBe(textScales.length - 1);
    expect(parsePreferences('{"textStep":-4}').textStep).toBe(0);
  });

  it('zooms in steps and stops at both ends', () => {
    let p = defaultPreferences;
    expect(textScaleOf(p)).toBe(1);
    p = zoomIn(p);
    expect(textScaleOf(p)).toBe(1.1);
    for (let i = 0; i < 10; i++) p = zoomIn(p);
    expect(textScaleOf(p)).toBe(1.75);
    for (let i = 0; i < 10; i++) p = zoomOut(p);
    expect(textScaleOf(p)).toBe(0.9);
  });

  it('sets no attribute at the defaults and one per active choice', () => {
    expect(Object.values(htmlAttributes(defaultPreferences)).every((v) => v === null)).toBe(true);
    expect(
      htmlAttributes({ textStep: 3, grayscale: true, negative: true, readableFont: true }),
    ).toEqual({
      'data-a11y-text': '125',
      'data-a11y-grayscale': 'on',
      'data-a11y-negative': 'on',
      'data-a11y-font': 'readable',
    });
  });
});
