import { loadCatalog, loadConfig, referenceCatalogPath, type LoadedConfig } from '../config/index.js';
import type { Catalog } from '../planner/index.js';
import { renderProblems } from '../reports/index.js';
import type { CommandIO } from './io.js';

/**
 * Loading for commands: a valid configuration, or every problem reported (stderr, or stdout as JSON
 * with --json) and null, so that the command exits 2.
 */
export async function loadConfigOrReport(file: string, io: CommandIO, json = false): Promise<LoadedConfig | null> {
  const loaded = await loadConfig(file);
  if (loaded.ok) return loaded;
  if (json) io.out(JSON.stringify({ file, valid: false, problems: loaded.problems }, null, 2));
  else io.err(renderProblems(file, loaded.problems, io.style));
  return null;
}

/** The planning catalog (the bundled one unless a path is given), or its problems reported and null. */
export async function loadCatalogOrReport(loaded: LoadedConfig, io: CommandIO, path?: string): Promise<{ catalog: Catalog; path: string } | null> {
  const catalogPath = path ?? referenceCatalogPath;
  const result = await loadCatalog(catalogPath, loaded.units);
  if (result.ok) return { catalog: result.catalog, path: catalogPath };
  io.err(renderProblems(catalogPath, result.problems, io.style));
  return null;
}
