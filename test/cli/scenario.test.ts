import { tapegridInProcess } from './run.js';
import { describe, expect, it } from 'vitest';

describe('tapegrid scenario and whatif', async () => {
  it('scenario list names the eight scenarios of the seed', async () => {
    const { code, stdout } = await tapegridInProcess(['scenario', 'list']);
    expect(code).toBe(0);
    expect(stdout.match(/^FS-\d/gm)).toEqual(['FS-1', 'FS-2', 'FS-3', 'FS-4', 'FS-5', 'FS-6', 'FS-7', 'FS-8']);
  });

  it('scenario run 2 quotes the seed, shows the jobs and states, and checks every listed effect', async () => {
    const { code, stdout } = await tapegridInProcess(['scenario', 'run', '2']);
    expect(code).toBe(0);
    expect(stdout).toContain('"Jobs on virtual device addresses on TS7700 Cluster 0 continue to run');
    expect(stdout).toMatch(/write scratch 4 +C0 .* failed: no-scratch-owned/);
    expect(stdout).toContain("Grid states raised: GS-1 Grid Links Degraded, GS-2 VTS Operations Degraded, GS-3 Copy Operation Disabled, GS-4 Immediate Mode Copy Completion's Deferred");
    expect(stdout).not.toContain('NO ');
  });

  it('whatif: a cluster loss with write takeover lets the survivors read its copied volumes', async () => {
    const { code, stdout } = await tapegridInProcess(['whatif', 'examples/three-cluster-ha-dr.yaml', '--fail', 'C0', '--takeover', 'write', '--json']);
    expect(code).toBe(0);
    const parsed = JSON.parse(stdout) as { result: { readabilityAfterFailure: { volser: string; through: Record<string, string> }[]; jobs: { phase: string; outcome: string; reason: string | null }[] } };
    for (const entry of parsed.result.readabilityAfterFailure) expect(entry.through['1']).toBe('readable');
    expect(parsed.result.jobs.filter((job) => job.phase === 'in-flight' && job.outcome === 'failed').map((job) => job.reason)).toEqual(['cluster-down']);
  });

  it('whatif: a site loss and a link pair loss report states and recovery', async () => {
    const site = await tapegridInProcess(['whatif', 'examples/four-cluster-hybrid.yaml', '--fail', 'site:remote']);
    expect(site.code).toBe(0);
    expect(site.stdout).toContain('Grid states raised: GS-2 VTS Operations Degraded, GS-3 Copy Operation Disabled');
    const pair = await tapegridInProcess(['whatif', 'examples/two-cluster-dr.yaml', '--fail', 'links:0-1', '--after', '30 min']);
    expect(pair.stdout).toContain('GS-1 Grid Links Degraded');
    expect(pair.stdout).toContain('Recovery the seed prescribes');
  });

  it('bad failures and options are exit 2 with the reason', async () => {
    expect((await tapegridInProcess(['whatif', 'examples/two-cluster-dr.yaml', '--fail', 'C9'])).stderr).toContain('no cluster 9');
    expect((await tapegridInProcess(['whatif', 'examples/two-cluster-dr.yaml', '--fail', 'links:0-5'])).code).toBe(2);
    expect((await tapegridInProcess(['whatif', 'examples/two-cluster-dr.yaml'])).code).toBe(2);
    expect((await tapegridInProcess(['whatif', 'examples/two-cluster-dr.yaml', '--fail', 'C0', '--takeover', 'maybe'])).code).toBe(2);
    expect((await tapegridInProcess(['scenario', 'run', '9'])).code).toBe(2);
    const backlog = await tapegridInProcess(['whatif', 'examples/two-cluster-dr.yaml', '--fail', 'C0', '--backlog', 'lots']);
    expect(backlog.code).toBe(2);
    expect(backlog.stderr).toContain('--backlog expects a whole number of volumes');
  });

  it('whatif: the production site lost with deferred copies queued names the jobs to rerun', async () => {
    const { code, stdout } = await tapegridInProcess(['whatif', 'examples/three-cluster-ha-dr.yaml', '--fail', 'site:production', '--takeover', 'write', '--backlog', '2']);
    expect(code).toBe(0);
    expect(stdout).toContain('Data lost at the failure, jobs to rerun: AB0001, AB0002, AB1001, AB1002');
  });

  it('whatif --switch-site: a planned GDPS switch needs no manual step and moves ownership at the mounts (GDPS-2)', async () => {
    const { code, stdout } = await tapegridInProcess(['whatif', 'examples/gdps-two-site.yaml', '--switch-site', '--json']);
    expect(code).toBe(0);
    const data = JSON.parse(stdout) as { switchSite: string; result: { takeoversSet: string[]; ownershipMoves: { volser: string; from: number; to: number }[]; productionOverTime: { completed: number; failed: number }[] } };
    expect(data.switchSite).toBe('west');
    expect(data.result.takeoversSet).toEqual([]);
    expect(data.result.ownershipMoves.map((move) => move.to)).toEqual([1, 1]);
    expect(data.result.productionOverTime.every((round) => round.failed === 0 && round.completed > 0)).toBe(true);
    expect((await tapegridInProcess(['whatif', 'examples/two-cluster-dr.yaml', '--switch-site'])).stderr).toContain('needs a gdps section');
  });

  it('whatif --runbook: production over time, before and after the operator follows the runbook (GDPS-4, issue 14 item 4)', async () => {
    const { code, stdout } = await tapegridInProcess(['whatif', 'examples/gdps-two-site.yaml', '--fail', 'C0', '--runbook', '--later', '3 d']);
    expect(code).toBe(0);
    expect(stdout).toContain('runbook: Vary online at SYSE the virtual devices of C1');
    expect(stdout).toMatch(/right after the failure, before any operator step \(t\+0 min\) +0 +3 +cluster down 3/);
    expect(stdout).toMatch(/after the operator's steps \(t\+0 min\) +3 +0 +-/);
    expect(stdout).toMatch(/72 h after the failure, the failed components still out \(t\+3 d\) +3 +0/);
    expect((await tapegridInProcess(['whatif', 'examples/gdps-two-site.yaml', '--fail', 'C0', '--runbook', '--takeover', 'write'])).code).toBe(2);
    expect((await tapegridInProcess(['whatif', 'examples/gdps-two-site.yaml', '--fail', 'C0', '--later', '0 h'])).stderr).toContain('--later');
  });
});
