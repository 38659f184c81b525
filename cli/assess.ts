import { buildPlanInputs, buildVerifySetup, exhaustiveBoundsOf, loadCatalog, referenceCatalogPath, type LoadedConfig } from '../config/index.js';
import { buildPlan, type Plan } from '../planner/index.js';
import { verify, type VerifyProgress, type VerifyResult } from '../properties/index.js';
import { defaultMaxSteps } from './commands/verify.js';

/**
 * Verify (the configuration's own exhaustive scope, then `runs` random runs) and plan (with the
 * reference catalog) one loaded configuration: the answers `check` prints and `diff` compares.
 * Verification is skipped without hosts, planning without a workload; null means "not done".
 */
export async function assess(
  loaded: LoadedConfig,
  options: { readonly runs: number; readonly seed: number; readonly onProgress?: (progress: VerifyProgress) => void },
): Promise<{ readonly verify: VerifyResult | null; readonly plan: Plan | null; readonly catalogProblem: string | null }> {
  const bounds = exhaustiveBoundsOf(loaded.config);
  const verified =
    loaded.definition.hosts.length === 0
      ? null
      : verify(buildVerifySetup(loaded), { exhaustive: bounds, maxFailures: bounds.maxFailures, runs: options.runs, seed: options.seed, maxSteps: defaultMaxSteps, ...(options.onProgress === undefined ? {} : { onProgress: options.onProgress }) });
  if ((loaded.config.workload ?? []).length === 0) return { verify: verified, plan: null, catalogProblem: null };
  const catalog = await loadCatalog(referenceCatalogPath, loaded.units);
  if (!catalog.ok) return { verify: verified, plan: null, catalogProblem: `${referenceCatalogPath}: the reference catalog does not load` };
  return { verify: verified, plan: buildPlan(buildPlanInputs(loaded.config, loaded.units, catalog.catalog)), catalogProblem: null };
}
