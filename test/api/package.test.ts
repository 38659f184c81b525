import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * tapegrid from code, as a user's project gets it (issue 19 item 1): the package is packed with
 * `npm pack`, unpacked into a temporary project's node_modules, and imported by its name, so the
 * `exports` map, the shipped files and the declarations are what is exercised. Dependencies are linked
 * from this checkout's node_modules (no network in the test).
 */
const root = join(import.meta.dirname, '..', '..');
const project = mkdtempSync(join(tmpdir(), 'tapegrid-user-'));
afterAll(() => rmSync(project, { recursive: true, force: true }));

function installPacked(): void {
  const modules = join(project, 'node_modules');
  mkdirSync(join(modules, 'tapegrid'), { recursive: true });
  // --ignore-scripts: the test suite has built dist already; pack must not rebuild it under other tests.
  const tarball = execFileSync('npm', ['pack', '--ignore-scripts', '--silent', '--pack-destination', project], { cwd: root, encoding: 'utf8' }).trim().split('\n').at(-1) ?? '';
  execFileSync('tar', ['-xzf', join(project, tarball), '-C', join(modules, 'tapegrid'), '--strip-components=1']);
  for (const entry of readdirSync(join(root, 'node_modules'))) {
    if (entry.startsWith('.')) continue;
    symlinkSync(join(root, 'node_modules', entry), join(modules, entry));
  }
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'storage-team-checks', type: 'module', private: true }));
}

function runInProject(code: string): string {
  writeFileSync(join(project, 'check.mjs'), code);
  return execFileSync(process.execPath, ['check.mjs'], { cwd: project, encoding: 'utf8' });
}

describe('the packed package, imported by name', () => {
  installPacked();

  it('ships the library, its declarations, the command line and the schema, and nothing from the sources', () => {
    const shipped = join(project, 'node_modules', 'tapegrid');
    expect(readdirSync(join(shipped, 'dist', 'api'))).toEqual(expect.arrayContaining(['index.js', 'index.d.ts']));
    expect(readdirSync(shipped)).not.toContain('test');
    expect(readdirSync(shipped)).not.toContain('model');
    const out = runInProject(`
      import schema from 'tapegrid/schema.json' with { type: 'json' };
      import manifest from 'tapegrid/package.json' with { type: 'json' };
      console.log(JSON.stringify({ title: schema.title, version: manifest.version }));
    `);
    expect(JSON.parse(out)).toEqual({ title: 'tapegrid grid configuration', version: expect.any(String) });
  });

  it('validates, verifies and plans through the public API; problems come back as values with codes and paths', () => {
    const examples = join(root, 'examples');
    const out = runInProject(`
      import { loadConfig, validate, verify, plan } from 'tapegrid';
      const loaded = await loadConfig(${JSON.stringify(join(examples, 'two-cluster-dr.yaml'))});
      if (!loaded.ok) throw new Error('example did not load');
      const verified = verify(loaded, { runs: 5 });
      const planned = await plan(loaded);
      const bad = await validate(${JSON.stringify(join(root, 'test', 'fixtures'))} + '/does-not-exist.yaml');
      console.log(JSON.stringify({
        verdicts: verified.verdicts.map((verdict) => verdict.status),
        planOk: planned.ok,
        figures: planned.ok ? planned.plan.sections.length : 0,
        bad: { ok: bad.ok, code: bad.problems[0]?.code },
      }));
    `);
    const result = JSON.parse(out) as { verdicts: string[]; planOk: boolean; figures: number; bad: { ok: boolean; code: string } };
    expect(result.verdicts.length).toBe(7);
    expect(result.verdicts).not.toContain('violated');
    expect(result.planOk).toBe(true);
    expect(result.figures).toBeGreaterThan(0);
    expect(result.bad).toEqual({ ok: false, code: 'file-unreadable' });
  });

  it('explores an invariant written in code beside the built-in ones: it catches a bundled unsafe grid that the built-ins catch for another reason', () => {
    const file = join(root, 'examples', 'unsafe', 'write-takeover-at-two-survivors.yaml');
    const out = runInProject(`
      import { loadConfig, verify, defineInvariant } from 'tapegrid';
      const loaded = await loadConfig(${JSON.stringify(file)});
      if (!loaded.ok) throw new Error('example did not load');
      // The team's rule: no cluster ever holds a write takeover of another (they run read takeover only).
      const readTakeoverOnly = defineInvariant({
        id: 'read-takeover-only',
        title: 'only read takeover is ever set',
        holds: (state, grid) => {
          const write = grid.takeovers().find((setting) => setting.mode === 'write');
          return write === undefined ? null : 'C' + write.at + ' holds write takeover of C' + write.of;
        },
        appliesTo: (state, grid) => grid.takeovers().length > 0,
      });
      const result = verify(loaded, { runs: 20, extraInvariants: [readTakeoverOnly] });
      console.log(JSON.stringify(result.verdicts.map((verdict) => ({ id: verdict.id, status: verdict.status, trace: verdict.status === 'violated' ? verdict.counterexample.steps.length : 0 }))));
    `);
    const verdicts = JSON.parse(out) as { id: string; status: string; trace: number }[];
    const own = verdicts.find((verdict) => verdict.id === 'read-takeover-only');
    expect(own?.status).toBe('violated');
    expect(own?.trace).toBeGreaterThan(0);
    // The built-in set catches the same grid, for the split brain itself (OWN-13).
    expect(verdicts.find((verdict) => verdict.id === 'no-dual-ownership')?.status).toBe('violated');
    // The example's own scope is a 90,000-state search (about 26 s alone on 2 cores, more beside other test files).
  }, 240_000);
});
