import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildVerifySetup, loadConfig } from '../../config/index.js';
import { runScenario, whatIfScenario } from '../../scenarios/index.js';

/**
 * DRT-7 in what-if: when the production cluster is lost, the host marked `takesOverProduction` runs
 * production from a copy of the production catalog, so the takeover at the DR cluster meets
 * production volumes (issue: the disaster host).
 */
const root = join(import.meta.dirname, '..', '..');

async function drGrid() {
  const loaded = await loadConfig(join(root, 'examples', 'two-cluster-dr.yaml'));
  if (!loaded.ok) throw new Error('two-cluster-dr.yaml does not validate');
  return { definition: loaded.definition, setup: buildVerifySetup(loaded) };
}

describe('what-if: the DR host takes over production (DRT-7)', () => {
  it('C0 lost with write takeover at C1: DRHOST reads production data through C1 and writes new production data there', async () => {
    const { definition, setup } = await drGrid();
    expect(setup.disasterHosts).toEqual(['DRHOST']);
    const result = runScenario(whatIfScenario(definition, { failures: [{ kind: 'cluster', cluster: 0 }], takeover: 'write', afterMinutes: 0, disasterHosts: setup.disasterHosts ?? [] }));
    const drJobs = result.jobs.filter((job) => job.host === 'DRHOST');
    expect(drJobs.length).toBeGreaterThan(0);
    const read = drJobs.find((job) => job.name.includes('reads'));
    expect(read?.outcome, JSON.stringify(drJobs)).toBe('completed');
    expect(drJobs.find((job) => job.name.includes('writes'))?.outcome).toBe('completed');
  });

  it('without the takeover, the DR host cannot get ownership of production volumes from the lost cluster', async () => {
    const { definition, setup } = await drGrid();
    const result = runScenario(whatIfScenario(definition, { failures: [{ kind: 'cluster', cluster: 0 }], takeover: null, afterMinutes: 0, disasterHosts: setup.disasterHosts ?? [] }));
    const read = result.jobs.find((job) => job.host === 'DRHOST' && job.name.includes('reads'));
    expect(read?.outcome).toBe('failed');
    expect(read?.reason).toBe('owner-unreachable');
  });

  it('no failure, no disaster: the DR host runs no production job', async () => {
    const { definition, setup } = await drGrid();
    const result = runScenario(whatIfScenario(definition, { failures: [{ kind: 'link', between: [0, 1], link: 0 }], takeover: null, afterMinutes: 0, disasterHosts: setup.disasterHosts ?? [] }));
    expect(result.jobs.filter((job) => job.host === 'DRHOST')).toEqual([]);
  });
});

describe('what-if: what a real disaster loses (11.11: "the jobs that created that data must be rerun")', () => {
  async function haDr() {
    const loaded = await loadConfig(join(root, 'examples', 'three-cluster-ha-dr.yaml'));
    if (!loaded.ok) throw new Error('three-cluster-ha-dr.yaml does not validate');
    return loaded.definition;
  }

  it('the production site lost while the latest deferred copies to the DR cluster are queued: their volumes are lost and listed to rerun', async () => {
    const definition = await haDr();
    const result = runScenario(whatIfScenario(definition, { failures: [{ kind: 'site', site: 'production' }], takeover: 'write', afterMinutes: 0 }));
    expect(result.uncopiedAtFailure).toEqual(['AB0001', 'AB1001']);
    expect(result.dataLostAtFailure).toEqual(['AB0001', 'AB1001']);
    // Older data, copied before the failure, is readable at the DR cluster with the takeover.
    expect(result.readabilityAfterFailure.find((entry) => entry.volser === 'A00001')?.through[2]).toBe('readable');
    expect(result.readabilityAfterFailure.find((entry) => entry.volser === 'AB0001')?.through[2]).toBe('unreadable');
  });

  it('with no backlog at the failure nothing is lost; with a larger one every queued volume is', async () => {
    const definition = await haDr();
    const none = runScenario(whatIfScenario(definition, { failures: [{ kind: 'site', site: 'production' }], takeover: 'write', afterMinutes: 0, backlogVolumes: 0 }));
    expect(none.dataLostAtFailure).toEqual([]);
    const three = runScenario(whatIfScenario(definition, { failures: [{ kind: 'site', site: 'production' }], takeover: 'write', afterMinutes: 0, backlogVolumes: 3 }));
    expect(three.dataLostAtFailure).toHaveLength(6);
  });

  it('one production cluster lost: the RUN copy on the other production cluster keeps the latest data, nothing to rerun but the job in flight', async () => {
    const definition = await haDr();
    const result = runScenario(whatIfScenario(definition, { failures: [{ kind: 'cluster', cluster: 0 }], takeover: 'write', afterMinutes: 0 }));
    expect(result.uncopiedAtFailure).toEqual(['AB0001', 'AB1001']);
    expect(result.dataLostAtFailure).toEqual([]);
  });
});
