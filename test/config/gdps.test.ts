import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadConfig, validateConfigText, type ConfigProblem } from '../../config/index.js';

const root = join(import.meta.dirname, '..', '..');

async function gdpsProblems(file: string): Promise<{ code: ConfigProblem['code']; path: ConfigProblem['path']; rule: string | undefined }[]> {
  const result = await loadConfig(join(root, file));
  const problems = result.ok ? result.warnings : result.problems;
  return problems.filter((problem) => problem.code.startsWith('gdps-')).map((problem) => ({ code: problem.code, path: problem.path, rule: problem.rule }));
}

describe('GDPS two-site sysplex checks (GDPS-1, 11.8.1)', () => {
  it('the bundled GDPS example is clean', async () => {
    expect(await gdpsProblems('examples/gdps-two-site.yaml')).toEqual([]);
  });

  it('a class that gives the standby site\'s local cluster No Copy is caught, with the path of that definition', async () => {
    expect(await gdpsProblems('examples/unsafe/gdps/no-local-copy-point.yaml')).toEqual([
      { code: 'gdps-local-copy-point', path: ['managementClasses', 0, 'copyModes', '1'], rule: 'GDPS-1' },
      { code: 'gdps-replication-at-job-end', path: ['managementClasses', 0, 'copyModes', '1'], rule: 'GDPS-1' },
      { code: 'gdps-copy-modes-differ', path: ['managementClasses', 0, 'copyModes', '1'], rule: 'GDPS-1' },
    ]);
  });

  it('different copy modes as seen from the two sites are caught, and RD breaks "replicated at job end"', async () => {
    expect(await gdpsProblems('examples/unsafe/gdps/copy-modes-differ.yaml')).toEqual([
      { code: 'gdps-replication-at-job-end', path: ['managementClasses', 0, 'copyModes', '0'], rule: 'GDPS-1' },
      { code: 'gdps-copy-modes-differ', path: ['managementClasses', 0, 'copyModes', '1'], rule: 'GDPS-1' },
    ]);
  });

  it('a missing override on one cluster is caught with its field and the fix', async () => {
    const result = await loadConfig(join(root, 'examples/unsafe/gdps/override-missing.yaml'));
    const problems = (result.ok ? result.warnings : result.problems).filter((problem) => problem.code.startsWith('gdps-'));
    expect(problems).toEqual([expect.objectContaining({ code: 'gdps-override-missing', path: ['clusters', 1, 'copyPolicyOverride', 'forceLocalCopy'], rule: 'GDPS-1', expected: 'forceLocalCopy: true on C0 and C1' })]);
  });

  it('remote devices online at a GDPS host in normal running are caught (GDPS-1; vary them online only for GDPS-4)', async () => {
    const text = readFileSync(join(root, 'examples/gdps-two-site.yaml'), 'utf8').replace('role: production, online: [0]', 'role: production, online: [0, 1]');
    const result = await validateConfigText(text, 'gdps.yaml');
    const problems = (result.ok ? result.warnings : result.problems).filter((problem) => problem.code.startsWith('gdps-'));
    expect(problems).toEqual([expect.objectContaining({ code: 'gdps-remote-devices-online', path: ['hosts', 0, 'online'], found: '[0, 1]', expected: 'online: [0]; vary C1 online only when C0 is down (GDPS-4)' })]);
  });

  it('a declaration that does not match the clusters is an error: a cluster at another site, a production site outside the sysplex', async () => {
    const original = readFileSync(join(root, 'examples/gdps-two-site.yaml'), 'utf8');
    const wrongSite = await validateConfigText(original.replace('- { site: west, cluster: 1 }', '- { site: west, cluster: 0 }'), 'gdps.yaml');
    expect(wrongSite.ok).toBe(false);
    if (!wrongSite.ok) expect(wrongSite.problems.map((problem) => problem.path.join('.'))).toContain('gdps.sites.1.site');
    const wrongProduction = await validateConfigText(original.replace('production: east', 'production: north'), 'gdps.yaml');
    expect(wrongProduction.ok).toBe(false);
    if (!wrongProduction.ok) expect(wrongProduction.problems[0]).toEqual(expect.objectContaining({ code: 'unknown-reference', path: ['gdps', 'production'], expected: 'east or west' }));
  });
});
