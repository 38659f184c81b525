/**
 * Every command of `tapegrid` with the options it accepts: the one place the argument parser, the
 * "did you mean" suggestions, the shell completion scripts and the help tests read. Plain data with no
 * imports, so that reading it costs nothing at start-up; each command's module is loaded only when
 * that command runs.
 */

/** One option of a command. */
export interface OptionSpec {
  readonly type: 'string' | 'boolean';
  readonly description: string;
  readonly multiple?: boolean;
  readonly short?: string;
  /** What the value is, for help and completion ("FILE", "N", "DURATION"). */
  readonly value?: string;
  /** Values the option takes, for completion. */
  readonly choices?: readonly string[];
}

/** What a command takes besides options. */
export type Positionals =
  | { readonly kind: 'none' }
  | { readonly kind: 'config' }
  | { readonly kind: 'two-configs' }
  | { readonly kind: 'choice'; readonly choices: readonly string[]; readonly then?: 'any' };

/** One command. */
export interface CommandSpec {
  readonly name: string;
  readonly summary: string;
  readonly positionals: Positionals;
  readonly options: Readonly<Record<string, OptionSpec>>;
}

/** Options every command takes. */
export const globalOptions: Readonly<Record<string, OptionSpec>> = {
  json: { type: 'boolean', description: 'machine-readable output' },
  'no-color': { type: 'boolean', description: 'no colours (also NO_COLOR=1)' },
  help: { type: 'boolean', short: 'h', description: 'help for the command' },
  version: { type: 'boolean', description: 'print the version' },
};

const seed: OptionSpec = { type: 'string', value: 'N', description: 'seed of the random runs (printed with every result)' };
const runs: OptionSpec = { type: 'string', value: 'N', description: 'number of random runs' };
const catalog: OptionSpec = { type: 'string', value: 'FILE', description: 'a hardware catalog other than the bundled reference one' };
/** The CI output options of validate, verify, plan and diff. */
const ciOptions: Readonly<Record<string, OptionSpec>> = {
  format: { type: 'string', value: 'FORMAT', choices: ['text', 'json', 'junit', 'sarif'], description: 'text, json, junit (JUnit XML) or sarif (SARIF 2.1.0, findings at the line of the field)' },
  'fail-on': { type: 'string', value: 'REASONS', description: 'what exits 1: a comma-separated list of violation, target, warning' },
};
const failure: OptionSpec = { type: 'string', value: 'FAILURE', description: 'what fails: C0, link:0-1, links:0-1, site:NAME, hostlink:HOST:0' };

