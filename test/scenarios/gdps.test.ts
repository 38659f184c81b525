import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig, type LoadedConfig } from '../../config/index.js';
import { buildVerifySetup } from '../../config/verifySetup.js';
import { failureRunbook, parseFailure, runScenario, whatIfScenario, type Runbook, type ScenarioResult } from '../../scenarios/index.js';

const root = join(import.meta.dirname, '..', '..');

async function gdpsExample(): Promise<LoadedConfig> {
  const loaded = await loadConfig(join(root, 'examples/gdps-two-site.yaml'));
  if (!loaded.ok) throw new Error('examples/gdps-two-site.yaml does not load');
  return loaded;
}

function runbookOf(loaded: LoadedConfig, failure: string): Runbook {
  const spec = parseFailure(failure, loaded.definition);
  if (typeof spec === 'string') throw new Error(spec);
  const setup = buildVerifySetup(loaded);
  return failureRunbook(loaded.definition, setup.runbook, null, spec, setup.gdps);
}

/** The what-if of a failure with the runbook's steps applied, less the steps `drop` rejects. */
function followRunbook(loaded: LoadedConfig, failure: string, drop: (events: string) => boolean = () => false): ScenarioResult {
  const spec = parseFailure(failure, loaded.definition);
  if (typeof spec === 'string') throw new Error(spec);
  const setup = buildVerifySetup(loaded);
  const steps = runbookOf(loaded, failure).steps.filter((step) => step.events.length > 0 && !drop(step.events.map((event) => event.type).join(',')));
  return runScenario(
    whatIfScenario(loaded.definition, {
      failures: [spec],
      takeover: null,
      afterMinutes: 0,
      operatorSteps: steps.map((step) => ({ label: step.action, events: step.events })),
      ...(setup.gdps === undefined ? {} : { gdps: setup.gdps }),
    }),
  );
}

function afterOperator(result: ScenarioResult): ScenarioResult['productionOverTime'][number] {
  const found = result.productionOverTime.find((round) => round.label === "after the operator's steps" || round.label === 'after the failure');
  if (found === undefined) throw new Error(`no round after the operator's steps in ${JSON.stringify(result.productionOverTime.map((round) => round.label))}`);
  return found;
}

describe('GDPS site switch and site loss (issue 14 item 2, GDPS-2 to GDPS-4, 11.8.1)', () => {
  it('a planned switch with the grid healthy needs no manual step: every job at west completes and ownership moves at each mount (GDPS-2)', async () => {
    const loaded = await gdpsExample();
    const setup = buildVerifySetup(loaded);
    const result = runScenario(whatIfScenario(loaded.definition, { failures: [], takeover: null, afterMinutes: 0, switchSite: 'west', ...(setup.gdps === undefined ? {} : { gdps: setup.gdps }) }));
    const west = result.jobs.filter((job) => job.phase === 'after-failure');
    expect(west.length).toBeGreaterThan(0);
    expect(west.every((job) => job.host === 'SYSW' && job.cluster === 1 && job.outcome === 'completed')).toBe(true);
    expect(result.takeoversSet).toEqual([]);
    // Every volume east wrote now belongs to C1: moved by the mounts, not by a takeover.
    expect(result.ownershipMoves.map((move) => `${move.volser}:${move.from}>${move.to}`).sort()).toEqual(['A00001:0>1', 'AB0001:0>1']);
  });

  it('whole primary site lost: the runbook switches production to west and sets a manual write takeover at C1 (GDPS-3)', async () => {
    const loaded = await gdpsExample();
    const runbook = runbookOf(loaded, 'site:east');
    const events = runbook.steps.flatMap((step) => step.events);
    expect(events).toEqual([
      { type: 'gdps-site-switch', site: 'west' },
      { type: 'set-takeover', at: 1, of: 0, mode: 'write' },
    ]);
    expect(runbook.steps.find((step) => step.events.some((event) => event.type === 'set-takeover'))?.rules).toContain('GDPS-3');
    expect(runbook.steps.some((step) => step.action.startsWith('Wait for AOTM'))).toBe(false);
  });

  it('following that runbook, west runs production; without its takeover step, every read at west fails for want of ownership (GDPS-3)', async () => {
    const loaded = await gdpsExample();
    const followed = afterOperator(followRunbook(loaded, 'site:east'));
    expect(followed.failed).toBe(0);
    expect(followed.completed).toBe(3);
    expect(followed.jobs.every((job) => job.host === 'SYSW')).toBe(true);
    const withoutTakeover = afterOperator(followRunbook(loaded, 'site:east', (types) => types.includes('set-takeover')));
    expect(withoutTakeover.reasons).toEqual([{ reason: 'owner-unreachable', jobs: 2 }]);
    const withoutSwitch = followRunbook(loaded, 'site:east', (types) => types.includes('gdps-site-switch'));
    // No switch: production stays with the lost site's host and nothing runs at all.
    expect(withoutSwitch.jobs.filter((job) => job.phase === 'after-failure')).toEqual([]);
  });

  it('only the primary cluster lost: vary C1 online at SYSE, then take over; dropping either step fails the jobs (GDPS-4)', async () => {
    const loaded = await gdpsExample();
    const runbook = runbookOf(loaded, 'C0');
    expect(runbook.steps.flatMap((step) => step.events)).toEqual([
      { type: 'set-takeover', at: 1, of: 0, mode: 'write' },
      { type: 'vary-devices', host: 'SYSE', cluster: 1, online: true },
    ]);
    const followed = followRunbook(loaded, 'C0');
    const before = followed.productionOverTime[0];
    expect(before?.label).toBe('right after the failure, before any operator step');
    expect(before?.reasons).toEqual([{ reason: 'cluster-down', jobs: 3 }]);
    expect(afterOperator(followed)).toMatchObject({ completed: 3, failed: 0 });
    // Later, with C0 still down, production keeps running through C1.
    expect(followed.productionOverTime.at(-1)).toMatchObject({ at: 24 * 60, completed: 3, failed: 0 });
    // The runbook's steps, each dropped in turn: devices offline without the vary, no ownership without the takeover.
    expect(afterOperator(followRunbook(loaded, 'C0', (types) => types.includes('vary-devices'))).reasons).toEqual([{ reason: 'cluster-down', jobs: 3 }]);
    expect(afterOperator(followRunbook(loaded, 'C0', (types) => types.includes('set-takeover'))).reasons).toEqual([{ reason: 'owner-unreachable', jobs: 2 }]);
  });
});
