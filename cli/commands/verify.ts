import { buildVerifySetup } from '../../config/index.js';
import { loadConfigOrReport } from '../load.js';
import { invariants, verify } from '../../properties/index.js';
import { renderVerify } from '../../reports/index.js';
import { exitCodes, type CommandIO } from '../io.js';
import { createProgress } from '../progress.js';

/** Help text of `tapegrid verify`. */
export const verifyHelp = `Usage: tapegrid verify <config> [--runs N] [--seed S] [--max-steps N] [--replay ID:PATH] [--json]

Explores the grid under every event the model has: host jobs, grid and host link failures, cluster
failures and repairs, time passing (AOTM), copies, the operator takeovers the runbook allows
(including its mistakes) and the configured DR test. For each invariant it prints "holds" (runs,
steps explored, seed) or "VIOLATED" with the shortest trace fast-check's shrinking finds.

Invariants: ${invariants.map((invariant) => invariant.id).join(', ')}

Options:
  --runs N          runs per invariant (default 200)
  --seed S          seed of the random exploration (default: from the clock, printed)
  --max-steps N     actions per run at most (default 40)
  --replay ID:PATH  replay one counterexample exactly (with its --seed), as printed under a violation
  --json            the result as data, traces included
  --no-color        plain text

Examples:
  tapegrid verify examples/three-cluster-ha-dr.yaml
  tapegrid verify examples/unsafe/aotm-write-shared-tssc.yaml --seed 42
  tapegrid verify examples/unsafe/aotm-write-shared-tssc.yaml --seed 42 --replay no-dual-ownership:3:1:2

Exit codes: 0 every invariant holds, 1 a violation, 2 bad input.`;

/** Options of `tapegrid verify` as parsed from the command line. */
export interface VerifyCommandOptions {
  readonly json: boolean;
  readonly runs?: string;
  readonly seed?: string;
  readonly maxSteps?: string;
  readonly replay?: string;
  readonly volumes?: string;
}

function positiveInteger(text: string | undefined, fallback: number, name: string, max: number): number | string {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1 || value > max) return `${name} expects a whole number from 1 to ${max}, found "${text}"`;
  return value;
}

/** `tapegrid verify`. */
export async function runVerify(file: string, options: VerifyCommandOptions, io: CommandIO): Promise<number> {
  const runs = positiveInteger(options.runs, 200, '--runs', 1_000_000);
  const maxSteps = positiveInteger(options.maxSteps, 40, '--max-steps', 1000);
  const volumes = positiveInteger(options.volumes, 4, '--volumes', 64);
  const seed = options.seed === undefined ? Date.now() % 2_147_483_647 : Number(options.seed);
  const problems: string[] = [];
  for (const value of [runs, maxSteps, volumes]) if (typeof value === 'string') problems.push(value);
  if (!Number.isInteger(seed)) problems.push(`--seed expects a whole number, found "${options.seed ?? ''}"`);
  if (options.replay !== undefined) {
    const id = options.replay.split(':')[0];
    if (!options.replay.includes(':') || !invariants.some((invariant) => invariant.id === id)) {
      problems.push(`--replay expects "<invariant>:<path>" as printed under a violation, with an invariant among ${invariants.map((invariant) => invariant.id).join(', ')}; found "${options.replay}"`);
    }
    if (options.seed === undefined) problems.push('--replay needs the --seed of the run that found the violation');
  }
  if (problems.length > 0 || typeof runs === 'string' || typeof maxSteps === 'string' || typeof volumes === 'string') {
    io.err(`tapegrid verify: ${problems.join('\n')}`);
    return exitCodes.badInput;
  }
  const loaded = await loadConfigOrReport(file, io, options.json);
  if (loaded === null) return exitCodes.badInput;
  if (loaded.definition.hosts.length === 0) {
    io.err(`${file}: verification needs at least one host (hosts: [...]) to issue mounts`);
    return exitCodes.badInput;
  }
  const setup = buildVerifySetup(loaded.config, loaded.definition, volumes);
  const progress = createProgress('verifying', !options.json && process.stderr.isTTY === true);
  const result = verify(setup, {
    runs,
    seed,
    maxSteps,
    ...(options.replay === undefined ? {} : { replay: options.replay }),
    onProgress: (done, total) => progress.update(done, total),
  });
  progress.finish();
  const violated = result.verdicts.some((verdict) => verdict.status === 'violated');
  if (options.json) io.out(JSON.stringify({ file, ...result }, null, 2));
  else io.out(renderVerify(result, loaded.definition, file, io.style));
  return violated ? exitCodes.failed : exitCodes.ok;
}
