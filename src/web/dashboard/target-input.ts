/**
 * Reads a target typed as a percentage — "14", "14,5", "14.5" or "14,5 %" — as a 0–1 proportion
 * (the indicator store keeps proportions). Null for anything else: empty, negative, above 100,
 * more than two decimals, or thousands separators.
 */
export function parsePercentInput(text: string): number | null {
  const cleaned = text.trim().replace(/\s*%$/, '').replace(',', '.');
  if (!/^\d{1,3}(\.\d{1,2})?$/.test(cleaned)) return null;
  const value = Number(cleaned);
  return value <= 100 ? Math.round(value * 100) / 10000 : null;
}
