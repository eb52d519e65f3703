import { fileURLToPath } from 'node:url';

/** The project's shipped reference data (data/ in the checkout), each folder with its source note. */
export const referenceDataDir = fileURLToPath(new URL('../../data/', import.meta.url));

export const referenceFile = (relative: string) => `${referenceDataDir}${relative}`;
