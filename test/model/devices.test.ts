import { describe, expect, it } from 'vitest';
import { devicesOnline, type GridEvent, type GridSketch } from '../../model/index.js';
import { after, continueFrom, insertScratch, mounted, ofKind, refusal, volsers } from './helpers.js';

const [A1] = volsers(1) as [string];

/**
 * The GDPS grid of 11.8.1: SYSE at site east on C0 and SYSW at site west on C1, each cabled to the
 * remote cluster too with those devices offline in normal running; RUN copies at both clusters.
 */
const gdpsGrid: GridSketch = {
  clusters: [{ site: 'east' }, { site: 'west' }],
  classes: { MCGDPS: { 0: 'RR', 1: 'RR' } },
  hosts: [
    { name: 'SYSE', site: 'east', online: [0], standby: [1] },
    { name: 'SYSW', site: 'west', online: [1], standby: [0] },
  ],
};

/** SYSE writes A1 through C0: C0 owns it, C1 holds a RUN copy. */
const written: GridEvent[] = [
  insertScratch(0, volsers(2)),
  { type: 'scratch-mount', host: 'SYSE', cluster: 0, managementClass: 'MCGDPS' },
  { type: 'write', cluster: 0, volser: A1 },
  { type: 'rewind-unload', cluster: 0, volser: A1 },
];

describe('standby devices of a GDPS host (GDPS-1, GDPS-4, 11.8.1)', () => {
  it('in normal running the remote devices are offline: a mount through them is refused', () => {
    const { last } = after(gdpsGrid, [...written, { type: 'specific-mount', host: 'SYSE', cluster: 1, volser: A1 }]);
    expect(refusal(last)).toBe('device-offline');
  });

  it('only the primary cluster lost: SYSE varies C1 online and, after a manual takeover, reads its volume through C1 (GDPS-4)', () => {
    const down = after(gdpsGrid, [...written, { type: 'cluster-fail', cluster: 0 }, { type: 'vary-devices', host: 'SYSE', cluster: 1, online: true }]);
    expect(ofKind(down.last, 'devices-varied')).toEqual([{ kind: 'devices-varied', host: 'SYSE', cluster: 1, online: true }]);
    expect(devicesOnline(down.state, down.state.definition.hosts[0] ?? missingHost())).toEqual([0, 1]);
    // The devices are online, but C0 still owns A1 and cannot hand it over: the manual takeover is the second step.
    expect(refusal(continueFrom(down.state, [{ type: 'specific-mount', host: 'SYSE', cluster: 1, volser: A1 }]).last)).toBe('owner-unreachable');
    const taken = continueFrom(down.state, [
      { type: 'set-takeover', at: 1, of: 0, mode: 'write' },
      { type: 'specific-mount', host: 'SYSE', cluster: 1, volser: A1 },
    ]);
    expect(mounted(taken.last).writable).toBe(true);
  });

  it('devices with a job mounted cannot be varied offline; idle ones can, and mounts through them are refused again', () => {
    const online = after(gdpsGrid, [...written, { type: 'vary-devices', host: 'SYSE', cluster: 1, online: true }, { type: 'specific-mount', host: 'SYSE', cluster: 1, volser: A1 }]);
    mounted(online.last);
    expect(refusal(continueFrom(online.state, [{ type: 'vary-devices', host: 'SYSE', cluster: 1, online: false }]).last)).toBe('volume-in-use');
    const idle = continueFrom(online.state, [{ type: 'rewind-unload', cluster: 1, volser: A1 }, { type: 'vary-devices', host: 'SYSE', cluster: 1, online: false }]);
    expect(idle.state.variedOnline).toEqual([]);
    expect(refusal(continueFrom(idle.state, [{ type: 'specific-mount', host: 'SYSE', cluster: 1, volser: A1 }]).last)).toBe('device-offline');
  });

  it("only SYSE's own job on the C1 devices blocks varying them offline: SYSW's job on C1 or SYSE's on C0 does not", () => {
    const online = after(gdpsGrid, [...written, { type: 'vary-devices', host: 'SYSE', cluster: 1, online: true }, { type: 'vary-devices', host: 'SYSW', cluster: 0, online: true }]);
    expect(online.state.variedOnline).toEqual(['SYSE:1', 'SYSW:0']);
    // Varying online again changes nothing; each host's varied devices are kept apart.
    expect(continueFrom(online.state, [{ type: 'vary-devices', host: 'SYSE', cluster: 1, online: true }]).state.variedOnline).toEqual(['SYSE:1', 'SYSW:0']);
    const othersBusy = continueFrom(online.state, [
      { type: 'specific-mount', host: 'SYSW', cluster: 1, volser: A1 },
      { type: 'vary-devices', host: 'SYSE', cluster: 1, online: false },
    ]);
    expect(ofKind(othersBusy.last, 'devices-varied')).toEqual([{ kind: 'devices-varied', host: 'SYSE', cluster: 1, online: false }]);
    expect(othersBusy.state.variedOnline).toEqual(['SYSW:0']);
    const ownElsewhere = continueFrom(online.state, [
      { type: 'specific-mount', host: 'SYSE', cluster: 0, volser: A1 },
      { type: 'vary-devices', host: 'SYSE', cluster: 1, online: false },
    ]);
    expect(ownElsewhere.state.variedOnline).toEqual(['SYSW:0']);
  });

  it('only standby devices can be varied: a cluster the host is not cabled to is refused', () => {
    const sketch: GridSketch = { ...gdpsGrid, hosts: [{ name: 'SYSE', site: 'east', online: [0] }] };
    const { last, state } = after(sketch, [{ type: 'vary-devices', host: 'SYSE', cluster: 1, online: true }]);
    expect(refusal(last)).toBe('device-offline');
    expect(state.variedOnline).toEqual([]);
  });
});

