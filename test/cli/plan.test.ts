import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tapegridInProcess } from './run.js';
import { describe, expect, it } from 'vitest';

describe('tapegrid plan', async () => {
  it('prints a plan with sections, verdicts, the advice and the assumptions; growth that breaks a target within the horizon is exit 1 (issue 15)', async () => {
    const { code, stdout } = await tapegridInProcess(['plan', 'examples/three-cluster-ha-dr.yaml']);
    for (const heading of ['WAN and RPO', 'Links broken (DR test or outage)', 'Cache', 'Scratch and media', 'What to keep, add or replace', 'How far each met target is from failing', 'Assumptions and defaults']) {
      expect(stdout).toContain(heading);
    }
    expect(stdout).toMatch(/meets {4}RPO of MCPROD C0->C2/);
    expect(stdout).toContain('line rate binds');
    // Every target holds today; 30 % a year takes days resident on C0 below 7 d in month 17.
    expect(stdout).toContain('Every target is met today; with 30 % growth a year, Days resident in C0 (PROD0) fails in month 17.');
    expect(code).toBe(1);
  });

  it('exit 0 when every target is met now and to the horizon', async () => {
    const { code, stdout } = await tapegridInProcess(['plan', 'examples/two-cluster-dr.yaml']);
    expect(stdout).toContain('Every target is met');
    expect(code).toBe(0);
  });

  it('every bundled example plans with exit 0 or 1, never a crash', async () => {
    for (const example of ['two-cluster-dr', 'two-cluster-ha', 'three-cluster-ha-dr', 'dual-production-dr', 'three-cluster-disk-disk-tape', 'four-cluster-partitioned', 'four-cluster-hybrid']) {
      const { code, stderr } = await tapegridInProcess(['plan', `examples/${example}.yaml`]);
      expect([0, 1], `${example}: ${stderr}`).toContain(code);
    }
  });

  it('--target tightens a target and exit 1 says it fails; --json gives figures as data', async () => {
    const { code, stdout } = await tapegridInProcess(['plan', 'examples/dual-production-dr.yaml', '--target', 'daysResident=60', '--json']);
    expect(code).toBe(1);
    const plan = JSON.parse(stdout) as { sections: { figures: { id: string; verdict: string }[] }[] };
    const resident = plan.sections.flatMap((section) => section.figures).filter((figure) => figure.id.startsWith('cache.days-resident.'));
    expect(resident.some((figure) => figure.verdict === 'fails')).toBe(true);
  });

  it('bad targets and a missing workload are exit 2', async () => {
    expect((await tapegridInProcess(['plan', 'examples/two-cluster-ha.yaml', '--target', 'rpo=soon'])).code).toBe(2);
    expect((await tapegridInProcess(['plan', 'examples/two-cluster-ha.yaml', '--target', 'speed=1'])).code).toBe(2);
    expect((await tapegridInProcess(['plan', 'test/fixtures/minimal.yaml'])).code).toBe(2);
    expect((await tapegridInProcess(['plan', 'examples/two-cluster-ha.yaml', '--catalog', 'nope.yaml'])).code).toBe(2);
  });
});

describe('tapegrid plan --history', async () => {
  it('plans against the bundled history\'s busiest day and shows what it measured; --json carries it', async () => {
    const { code, stdout } = await tapegridInProcess(['plan', 'examples/three-cluster-ha-dr.yaml', '--history', 'examples/history/three-cluster-ha-dr.csv']);
    expect([0, 1]).toContain(code);
    expect(stdout).toContain('Measured history (examples/history/three-cluster-ha-dr.csv): planned against the busiest day');
    expect(stdout).toMatch(/C0: 56 days; busiest 2026-\d\d-\d\d [\d.]+ TB/);
    const json = JSON.parse((await tapegridInProcess(['plan', 'examples/three-cluster-ha-dr.yaml', '--history', 'examples/history/three-cluster-ha-dr.csv', '--history-day', 'p90', '--json'])).stdout);
    expect(json.history.day).toBe('the day at percentile 90');
    expect(json.history.clusters).toHaveLength(2);
  });

  it('a malformed copy of the history is exit 2 with the file, the line, the field and what was expected', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tapegrid-history-'));
    const lines = readFileSync('examples/history/three-cluster-ha-dr.csv', 'utf8').split('\n');
    lines[9] = '2026-09-01T05:00Z,0,12.5.1,4000';
    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, lines.join('\n'));
    const { code, stderr } = await tapegridInProcess(['plan', 'examples/three-cluster-ha-dr.yaml', '--history', bad]);
    expect(code).toBe(2);
    expect(stderr).toContain(`${bad}:10  error  hostMB: "12.5.1" is not a number of megabytes`);
    expect(stderr).toContain('(expected decimal megabytes written by hosts in the hour');
    expect(stderr).not.toMatch(/at .*\.js:\d+/);
    expect((await tapegridInProcess(['plan', 'examples/three-cluster-ha-dr.yaml', '--history', join(dir, 'missing.csv')])).code).toBe(2);
    expect((await tapegridInProcess(['plan', 'examples/three-cluster-ha-dr.yaml', '--history-day', 'p90'])).stderr).toContain('--history-day needs --history FILE');
    expect((await tapegridInProcess(['plan', 'examples/three-cluster-ha-dr.yaml', '--history', 'examples/history/three-cluster-ha-dr.csv', '--history-day', 'p10'])).code).toBe(2);
  });
});
