import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The package's root folder (package.json, catalog/, docs/, schema/), found by walking up from this
 * module: it runs from source (config/, in the in-process tests), compiled (dist/config/) and bundled
 * (dist/bundle/, the command line), and each sits at a different depth.
 */
export const packageRoot = findPackageRoot(dirname(fileURLToPath(import.meta.url)));

function findPackageRoot(start: string): string {
  for (let folder = start; ; folder = dirname(folder)) {
    if (existsSync(join(folder, 'package.json')) && existsSync(join(folder, 'catalog', 'reference.yaml'))) return folder;
    if (dirname(folder) === folder) throw new Error(`internal: the tapegrid package root was not found above ${start}`);
  }
}
