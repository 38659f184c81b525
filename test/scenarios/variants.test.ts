import { describe, expect, it } from 'vitest';
import { defineGrid, type GridEvent } from '../../model/index.js';
import { fs5ThreeClusters, namedStates, runScenario, written, type Scenario } from '../../scenarios/index.js';

describe('scenarios beyond the seed\'s grids', () => {
  it('FS-5 on three clusters: C0 fails; C1 takes over after write takeover; the DR cluster stays out of it', () => {
    const result = runScenario(fs5ThreeClusters);
    for (const effect of fs5ThreeClusters.effects) expect(effect.check(result), effect.name).toBe(true);
    expect(namedStates(result)).toEqual(['GS-2', 'GS-3', 'GS-4']);
  });

  it('a six-cluster grid partitioned into two sites of three: each side keeps working on what it owns; copies across stop', () => {
    const sites = [0, 0, 0, 1, 1, 1];
    const definition = defineGrid({
      name: 'six clusters, two sites',
      clusters: sites.map((site) => ({ site: `site-${site}` })),
      classes: { MCA: { 0: 'RRDDNN', 1: 'RRDDNN', 2: 'RRDDNN' }, MCB: { 3: 'DNNRRD', 4: 'DNNRRD', 5: 'DNNRRD' } },
      hosts: [
        { name: 'HOSTA', site: 'site-0', online: [0, 1, 2] },
        { name: 'HOSTB', site: 'site-1', online: [3, 4, 5], scratchCategory: '0003', privateCategory: '001F' },
      ],
      categories: { scratch: [{ id: '0002', expireHoldMinutes: 0 }, { id: '0003', expireHoldMinutes: 0 }], private: ['000F', '001F'] },
    });
    const cut: GridEvent[] = [];
    for (const a of [0, 1, 2]) for (const b of [3, 4, 5]) for (const link of [0, 1]) cut.push({ type: 'link-fail', between: [a, b], link });
    const scenario: Scenario = {
      id: 'partition-6',
      title: 'Six clusters split into two sites',
      section: '11.2 (generalised)',
      seedEffects: [],
      definition,
      setup: [
        ...written(0, 'MCA', ['A00001'], 'HOSTA'),
        { type: 'deferred-copy' },
        { type: 'deferred-copy' },
        { type: 'insert', cluster: 1, volsers: ['A10001'], category: '0002' },
        { type: 'insert', cluster: 4, volsers: ['B10001'], category: '0003' },
      ],
      inFlight: [],
      failures: cut.map((event) => ({ at: 0, event, label: 'link fails' })),
      afterFailure: [
        { name: 'site 0 scratch write', host: 'HOSTA', cluster: 1, mount: { kind: 'scratch', managementClass: 'MCA' }, write: true },
        { name: 'site 1 scratch write', host: 'HOSTB', cluster: 4, mount: { kind: 'scratch', managementClass: 'MCB' }, write: true },
        { name: 'site 1 reads A00001 (owned across the cut)', host: 'HOSTB', cluster: 3, mount: { kind: 'specific', volser: 'A00001' }, write: false },
        { name: 'site 0 reads A00001 through C2', host: 'HOSTA', cluster: 2, mount: { kind: 'specific', volser: 'A00001' }, write: false },
      ],
      recovery: [],
      afterRecovery: [],
      watch: ['A00001'],
      prescribedRecovery: [],
    };
    const result = runScenario(scenario);
    const outcome = (name: string) => result.jobs.find((job) => job.name === name);
    expect(outcome('site 0 scratch write')?.outcome).toBe('completed');
    expect(outcome('site 1 scratch write')?.outcome).toBe('completed');
    expect(outcome('site 1 reads A00001 (owned across the cut)')).toEqual(expect.objectContaining({ outcome: 'failed', reason: 'owner-unreachable' }));
    expect(outcome('site 0 reads A00001 through C2')?.outcome).toBe('completed');
    expect(namedStates(result)).toEqual(['GS-1', 'GS-2', 'GS-3']);
    expect(result.readabilityAfterFailure[0]?.through).toEqual({ 0: 'readable', 1: 'readable', 2: 'readable', 3: 'needs-takeover', 4: 'needs-takeover', 5: 'needs-takeover' });
  });
});
