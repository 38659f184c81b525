import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tapegridMatchers } from '../../api/vitest.js';

/**
 * The matchers a team's suite uses (issue 19 item 3): the failure message carries the violated
 * invariant, its trace and the replay command; a plan that misses a target names it; the example
 * project in examples/vitest-project runs green with them.
 */
const root = join(import.meta.dirname, '..', '..');
const example = (name: string) => join(root, 'examples', name);

describe('tapegrid/vitest matchers', () => {
  it('toBeProvenSafe fails an unsafe grid with the invariant, the trace and the replay in the message', async () => {
    const result = await tapegridMatchers.toBeProvenSafe(example('unsafe/single-copy-class.yaml'), { runs: 0 });
    expect(result.pass).toBe(false);
    const message = result.message();
    expect(message).toContain('survives-loss-of-one-cluster: ');
    expect(message).toMatch(/\n {2}0\. setup: /);
    expect(message).toContain('--replay survives-loss-of-one-cluster:x');
  });

  it('toBeProvenSafe passes a safe grid; an invalid file fails with the field path', async () => {
    expect((await tapegridMatchers.toBeProvenSafe(example('two-cluster-dr.yaml'), { runs: 5 })).pass).toBe(true);
    const invalid = await tapegridMatchers.toBeProvenSafe(join(root, 'test', 'fixtures', 'broken-grid.yaml'));
    expect(invalid.pass).toBe(false);
    expect(invalid.message()).toContain('is not a valid configuration');
  });

  it('toMeetTargets fails as `tapegrid plan` does: here growth breaks a target within the horizon, and the message says which and when', async () => {
    const met = await tapegridMatchers.toMeetTargets(example('two-cluster-dr.yaml'));
    expect(met.pass).toBe(true);
    const missed = await tapegridMatchers.toMeetTargets(example('three-cluster-ha-dr.yaml'));
    expect(missed.pass).toBe(false);
    expect(missed.message()).toContain('Days resident in C0 (PROD0) fails in month 17');
  });

  it('the example project runs green under its own vitest configuration', () => {
    const run = spawnSync(process.execPath, [join(root, 'node_modules', 'vitest', 'vitest.mjs'), 'run', '--root', 'examples/vitest-project'], { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    expect(run.status, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toMatch(/Tests\s+3 passed/);
  });
});