describe('hosts at a lost site and the GDPS site switch (GDPS-2, GDPS-3)', () => {
  it('a host at a lost site mounts nothing, even through a cluster elsewhere (GDPS-3: host and cluster are down)', () => {
    const { last } = after(gdpsGrid, [...written, { type: 'vary-devices', host: 'SYSE', cluster: 1, online: true }, { type: 'site-fail', site: 'east' }, { type: 'specific-mount', host: 'SYSE', cluster: 1, volser: A1 }]);
    expect(refusal(last)).toBe('host-site-lost');
  });

  it('a planned switch needs no manual step: SYSW mounts A1 through C1 and ownership moves at the mount (GDPS-2)', () => {
    const { state, observations } = after(gdpsGrid, [...written, { type: 'gdps-site-switch', site: 'west' }, { type: 'specific-mount', host: 'SYSW', cluster: 1, volser: A1 }]);
    expect(state.gdpsPrimarySite).toBe('west');
    expect(ofKind(observations, 'site-switched')).toEqual([{ kind: 'site-switched', site: 'west' }]);
    expect(ofKind(observations, 'ownership-transfer')).toEqual([{ kind: 'ownership-transfer', volser: A1, from: 0, to: 1 }]);
    expect(state.takeovers).toEqual([]);
    expect(state.volumes[A1]?.ownership.map((token) => token.cluster)).toEqual([1]);
  });

  it('after the primary site is lost, the switched host needs the manual takeover (GDPS-3)', () => {
    const lost = after(gdpsGrid, [...written, { type: 'site-fail', site: 'east' }, { type: 'gdps-site-switch', site: 'west' }]);
    expect(refusal(continueFrom(lost.state, [{ type: 'specific-mount', host: 'SYSW', cluster: 1, volser: A1 }]).last)).toBe('owner-unreachable');
    expect(mounted(continueFrom(lost.state, [{ type: 'set-takeover', at: 1, of: 0, mode: 'write' }, { type: 'specific-mount', host: 'SYSW', cluster: 1, volser: A1 }]).last).writable).toBe(true);
  });

  it('a switch to a site with no host is refused and changes nothing', () => {
    const { state, last } = after(gdpsGrid, [{ type: 'gdps-site-switch', site: 'north' }]);
    expect(refusal(last)).toBe('unknown-site');
    expect(state.gdpsPrimarySite).toBeNull();
  });
});

function missingHost(): never {
  throw new Error('the GDPS sketch has hosts');
}
