import { buildVerifySetup, exhaustiveBoundsOf } from '../../config/index.js';
import { loadConfigOrReport } from '../load.js';
import { builtInInvariantIds, invariantIdPattern } from '../../properties/invariantIds.js';
import { defaultExhaustiveBounds, invariants, parseReplay, verify, type VerifyResult } from '../../properties/index.js';
import { renderVerify } from '../../reports/index.js';
import { exitCodes, type CommandIO } from '../io.js';
import { verifyCases } from '../../reports/ciReport.js';
import { writeCiReport } from '../ciOutput.js';
import { failsOn, type OutputChoice } from '../outputChoice.js';
import { createProgress, verifyProgressBar } from '../progress.js';

/** Defaults of the random layer: a fixed seed, so one file gives one verdict. */
export const defaultRandomRuns = 200;
export const defaultSeed = 1;
export const defaultMaxSteps = 40;
export const defaultRandomVolumes = 4;

/** Help text of `tapegrid verify`. */
export const verifyHelp = `Usage: tapegrid verify <config> [--depth D] [--volumes N] [--max-states M] [--failures K]
                        [--runs R] [--seed S] [--max-steps L] [--random-volumes N] [--replay ID:PATH] [--json]

Two kinds of evidence, each invariant checked after every step:
  1. exhaustive: every sequence of up to D actions (host jobs with N scratch volumes per host, grid
     link, host link and cluster failures and repairs with at most K failed at once, the takeovers
     the runbook allows, AOTM, copies, time to the next deadline, the configured DR test), each
     distinct state once. A verdict "proven within scope" names that scope.
  2. random: R runs of up to L actions with more volumes (swarm testing), for what lies beyond
     the scope. A verdict "no counterexample" names the runs and the seed.
"VIOLATED" prints the shortest trace found and a --replay; "not exercised" means the invariant's
situation never arose (for example no DR test configured), so nothing was shown.

Invariants: ${invariants.map((invariant) => invariant.id).join(', ')}

Options:
  --depth D           longest action sequence of the exhaustive search (default ${defaultExhaustiveBounds.maxDepth}; 0: off)
  --volumes N         scratch volumes per host in the exhaustive search (default ${defaultExhaustiveBounds.volumesPerHost})
  --max-states M      distinct states at most (default ${defaultExhaustiveBounds.maxStates}); the verdict says the depth completed
  --failures K        components failed at once at most, in both layers (default ${defaultExhaustiveBounds.maxFailures})
                      (a configuration's "verification:" section sets its own defaults for these four)
  --runs R            random runs (default ${defaultRandomRuns}; 0: off)
  --seed S            seed of the random runs (default ${defaultSeed}, printed)
  --max-steps L       actions per random run at most (default ${defaultMaxSteps})
  --random-volumes N  scratch volumes per host in random runs (default ${defaultRandomVolumes})
  --replay ID:PATH    replay one counterexample exactly, as printed under a violation
  --json              the result as data, traces included
  --format F          text, json, junit (JUnit XML) or sarif (SARIF 2.1.0 findings at the field's line)
  --fail-on R         what exits 1: a comma-separated list of violation, target, warning
  --no-color          plain text

Examples:
  tapegrid verify examples/three-cluster-ha-dr.yaml
  tapegrid verify examples/unsafe/aotm-write-shared-tssc.yaml --runs 0
  tapegrid verify examples/two-cluster-ha.yaml --depth 8 --volumes 1 --max-states 500000

Exit codes: 0 no violation, 1 a violation, 2 bad input.`;

/** Options of \`tapegrid verify\` as parsed from the command line. */
export interface VerifyCommandOptions {
  readonly json: boolean;
  readonly output?: OutputChoice;
  readonly runs?: string;
  readonly seed?: string;
  readonly maxSteps?: string;
  readonly replay?: string;
  readonly volumes?: string;
  readonly depth?: string;
  readonly maxStates?: string;
  readonly failures?: string;
  readonly randomVolumes?: string;
}

function wholeNumber(text: string | undefined, fallback: number, name: string, min: number, max: number): number | string {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (text.trim() === '' || !Number.isInteger(value) || value < min || value > max) return `${name} expects a whole number from ${min} to ${max.toLocaleString('en-US')}, found "${text}"`;
  return value;
}

