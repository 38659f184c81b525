import { describe, expect, it } from 'vitest';
import { writeCapableOwners, type GridEvent, type GridSketch } from '../../model/index.js';
import { after, continueFrom, insertScratch, mounted, ofKind, refusal, volsers } from './helpers.js';

const [A1] = volsers(1) as [string];

/**
 * Ownership edge cases of OWN-2 to OWN-7 and OWN-13 on three clusters, one per site, one link per
 * pair, RUN copies everywhere; PROD has every cluster online. A1 is written through C0, so C0 owns it.
 */
const grid: GridSketch = {
  clusters: [{ site: 'a' }, { site: 'b' }, { site: 'c' }],
  linksPerPair: 1,
  classes: { MC: { 0: 'RRR', 1: 'RRR', 2: 'RRR' } },
  hosts: [{ name: 'PROD', site: 'a', online: [0, 1, 2] }],
};

const written: GridEvent[] = [insertScratch(0, volsers(2)), { type: 'scratch-mount', host: 'PROD', cluster: 0, managementClass: 'MC' }, { type: 'write', cluster: 0, volser: A1 }, { type: 'rewind-unload', cluster: 0, volser: A1 }];
const cut = (a: number, b: number): GridEvent => ({ type: 'link-fail', between: [a, b], link: 0 });
const mount = (cluster: number): GridEvent => ({ type: 'specific-mount', host: 'PROD', cluster, volser: A1 });
const unload = (cluster: number): GridEvent => ({ type: 'rewind-unload', cluster, volser: A1 });

