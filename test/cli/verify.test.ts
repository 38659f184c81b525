import { tapegridInProcess } from './run.js';
import { describe, expect, it } from 'vitest';

describe('tapegrid verify', async () => {
  it('a safe example: the exhaustive scope, then "proven within scope" or "not exercised" for every invariant; exit 0', async () => {
    const { code, stdout } = await tapegridInProcess(['verify', 'examples/two-cluster-ha.yaml', '--runs', '20', '--max-states', '3000', '--no-color']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^exhaustive: every sequence of up to \d+ actions over 1 volume per host, with at most 2 failed components at once: 3,000 distinct states, stopped at the state bound 3,000, complete to depth \d+$/m);
    expect(stdout).toContain('random: 20 runs of up to 40 steps with at most 2 failed components at once, seed 1, swarm');
    expect(stdout.match(/^proven within scope /gm)?.length).toBeGreaterThanOrEqual(4);
    // No DR test configured and no write protect: those are not exercised, never "proven" or "holds".
    expect(stdout).toMatch(/^not exercised\s+The DR test never touches production volumes/m);
    expect(stdout).not.toMatch(/^holds/m);
    expect(stdout).toMatch(/No violation: \d of 7 invariants proven within scope, \d not exercised\./);
  });

  it('an unsafe example, random layer off: the shortest trace and a replay command; exit 1; --replay reproduces it', async () => {
    const { code, stdout } = await tapegridInProcess(['verify', 'examples/unsafe/aotm-write-shared-tssc.yaml', '--runs', '0', '--max-states', '5000', '--no-color']);
    expect(code).toBe(1);
    expect(stdout).toMatch(/^VIOLATED\s+Write takeover only of a cluster that is really down/m);
    expect(stdout).toContain('shortest counterexample of the exhaustive search');
    expect(stdout).toMatch(/1\. \[t=0 min\] both grid links C0-C1 fail/);
    expect(stdout).toMatch(/AOTM on C\d gets no reply over the grid-shared TSSC path and enables write takeover of C\d \(C\d is alive\)/);
    const replayLine = stdout.split('\n').find((line) => line.includes('replay: tapegrid verify') && line.includes('no-write-takeover-of-live-cluster'));
    const replayArgument = replayLine?.split('--replay ')[1]?.trim();
    expect(replayArgument).toMatch(/^no-write-takeover-of-live-cluster:x1:/);
    const replayed = await tapegridInProcess(['verify', 'examples/unsafe/aotm-write-shared-tssc.yaml', '--replay', replayArgument ?? '', '--no-color']);
    expect(replayed.code).toBe(1);
    const trace = (text: string) => text.split('\n').filter((line) => /^\s+\d+\. /.test(line) || /^\s+=> /.test(line));
    const original = stdout.split('VIOLATED').find((block) => block.includes('Write takeover only'))?.split('replay:')[0] ?? '';
    expect(trace(replayed.stdout)).toEqual(trace(original));
  });

  it('the same file gives the same verdict on every run: the default seed is fixed and printed', async () => {
    const first = await tapegridInProcess(['verify', 'examples/unsafe/single-copy-class.yaml', '--runs', '30', '--max-states', '2000', '--json']);
    const second = await tapegridInProcess(['verify', 'examples/unsafe/single-copy-class.yaml', '--runs', '30', '--max-states', '2000', '--json']);
    const strip = (text: string) => text.replace(/"(elapsedMs|peakHeapBytes)": [\d.e+]+/g, '');
    expect(strip(first.stdout)).toBe(strip(second.stdout));
    const result = JSON.parse(first.stdout) as { random: { seed: number }; exhaustive: { distinctStates: number; end: string }; verdicts: { id: string; status: string; foundBy?: string; counterexample?: { steps: unknown[] } }[] };
    expect(first.code).toBe(1);
    expect(result.random.seed).toBe(1);
    // One volume per host: this small grid reaches the depth bound (12) inside the state bound.
    expect(result.exhaustive.distinctStates).toBeLessThanOrEqual(2000);
    expect(result.exhaustive.end).toBe('depth');
    const violated = result.verdicts.filter((verdict) => verdict.status === 'violated');
    expect(violated.map((verdict) => verdict.id)).toEqual(['survives-loss-of-one-cluster']);
    expect(violated[0]?.foundBy).toBe('exhaustive');
    expect(violated[0]?.counterexample?.steps.length).toBeLessThanOrEqual(12);
  });

  it('a random-only run says "no counterexample", never "proven"', async () => {
    const { code, stdout } = await tapegridInProcess(['verify', 'examples/two-cluster-ha.yaml', '--depth', '0', '--runs', '20', '--no-color']);
    expect(code).toBe(0);
    expect(stdout).not.toMatch(/proven/);
    expect(stdout).toMatch(/^no counterexample\s+No dual ownership/m);
    expect(stdout).toContain('no counterexample in 20 random runs of up to 40 steps with at most 2 failed components at once (seed 1, swarm)');
  });

  it('bad options and bad files are exit 2 with a message, no stack trace', async () => {
    for (const args of [
      ['verify', 'examples/two-cluster-ha.yaml', '--runs', 'many'],
      ['verify', 'examples/two-cluster-ha.yaml', '--depth', '-1'],
      ['verify', 'examples/two-cluster-ha.yaml', '--runs', '0', '--depth', '0'],
      ['verify', 'examples/two-cluster-ha.yaml', '--replay', 'nonsense'],
      ['verify', 'examples/two-cluster-ha.yaml', '--replay', 'no-dual-ownership:1:2'],
      ['verify', 'examples/two-cluster-ha.yaml', '--replay', 'no-dual-ownership:x2:fly.1'],
      ['verify', 'test/fixtures/broken-grid.yaml'],
      ['verify'],
    ]) {
      const result = await tapegridInProcess(args);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr, args.join(' ')).not.toMatch(/\n\s+at /);
      expect(result.stderr.length, args.join(' ')).toBeGreaterThan(0);
    }
  });
});
