import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fieldChanges } from '../../reports/changeReview.js';
import { root, tapegridInProcess } from './run.js';

const work = mkdtempSync(join(tmpdir(), 'tapegrid-diff-'));
const example = readFileSync(join(root, 'examples', 'two-cluster-dr.yaml'), 'utf8');

/** The bundled example with one line replaced, written next to the test's other files. */
function variant(name: string, from: string, to: string): string {
  expect(example).toContain(from);
  const file = join(work, `${name}.yaml`);
  writeFileSync(file, example.replace(from, to));
  return file;
}

describe('tapegrid diff: review a change (issue 17 item 6)', () => {
  it('one field made unsafe: names the field, the broken invariant and its counterexample; exit 1', { timeout: 180_000 }, async () => {
    const changed = variant('write-takeover-unreachable', '- { mode: write, at: [1], of: [0], when: cluster-confirmed-down }', '- { mode: write, at: [1], of: [0], when: owner-unreachable }');
    const { code, stdout } = await tapegridInProcess(['diff', 'examples/two-cluster-dr.yaml', changed, '--runs', '0']);
    expect(code).toBe(1);
    expect(stdout).toContain('Fields changed (1)\n  runbook.takeover[1].when: cluster-confirmed-down -> owner-unreachable');
    expect(stdout).toMatch(/no-dual-ownership: proven within scope -> VIOLATED/);
    expect(stdout).toMatch(/the operator sets write ownership takeover at C1 for C0 while C0 is alive/);
    expect(stdout).toContain(`replay: tapegrid verify ${changed} --replay no-dual-ownership:`);
    expect(stdout).toContain('The change breaks no-dual-ownership');
  });

  it('a workload change moves plan figures and keeps the proofs: exit 0, figures listed old -> new', { timeout: 180_000 }, async () => {
    const changed = variant('more-data', 'dailyWrite: "20 TB/day"', 'dailyWrite: "30 TB/day"');
    const { code, stdout } = await tapegridInProcess(['diff', 'examples/two-cluster-dr.yaml', changed, '--runs', '0', '--json']);
    const review = JSON.parse(stdout) as { fields: { path: string; old: unknown; new: unknown }[]; figures: { title: string; old: { display: string } | null; new: { display: string } | null }[]; verdicts: unknown[]; newlyMissed: string[] };
    expect(review.fields).toEqual([{ path: 'workload[0].dailyWrite', old: '20 TB/day', new: '30 TB/day' }]);
    expect(review.verdicts).toEqual([]);
    expect(review.figures.length).toBeGreaterThan(0);
    expect(review.figures.every((figure) => figure.old !== null && figure.new !== null && figure.old.display !== figure.new.display)).toBe(true);
    expect(code).toBe(review.newlyMissed.length > 0 ? 1 : 0);
  });

  it('an unreadable file is exit 2; the same file twice changes nothing', { timeout: 180_000 }, async () => {
    expect((await tapegridInProcess(['diff', 'examples/two-cluster-dr.yaml', join(work, 'missing.yaml')])).code).toBe(2);
    expect((await tapegridInProcess(['diff', 'examples/two-cluster-dr.yaml'])).code).toBe(2);
    const same = await tapegridInProcess(['diff', 'examples/two-cluster-ha.yaml', 'examples/two-cluster-ha.yaml', '--runs', '0']);
    expect(same.code).toBe(0);
    expect(same.stdout).toContain('Fields changed (0)');
    expect(same.stdout).toContain('The change keeps every proof and every target.');
  });
});

describe('fieldChanges', () => {
  it('names each changed leaf by its path, with additions and removals', () => {
    expect(fieldChanges({ a: 1, b: { c: [1, 2] } }, { a: 1, b: { c: [1, 3, 4] }, d: 'x' })).toEqual([
      { path: 'b.c[1]', old: 2, new: 3 },
      { path: 'b.c[2]', new: 4 },
      { path: 'd', new: 'x' },
    ]);
    expect(fieldChanges({ a: { b: 1 } }, {})).toEqual([{ path: 'a', old: { b: 1 } }]);
    expect(fieldChanges([1], [1])).toEqual([]);
  });
});
