import { describe, expect, it } from 'vitest';
import type { GridEvent, GridSketch } from '../../model/index.js';
import { after, continueFrom, insertScratch, ofKind, volsers } from './helpers.js';

/**
 * OWN-8 timers with several peers: C0 runs AOTM (write, 20 minutes' grace, an independent TSSC
 * network) over C1 and C2; C1 and C2 have no AOTM. One site per cluster, one link per pair.
 */
const aotm = { mode: 'write' as const, graceMinutes: 20, retryMinutes: 5, tsscNetwork: 'independent' as const };
const grid: GridSketch = {
  clusters: [{ site: 'a', aotm }, { site: 'b' }, { site: 'c' }],
  linksPerPair: 1,
  classes: { MC: { 0: 'RRR', 1: 'RRR', 2: 'RRR' } },
  hosts: [{ name: 'PROD', site: 'a', online: [0, 1, 2] }],
};
const start: GridEvent[] = [insertScratch(0, volsers(1))];
const fail = (cluster: number): GridEvent => ({ type: 'cluster-fail', cluster });

describe('AOTM with several peers (OWN-8)', () => {
  it('each lost peer gets its own grace period, the second one too, from the moment it is lost', () => {
    const first = after(grid, [...start, fail(1), { type: 'advance', minutes: 5 }, fail(2)]);
    expect(first.state.aotmTimers.map(({ at, of, since }) => ({ at, of, since }))).toEqual([
      { at: 0, of: 1, since: 0 },
      { at: 0, of: 2, since: 5 },
    ]);
    const due = continueFrom(first.state, [{ type: 'advance', minutes: 15 }]);
    expect(ofKind(due.observations, 'aotm-takeover').map(({ of }) => of)).toEqual([1]);
    const later = continueFrom(due.state, [{ type: 'advance', minutes: 5 }]);
    expect(ofKind(later.observations, 'aotm-takeover').map(({ of }) => of)).toEqual([2]);
    expect(later.state.takeovers).toEqual([
      { at: 0, of: 1, mode: 'write', source: 'aotm' },
      { at: 0, of: 2, mode: 'write', source: 'aotm' },
    ]);
  });

  it('no new timer for a peer the operator has a takeover set for at this cluster; a setting elsewhere, or of another peer, does not count', () => {
    const cut: GridEvent = { type: 'link-fail', between: [0, 1], link: 0 };
    const mended: GridEvent = { type: 'link-restore', between: [0, 1], link: 0 };
    // Cut off, the operator sets read takeover at C0; the link comes back (the timer ends, the setting stays), then fails again.
    const ownSetting = after(grid, [...start, cut, { type: 'set-takeover', at: 0, of: 1, mode: 'read' }, mended, { type: 'advance', minutes: 1 }]);
    expect(ownSetting.state.aotmTimers).toEqual([]);
    expect(ownSetting.state.takeovers).toEqual([{ at: 0, of: 1, mode: 'read', source: 'operator' }]);
    expect(continueFrom(ownSetting.state, [cut]).state.aotmTimers).toEqual([]);
    // Settings at another cluster for C1, or at C0 for another peer, leave C0's detection of C1 alone.
    const c2Cut: GridEvent[] = [{ type: 'link-fail', between: [0, 2], link: 0 }, { type: 'link-fail', between: [1, 2], link: 0 }];
    const elsewhere = after(grid, [...start, ...c2Cut, { type: 'set-takeover', at: 2, of: 1, mode: 'read' }, { type: 'set-takeover', at: 0, of: 2, mode: 'read' }, fail(1)]);
    expect(elsewhere.state.aotmTimers.map(({ at, of }) => ({ at, of }))).toContainEqual({ at: 0, of: 1 });
    // AOTM's own setting replaces only its own pair's setting.
    const due = continueFrom(elsewhere.state, [{ type: 'advance', minutes: 20 }]);
    expect(due.state.takeovers).toEqual([
      { at: 2, of: 1, mode: 'read', source: 'operator' },
      { at: 0, of: 2, mode: 'read', source: 'operator' },
      { at: 0, of: 1, mode: 'write', source: 'aotm' },
    ]);
  });

  it('a cluster that is itself down detects nothing, and its running timers end with it', () => {
    const selfDown = after(grid, [...start, fail(0), fail(1)]);
    expect(selfDown.state.aotmTimers).toEqual([]);
    expect(ofKind(selfDown.observations, 'aotm-grace-started')).toEqual([]);
    const timerThenDown = after(grid, [...start, fail(1), { type: 'advance', minutes: 10 }, fail(0), { type: 'advance', minutes: 20 }]);
    expect(ofKind(timerThenDown.observations, 'aotm-takeover')).toEqual([]);
    expect(timerThenDown.state.takeovers).toEqual([]);
    expect(timerThenDown.state.aotmTimers).toEqual([]);
  });

  it('a peer in service is down for the TSSC check: AOTM takes it over when its grace period ends', () => {
    const service = after(grid, [...start, { type: 'service-prep', cluster: 1 }, { type: 'service-mode', cluster: 1 }]);
    expect(service.state.clusters[1]).toBe('service');
    // A cluster in service does not answer the grid: C0 detects it like a failure.
    expect(service.state.aotmTimers.map(({ at, of }) => ({ at, of }))).toEqual([{ at: 0, of: 1 }]);
    const due = continueFrom(service.state, [{ type: 'advance', minutes: 20 }]);
    expect(ofKind(due.observations, 'aotm-takeover')).toEqual([expect.objectContaining({ at: 0, of: 1, ownerActuallyDown: true })]);
  });
});
