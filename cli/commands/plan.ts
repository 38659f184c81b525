import { buildPlanInputs } from '../../config/index.js';
import { loadCatalogOrReport, loadConfigOrReport } from '../load.js';
import { buildPlan, type PlanInputs } from '../../planner/index.js';
import { renderPlan } from '../../reports/index.js';
import { exitCodes, spacedQuantity, toJson, type CommandIO } from '../io.js';

/** Help text of `tapegrid plan`. */
export const planHelp = `Usage: tapegrid plan <config> [--catalog FILE] [--target NAME=VALUE ...] [--json]

Sizes WAN links, cache and scratch media for the configuration's workload: copy traffic per pair
and direction, usable capacity and what binds it, RUN peak-hour utilisation and job elongation,
deferred backlog over the day and the exact RPO, links broken for a DR test (backlog, catch-up,
cache, write throttling), days resident, disk-only fill time, recall exposure, scratch pool,
cartridges and Copy Export, then the cheapest catalog configuration that meets every target.

Options:
  --catalog FILE          planning defaults and purchase options (default: catalog/reference.yaml)
  --target rpo=4h         RPO target for every class (rpo.MCNAME=30min for one class)
  --target daysResident=7 days a volume should stay in cache
  --target drTest=2d      length of a DR test with links broken
  --json                  the plan as data
  --no-color              plain text

Examples:
  tapegrid plan examples/three-cluster-ha-dr.yaml
  tapegrid plan examples/two-cluster-dr.yaml --target rpo.MCDEFER=2h --json

Exit codes: 0 every target met, 1 a target fails, 2 bad input.`;

/** Applies --target overrides; returns problems for bad ones. */
function applyTargets(inputs: PlanInputs, targets: readonly string[], parseSeconds: (text: string) => number | null): { inputs: PlanInputs; problems: string[] } {
  const problems: string[] = [];
  let rpo = { ...inputs.targets.rpoSeconds };
  let daysResident = inputs.targets.daysResident;
  let drTestSeconds = inputs.targets.drTestSeconds;
  for (const target of targets) {
    const [name, value] = target.split('=', 2);
    if (name === undefined || value === undefined || value === '') {
      problems.push(`--target expects NAME=VALUE, found "${target}"`);
      continue;
    }
    if (name === 'rpo' || name.startsWith('rpo.')) {
      const seconds = parseSeconds(value);
      if (seconds === null) problems.push(`--target ${name}: "${value}" is not a duration such as "4 h"`);
      else if (name === 'rpo') rpo = Object.fromEntries(inputs.classes.map((mc) => [mc.name, seconds]));
      else {
        const mc = name.slice(4);
        if (!inputs.classes.some((candidate) => candidate.name === mc)) problems.push(`--target ${name}: no management class ${mc}`);
        else rpo[mc] = seconds;
      }
    } else if (name === 'daysResident') {
      const days = Number(value);
      if (!Number.isFinite(days) || days < 0) problems.push(`--target daysResident expects a number of days, found "${value}"`);
      else daysResident = days;
    } else if (name === 'drTest') {
      const seconds = parseSeconds(value);
      if (seconds === null) problems.push(`--target drTest: "${value}" is not a duration such as "2 d"`);
      else drTestSeconds = seconds;
    } else problems.push(`--target: unknown target "${name}" (rpo, rpo.CLASS, daysResident, drTest)`);
  }
  return { inputs: { ...inputs, targets: { rpoSeconds: rpo, daysResident, drTestSeconds } }, problems };
}

/** `tapegrid plan`. */
export async function runPlan(file: string, options: { json: boolean; catalog?: string; targets: readonly string[] }, io: CommandIO): Promise<number> {
  const loaded = await loadConfigOrReport(file, io, options.json);
  if (loaded === null) return exitCodes.badInput;
  const catalog = await loadCatalogOrReport(loaded, io, options.catalog);
  if (catalog === null) return exitCodes.badInput;
  const catalogPath = catalog.path;
  if ((loaded.config.workload ?? []).length === 0) {
    io.err(`${file}: planning needs a workload section (daily writes per cluster)`);
    return exitCodes.badInput;
  }
  const parseSeconds = (text: string): number | null => {
    const result = loaded.units.quantity(spacedQuantity(text), 'duration');
    return result.ok ? result.value.value : null;
  };
  const { inputs, problems } = applyTargets(buildPlanInputs(loaded.config, loaded.units, catalog.catalog), options.targets, parseSeconds);
  if (problems.length > 0) {
    io.err(`tapegrid plan: ${problems.join('\n')}`);
    return exitCodes.badInput;
  }
  const plan = buildPlan(inputs);
  if (options.json) io.out(toJson({ file, catalog: catalogPath, ...plan }));
  else io.out(renderPlan(plan, file, io.style));
  // Growth that breaks a target within the horizon fails the plan too (plan.verdict includes it).
  return plan.verdict === 'fails' ? exitCodes.failed : exitCodes.ok;
}
