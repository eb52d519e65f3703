/**
 * Display preferences of the accessibility toolbar, kept on the device (localStorage) and
 * applied as attributes on <html> that the stylesheet reads (accessibility.css): text size as a
 * step of the root font size, grayscale, negative (high contrast), a readable font.
 */
export interface A11yPreferences {
  /** Index into textScales; 1 = 100 %. */
  textStep: number;
  grayscale: boolean;
  negative: boolean;
  readableFont: boolean;
}

export const textScales = [0.9, 1, 1.1, 1.25, 1.5, 1.75] as const;
export const defaultPreferences: A11yPreferences = {
  textStep: 1,
  grayscale: false,
  negative: false,
  readableFont: false,
};
export const storageKey = 'tumbuh.accessibility';

const clampStep = (step: number) => Math.min(textScales.length - 1, Math.max(0, Math.round(step)));

/** Reads stored preferences; anything unreadable falls back to the defaults, field by field. */
export function parsePreferences(stored: string | null): A11yPreferences {
  if (!stored) return { ...defaultPreferences };
  try {
    const value = JSON.parse(stored) as Partial<Record<keyof A11yPreferences, unknown>>;
    return {
      textStep:
        typeof value.textStep === 'number' && Number.isFinite(value.textStep)
          ? clampStep(value.textStep)
          : defaultPreferences.textStep,
      grayscale: value.grayscale === true,
      negative: value.negative === true,
      readableFont: value.readableFont === true,
    };
  } catch {
    return { ...defaultPreferences };
  }
}

export const zoomIn = (p: A11yPreferences): A11yPreferences => ({
  ...p,
  textStep: clampStep(p.textStep + 1),
});
export const zoomOut = (p: A11yPreferences): A11yPreferences => ({
  ...p,
  textStep: clampStep(p.textStep - 1),
});
export const textScaleOf = (p: A11yPreferences): number => textScales[clampStep(p.textStep)]!;

/** The attributes that represent the preferences on <html>; absent when at the default. */
export function htmlAttributes(p: A11yPreferences): Record<string, string | null> {
  const scale = textScaleOf(p);
  return {
    'data-a11y-text': scale === 1 ? null : String(Math.round(scale * 100)),
    'data-a11y-grayscale': p.grayscale ? 'on' : null,
    'data-a11y-negative': p.negative ? 'on' : null,
    'data-a11y-font': p.readableFont ? 'readable' : null,
  };
}

export function applyPreferences(p: A11yPreferences, root: HTMLElement): void {
  for (const [name, value] of Object.entries(htmlAttributes(p))) {
    if (value === null) root.removeAttribute(name);
    else root.setAttribute(name, value);
  }
  root.style.fontSize = textScaleOf(p) === 1 ? '' : `${textScaleOf(p) * 100}%`;
}

export function loadPreferences(): A11yPreferences {
  try {
    return parsePreferences(localStorage.getItem(storageKey));
  } catch {
    return { ...defaultPreferences };
  }
}

export function savePreferences(p: A11yPreferences): void {
  try {
    if (JSON.stringify(p) === JSON.stringify(defaultPreferences))
      localStorage.removeItem(storageKey);
    else localStorage.setItem(storageKey, JSON.stringify(p));
  } catch {
    // Private mode or a full disk: the choice still applies to this visit.
  }
}
