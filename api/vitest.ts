/**
 * Matchers for a team's own test suite (`import 'tapegrid/vitest'`): a grid configuration checked like
 * code, with the counterexample in the test output when a change breaks it.
 *
 *   await expect('grids/prod.yaml').toBeProvenSafe();   // no invariant or requirement violated
 *   await expect('grids/prod.yaml').toMeetTargets();    // every planning target met
 *
 * A path is relative to the working directory; a `URL` (`new URL('./prod.yaml', import.meta.url)`)
 * is relative to the test file.
 */
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import type { LoadedConfig } from '../config/index.js';
import { planSentence } from '../reports/plan.js';
import { renderTrace } from '../reports/trace.js';
import { verifySentence } from '../reports/verify.js';
import { loadConfig, plan, verify, type VerifyApiOptions } from './index.js';

type MatcherResult = { pass: boolean; message: () => string };
type Target = string | URL;

async function loaded(target: Target): Promise<LoadedConfig | string> {
  const file = target instanceof URL ? fileURLToPath(target) : target;
  const result = await loadConfig(file);
  if (result.ok) return result;
  return `${file} is not a valid configuration:\n${result.problems.map((problem) => `  ${problem.path.join('.') || '(file)'}: ${problem.message}`).join('\n')}`;
}

/** The matchers, for `expect.extend` (registered by importing this module). */
export const tapegridMatchers = {
  /** Verifies the configuration (its own exhaustive scope, then random runs): passes when nothing is violated. */
  async toBeProvenSafe(received: Target, options: VerifyApiOptions = {}): Promise<MatcherResult> {
    const config = await loaded(received);
    if (typeof config === 'string') return { pass: false, message: () => config };
    const result = verify(config, options);
    const violated = result.verdicts.flatMap((verdict) => (verdict.status === 'violated' ? [verdict] : []));
    const details = violated.map((verdict) => [`${verdict.id}: ${verdict.counterexample.violation?.message ?? ''}`, ...renderTrace(config.definition, verdict.counterexample).map((line) => `  ${line}`), `  replay: tapegrid verify ${config.file} --replay ${verdict.replay}`].join('\n'));
    return {
      pass: violated.length === 0,
      message: () => (violated.length === 0 ? `expected ${config.file} to violate an invariant, but: ${verifySentence(result)}` : `expected ${config.file} to be proven safe, but ${verifySentence(result)}\n${details.join('\n')}`),
    };
  },

  /** Plans the configuration with the reference catalog (or `catalogFile`): passes when every target is met. */
  async toMeetTargets(received: Target, options: { readonly catalogFile?: string } = {}): Promise<MatcherResult> {
    const config = await loaded(received);
    if (typeof config === 'string') return { pass: false, message: () => config };
    const planned = await plan(config, options);
    if (!planned.ok) return { pass: false, message: () => `${config.file} cannot be planned: ${planned.problems.map((problem) => problem.message).join('; ')}` };
    const failing = planned.plan.sections.flatMap((section) => section.figures).filter((figure) => figure.verdict === 'fails');
    // The plan's verdict, as `tapegrid plan` exits on it: a figure failing today, or growth breaking one within the horizon.
    const met = planned.plan.verdict !== 'fails';
    return {
      pass: met,
      message: () => `expected ${config.file} ${met ? 'to miss a target' : 'to meet its targets'}: ${planSentence(planned.plan)}${failing.map((figure) => `\n  ${figure.title}: ${figure.display}${figure.target === undefined ? '' : ` (target ${figure.target})`}`).join('')}`,
    };
  },
};

expect.extend(tapegridMatchers);

declare module 'vitest' {
  interface Assertion<T> {
    /** No invariant or requirement violated within the configuration's scope (see `tapegrid verify`). */
    toBeProvenSafe(options?: VerifyApiOptions): Promise<T>;
    /** Every planning target met (see `tapegrid plan`). */
    toMeetTargets(options?: { readonly catalogFile?: string }): Promise<T>;
  }
}
