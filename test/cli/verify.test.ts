import { tapegrid } from './run.js';
import { describe, expect, it } from 'vitest';

describe('tapegrid verify', () => {
  it('prints "holds" for every invariant of a safe example with runs, steps and seed; exit 0', () => {
    const { code, stdout } = tapegrid(['verify', 'examples/two-cluster-ha.yaml', '--seed', '3', '--runs', '30']);
    expect(code).toBe(0);
    expect(stdout).toContain('seed 3, 30 runs of up to 40 steps per invariant');
    expect(stdout.match(/^holds {4}/gm)).toHaveLength(7);
    expect(stdout).toContain('All 7 invariants hold');
  });

  it('prints the violating trace as numbered steps and a replay command; exit 1; --replay reproduces it', () => {
    const { code, stdout } = tapegrid(['verify', 'examples/unsafe/aotm-write-shared-tssc.yaml', '--seed', '1', '--runs', '100']);
    expect(code).toBe(1);
    expect(stdout).toContain('VIOLATED Write takeover only of a cluster that is really down');
    expect(stdout).toMatch(/1\. \[t=0 min\] both grid links C0-C1 fail/);
    expect(stdout).toMatch(/AOTM on C\d gets no reply over the grid-shared TSSC path and enables write takeover of C\d \(C\d is alive\)/);
    const replayLine = stdout.split('\n').find((line) => line.includes('replay: tapegrid verify') && line.includes('no-write-takeover-of-live-cluster'));
    const replayArgument = replayLine?.split('--replay ')[1]?.trim();
    expect(replayArgument).toBeDefined();
    const replayed = tapegrid(['verify', 'examples/unsafe/aotm-write-shared-tssc.yaml', '--seed', '1', '--runs', '100', '--replay', replayArgument ?? '']);
    expect(replayed.code).toBe(1);
    const trace = (text: string) => text.split('\n').filter((line) => /^\s+\d+\. /.test(line) || /^\s+=> /.test(line));
    const original = stdout.split('VIOLATED Write takeover')[1] ?? '';
    expect(trace(replayed.stdout)).toEqual(trace(original).slice(0, trace(replayed.stdout).length));
  });

  it('--json gives the verdicts as data', () => {
    const { code, stdout } = tapegrid(['verify', 'examples/unsafe/single-copy-class.yaml', '--seed', '1', '--runs', '50', '--json']);
    expect(code).toBe(1);
    const result = JSON.parse(stdout) as { seed: number; verdicts: { id: string; status: string; counterexample?: { steps: unknown[] } }[] };
    expect(result.seed).toBe(1);
    const violated = result.verdicts.filter((verdict) => verdict.status === 'violated');
    expect(violated.map((verdict) => verdict.id)).toEqual(['survives-loss-of-one-cluster']);
    expect(violated[0]?.counterexample?.steps.length).toBeLessThanOrEqual(12);
  });

  it('bad options and bad files are exit 2 with a message, no stack trace', () => {
    for (const args of [
      ['verify', 'examples/two-cluster-ha.yaml', '--runs', 'many'],
      ['verify', 'examples/two-cluster-ha.yaml', '--replay', 'nonsense'],
      ['verify', 'examples/two-cluster-ha.yaml', '--replay', 'no-dual-ownership:1:2'],
      ['verify', 'test/fixtures/broken-grid.yaml'],
      ['verify'],
    ]) {
      const result = tapegrid(args);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr, args.join(' ')).not.toMatch(/\n\s+at /);
      expect(result.stderr.length, args.join(' ')).toBeGreaterThan(0);
    }
  });
});
