import { loadConfigOrReport } from '../load.js';
import type { TakeoverMode } from '../../model/index.js';
import { failureRunbook, namedStates, parseFailure, runScenario, seedScenarios, whatIfScenario, type FailureSpec } from '../../scenarios/index.js';
import { buildVerifySetup } from '../../config/index.js';
import { renderScenario } from '../../reports/index.js';
import { exitCodes, spacedQuantity, type CommandIO } from '../io.js';

/** Help text of `tapegrid scenario`. */
export const scenarioHelp = `Usage: tapegrid scenario list [--json]
       tapegrid scenario run <FS-1..FS-8 | 1..8> [--json]

Runs the eight failover scenarios of the seed (11.2.2 to 11.2.9) through the model: the jobs in
flight and after the failure with their outcomes, the grid states raised, which volumes are readable
from where, the recovery the seed prescribes, and a check of every effect the seed lists.

Examples:
  tapegrid scenario list
  tapegrid scenario run 5
  tapegrid scenario run FS-8 --json

Exit codes: 0 every listed effect observed, 1 an effect missing, 2 bad input.`;

/** Help text of `tapegrid whatif`. */
export const whatIfHelp = `Usage: tapegrid whatif <config> --fail <component>[,<component>...] [--takeover read|write] [--runbook] [--switch-site] [--after <duration>] [--backlog <n>] [--later <duration>] [--json]
       tapegrid whatif <config> --switch-site [--json]

Runs a failure against your grid with a workload built from its hosts: every production host has
data written and copied through each of its clusters, the most recent volumes with their deferred
copies still queued, and a job in flight at the failure; after the failure it reruns its jobs and
reads every volume through each cluster, right after the failure, after the operator's steps and
again later with the failed components still out. Reports job outcomes, production over time (how
many jobs complete and why the others fail), readable and unreadable volumes, the data the failure
took with it (jobs to rerun), grid states, and the recovery the seed prescribes.

Components:
  C0 | cluster:0      a cluster
  link:0-1[:2]        one grid link of a pair (default the first)
  links:0-1           all grid links of a pair
  site:NAME           a whole site: every cluster there and its TSSC (AOTM cannot act, 11.8.1)
  hostlink:HOST:0     one host link (FICON path) from a host to a cluster

Options:
  --takeover read|write   the operator sets this takeover at every surviving cluster for the failed ones
  --after <duration>      time between the failure and the jobs after it, e.g. "30 min" (AOTM may act)
  --backlog <n>           volumes per production cluster whose deferred copies are still queued at the
                          failure (default 1; 0 for a grid whose copies are all done)
  --runbook               the operator follows \`tapegrid runbook\` for the failure: its takeover, devices
                          varied online, GDPS switch and disaster declaration are applied in order
  --switch-site           GDPS moves production to the other site of the sysplex (needs a gdps section);
                          alone, a planned switch with the grid healthy (GDPS-2)
  --later <duration>      when the last round of production jobs runs, e.g. "3 d" (default 24 h)
  --json                  the result as data

Examples:
  tapegrid whatif examples/three-cluster-ha-dr.yaml --fail C0 --takeover write
  tapegrid whatif examples/four-cluster-hybrid.yaml --fail site:remote
  tapegrid whatif examples/two-cluster-dr.yaml --fail links:0-1 --after "30 min"
  tapegrid whatif examples/gdps-two-site.yaml --switch-site
  tapegrid whatif examples/gdps-two-site.yaml --fail site:east --runbook

Exit codes: 0 the run completed (whatever failed in it), 2 bad input.`;

/** \`tapegrid scenario list|run\`. */
export function runScenarioCommand(args: readonly string[], options: { json: boolean }, io: CommandIO): number {
  const [action, name] = args;
  if (action === 'list') {
    if (options.json) io.out(JSON.stringify(seedScenarios.map((scenario) => ({ id: scenario.id, title: scenario.title, section: scenario.section, clusters: scenario.definition.clusters.length })), null, 2));
    else for (const scenario of seedScenarios) io.out(`${scenario.id}  ${scenario.title}  ${io.style.dim(`(${scenario.section}, ${scenario.definition.clusters.length} clusters)`)}`);
    return exitCodes.ok;
  }
  if (action !== 'run' || name === undefined) {
    io.err(`tapegrid scenario: expected "list" or "run <n>"\n\n${scenarioHelp}`);
    return exitCodes.badInput;
  }
  const wanted = /^\d$/.test(name) ? `FS-${name}` : name.toUpperCase();
  const scenario = seedScenarios.find((candidate) => candidate.id === wanted);
  if (scenario === undefined) {
    io.err(`tapegrid scenario: no scenario "${name}" (FS-1 to FS-8)`);
    return exitCodes.badInput;
  }
  const result = runScenario(scenario);
  const missing = scenario.effects.filter((effect) => !effect.check(result));
  const statesMatch = JSON.stringify(namedStates(result)) === JSON.stringify([...scenario.expectedStates].sort());
  if (options.json) io.out(JSON.stringify({ scenario: { id: scenario.id, title: scenario.title, section: scenario.section, seedEffects: scenario.seedEffects }, result, effects: scenario.effects.map((effect) => ({ name: effect.name, quote: effect.quote, observed: effect.check(result) })), statesMatchSeed: statesMatch }, null, 2));
  else io.out(renderScenario(scenario, result, io.style, scenario.effects));
  return missing.length === 0 && statesMatch ? exitCodes.ok : exitCodes.failed;
}

