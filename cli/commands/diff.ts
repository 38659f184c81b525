import { loadConfig } from '../../config/index.js';
import { assess } from '../assess.js';
import { renderChangeReview } from '../../reports/diff.js';
import { reviewChange, type ReviewSide } from '../../reports/changeReview.js';
import { renderProblems } from '../../reports/index.js';
import { exitCodes, toJson, type CommandIO } from '../io.js';
import { diffCases } from '../../reports/ciReport.js';
import { writeCiReport } from '../ciOutput.js';
import { failsOn, type OutputChoice } from '../outputChoice.js';
import { defaultSeed } from './verify.js';

/** Random runs per file in a review: fewer than verify's default, since a review runs two files. */
const reviewRuns = 100;

/** Help text of `tapegrid diff`. */
export const diffHelp = `Usage: tapegrid diff <old-config> <new-config> [--runs N] [--seed N] [--json]

Reviews a change before it goes in: validates, verifies and plans both files with the same seed and
shows what the change does: the configuration fields that changed (by path), validation problems
added or removed, invariants whose verdict changes (a proof that no longer holds, with its
counterexample), and plan figures that move (link use, RPO, cache, scratch).

Options:
  --runs N     random runs per file after the exhaustive search (default ${reviewRuns})
  --seed N     seed of the random runs, the same for both files (default ${defaultSeed})
  --json       the review as data
  --format F   text, json, junit (JUnit XML) or sarif (SARIF 2.1.0 findings in the new file)
  --fail-on R  what exits 1: a comma-separated list of violation, target, warning

Examples:
  tapegrid diff examples/two-cluster-dr.yaml my-change.yaml
  git show main:grid.yaml > /tmp/old.yaml && tapegrid diff /tmp/old.yaml grid.yaml

Exit codes: 0 the change keeps every proof and target, 1 it breaks an invariant, misses a target or
no longer validates, 2 bad input (a file unreadable).`;

async function side(file: string, runs: number, seed: number, io: CommandIO): Promise<ReviewSide | null> {
  const loaded = await loadConfig(file);
  if (!loaded.ok) {
    if (loaded.problems.some((problem) => problem.code === 'file-unreadable')) {
      io.err(renderProblems(file, loaded.problems, io.style));
      return null;
    }
    return { file, config: null, problems: loaded.problems, definition: null, verify: null, plan: null };
  }
  const { verify: verified, plan, catalogProblem } = await assess(loaded, { runs, seed });
  if (catalogProblem !== null) {
    io.err(catalogProblem);
    return null;
  }
  return { file, config: loaded.config, problems: loaded.warnings, definition: loaded.definition, verify: verified, plan, sections: loaded.sections };
}

/** \`tapegrid diff\`. */
export async function runDiff(oldFile: string, newFile: string, options: { json: boolean; runs?: string; seed?: string; output?: OutputChoice }, io: CommandIO): Promise<number> {
  const runs = options.runs === undefined ? reviewRuns : Number(options.runs);
  const seed = options.seed === undefined ? defaultSeed : Number(options.seed);
  if (!Number.isInteger(runs) || runs < 0 || runs > 1_000_000 || !Number.isInteger(seed) || Math.abs(seed) > 2_147_483_647) {
    io.err(`tapegrid diff: --runs expects a whole number from 0 to 1,000,000 and --seed a 32-bit whole number; found ${options.runs ?? runs}, ${options.seed ?? seed}`);
    return exitCodes.badInput;
  }
  const before = await side(oldFile, runs, seed, io);
  const after = await side(newFile, runs, seed, io);
  if (before === null || after === null) return exitCodes.badInput;
  const review = reviewChange(before, after);
  const output = options.output ?? { format: options.json ? 'json' : 'text', failOn: new Set(['violation', 'target']) };
  const happened = { violation: review.newlyInvalid || review.newlyViolated.length > 0, target: review.newlyMissed.length > 0, warning: review.figures.some((figure) => figure.new?.verdict === 'at-risk' && figure.old?.verdict !== 'at-risk') };
  if (output.format === 'junit' || output.format === 'sarif') writeCiReport(diffCases(review, after.sections ?? {}), output, io);
  else if (output.format === 'json') io.out(toJson({ ...review, runs, seed }));
  else io.out(renderChangeReview(review, io.style));
  return failsOn(output, happened) ? exitCodes.failed : exitCodes.ok;
}
