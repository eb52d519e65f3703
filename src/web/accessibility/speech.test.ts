import { describe, expect, it } from 'vitest';
import { pickVoice } from './speech.ts';

describe('pickVoice', () => {
  const voices = [
    { lang: 'en-US', localService: true },
    { lang: 'id-ID', localService: false },
    { lang: 'id_ID', localService: true },
  ];
  it('finds an Indonesian voice, preferring one on the device', () => {
    expect(pickVoice(voices, 'id')).toBe(2);
    expect(pickVoice(voices.slice(0, 2), 'id')).toBe(1);
  });
  it('accepts the old "in" code of Indonesian and says when there is none', () => {
    expect(pickVoice([{ lang: 'in-ID', localService: true }], 'id')).toBe(0);
    expect(pickVoice([{ lang: 'en-GB', localService: true }], 'id')).toBeNull();
    expect(pickVoice([], 'en')).toBeNull();
  });
});
