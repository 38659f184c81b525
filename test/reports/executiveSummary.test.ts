import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig, plan, type LoadedConfig, type Plan, type VerifyResult } from '../../api/index.js';
import { executiveSummary, failureSentence, shownTargets } from '../../reports/executiveSummary.js';

/**
 * The manager's summary (issue 18 item 2): the verdict in one sentence, targets with margins worst
 * first, what to buy by when under the configured growth (PLN-4), and the top three risks.
 */
const root = join(import.meta.dirname, '..', '..');

async function planned(example: string): Promise<Plan> {
  const loaded = (await loadConfig(join(root, 'examples', example))) as LoadedConfig;
  expect(loaded.ok).toBe(true);
  const outcome = await plan(loaded);
  if (!outcome.ok) throw new Error('no plan');
  return outcome.plan;
}

const exhaustive = { volumesPerHost: 1, maxDepth: 6, maxStates: 1000, maxFailures: 2, symmetry: true, end: 'fixpoint', completeDepth: 6, distinctStates: 900, generatedStates: 4000, coverage: {} };
function verification(verdicts: readonly unknown[]): VerifyResult {
  return { grid: 'g', exhaustive, random: null, verdicts, maxUncopiedAgeMinutes: 0 } as unknown as VerifyResult;
}

const splitBrainTrace = [
  '0. setup: A00001 inserted at C0 (category 0002)',
  '1. [t=0 min] links between C1 and C2 fail (both of them; copies queue)',
  '2. [t=0 min] C0 fails',
  '3. [t=0 min] C1 sets write takeover of C0',
  '4. [t=0 min] host PROD mounts A00001 through C1; C1 takes write ownership of A00001 from C0',
  '=> A00001 is owned for writing by C1 and C2 at once (after step 4)',
];

describe('executive summary', () => {
  it('says in one sentence the shortest way the grid fails: its events in order, what goes wrong, the invariant and its rules', () => {
    const sentence = failureSentence({ id: 'no-dual-ownership', title: 'No split brain', rules: ['OWN-11', 'OWN-13'], lines: splitBrainTrace });
    expect(sentence).toBe(
      'Not safe: after links between C1 and C2 fail, then C0 fails, then C1 sets write takeover of C0, then host PROD mounts A00001 through C1, A00001 is owned for writing by C1 and C2 at once (no-dual-ownership: OWN-11, OWN-13; 4 steps, the full trace is under Safety verdicts).',
    );
  });

  it('picks the shortest of several counterexamples for the verdict and lists the other violation first among the risks', () => {
    const counterexample = (steps: number): { steps: unknown[] } => ({ steps: Array.from({ length: steps }, () => ({})) });
    const summary = executiveSummary({
      verification: verification([
        { status: 'violated', id: 'long-one', title: 'Long', rules: ['WP-1'], counterexample: counterexample(9) },
        { status: 'violated', id: 'no-dual-ownership', title: 'No split brain', rules: ['OWN-13'], counterexample: counterexample(4) },
        { status: 'proven-within-scope', id: 'other', title: 'Other', rules: [] },
      ]),
      traces: { 'no-dual-ownership': splitBrainTrace, 'long-one': [] },
      plan: null,
      whatIfs: [],
    });
    expect(summary.verdict.safe).toBe(false);
    expect(summary.verdict.sentence).toContain('(no-dual-ownership: OWN-13; 4 steps');
    expect(summary.risks[0]).toBe('Long is also violated (long-one: WP-1).');
    expect(summary.risks.length).toBeLessThanOrEqual(3);
  });

  it('a safe grid says within what scope, and names what was not exercised as a risk rather than as safe', () => {
    const summary = executiveSummary({ verification: verification([{ status: 'proven-within-scope', id: 'a', title: 'A', rules: [] }, { status: 'not-exercised', id: 'dr-test-isolation', title: 'DR test isolation', rules: [] }]), traces: {}, plan: null, whatIfs: [] });
    expect(summary.verdict).toEqual({ safe: true, sentence: expect.stringMatching(/^Safe within the stated scope: 1 of 2 invariants proven within scope; 1 not exercised; complete to depth 6/) });
    expect(summary.risks).toEqual(['DR test isolation was not exercised: its situation never arose in this configuration, so nothing was shown (dr-test-isolation).']);
    expect(summary.targets).toEqual([]);
    expect(summary.actions).toEqual([]);
  });

  it('lists targets worst first with their margin, and says by which month of growth each purchase is needed, as the growth outlook does', async () => {
    const grid = await planned('three-cluster-ha-dr.yaml');
    const summary = executiveSummary({ verification: verification([]), traces: {}, plan: grid, whatIfs: [] });
    const order = { fails: 0, 'at-risk': 1, meets: 2 };
    const verdicts = summary.targets.map((target) => order[target.verdict]);
    expect([...verdicts].sort()).toEqual(verdicts);
    expect(summary.targets.length).toBe(shownTargets);
    for (const target of summary.targets.filter((entry) => entry.verdict === 'meets')) expect(target.margin).toMatch(/^fails at [\d.]+x today's daily data|holds beyond/);
    // One row per option and moment: the same drive generation for three clusters is one purchase line.
    const drives = summary.actions.filter((action) => action.what.startsWith('drive generation of'));
    expect(drives).toHaveLength(1);
    expect(drives[0]?.what).toMatch(/C0 \(PROD0\), C1 \(PROD1\), C2 \(DR2\): replace/);
    // E08 and 60F as installed meet every target too: 70F is cheaper, not needed.
    expect(drives[0]?.when).toBe('optional: cheaper than what is installed, which meets its targets too');
    // A cache purchase is needed from the month its target turns at risk, and the month it fails is the
    // growth outlook's month for that figure.
    const cache = grid.recommendation.choices.find((choice) => choice.label.startsWith('cache of C0'));
    expect(cache?.neededFrom?.kind).toBe('month');
    if (cache?.neededFrom?.kind === 'month') {
      expect(grid.growth?.firstFailureMonth['cache.days-resident.0']).toBe(cache.neededFrom.failsInMonth);
      expect(cache.neededFrom.month).toBeLessThanOrEqual(cache.neededFrom.failsInMonth ?? Number.POSITIVE_INFINITY);
      expect(summary.actions.find((action) => action.what.startsWith('cache of C0'))?.when).toBe(`by month ${cache.neededFrom.month} of growth (at risk from then, fails in month ${cache.neededFrom.failsInMonth})`);
    }
  });

  it('names every change the recommendation makes, each with when it is needed', async () => {
    const grid = await planned('two-cluster-ha.yaml');
    const summary = executiveSummary({ verification: verification([]), traces: {}, plan: grid, whatIfs: [] });
    for (const choice of grid.recommendation.choices.filter((entry) => entry.action !== 'keep')) {
      const name = choice.label.replace(/^.* of /, '');
      expect(summary.actions.some((action) => action.what.includes(name)), choice.label).toBe(true);
    }
    for (const action of summary.actions) expect(action.when).toMatch(/^(now|by month \d+ of growth.*|for the \d+ % headroom|optional: cheaper than what is installed, which meets its targets too|no catalog option meets the targets)$/);
  });
});
