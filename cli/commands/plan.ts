import { buildPlanInputs } from '../../config/index.js';
import { loadCatalogOrReport, loadConfigOrReport } from '../load.js';
import { applyHistory, buildPlan, parseHistory, summariseHistory, type HistoryUse, type PlanInputs } from '../../planner/index.js';
import { renderPlan } from '../../reports/index.js';
import { exitCodes, spacedQuantity, toJson, type CommandIO } from '../io.js';
import { planCases } from '../../reports/ciReport.js';
import { writeCiReport } from '../ciOutput.js';
import { failsOn, type OutputChoice } from '../outputChoice.js';

/** Help text of `tapegrid plan`. */
export const planHelp = `Usage: tapegrid plan <config> [--catalog FILE] [--target NAME=VALUE ...] [--history FILE [--history-day busiest|pNN]] [--json]

Sizes WAN links, cache and scratch media for the configuration's workload: copy traffic per pair
and direction, usable capacity and what binds it, RUN peak-hour utilisation and job elongation,
deferred backlog over the day and the exact RPO, links broken for a DR test (backlog, catch-up,
cache, write throttling), days resident, disk-only fill time, recall exposure, scratch pool,
cartridges and Copy Export, then what to keep, add or replace to meet every target with headroom
and growth, and how far each target is from failing.

Options:
  --catalog FILE          planning defaults and purchase options (default: catalog/reference.yaml)
  --target rpo=4h         RPO target for every class (rpo.MCNAME=30min for one class)
  --target daysResident=7 days a volume should stay in cache
  --target drTest=2d      length of a DR test with links broken
  --history FILE          measured hourly writes (CSV: timestamp,cluster,hostMB,storedMB): plan
                          against the busiest day, its hourly shape and the measured compression
  --history-day p90       plan against this percentile of days instead of the busiest (p50..p100)
  --json                  the plan as data
  --format F              text, json, junit (JUnit XML) or sarif (SARIF 2.1.0 findings at the targets)
  --fail-on R             what exits 1: a comma-separated list of violation, target, warning (at risk)
  --no-color              plain text

Examples:
  tapegrid plan examples/three-cluster-ha-dr.yaml
  tapegrid plan examples/two-cluster-dr.yaml --target rpo.MCDEFER=2h --json
  tapegrid plan examples/three-cluster-ha-dr.yaml --history examples/history/three-cluster-ha-dr.csv

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

/** Reads and applies a history file; prints its problems (file, line, field, expected) and returns null on bad input. */
async function withHistory(inputs: PlanInputs, path: string, dayOption: string | undefined, io: CommandIO): Promise<PlanInputs | null> {
  const day = dayOption === undefined || dayOption === 'busiest' ? 'busiest' : /^p(\d{2,3})$/.exec(dayOption);
  if (day === null || (day !== 'busiest' && (Number(day[1]) < 50 || Number(day[1]) > 100))) {
    io.err(`tapegrid plan: --history-day "${dayOption ?? ''}": expected busiest or a percentile of days p50 to p100, such as p90`);
    return null;
  }
  let text: string;
  try {
    const { readFile, stat } = await import('node:fs/promises');
    // Ten years of hours for eight clusters is under 40 MB of CSV; refuse larger files before reading them.
    if ((await stat(path)).size > 64 * 2 ** 20) {
      io.err(`${path}: a history file of more than 64 MiB; expected hourly rows of at most ten years`);
      return null;
    }
    text = await readFile(path, 'utf8');
  } catch (error) {
    io.err(`${path}: cannot read the history file (${(error as NodeJS.ErrnoException).code ?? 'unreadable'})`);
    return null;
  }
  const parsed = parseHistory(text);
  if (parsed.problems.length > 0) {
    for (const problem of parsed.problems.slice(0, 20)) io.err(`${path}:${problem.line}  error  ${problem.field}: ${problem.message}\n    (expected ${problem.expected})`);
    if (parsed.problems.length > 20) io.err(`... and ${parsed.problems.length - 20} more problems`);
    return null;
  }
  const clusters = summariseHistory(parsed.rows, day === 'busiest' ? 'busiest' : { percentile: Number(day[1]) });
  if (clusters.length === 0) {
    io.err(`${path}: no cluster has a complete day (24 hourly rows); expected at least one full day per cluster`);
    return null;
  }
  const planned = new Set(inputs.workloads.map((workload) => workload.cluster));
  const history: HistoryUse = {
    file: path,
    day: day === 'busiest' ? 'the busiest day' : `the day at percentile ${day[1]}`,
    clusters,
    unused: clusters.map((entry) => entry.cluster).filter((cluster) => !planned.has(cluster)),
  };
  return { ...applyHistory(inputs, clusters), history };
}

/** \`tapegrid plan\`. */
export async function runPlan(file: string, options: { json: boolean; catalog?: string; targets: readonly string[]; history?: string; historyDay?: string; output?: OutputChoice }, io: CommandIO): Promise<number> {
  if (options.historyDay !== undefined && options.history === undefined) {
    io.err('tapegrid plan: --history-day needs --history FILE');
    return exitCodes.badInput;
  }
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
  const targeted = applyTargets(buildPlanInputs(loaded.config, loaded.units, catalog.catalog), options.targets, parseSeconds);
  if (targeted.problems.length > 0) {
    io.err(`tapegrid plan: ${targeted.problems.join('\n')}`);
    return exitCodes.badInput;
  }
  const inputs = options.history === undefined ? targeted.inputs : await withHistory(targeted.inputs, options.history, options.historyDay, io);
  if (inputs === null) return exitCodes.badInput;
  const plan = buildPlan(inputs);
  const output = options.output ?? { format: options.json ? 'json' : 'text', failOn: new Set(['violation', 'target']) };
  const happened = { target: plan.verdict === 'fails', warning: plan.sections.some((section) => section.figures.some((figure) => figure.verdict === 'at-risk')) };
  if (output.format === 'junit' || output.format === 'sarif') {
    writeCiReport(planCases(file, plan, loaded.sections), output, io);
    return failsOn(output, happened) ? exitCodes.failed : exitCodes.ok;
  }
  if (options.json) io.out(toJson({ file, catalog: catalogPath, ...plan }));
  else io.out(renderPlan(plan, file, io.style));
  // Growth that breaks a target within the horizon fails the plan too (plan.verdict includes it).
  return failsOn(output, happened) ? exitCodes.failed : exitCodes.ok;
}
