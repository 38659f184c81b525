import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildVerifySetup, loadConfig, validateConfigText, type LoadedConfig } from '../../config/index.js';
import { invariants, verify, type VerifySetup } from '../../properties/index.js';
import { builtInInvariantIds } from '../../properties/invariantIds.js';
import { readFileSync } from 'node:fs';

/**
 * A configuration's own requirements (issue 19 item 2) are explored like the built-in invariants, in
 * both layers, and reported under their own names with a trace.
 */
const examples = join(import.meta.dirname, '..', '..', 'examples');

async function load(file: string): Promise<LoadedConfig> {
  const loaded = await loadConfig(join(examples, file));
  if (!loaded.ok) throw new Error(`${file} does not load`);
  return loaded;
}

const scope = { exhaustive: { volumesPerHost: 1, maxDepth: 5, maxStates: 5000, maxFailures: 2, symmetry: true }, maxFailures: 2, runs: 20, seed: 1, maxSteps: 20 } as const;

describe('requirements of the configuration', () => {
  it('copy-at-site (CCP-1, CCP-2): the unsafe example is reported under the requirement\'s name with the link failure that leaves the DR site without a copy', async () => {
    const result = verify(buildVerifySetup(await load('unsafe/requirement-copy-at-dr-site.yaml')), scope);
    const own = result.verdicts.find((verdict) => verdict.id === 'crit-at-dr-site');
    expect(own?.status).toBe('violated');
    if (own?.status !== 'violated') return;
    expect(own.counterexample.violation?.message).toContain('A00001 (MCCRIT) has no consistent copy at site site-b when its job ends');
    expect(own.counterexample.steps.map((entry) => entry.action.kind)).toContain('links-fail');
    // The seed lets RUN complete with GS-4 raised: no built-in invariant objects.
    expect(result.verdicts.filter((verdict) => verdict.status === 'violated').map((verdict) => verdict.id)).toEqual(['crit-at-dr-site']);
  });

  it('copy-at-site with time allowed fails only once the queued copy to the site waited longer than allowed', async () => {
    const loaded = await load('unsafe/requirement-copy-at-dr-site.yaml');
    const base = buildVerifySetup(loaded);
    const allowing = (withinMinutes: number): VerifySetup => ({ ...base, requirements: [{ kind: 'copy-at-site', name: 'crit-later', managementClass: 'MCCRIT', site: 'site-b', withinMinutes }] });
    const tight = verify(allowing(30), { ...scope, runs: 300, maxSteps: 30 }).verdicts.find((verdict) => verdict.id === 'crit-later');
    expect(tight?.status).toBe('violated');
    if (tight?.status === 'violated') expect(tight.counterexample.violation?.message).toMatch(/still has no consistent copy at site site-b \d+(\.\d+)? min after its job ended; allowed 30 min/);
  });

  it('no-write-takeover-during-dr-test (OWN-9): caught where the runbook allows write takeover during the test, not exercised as violated where it allows read only', async () => {
    const requirement = { kind: 'no-write-takeover-during-dr-test' as const, name: 'dr-side-never-writes', cluster: 1 };
    const unsafe = buildVerifySetup(await load('unsafe/runbook-wot-during-dr-test.yaml'));
    const caught = verify({ ...unsafe, requirements: [requirement] }, scope).verdicts.find((verdict) => verdict.id === 'dr-side-never-writes');
    expect(caught?.status).toBe('violated');
    if (caught?.status === 'violated') expect(caught.counterexample.violation?.message).toContain('C1 got write takeover of C0 during the DR test');
    const safe = buildVerifySetup(await load('drtest/two-cluster-links-broken.yaml'));
    const held = verify({ ...safe, requirements: [requirement] }, scope).verdicts.find((verdict) => verdict.id === 'dr-side-never-writes');
    expect(held?.status).toBe('proven-within-scope');
  });

  it('the id list validation reads without loading the invariants is the built-in set, in order', () => {
    expect([...builtInInvariantIds]).toEqual(invariants.map((invariant) => invariant.id));
  });

  it('names what does not exist, and a name taken by a built-in invariant, at the field\'s path', async () => {
    const text = `${readFileSync(join(examples, 'two-cluster-dr.yaml'), 'utf8')}
requirements:
  - { name: no-dual-ownership, kind: copy-at-site, managementClass: MCNONE, site: moon }
  - { name: dr-quiet, kind: no-write-takeover-during-dr-test, cluster: 5 }
`;
    const validated = await validateConfigText(text, 'requirements.yaml');
    expect(validated.ok).toBe(false);
    if (validated.ok) return;
    expect(validated.problems.map((problem) => problem.path.join('.'))).toEqual(
      expect.arrayContaining(['requirements.0.name', 'requirements.0.managementClass', 'requirements.0.site', 'requirements.1.cluster']),
    );
  });
});
