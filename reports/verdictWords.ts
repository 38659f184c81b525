import type { ExhaustiveEvidence, InvariantVerdict, RandomEvidence, VerifyResult } from '../properties/index.js';

/**
 * The words every output uses for verification results (CLI text, JSON labels, Markdown, HTML, the
 * traceability matrix), so a reader never sees "proven" for a random result or "holds" for an
 * invariant that was never put to the test.
 */

/** The short label of a verdict. */
export function verdictLabel(verdict: InvariantVerdict): string {
  switch (verdict.status) {
    case 'proven-within-scope':
      return 'proven within scope';
    case 'no-counterexample':
      return 'no counterexample';
    case 'not-exercised':
      return 'not exercised';
    case 'violated':
      return 'VIOLATED';
  }
}

function plural(count: number, word: string): string {
  return `${count.toLocaleString('en-US')} ${word}${count === 1 ? '' : 's'}`;
}

/** The exhaustive search's scope in one sentence. */
export function scopeSentence(evidence: ExhaustiveEvidence): string {
  const how =
    evidence.end === 'fixpoint'
      ? 'the whole reachable space (fixpoint)'
      : evidence.end === 'depth'
        ? `stopped at the depth bound ${evidence.maxDepth}`
        : `stopped at the state bound ${evidence.maxStates.toLocaleString('en-US')}, complete to depth ${evidence.completeDepth}`;
  return `every sequence of up to ${plural(evidence.completeDepth, 'action')} over ${plural(evidence.volumesPerHost, 'volume')} per host, with at most ${plural(evidence.maxFailures, 'failed component')} at once: ${plural(evidence.distinctStates, 'distinct state')}, ${how}`;
}

/** The random layer's evidence in one phrase. */
export function randomSentence(evidence: RandomEvidence): string {
  return `no counterexample in ${plural(evidence.runs, 'random run')} of up to ${evidence.maxSteps} steps with at most ${plural(evidence.maxFailures, 'failed component')} at once (seed ${evidence.seed}, swarm)`;
}

/** What stands behind one verdict, in a sentence. */
export function verdictEvidence(verdict: InvariantVerdict, result: VerifyResult): string {
  switch (verdict.status) {
    case 'proven-within-scope':
      return `${result.exhaustive === null ? '' : scopeSentence(result.exhaustive)}${result.random === null ? '' : `; then ${randomSentence(result.random)}`}`;
    case 'no-counterexample':
      return `${result.random === null ? 'no counterexample' : randomSentence(result.random)}${result.exhaustive === null ? '' : '; its situation never arose within the exhaustive scope'}`;
    case 'not-exercised':
      return 'its situation never arose (nothing in this configuration puts it to the test), so nothing was shown';
    case 'violated':
      return `${verdict.message} (${verdict.foundBy === 'exhaustive' ? 'shortest counterexample of the exhaustive search' : `random run, seed ${result.random?.seed ?? '?'}`}; replay ${verdict.replay})`;
  }
}

/** One line for a summary card: what the safety verdict rests on. */
export function safetySummary(result: VerifyResult): string {
  const proven = result.verdicts.filter((verdict) => verdict.status === 'proven-within-scope').length;
  const random = result.verdicts.filter((verdict) => verdict.status === 'no-counterexample').length;
  const idle = result.verdicts.filter((verdict) => verdict.status === 'not-exercised').length;
  const parts = [`${proven} of ${result.verdicts.length} invariants proven within scope`];
  if (random > 0) parts.push(`${random} with random evidence only`);
  if (idle > 0) parts.push(`${idle} not exercised`);
  if (result.exhaustive !== null) parts.push(`complete to depth ${result.exhaustive.completeDepth}, ${result.exhaustive.volumesPerHost} volume(s) per host`);
  return parts.join('; ');
}

/** What each traceability status means, in the order the legend lists them. */
export const traceabilityLegend: readonly (readonly [status: string, meaning: string])[] = [
  ['violated', 'an invariant covering the rule fails for this configuration'],
  ['proven-within-scope', 'an invariant covering it was put to the test by the exhaustive search and held in its stated scope'],
  ['random-runs', 'only random runs put a covering invariant to the test, and found no counterexample'],
  ['checked', 'planner figures computed for it'],
  ['scenario', 'a scenario run for this report (a what-if of a lost cluster or site) exercised it'],
  ['not-exercised', 'covering invariants exist but their situation never arose for this configuration'],
  ['tested', 'named tests only'],
  ['not-covered', 'a gap'],
];
