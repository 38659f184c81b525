import { fileURLToPath } from 'node:url';

/**
 * The package's root folder (package.json, catalog/, docs/), found from this module whether it runs
 * compiled (dist/cli/) or from source (cli/, as in the in-process tests).
 */
export const packageRoot = fileURLToPath(new URL(/[\\/]dist[\\/]cli[\\/]$/.test(fileURLToPath(new URL('.', import.meta.url))) ? '../../' : '../', import.meta.url));
