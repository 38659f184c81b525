import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildPlanInputs, loadConfig } from '../../config/index.js';
import { loadCatalog, referenceCatalogPath } from '../../config/catalog.js';
import { buildVerifySetup } from '../../config/verifySetup.js';
import { failureRunbook, parseFailure, type Runbook } from '../../scenarios/index.js';

const root = join(import.meta.dirname, '..', '..');

async function runbookFor(file: string, failure: string): Promise<Runbook> {
  const loaded = await loadConfig(join(root, file));
  if (!loaded.ok) throw new Error(`${file} does not load`);
  const catalog = await loadCatalog(referenceCatalogPath, loaded.units);
  if (!catalog.ok) throw new Error('catalog');
  const spec = parseFailure(failure, loaded.definition);
  if (typeof spec === 'string') throw new Error(spec);
  return failureRunbook(loaded.definition, buildVerifySetup(loaded).runbook, buildPlanInputs(loaded.config, loaded.units, catalog.catalog), spec);
}

describe('recovery runbook per failure (issue 14, GDPS-3 to GDPS-5, 11.11)', () => {
  it('two-cluster-dr, production site lost: in-doubt volumes and jobs to rerun follow from the workload, worked out by hand', async () => {
    const runbook = await runbookFor('examples/two-cluster-dr.yaml', 'site:site-a');
    // 20 TB/day host at 2 : 1 = 10 TB/day stored to C1 (3 RUN + 7 Deferred); 12 % in the peak hour: 333.3 MB/s.
    // No queue on 17 Gb/s; an average 4000 MiB volume (2.097 GB stored) takes 7.895 s at one of 8 streams:
    // 333.3 MB/s x 7.895 s = 2.632 GB in flight, 1.26 average volumes: up to 2 volumes.
    expect(runbook.inDoubt).toEqual([expect.objectContaining({ from: 0, to: 1, volumes: 2, bytes: expect.closeTo((10e12 * 0.12) / 3600 * ((4000 * 2 ** 20) / 2 / (2.125e9 / 8)), -3) })]);
    expect(runbook.jobsToRerun).toBe(2);
    expect(runbook.survivors).toEqual([1]);
  });

  it('a whole site lost: the manual takeover at one survivor is a step, because the TSSC went with the site and AOTM cannot act (GDPS-3)', async () => {
    const runbook = await runbookFor('examples/gdps-two-site.yaml', 'site:east');
    const takeover = runbook.steps.find((step) => step.rules.includes('GDPS-3'));
    expect(takeover?.action).toBe('Confirm that C0 is down (not merely unreachable), then set write ownership takeover for C0 at C1 only (MI: Service and Troubleshooting, Ownership Takeover Mode).');
    expect(takeover?.step).toBe(1);
    expect(runbook.steps.some((step) => step.action.startsWith('Wait for AOTM'))).toBe(false);
    expect(runbook.steps.some((step) => step.rules.includes('GDPS-5'))).toBe(true);
  });

  it('only the primary cluster lost: vary the remote devices online at the primary host, then take over (GDPS-4)', async () => {
    const runbook = await runbookFor('examples/gdps-two-site.yaml', 'C0');
    const vary = runbook.steps.find((step) => step.rules.includes('GDPS-4'));
    expect(vary?.action).toBe('Vary online at SYSE the virtual devices of C1 (they are offline in normal running), then rerun its failed jobs through them.');
    expect(runbook.steps.some((step) => step.action.includes('set write ownership takeover for C0 at C1 only'))).toBe(true);
  });

  it('AOTM on an independent TSSC network takes over a lost cluster by itself: the runbook says to wait for it', async () => {
    const runbook = await runbookFor('examples/two-cluster-ha.yaml', 'C0');
    expect(runbook.steps[0]?.action).toBe('Wait for AOTM at C1: it takes write ownership of C0 after its 20-minute grace period, once the TSSC confirms C0 is down.');
  });

  it('links down between two running clusters: no write takeover, which would split ownership', async () => {
    const runbook = await runbookFor('examples/two-cluster-dr.yaml', 'links:0-1');
    expect(runbook.steps[0]).toEqual(expect.objectContaining({ action: 'Do not set write ownership takeover: both clusters are still running, each cut off from the other.', rules: ['OWN-4', 'OWN-11', 'TOP-4'] }));
    expect(runbook.inDoubt).toEqual([]);
  });
});