/** `tapegrid verify`. */
export async function runVerify(file: string, options: VerifyCommandOptions, io: CommandIO): Promise<number> {
  const values = {
    runs: wholeNumber(options.runs, defaultRandomRuns, '--runs', 0, 1_000_000),
    maxSteps: wholeNumber(options.maxSteps, defaultMaxSteps, '--max-steps', 1, 1000),
    volumes: wholeNumber(options.volumes, 0, '--volumes', 1, 16),
    randomVolumes: wholeNumber(options.randomVolumes, defaultRandomVolumes, '--random-volumes', 1, 64),
    depth: wholeNumber(options.depth, -1, '--depth', 0, 1000),
    maxStates: wholeNumber(options.maxStates, 0, '--max-states', 1, 50_000_000),
    failures: wholeNumber(options.failures, -1, '--failures', 0, 64),
    seed: wholeNumber(options.seed, defaultSeed, '--seed', -2_147_483_648, 2_147_483_647),
  };
  const problems = Object.values(values).filter((value): value is string => typeof value === 'string');
  // Requirement names come with the configuration: any well-formed id passes here and is checked after loading.
  const replayId = options.replay?.split(/[:/]/)[0] ?? '';
  const builtInIds: string[] = [...builtInInvariantIds];
  if (options.replay !== undefined) {
    const parsed = parseReplay(options.replay, invariantIdPattern.test(replayId) ? [...builtInIds, replayId] : builtInIds);
    if (typeof parsed === 'string') problems.push(parsed);
    else if (parsed.kind === 'random' && options.seed === undefined) problems.push('--replay of a random run needs the --seed of the run that found the violation');
  }
  const { runs, maxSteps, volumes, randomVolumes, depth, maxStates, failures, seed } = values;
  if (problems.length > 0 || typeof runs === 'string' || typeof maxSteps === 'string' || typeof volumes === 'string' || typeof randomVolumes === 'string' || typeof depth === 'string' || typeof maxStates === 'string' || typeof failures === 'string' || typeof seed === 'string') {
    io.err(`tapegrid verify: ${problems.join('\n')}`);
    return exitCodes.badInput;
  }
  if (runs === 0 && depth === 0 && options.replay === undefined) {
    io.err('tapegrid verify: --runs 0 and --depth 0 leave nothing to run; keep one of them');
    return exitCodes.badInput;
  }
  const loaded = await loadConfigOrReport(file, io, options.json);
  if (loaded === null) return exitCodes.badInput;
  if (loaded.definition.hosts.length === 0) {
    io.err(`${file}: verification needs at least one host (hosts: [...]) to issue mounts`);
    return exitCodes.badInput;
  }
  const setup = buildVerifySetup(loaded, randomVolumes);
  const knownIds = [...builtInIds, ...(setup.requirements ?? []).map((requirement) => requirement.name)];
  if (options.replay !== undefined && !knownIds.includes(replayId)) {
    io.err(`tapegrid verify: --replay names an unknown invariant "${replayId}"; expected one of ${knownIds.join(', ')}`);
    return exitCodes.badInput;
  }
  // The configuration's own scope (its verification section), then the command line over it.
  const own = exhaustiveBoundsOf(loaded.config);
  const bounds = {
    volumesPerHost: options.volumes === undefined ? own.volumesPerHost : volumes,
    maxDepth: options.depth === undefined ? own.maxDepth : depth,
    maxStates: options.maxStates === undefined ? own.maxStates : maxStates,
    maxFailures: options.failures === undefined ? own.maxFailures : failures,
    symmetry: true,
  };
  const progress = createProgress('verifying', !options.json && process.stderr.isTTY === true);
  const result: VerifyResult = verify(setup, {
    exhaustive: bounds.maxDepth === 0 ? false : bounds,
    maxFailures: bounds.maxFailures,
    runs,
    seed,
    maxSteps,
    ...(options.replay === undefined ? {} : { replay: options.replay }),
    onProgress: verifyProgressBar(progress),
  });
  progress.finish();
  const violated = result.verdicts.some((verdict) => verdict.status === 'violated');
  const output = options.output ?? { format: options.json ? 'json' : 'text', failOn: new Set(['violation', 'target']) };
  if (output.format === 'junit' || output.format === 'sarif') {
    writeCiReport(verifyCases(file, result, loaded.definition, loaded.sections), output, io);
    return failsOn(output, { violation: violated }) ? exitCodes.failed : exitCodes.ok;
  }
  if (options.json) io.out(JSON.stringify({ file, ...result }, null, 2));
  else io.out(renderVerify(result, loaded.definition, file, io.style));
  return failsOn(output, { violation: violated }) ? exitCodes.failed : exitCodes.ok;
}
