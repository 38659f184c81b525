import { tapegrid } from './run.js';
import { describe, expect, it } from 'vitest';

describe('tapegrid plan', () => {
  it('prints a plan with sections, verdicts, the advice and the assumptions; growth that breaks a target within the horizon is exit 1 (issue 15)', () => {
    const { code, stdout } = tapegrid(['plan', 'examples/three-cluster-ha-dr.yaml']);
    for (const heading of ['WAN and RPO', 'Links broken (DR test or outage)', 'Cache', 'Scratch and media', 'What to keep, add or replace', 'How far each met target is from failing', 'Assumptions and defaults']) {
      expect(stdout).toContain(heading);
    }
    expect(stdout).toMatch(/meets {4}RPO of MCPROD C0->C2/);
    expect(stdout).toContain('line rate binds');
    // Every target holds today; 30 % a year takes days resident on C0 below 7 d in month 17.
    expect(stdout).toContain('Every target is met today; with 30 % growth a year, Days resident in C0 (PROD0) fails in month 17.');
    expect(code).toBe(1);
  });

  it('exit 0 when every target is met now and to the horizon', () => {
    const { code, stdout } = tapegrid(['plan', 'examples/two-cluster-dr.yaml']);
    expect(stdout).toContain('Every target is met');
    expect(code).toBe(0);
  });

  it('every bundled example plans with exit 0 or 1, never a crash', () => {
    for (const example of ['two-cluster-dr', 'two-cluster-ha', 'three-cluster-ha-dr', 'dual-production-dr', 'three-cluster-disk-disk-tape', 'four-cluster-partitioned', 'four-cluster-hybrid']) {
      const { code, stderr } = tapegrid(['plan', `examples/${example}.yaml`]);
      expect([0, 1], `${example}: ${stderr}`).toContain(code);
    }
  });

  it('--target tightens a target and exit 1 says it fails; --json gives figures as data', () => {
    const { code, stdout } = tapegrid(['plan', 'examples/dual-production-dr.yaml', '--target', 'daysResident=60', '--json']);
    expect(code).toBe(1);
    const plan = JSON.parse(stdout) as { sections: { figures: { id: string; verdict: string }[] }[] };
    const resident = plan.sections.flatMap((section) => section.figures).filter((figure) => figure.id.startsWith('cache.days-resident.'));
    expect(resident.some((figure) => figure.verdict === 'fails')).toBe(true);
  });

  it('bad targets and a missing workload are exit 2', () => {
    expect(tapegrid(['plan', 'examples/two-cluster-ha.yaml', '--target', 'rpo=soon']).code).toBe(2);
    expect(tapegrid(['plan', 'examples/two-cluster-ha.yaml', '--target', 'speed=1']).code).toBe(2);
    expect(tapegrid(['plan', 'test/fixtures/minimal.yaml']).code).toBe(2);
    expect(tapegrid(['plan', 'examples/two-cluster-ha.yaml', '--catalog', 'nope.yaml']).code).toBe(2);
  });
});