describe('ownership edge cases (OWN-2 to OWN-7, OWN-13)', () => {
  it('read-only takeover gives a read-only mount; once the operator sets write takeover, the next mount upgrades the token (OWN-4, OWN-5)', () => {
    const readOnly = after(grid, [...written, cut(0, 1), cut(0, 2), { type: 'set-takeover', at: 1, of: 0, mode: 'read' }, mount(1)]);
    expect(mounted(readOnly.last)).toMatchObject({ writable: false });
    expect(readOnly.state.volumes[A1]?.ownership).toEqual([
      { cluster: 0, access: 'full' },
      { cluster: 1, access: 'read-only', takenFrom: 0 },
    ]);
    // Mounted again under the same read-only takeover: held, still read-only, no new takeover.
    const again = continueFrom(readOnly.state, [unload(1), mount(1)]);
    expect(mounted(again.last).writable).toBe(false);
    expect(ofKind(again.last, 'ownership-takeover')).toEqual([]);
    const upgraded = continueFrom(again.state, [unload(1), { type: 'set-takeover', at: 1, of: 0, mode: 'write' }, mount(1)]);
    expect(ofKind(upgraded.last, 'ownership-takeover')).toEqual([{ kind: 'ownership-takeover', volser: A1, from: 0, to: 1, access: 'full' }]);
    expect(mounted(upgraded.last).writable).toBe(true);
    expect(upgraded.state.volumes[A1]?.ownership).toEqual([
      { cluster: 0, access: 'full' },
      { cluster: 1, access: 'full', takenFrom: 0 },
    ]);
    // The write takeover is recorded by the taker and every cluster it can reach, in order: C1 and C2 (C0 is cut off).
    expect(upgraded.state.volumes[A1]?.takeoverKnownBy).toEqual([1, 2]);
  });

  it('a read-only token is no owner to transfer from: C2 asks the write owner C0, not C1 (OWN-2)', () => {
    const readOnly = after(grid, [...written, cut(0, 1), { type: 'set-takeover', at: 1, of: 0, mode: 'read' }, mount(1), unload(1)]);
    const atC2 = continueFrom(readOnly.state, [mount(2)]);
    expect(ofKind(atC2.last, 'ownership-transfer')).toEqual([{ kind: 'ownership-transfer', volser: A1, from: 0, to: 2 }]);
  });

  it('with the write owner out of reach, a read-only holder it can reach is still no owner: the mount is refused, not transferred (OWN-2, OWN-4)', () => {
    const readOnly = after(grid, [...written, cut(0, 1), cut(0, 2), { type: 'set-takeover', at: 1, of: 0, mode: 'read' }, mount(1), unload(1)]);
    const atC2 = continueFrom(readOnly.state, [mount(2)]);
    expect(refusal(atC2.last)).toBe('owner-unreachable');
    expect(ofKind(atC2.last, 'ownership-transfer')).toEqual([]);
    expect(atC2.state.volumes[A1]?.ownership).toEqual([
      { cluster: 0, access: 'full' },
      { cluster: 1, access: 'read-only', takenFrom: 0 },
    ]);
  });

  it('mounted again under its read-only takeover, C1 reads the old version it holds while C0, cut off, wrote a newer one: a stale read (OWN-12)', () => {
    const readOnly = after(grid, [...written, cut(0, 1), cut(0, 2), { type: 'set-takeover', at: 1, of: 0, mode: 'read' }, mount(1), unload(1)]);
    const newer = continueFrom(readOnly.state, [mount(0), { type: 'write', cluster: 0, volser: A1 }, unload(0)]);
    expect(newer.state.volumes[A1]?.copies[0]?.dataVersion).toBe(2);
    const again = continueFrom(newer.state, [mount(1)]);
    expect(mounted(again.last).writable).toBe(false);
    expect(ofKind(again.last, 'ownership-takeover')).toEqual([]);
    expect(ofKind(again.last, 'stale-read')).toEqual([{ kind: 'stale-read', volser: A1, cluster: 1, readVersion: 1, newestVersion: 2 }]);
  });

  it('the owner in service preparation, out of reach: its volumes are taken over with full access without any takeover mode (OWN-6)', () => {
    const preparing = after(grid, [...written, cut(0, 1), cut(0, 2), { type: 'service-prep', cluster: 0 }, mount(1)]);
    expect(preparing.state.takeovers).toEqual([]);
    expect(ofKind(preparing.last, 'ownership-takeover')).toEqual([{ kind: 'ownership-takeover', volser: A1, from: 0, to: 1, access: 'full' }]);
    expect(mounted(preparing.last).writable).toBe(true);
    // Merely cut off, not in service: no mode, no takeover.
    expect(refusal(after(grid, [...written, cut(0, 1), cut(0, 2), mount(1)]).last)).toBe('owner-unreachable');
  });

  it('C0 fails and C1 takes it over; C2, which learnt of it, later cut off from C1, does not take the volume from C0 again (OWN-13)', () => {
    const taken = after(grid, [...written, { type: 'cluster-fail', cluster: 0 }, { type: 'set-takeover', at: 1, of: 0, mode: 'write' }, mount(1), unload(1)]);
    expect(taken.state.volumes[A1]?.takeoverKnownBy).toEqual([1, 2]);
    const isolated = continueFrom(taken.state, [cut(1, 2), { type: 'set-takeover', at: 2, of: 0, mode: 'write' }, mount(2)]);
    expect(refusal(isolated.last)).toBe('owner-unreachable');
    expect(isolated.state.volumes[A1]?.ownership.map((token) => token.cluster).sort()).toEqual([0, 1]);
  });

  it('the same survivor cut off before the takeover never learnt of it: its own takeover of C0 splits ownership, the hazard of OWN-13 (ASM-2)', () => {
    const state = after(grid, [...written, cut(1, 2), { type: 'cluster-fail', cluster: 0 }, { type: 'set-takeover', at: 1, of: 0, mode: 'write' }, mount(1), unload(1)]).state;
    expect(state.volumes[A1]?.takeoverKnownBy).toEqual([1]);
    const split = continueFrom(state, [{ type: 'set-takeover', at: 2, of: 0, mode: 'write' }, mount(2)]);
    expect(mounted(split.last).writable).toBe(true);
    const volume = split.state.volumes[A1];
    if (volume === undefined) throw new Error('A1 exists');
    expect(writeCapableOwners(split.state, volume).sort()).toEqual([1, 2]);
  });

  it('a volume taken over and then transferred keeps "taken from C0", so C0 learns on return that it no longer owns it (OWN-7, OWN-14)', () => {
    const moved = after(grid, [...written, { type: 'cluster-fail', cluster: 0 }, { type: 'set-takeover', at: 1, of: 0, mode: 'write' }, mount(1), unload(1), mount(2)]);
    expect(ofKind(moved.last, 'ownership-transfer')).toEqual([{ kind: 'ownership-transfer', volser: A1, from: 1, to: 2 }]);
    expect(moved.state.volumes[A1]?.ownership).toEqual([
      { cluster: 0, access: 'full' },
      { cluster: 2, access: 'full', takenFrom: 0 },
    ]);
    const back = continueFrom(moved.state, [unload(2), { type: 'cluster-restore', cluster: 0 }]);
    expect(back.state.clusters[0]).toBe('up');
    expect(back.state.volumes[A1]?.ownership.map((token) => token.cluster)).toEqual([2]);
    expect(ofKind(back.observations, 'ownership-reconciled')).toEqual([{ kind: 'ownership-reconciled', volser: A1, cluster: 0, holder: 2 }]);
  });

  it('a cluster preparing for service still counts as a write owner; one in service or down does not (OWN-1, OWN-6)', () => {
    const prep = after(grid, [...written, { type: 'service-prep', cluster: 0 }]).state;
    const volume = prep.volumes[A1];
    if (volume === undefined) throw new Error('A1 exists');
    expect(writeCapableOwners(prep, volume)).toEqual([0]);
    const down = after(grid, [...written, { type: 'cluster-fail', cluster: 0 }]).state;
    expect(writeCapableOwners(down, down.volumes[A1] ?? volume)).toEqual([]);
  });

  it('a mount through C1 while the job on C0 still has the volume is refused as in use; a mount behind a partition is not seen (OWN-2)', () => {
    const busy = after(grid, [...written, mount(0)]);
    expect(refusal(continueFrom(busy.state, [mount(1)]).last)).toBe('volume-in-use');
    expect(refusal(continueFrom(busy.state, [mount(0)]).last)).toBe('volume-in-use');
    // Cut off from C0, C1 neither sees the mount nor reaches the owner: the owner does not answer.
    expect(refusal(continueFrom(busy.state, [cut(0, 1), cut(0, 2), mount(1)]).last)).toBe('owner-unreachable');
  });
});