/** The commands, in the order `tapegrid --help` lists them. */
export const commands: readonly CommandSpec[] = [
  { name: 'check', summary: 'the main job: validate, verify and plan, with a short verdict for each', positionals: { kind: 'config' }, options: { runs, seed } },
  {
    name: 'diff',
    summary: 'review a change: fields, problems, verdicts and plan figures that move between two files',
    positionals: { kind: 'two-configs' },
    options: { runs: { ...runs, description: 'random runs per file (default 100)' }, seed: { ...seed, description: 'seed of the random runs, the same for both files' }, ...ciOptions },
  },
  { name: 'validate', summary: 'check a grid configuration and summarise it', positionals: { kind: 'config' }, options: { strict: { type: 'boolean', description: 'exit 1 when there are warnings (a CI gate)' }, ...ciOptions } },
  {
    name: 'verify',
    summary: 'prove the invariants under failures and operator actions, or show a trace',
    positionals: { kind: 'config' },
    options: {
      runs,
      seed,
      'max-steps': { type: 'string', value: 'N', description: 'longest random run, in actions' },
      replay: { type: 'string', value: 'REPLAY', description: 'replay one counterexample (the string printed under it)' },
      volumes: { type: 'string', value: 'N', description: 'scratch volumes per host in the exhaustive search' },
      depth: { type: 'string', value: 'N', description: 'longest action sequence the exhaustive search covers' },
      'max-states': { type: 'string', value: 'N', description: 'distinct states the exhaustive search may store' },
      failures: { type: 'string', value: 'N', description: 'components failed at once, at most' },
      'random-volumes': { type: 'string', value: 'N', description: 'scratch volumes per host in the random runs' },
      ...ciOptions,
    },
  },
  {
    name: 'plan',
    summary: 'size WAN links, cache and scratch media against the targets',
    positionals: { kind: 'config' },
    options: {
      catalog: { ...catalog, description: 'planning defaults and purchase options (default: catalog/reference.yaml)' },
      target: { type: 'string', multiple: true, value: 'NAME=VALUE', description: 'a target over the configured one: rpo=4h, rpo.MCNAME=30min, daysResident=7, drTest=2d (repeatable)' },
      history: { type: 'string', value: 'FILE', description: 'measured hourly writes (CSV) to plan against instead of the configured workload' },
      'history-day': { type: 'string', value: 'pNN', description: 'plan against this percentile of days (p50..p100) instead of the busiest' },
      ...ciOptions,
    },
  },
  { name: 'scenario', summary: "the seed's eight failover scenarios, executed", positionals: { kind: 'choice', choices: ['list', 'run'], then: 'any' }, options: {} },
  {
    name: 'whatif',
    summary: 'run a failure (--fail C0, links:0-1, site:dr ...) against your grid',
    positionals: { kind: 'config' },
    options: {
      fail: failure,
      takeover: { type: 'string', value: 'MODE', choices: ['read', 'write'], description: 'takeover the operator sets at every survivor for the failed clusters' },
      runbook: { type: 'boolean', description: "the operator follows the runbook's steps for the failure" },
      'switch-site': { type: 'boolean', description: 'GDPS moves production to the other site (GDPS-2)' },
      after: { type: 'string', value: 'DURATION', description: 'time between the failure and the jobs after it, e.g. "30 min"' },
      backlog: { type: 'string', value: 'N', description: 'volumes per production cluster whose deferred copies are queued at the failure' },
      later: { type: 'string', value: 'DURATION', description: 'when the last round of production jobs runs (default 24 h)' },
    },
  },
  {
    name: 'runbook',
    summary: "the operator's recovery steps for one failure (--fail site:dr ...)",
    positionals: { kind: 'config' },
    options: { fail: failure, markdown: { type: 'boolean', description: 'a Markdown checklist' }, catalog },
  },
  {
    name: 'drtest',
    summary: 'check a DR test plan; --checklist prints the operator checklist',
    positionals: { kind: 'config' },
    options: { checklist: { type: 'boolean', description: 'print the operator checklist (Markdown)' }, runs, seed },
  },
  {
    name: 'export',
    summary: 'simulate a Copy Export of a pool (--pool N)',
    positionals: { kind: 'config' },
    options: {
      pool: { type: 'string', value: 'N', description: 'the secondary pool to export' },
      volumes: { type: 'string', value: 'N', description: 'volumes written before the export' },
      lmtdbpvl: { type: 'boolean', description: 'the export list also asks for the LMTDBPVL status file' },
      eject: { type: 'boolean', description: 'eject the exported cartridges (the default)' },
      hold: { type: 'boolean', description: 'keep the exported cartridges in the library' },
    },
  },
  {
    name: 'recover',
    summary: 'simulate a Copy Export Recovery (--from CLUSTER)',
    positionals: { kind: 'config' },
    options: {
      from: { type: 'string', value: 'CLUSTER', description: 'the cluster whose exported cartridges are recovered' },
      volumes: { type: 'string', value: 'N', description: 'volumes written before the export' },
      lmtdbpvl: { type: 'boolean', description: 'the export list asked for the LMTDBPVL status file' },
    },
  },
  {
    name: 'report',
    summary: 'write report.html, report.md and report.json (--out DIR)',
    positionals: { kind: 'config' },
    options: {
      out: { type: 'string', value: 'DIR', description: 'directory of the report (default report/)' },
      force: { type: 'boolean', description: 'write into an existing report directory' },
      seed,
      runs,
      catalog,
    },
  },
  {
    name: 'init',
    summary: 'write a starting configuration (asks, or takes flags)',
    positionals: { kind: 'none' },
    options: {
      out: { type: 'string', value: 'FILE', description: 'where to write the configuration' },
      force: { type: 'boolean', description: 'overwrite an existing file' },
      sites: { type: 'string', value: 'LIST', description: 'site of each cluster, e.g. prod,prod,dr' },
      kinds: { type: 'string', value: 'LIST', description: 'kind of each cluster: disk-only or tape-attached' },
      cache: { type: 'string', value: 'SIZE', description: 'cache of each cluster, e.g. "100 TB"' },
      links: { type: 'string', value: 'CAPACITY', description: 'grid links of each pair, e.g. "2 x 10 Gb/s"' },
      'local-distance': { type: 'string', value: 'DISTANCE', description: 'distance between clusters of one site' },
      'remote-distance': { type: 'string', value: 'DISTANCE', description: 'distance between the sites' },
      daily: { type: 'string', value: 'RATE', description: 'data the production host writes, e.g. "4 TB/day"' },
      rpo: { type: 'string', value: 'DURATION', description: 'recovery point objective of the production class' },
      'local-copy': { type: 'string', value: 'MODE', choices: ['R', 'D', 'N'], description: 'copy point at the other clusters of the same site' },
      'remote-copy': { type: 'string', value: 'MODE', choices: ['R', 'D', 'N'], description: 'copy point at the clusters of other sites' },
    },
  },
  { name: 'schema', summary: 'print the JSON Schema of the configuration format', positionals: { kind: 'choice', choices: ['config', 'report'] }, options: {} },
  { name: 'completion', summary: 'print a shell completion script: tapegrid completion bash|zsh', positionals: { kind: 'choice', choices: ['bash', 'zsh'] }, options: {} },
];

/** A command by name. */
export function commandNamed(name: string): CommandSpec | undefined {
  return commands.find((command) => command.name === name);
}
