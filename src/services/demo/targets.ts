import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { referenceFile } from '../paths.ts';

/** Where the demo's targets come from (data/indicators/README.md: indicator names). */
export const DEMO_TARGET_SOURCE = {
  file: 'indicators/stunting_kabupaten.csv',
  indicator: 'stunting_prevalence_ssgi',
  year: 2021,
} as const;

/**
 * Published stunting prevalence (percent) per kabupaten/kota of a province: SSGI 2021 from
 * data/indicators/stunting_kabupaten.csv (all 22 NTT kabupaten/kota are there). The demo
 * generator draws each kabupaten's children so that its prevalence matches this figure.
 */
export function readStuntingTargets(
  provinceCode: string,
  options: { file?: string; indicator?: string; year?: number } = {},
): Record<string, number> {
  const file = options.file ?? referenceFile(DEMO_TARGET_SOURCE.file);
  const indicator = options.indicator ?? DEMO_TARGET_SOURCE.indicator;
  const year = String(options.year ?? DEMO_TARGET_SOURCE.year);
  const records = parse<Record<string, string>>(readFileSync(file, 'utf8'), {
    columns: true,
    bom: true,
  });
  const targets: Record<string, number> = {};
  for (const r of records) {
    const code = r.region_code ?? '';
    if (
      code.length === 4 &&
      code.startsWith(provinceCode) &&
      r.indicator === indicator &&
      r.year === year &&
      r.unit === 'percent'
    )
      targets[code] = Number(r.value);
  }
  return targets;
}
