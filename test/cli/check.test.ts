import { describe, expect, it } from 'vitest';
import { tapegridInProcess } from './run.js';

describe('tapegrid check: the main job in one go (issue 17 item 4)', () => {
  it('a safe grid: valid, no violation with the scope searched, every target met; exit 0', { timeout: 120_000 }, async () => {
    const { code, stdout: printed } = await tapegridInProcess(['check', 'examples/two-cluster-dr.yaml', '--runs', '10']);
    expect(code).toBe(0);
    // Every line fits 100 columns; long answers continue under the label column.
    expect(printed.split('\n').filter((line) => line.length > 100)).toEqual([]);
    const stdout = printed.replace(/\n {17}/g, ' ');
    expect(stdout).toMatch(/configuration +valid\n/);
    expect(stdout).toMatch(/safety +No violation: \d of 7 invariants proven within scope.*\(exhaustive search to depth \d+ over [\d,]+ states; 10 random runs, seed 1\)/);
    expect(stdout).toMatch(/sizing +Every target is met\./);
    expect(stdout).toContain('full report    tapegrid report examples/two-cluster-dr.yaml --out report/');
  });

  it('an unsafe grid: the violated invariant is named and the exit code is 1', { timeout: 120_000 }, async () => {
    const { code, stdout } = await tapegridInProcess(['check', 'examples/unsafe/write-takeover-at-two-survivors.yaml', '--runs', '0']);
    expect(code).toBe(1);
    expect(stdout).toMatch(/safety +\d of 7 invariants violated \(.*no-dual-ownership.*\)/);
  });

  it('--json carries the verify and plan results; bad numbers are exit 2', { timeout: 120_000 }, async () => {
    const { code, stdout } = await tapegridInProcess(['check', 'examples/two-cluster-ha.yaml', '--runs', '5', '--json']);
    const data = JSON.parse(stdout) as { ok: boolean; verify: { verdicts: unknown[] }; plan: { verdict: string } | null };
    expect(code).toBe(data.ok ? 0 : 1);
    expect(data.verify.verdicts).toHaveLength(7);
    expect((await tapegridInProcess(['check', 'examples/two-cluster-ha.yaml', '--runs', 'many'])).code).toBe(2);
  });
});
