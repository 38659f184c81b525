import { tapegridInProcess } from './run.js';
import { describe, expect, it } from 'vitest';

describe('tapegrid drtest', async () => {
  it('--checklist prints the operator checklist in the seed\'s order, each step with the guarantee it establishes', async () => {
    const { code, stdout } = await tapegridInProcess(['drtest', 'examples/drtest/two-cluster-links-broken.yaml', '--checklist']);
    expect(code).toBe(0);
    expect(stdout).toContain('Procedure: 11.10.3');
    const before = stdout.indexOf('## Before the test');
    const during = stdout.indexOf('## During the test');
    const after = stdout.indexOf('## After the test');
    expect(before).toBeGreaterThan(-1);
    expect(during).toBeGreaterThan(before);
    expect(after).toBeGreaterThan(during);
    // Insert the range before breaking the links, then Read (never Write) Ownership Takeover.
    expect(stdout.indexOf('Insert the TST* VOLSER range')).toBeLessThan(stdout.indexOf('Break the grid links'));
    expect(stdout.indexOf('Break the grid links')).toBeLessThan(stdout.indexOf('enable Read Ownership Takeover'));
    const steps = stdout.split('\n').filter((line) => /^\d+\. \[ \] /.test(line));
    const guarantees = stdout.split('\n').filter((line) => line.startsWith('   - guarantees: '));
    expect(steps.length).toBeGreaterThanOrEqual(10);
    expect(guarantees.length).toBe(steps.length);
  });

  it('an unsafe plan exits 1 with its trace; a configuration without a plan is exit 2', async () => {
    const unsafe = await tapegridInProcess(['drtest', 'examples/unsafe/drtest-write-takeover.yaml', '--runs', '30']);
    expect(unsafe.code).toBe(1);
    expect(unsafe.stdout).toContain('The plan is NOT safe.');
    expect(unsafe.stdout).toMatch(/write (ownership )?takeover (of C0 )?(set )?at C1/i);
    expect(unsafe.stdout).not.toContain('Why each step');
    expect((await tapegridInProcess(['drtest', 'examples/two-cluster-ha.yaml'])).code).toBe(2);
  });

  it('why each step: one block per step within 100 columns, in the verifier\'s words ("needed: without it, ... breaks" with the trace, or "not needed within scope")', { timeout: 300_000 }, async () => {
    const { code, stdout } = await tapegridInProcess(['drtest', 'examples/drtest/two-cluster-swp.yaml', '--runs', '10']);
    expect(code).toBe(0);
    const section = stdout.slice(stdout.indexOf('Why each step'));
    expect(section.split('\n').filter((line) => line.length > 100)).toEqual([]);
    expect(section).toContain('1. Enable Write Protect Mode on the DR cluster');
    expect(section).toMatch(/needed: without it, dr-test-isolation breaks: DR test host DRHOST wrote production\s+volume\s+A00001/);
    expect(section).toMatch(/not needed within scope \(complete to depth \d+\): without it every guarantee still held/);
    expect(section).not.toContain('redundant');
  });
});
