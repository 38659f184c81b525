import { planSentence, verifySentence } from '../../reports/index.js';
import { terminalColumns, wrapLongLine } from '../../reports/table.js';
import { assess } from '../assess.js';
import { loadConfigOrReport } from '../load.js';
import { exitCodes, toJson, type CommandIO } from '../io.js';
import { createProgress, verifyProgressBar } from '../progress.js';
import { defaultRandomRuns, defaultSeed } from './verify.js';

/** Help text of `tapegrid check`. */
export const checkHelp = `Usage: tapegrid check <config> [--runs N] [--seed N] [--json]

The main job in one go: validate the configuration, verify it (the exhaustive search within the
configuration's own scope, then random runs) and plan it (when it has a workload), with one line per
answer: is it valid, is it safe and within what scope, does it meet its targets now and under its
growth, and the command that writes the full report.

Options:
  --runs N     random runs after the exhaustive search (default ${defaultRandomRuns})
  --seed N     seed of the random runs (default ${defaultSeed}, printed)
  --json       { file, ok, warnings, verify, plan } as data

Examples:
  tapegrid check examples/four-cluster-hybrid.yaml
  tapegrid check my-grid.yaml --json | jq '.ok'

Exit codes: 0 no violation and every target met, 1 a violation or a target missed, 2 bad input.`;

/** \`tapegrid check\`. */
export async function runCheck(file: string, options: { json: boolean; runs?: string; seed?: string }, io: CommandIO): Promise<number> {
  const runs = options.runs === undefined ? defaultRandomRuns : Number(options.runs);
  const seed = options.seed === undefined ? defaultSeed : Number(options.seed);
  if (!Number.isInteger(runs) || runs < 0 || runs > 1_000_000 || !Number.isInteger(seed) || Math.abs(seed) > 2_147_483_647) {
    io.err(`tapegrid check: --runs expects a whole number from 0 to 1,000,000 and --seed a 32-bit whole number; found ${options.runs ?? runs}, ${options.seed ?? seed}`);
    return exitCodes.badInput;
  }
  const loaded = await loadConfigOrReport(file, io, options.json);
  if (loaded === null) return exitCodes.badInput;
  const progress = createProgress('verifying', !options.json && process.stderr.isTTY === true);
  const { verify: verified, plan, catalogProblem } = await assess(loaded, { runs, seed, onProgress: verifyProgressBar(progress) });
  progress.finish();
  if (catalogProblem !== null) {
    io.err(catalogProblem);
    return exitCodes.badInput;
  }
  const violated = verified?.verdicts.some((verdict) => verdict.status === 'violated') === true;
  const missed = plan?.verdict === 'fails';
  const ok = !violated && !missed;
  if (options.json) {
    io.out(toJson({ file, ok, warnings: loaded.warnings, verify: verified, plan }));
    return ok ? exitCodes.ok : exitCodes.failed;
  }
  const style = io.style;
  const scope = verified?.exhaustive === null || verified?.exhaustive === undefined ? '' : ` (exhaustive search to depth ${verified.exhaustive.completeDepth} over ${verified.exhaustive.distinctStates.toLocaleString('en-US')} states; ${runs} random runs, seed ${seed})`;
  const lines = [
    style.bold(`tapegrid check: ${loaded.definition.name} (${file})`),
    `  configuration  ${style.green('valid')}${loaded.warnings.length === 0 ? '' : style.yellow(`, ${loaded.warnings.length} warning${loaded.warnings.length === 1 ? '' : 's'} (tapegrid validate ${file} lists them)`)}`,
    `  safety         ${verified === null ? style.dim('not checked: the configuration has no hosts to issue mounts') : (violated ? style.red : style.green)(verifySentence(verified))}${style.dim(scope)}`,
    `  sizing         ${plan === null ? style.dim('not planned: the configuration has no workload section') : (missed ? style.red : style.green)(planSentence(plan))}`,
    `  details        tapegrid verify ${file}`,
    `                 tapegrid plan ${file}`,
    `  full report    tapegrid report ${file} --out report/`,
    '                 (writes report.html, report.md and report.json)',
  ];
  // Long sentences wrap under their text, so the answer reads in a 100-column terminal.
  io.out(lines.flatMap((line) => wrapLongLine(line, terminalColumns, 17)).join('\n'));
  return ok ? exitCodes.ok : exitCodes.failed;
}