/** \`tapegrid whatif\`. */
export async function runWhatIf(
  file: string,
  options: { json: boolean; fail?: string; takeover?: string; after?: string; backlog?: string; later?: string; switchSite?: boolean; runbook?: boolean },
  io: CommandIO,
): Promise<number> {
  if ((options.fail === undefined || options.fail.trim() === '') && options.switchSite !== true) {
    io.err(`tapegrid whatif: --fail is required (or --switch-site for a planned GDPS site switch)\n\n${whatIfHelp}`);
    return exitCodes.badInput;
  }
  if (options.runbook === true && options.takeover !== undefined) {
    io.err('tapegrid whatif: --runbook sets the takeover the runbook gives; leave out --takeover');
    return exitCodes.badInput;
  }
  if (options.takeover !== undefined && options.takeover !== 'read' && options.takeover !== 'write') {
    io.err(`tapegrid whatif: --takeover expects read or write, found "${options.takeover}"`);
    return exitCodes.badInput;
  }
  const backlogVolumes = options.backlog === undefined ? 1 : /^\d{1,3}$/.test(options.backlog.trim()) ? Number(options.backlog.trim()) : null;
  if (backlogVolumes === null) {
    io.err(`tapegrid whatif: --backlog expects a whole number of volumes from 0 to 999 per production cluster, found "${options.backlog ?? ''}"`);
    return exitCodes.badInput;
  }
  const loaded = await loadConfigOrReport(file, io);
  if (loaded === null) return exitCodes.badInput;
  if (!loaded.definition.hosts.some((host) => host.role === 'production')) {
    io.err(`${file}: a what-if needs at least one production host`);
    return exitCodes.badInput;
  }
  let afterMinutes = 0;
  if (options.after !== undefined) {
    const parsed = loaded.units.quantity(spacedQuantity(options.after), 'duration');
    if (!parsed.ok) {
      io.err(`tapegrid whatif: --after: ${parsed.problem}`);
      return exitCodes.badInput;
    }
    afterMinutes = parsed.value.value / 60;
  }
  let laterHours = 24;
  if (options.later !== undefined) {
    const parsed = loaded.units.quantity(spacedQuantity(options.later), 'duration');
    if (!parsed.ok || parsed.value.value <= 0) {
      io.err(`tapegrid whatif: --later: ${parsed.ok ? 'expected a duration above 0, e.g. "3 d"' : parsed.problem}`);
      return exitCodes.badInput;
    }
    laterHours = parsed.value.value / 3600;
  }
  const setup = buildVerifySetup(loaded);
  if (options.switchSite === true && setup.gdps === undefined) {
    io.err(`${file}: --switch-site needs a gdps section naming the two sites of the sysplex (GDPS-2)`);
    return exitCodes.badInput;
  }
  const gdps = setup.gdps;
  const switchSite = options.switchSite === true && gdps !== undefined ? gdps.sites.find((site) => site !== gdps.production) : undefined;
  const failures: FailureSpec[] = [];
  for (const part of options.fail === undefined || options.fail.trim() === '' ? [] : options.fail.split(',')) {
    const spec = parseFailure(part, loaded.definition);
    if (typeof spec === 'string') {
      io.err(`tapegrid whatif: --fail ${part}: ${spec}`);
      return exitCodes.badInput;
    }
    failures.push(spec);
  }
  const disasterHosts = (loaded.config.hosts ?? []).filter((host) => host.takesOverProduction === true).map((host) => host.name);
  const operatorSteps =
    options.runbook === true
      ? failures.flatMap((spec) => failureRunbook(loaded.definition, setup.runbook, null, spec, gdps).steps.filter((step) => step.events.length > 0).map((step) => ({ label: `runbook: ${step.action}`, events: step.events })))
      : [];
  const scenario = whatIfScenario(loaded.definition, {
    failures,
    takeover: (options.takeover as TakeoverMode | undefined) ?? null,
    afterMinutes,
    disasterHosts: options.runbook === true ? [] : disasterHosts,
    backlogVolumes,
    laterHours,
    operatorSteps,
    ...(gdps === undefined ? {} : { gdps }),
    ...(switchSite === undefined ? {} : { switchSite }),
  });
  const result = runScenario(scenario);
  if (options.json) io.out(JSON.stringify({ file, failures, takeover: options.takeover ?? null, runbook: operatorSteps, switchSite: switchSite ?? null, afterMinutes, backlogVolumes, laterHours, result, prescribedRecovery: scenario.prescribedRecovery }, null, 2));
  else io.out(renderScenario(scenario, result, io.style));
  return exitCodes.ok;
}
