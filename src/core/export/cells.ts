/**
 * Spreadsheet-safe cells. A text cell that begins with =, +, -, @, tab or carriage return would be
 * run as a formula by Excel/LibreOffice (CSV injection, OWASP): such text is prefixed with an
 * apostrophe. Numbers stay numbers (a z-score of −2.5 is data, not a formula).
 */
export type Cell = string | number | boolean | null | undefined;

export function safeText(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** One CSV field (RFC 4180): quoted when it holds a comma, quote or line break. */
export function csvField(value: Cell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? '1' : '0';
  const text = safeText(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(values: Cell[]): string {
  return `${values.map(csvField).join(',')}\r\n`;
}