describe('a second takeover after the taker is lost (OWN-5, OWN-13, OWN-14)', () => {
  // C0 fails; C1 takes A1 over with write access while C2 can reach it, so C2 learns of the takeover.
  // Then C1 fails as well.
  const takenByC1: GridEvent[] = [...written, { type: 'cluster-fail', cluster: 0 }, { type: 'set-takeover', at: 1, of: 0, mode: 'write' }, mount(1), unload(1)];

  it('C2 knows C0 no longer owns A1: a takeover of C0 at C2 does not give it A1; the owner to take it from is C1', () => {
    const start = after(grid, [...takenByC1, { type: 'cluster-fail', cluster: 1 }, { type: 'set-takeover', at: 2, of: 0, mode: 'write' }, mount(2)]);
    expect(refusal(start.last)).toBe('owner-unreachable');
    expect(ofKind(start.last, 'refused')[0]?.detail).toBe('owner C1');
    const fromC1 = continueFrom(start.state, [{ type: 'set-takeover', at: 2, of: 1, mode: 'write' }, mount(2)]);
    expect(ofKind(fromC1.last, 'ownership-takeover')).toEqual([{ kind: 'ownership-takeover', volser: A1, from: 1, to: 2, access: 'full' }]);
  });

  it('ownership that came back to C0 after the takeover is C0\'s again: when C0 is lost later, a takeover of C0 at C2 takes it', () => {
    const back = after(grid, [...takenByC1, { type: 'cluster-restore', cluster: 0 }, { type: 'clear-takeover', at: 1, of: 0 }, mount(0), unload(0)]);
    expect(writeCapableOwners(back.state, back.state.volumes[A1] as NonNullable<(typeof back.state.volumes)[string]>)).toEqual([0]);
    const lostAgain = continueFrom(back.state, [{ type: 'cluster-fail', cluster: 0 }, { type: 'set-takeover', at: 2, of: 0, mode: 'write' }, mount(2)]);
    expect(ofKind(lostAgain.last, 'ownership-takeover')).toEqual([{ kind: 'ownership-takeover', volser: A1, from: 0, to: 2, access: 'full' }]);
  });
});
