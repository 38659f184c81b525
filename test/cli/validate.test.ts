import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { root, tapegrid, tapegridInProcess } from './run.js';
import { describe, expect, it } from 'vitest';

/** These tests run the built command line as a user would (npm test builds first). */

describe('tapegrid validate', async () => {
  it('summarises a bundled example: clusters, links, hosts, the copy policy matrix; exit 0', async () => {
    const { code, stdout } = await tapegridInProcess(['validate', 'examples/three-cluster-ha-dr.yaml']);
    expect(code).toBe(0);
    expect(stdout).toContain('Grid "three-cluster-ha-dr"');
    expect(stdout).toMatch(/C0-C2\s+2 x 10 Gb\/s\s+1000 km/);
    expect(stdout).toMatch(/MCPROD\s+on C0\s+R\s+R\s+D/);
    expect(stdout).toMatch(/on C2\s+N\s+N\s+R/);
    expect(stdout).toContain('PROD    production  C0, C1 (512 devices)');
    expect(stdout).toContain('valid: examples/three-cluster-ha-dr.yaml');
  });

  it('prints every error of a broken file with position and path, no stack trace, exit 2', async () => {
    const { code, stdout, stderr } = await tapegridInProcess(['validate', 'test/fixtures/broken-grid.yaml']);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain('9 errors');
    expect(stderr).toContain('test/fixtures/broken-grid.yaml:5:61  error  clusters[0].cahce: unknown key "cahce"; did you mean "cache"?');
    expect(stderr).toContain('clusters[1].cache: "40 TB/day" is a rate, not a data');
    expect(stderr).toContain('clusters[1].physical: a disk-only cluster has no physical drives or pools');
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it('--json gives the same result as data', async () => {
    const bad = await tapegridInProcess(['validate', 'test/fixtures/broken-grid.yaml', '--json']);
    expect(bad.code).toBe(2);
    const parsed = JSON.parse(bad.stdout) as { ok: boolean; problems: { path: unknown[]; code: string; severity: string }[]; summary: unknown };
    expect(parsed.ok).toBe(false);
    expect(parsed.problems.map((problem) => problem.code)).toContain('unknown-key');
    expect(parsed.problems.every((problem) => problem.severity === 'error')).toBe(true);
    expect(parsed.summary).toBeNull();
    const good = JSON.parse((await tapegridInProcess(['validate', 'examples/two-cluster-dr.yaml', '--json'])).stdout) as { ok: boolean; problems: unknown[]; warnings: unknown[]; summary: { clusters: number; sites: string[]; grid: string } };
    expect(good).toMatchObject({ ok: true, problems: [], warnings: [], summary: { clusters: 2, sites: ['site-a', 'site-b'], grid: 'two-cluster-dr' } });
  });

  it('--strict turns warnings into exit 1, for a CI gate', async () => {
    const lenient = await tapegridInProcess(['validate', 'examples/unsafe/gdps/override-missing.yaml', '--json']);
    expect(lenient.code).toBe(0);
    expect(JSON.parse(lenient.stdout)).toMatchObject({ ok: true, warnings: [{ code: 'gdps-override-missing', rule: 'GDPS-1' }] });
    const strict = await tapegridInProcess(['validate', 'examples/unsafe/gdps/override-missing.yaml', '--strict']);
    expect(strict.code).toBe(1);
    expect(strict.stdout).toContain('valid, but with 1 warning (--strict)');
    expect((await tapegridInProcess(['validate', 'examples/two-cluster-dr.yaml', '--strict'])).code).toBe(0);
  });

  it('a missing file, a missing argument and an unknown command are usage errors (exit 2)', async () => {
    expect((await tapegridInProcess(['validate', 'nope.yaml'])).stderr).toContain('nope.yaml  error  (file): cannot read the configuration: no such file');
    expect((await tapegridInProcess(['validate', 'nope.yaml'])).code).toBe(2);
    expect((await tapegridInProcess(['validate'])).code).toBe(2);
    expect((await tapegridInProcess(['frobnicate'])).code).toBe(2);
    expect((await tapegridInProcess(['validate', 'x.yaml', '--bogus'])).code).toBe(2);
  });

  it('--help, --version, and colour only when wanted', async () => {
    expect((await tapegridInProcess(['validate', '--help'])).stdout).toContain('Usage: tapegrid validate');
    const packageJson = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
    expect((await tapegridInProcess(['--version'])).stdout.trim()).toBe(packageJson.version);
    expect((await tapegridInProcess(['validate', 'test/fixtures/broken-grid.yaml'])).stderr).not.toContain('\u001b[');
    // Colour is decided from the process's environment and terminal: real processes.
    expect(tapegrid(['validate', 'test/fixtures/broken-grid.yaml'], { NO_COLOR: '', FORCE_COLOR: '1' }).stderr).toContain('\u001b[');
    expect(tapegrid(['validate', 'test/fixtures/broken-grid.yaml', '--no-color'], { NO_COLOR: '', FORCE_COLOR: '1' }).stderr).not.toContain('\u001b[');
  });

  it('the published JSON Schema is the one the code generates', async () => {
    const generated = (await tapegridInProcess(['schema'])).stdout;
    expect(readFileSync(join(root, 'schema', 'tapegrid.schema.json'), 'utf8')).toBe(generated);
    const schema = JSON.parse(generated) as { properties: Record<string, unknown> };
    expect(Object.keys(schema.properties)).toEqual(expect.arrayContaining(['clusters', 'gridLinks', 'managementClasses', 'runbook', 'workload']));
  });
});
