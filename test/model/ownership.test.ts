import { describe, expect, it } from 'vitest';
import { dualOwnedVolumes, hasDiverged, readabilityThrough, type GridEvent, type GridSketch } from '../../model/index.js';
import { after, continueFrom, cutBoth, insertScratch, mounted, ofKind, refusal, twoClusterRun, volsers } from './helpers.js';

const [A1, A2] = volsers(2);
const bothLinksDown = cutBoth(0, 1);

/** A1 written through C0 with RUN copies to both clusters, owned by C0. */
const writtenAtC0: GridEvent[] = [
  insertScratch(0, [A1 as string, A2 as string]),
  { type: 'scratch-mount', host: 'HOST', cluster: 0, managementClass: 'MCRUN' },
  { type: 'write', cluster: 0, volser: A1 as string },
  { type: 'rewind-unload', cluster: 0, volser: A1 as string },
];

describe('volume ownership (OWN)', () => {
  it('OWN-1: a volume has exactly one owner, and ownership moves with each mount', () => {
    const { state } = after(twoClusterRun, [...writtenAtC0, { type: 'specific-mount', host: 'HOST', cluster: 1, volser: A1 as string }]);
    const owners = state.volumes[A1 as string]?.ownership ?? [];
    expect(owners).toEqual([{ cluster: 1, access: 'full' }]);
    expect(dualOwnedVolumes(state)).toEqual([]);
  });

  it('OWN-2: a mount through another cluster obtains ownership from the owner over the grid, transparently', () => {
    const { last } = after(twoClusterRun, [...writtenAtC0, { type: 'specific-mount', host: 'HOST', cluster: 1, volser: A1 as string }]);
    expect(ofKind(last, 'ownership-transfer')).toEqual([{ kind: 'ownership-transfer', volser: A1, from: 0, to: 1 }]);
    expect(mounted(last).surfaced).toBe('data');
  });

  it('OWN-2: with the owner unreachable the transfer cannot happen and the mount fails', () => {
    const { last } = after(twoClusterRun, [...writtenAtC0, ...bothLinksDown, { type: 'specific-mount', host: 'HOST', cluster: 1, volser: A1 as string }]);
    expect(refusal(last)).toBe('owner-unreachable');
  });

  it('OWN-2: a mount refused for want of a valid copy leaves ownership where it was', () => {
    const { state, last } = after(twoClusterRun, [
      insertScratch(0, [A1 as string]),
      { type: 'scratch-mount', host: 'HOST', cluster: 0, managementClass: 'MCNONE' },
      { type: 'write', cluster: 0, volser: A1 as string },
      { type: 'rewind-unload', cluster: 0, volser: A1 as string },
      ...cutBoth(0, 1),
      { type: 'set-takeover', at: 1, of: 0, mode: 'write' },
      { type: 'specific-mount', host: 'HOST', cluster: 1, volser: A1 as string },
    ]);
    expect(refusal(last)).toBe('no-valid-copy');
    expect(state.volumes[A1 as string]?.ownership).toEqual([{ cluster: 0, access: 'full' }]);
  });

  it('OWN-3: clusters never take ownership without direction, however long the owner is silent', () => {
    const { state, last } = after(twoClusterRun, [
      ...writtenAtC0,
      { type: 'cluster-fail', cluster: 0 },
      { type: 'specific-mount', host: 'HOST', cluster: 1, volser: A1 as string },
      { type: 'advance', minutes: 24 * 60 },
      { type: 'specific-mount', host: 'HOST', cluster: 1, volser: A1 as string },
    ]);
    expect(refusal(last)).toBe('owner-unreachable');
    expect(state.volumes[A1 as string]?.ownership).toEqual([{ cluster: 0, access: 'full' }]);
    expect(readabilityThrough(state, A1 as string, 1)).toEqual({ kind: 'needs-takeover', owner: 0 });
  });

  it('OWN-4: under read ownership takeover the taker reads, and every modification or attribute change fails', () => {
    const start = after(twoClusterRun, [
      ...writtenAtC0,
      { type: 'cluster-fail', cluster: 0 },
      { type: 'set-takeover', at: 1, of: 0, mode: 'read' },
      { type: 'specific-mount', host: 'HOST', cluster: 1, volser: A1 as string },
    ]);
    const mount = mounted(start.last);
    expect(mount.writable).toBe(false);
    expect(ofKind(start.last, 'ownership-takeover')[0]?.access).toBe('read-only');
    expect(refusal(continueFrom(start.state, [{ type: 'write', cluster: 1, volser: A1 as string }]).last)).toBe('read-only-takeover');
    const unmounted = continueFrom(start.state, [{ type: 'rewind-unload', cluster: 1, volser: A1 as string }]).state;
    expect(refusal(continueFrom(unmounted, [{ type: 'change-category', host: 'HOST', cluster: 1, volser: A1 as string, category: '0002' }]).last)).toBe('read-only-takeover');
    expect(refusal(continueFrom(unmounted, [{ type: 'change-constructs', host: 'HOST', cluster: 1, volser: A1 as string, managementClass: 'MCDEF' }]).last)).toBe('read-only-takeover');
  });

  it('OWN-5: write ownership takeover gives full access through the taker', () => {
    const { state, last } = after(twoClusterRun, [
      ...writtenAtC0,
      { type: 'cluster-fail', cluster: 0 },
      { type: 'set-takeover', at: 1, of: 0, mode: 'write' },
      { type: 'specific-mount', host: 'HOST', cluster: 1, volser: A1 as string },
      { type: 'write', cluster: 1, volser: A1 as string },
    ]);
    expect(ofKind(last, 'write')).toHaveLength(1);
    expect(dualOwnedVolumes(state)).toEqual([]);
  });

  it('OWN-6: a cluster in service preparation or service mode lets peers take its volumes with full access', () => {
    const { last } = after(twoClusterRun, [
      ...writtenAtC0,
      { type: 'service-prep', cluster: 0 },
      { type: 'service-mode', cluster: 0 },
      { type: 'specific-mount', host: 'HOST', cluster: 1, volser: A1 as string },
      { type: 'write', cluster: 1, volser: A1 as string },
    ]);
    expect(ofKind(last, 'write')).toHaveLength(1);
    const prep = after(twoClusterRun, [...writtenAtC0, { type: 'service-prep', cluster: 0 }, { type: 'scratch-mount', host: 'HOST', cluster: 0, managementClass: 'MCRUN' }]);
    expect(refusal(prep.last)).toBe('cluster-in-service');
  });

  it('OWN-7: a takeover mode stays until another is chosen or the failed cluster is restored', () => {
    const set = after(twoClusterRun, [...writtenAtC0, { type: 'cluster-fail', cluster: 0 }, { type: 'set-takeover', at: 1, of: 0, mode: 'read' }]);
    const later = continueFrom(set.state, [{ type: 'advance', minutes: 600 }]);
    expect(later.state.takeovers).toEqual([{ at: 1, of: 0, mode: 'read', source: 'operator' }]);
    const changed = continueFrom(later.state, [{ type: 'set-takeover', at: 1, of: 0, mode: 'write' }]);
    expect(changed.state.takeovers.map((setting) => setting.mode)).toEqual(['write']);
    const restored = continueFrom(changed.state, [{ type: 'cluster-restore', cluster: 0 }]);
    expect(restored.state.takeovers).toEqual([]);
    expect(restored.state.clusters[0]).toBe('up');
  });

  it('OWN-7: a restored cluster gives up volumes taken over under WOT; a ROT reader gives its token back', () => {
    const wot = after(twoClusterRun, [
      ...writtenAtC0,
      { type: 'cluster-fail', cluster: 0 },
      { type: 'set-takeover', at: 1, of: 0, mode: 'write' },
      { type: 'specific-mount', host: 'HOST', cluster: 1, volser: A1 as string },
      { type: 'rewind-unload', cluster: 1, volser: A1 as string },
      { type: 'cluster-restore', cluster: 0 },
    ]);
    expect(wot.state.volumes[A1 as string]?.ownership).toEqual([{ cluster: 1, access: 'full', takenFrom: 0 }]);
    const rot = after(twoClusterRun, [
      ...writtenAtC0,
      { type: 'cluster-fail', cluster: 0 },
      { type: 'set-takeover', at: 1, of: 0, mode: 'read' },
      { type: 'specific-mount', host: 'HOST', cluster: 1, volser: A1 as string },
      { type: 'rewind-unload', cluster: 1, volser: A1 as string },
      { type: 'cluster-restore', cluster: 0 },
    ]);
    expect(rot.state.volumes[A1 as string]?.ownership).toEqual([{ cluster: 0, access: 'full' }]);
  });

  it('OWN-7: a repaired cluster that cannot reach the cluster that took over stays down (cannot rejoin)', () => {
    const { state, last } = after(twoClusterRun, [
      ...writtenAtC0,
      { type: 'cluster-fail', cluster: 0 },
      { type: 'set-takeover', at: 1, of: 0, mode: 'write' },
      ...bothLinksDown,
      { type: 'cluster-restore', cluster: 0 },
    ]);
    expect(refusal(last)).toBe('cannot-rejoin');
    expect(state.clusters[0]).toBe('down');
  });

  it('OWN-8: AOTM enables its mode only after the grace period, and only when the TSSCs find the owner down', () => {
    const aotmGrid = {
      ...twoClusterRun,
      clusters: [{}, { aotm: { mode: 'write' as const, graceMinutes: 20, retryMinutes: 5, tsscNetwork: 'independent' as const } }],
    };
    const failed = after(aotmGrid, [...writtenAtC0, { type: 'cluster-fail', cluster: 0 }, { type: 'specific-mount', host: 'HOST', cluster: 1, volser: A1 as string }]);
    // Jobs fail until AOTM enables the mode and may be retried (11.1).
    expect(refusal(failed.last)).toBe('owner-unreachable');
    const early = continueFrom(failed.state, [{ type: 'advance', minutes: 19 }]);
    expect(early.state.takeovers).toEqual([]);
    const due = continueFrom(early.state, [{ type: 'advance', minutes: 1 }]);
    expect(ofKind(due.last, 'aotm-takeover')).toEqual([expect.objectContaining({ at: 1, of: 0, mode: 'write', ownerActuallyDown: true })]);
    expect(ofKind(due.last, 'aotm-takeover')[0]?.message).toMatch(/^G0009/);
    const retried = continueFrom(due.state, [{ type: 'specific-mount', host: 'HOST', cluster: 1, volser: A1 as string }]);
    expect(mounted(retried.last).writable).toBe(true);

    // Links down, owner alive: the independent TSSC network sees C0 and AOTM takes nothing; it checks again after the retry period.
    const partitioned = after(aotmGrid, [...writtenAtC0, ...bothLinksDown, { type: 'specific-mount', host: 'HOST', cluster: 1, volser: A1 as string }, { type: 'advance', minutes: 20 }]);
    expect(ofKind(partitioned.last, 'aotm-no-takeover')).toHaveLength(1);
    expect(partitioned.state.takeovers).toEqual([]);
    expect(partitioned.state.aotmTimers[0]?.nextCheckAt).toBe(25);
  });

  it('OWN-8: the grace period starts when the surviving cluster detects the failure, not at the first unanswered request ("The grace period starts when a TS7700 detects that a remote TS7700 has failed")', () => {
    const aotmGrid = {
      ...twoClusterRun,
      clusters: [{}, { aotm: { mode: 'write' as const, graceMinutes: 20, retryMinutes: 5, tsscNetwork: 'independent' as const } }],
    };
    const failed = after(aotmGrid, [...writtenAtC0, { type: 'cluster-fail', cluster: 0 }]);
    expect(ofKind(failed.last, 'aotm-grace-started')).toEqual([{ kind: 'aotm-grace-started', at: 1, of: 0, checkAt: 20 }]);
    // Fifteen minutes pass before any job asks C1 for C0's volume; the takeover still comes 20 minutes after the failure.
    const asked = continueFrom(failed.state, [{ type: 'advance', minutes: 15 }, { type: 'specific-mount', host: 'HOST', cluster: 1, volser: A1 as string }]);
    expect(refusal(asked.last)).toBe('owner-unreachable');
    expect(continueFrom(asked.state, [{ type: 'advance', minutes: 4 }]).state.takeovers).toEqual([]);
    const due = continueFrom(asked.state, [{ type: 'advance', minutes: 5 }]);
    expect(ofKind(due.last, 'aotm-takeover')).toEqual([expect.objectContaining({ at: 1, of: 0, mode: 'write' })]);
    // A cluster without AOTM, or AOTM limited to other peers, starts nothing.
    const plain = after(twoClusterRun, [...writtenAtC0, { type: 'cluster-fail', cluster: 0 }]);
    expect(plain.state.aotmTimers).toEqual([]);
    const otherPeers = { ...twoClusterRun, clusters: [{}, { aotm: { mode: 'write' as const, graceMinutes: 20, retryMinutes: 5, tsscNetwork: 'independent' as const, peers: [1] } }] };
    expect(after(otherPeers, [...writtenAtC0, { type: 'cluster-fail', cluster: 0 }]).state.aotmTimers).toEqual([]);
    // The peer answers again before the grace period is over: no check, no takeover.
    const back = continueFrom(failed.state, [{ type: 'cluster-restore', cluster: 0 }, { type: 'advance', minutes: 30 }]);
    expect(back.state.takeovers).toEqual([]);
    expect(back.state.aotmTimers).toEqual([]);
  });

  it('OWN-8: AOTM cannot take over a cluster whose TSSC was lost with its site; a single cluster failure at that site it can (11.8.1: "Automatic ownership takeover ... is not possible")', () => {
    const aotm = (tsscNetwork: 'independent' | 'shared-with-grid-links') => ({
      ...twoClusterRun,
      clusters: [{ site: 'primary' }, { site: 'remote', aotm: { mode: 'write' as const, graceMinutes: 20, retryMinutes: 5, tsscNetwork } }],
    });
    const siteLost = after(aotm('independent'), [...writtenAtC0, { type: 'site-fail', site: 'primary' }, { type: 'advance', minutes: 20 }]);
    expect(siteLost.state.clusters[0]).toBe('down');
    expect(ofKind(siteLost.observations, 'call-home')).toContainEqual({ kind: 'call-home', component: 'site primary' });
    expect(siteLost.state.takeovers).toEqual([]);
    expect(ofKind(siteLost.last, 'aotm-no-takeover')[0]?.message).toMatch(/TSSC of C0 was lost with site primary/);
    // The operator's manual takeover still works (11.8.1: "Manual intervention is required").
    const manual = continueFrom(siteLost.state, [{ type: 'set-takeover', at: 1, of: 0, mode: 'write' }, { type: 'specific-mount', host: 'HOST', cluster: 1, volser: A1 as string }]);
    expect(mounted(manual.last).writable).toBe(true);
    // Only the cluster fails, its site's TSSC answers: AOTM takes over.
    const clusterOnly = after(aotm('independent'), [...writtenAtC0, { type: 'cluster-fail', cluster: 0 }, { type: 'advance', minutes: 20 }]);
    expect(clusterOnly.state.takeovers).toEqual([expect.objectContaining({ at: 1, of: 0, source: 'aotm' })]);
    // A TSSC path on the grid links reads the silence as "down" (TOP-4) and takes over either way.
    const shared = after(aotm('shared-with-grid-links'), [...writtenAtC0, { type: 'site-fail', site: 'primary' }, { type: 'advance', minutes: 20 }]);
    expect(shared.state.takeovers).toEqual([expect.objectContaining({ at: 1, of: 0, source: 'aotm' })]);
    // The site comes back: its clusters rejoin and the console answers again.
    const restored = continueFrom(siteLost.state, [{ type: 'site-restore', site: 'primary' }]);
    expect(restored.state.clusters[0]).toBe('up');
    expect(restored.state.lostSites).toEqual([]);
    expect(refusal(after(aotm('independent'), [{ type: 'site-fail', site: 'nowhere' }]).last)).toBe('unknown-site');
  });

  it('OWN-9: write ownership takeover set during a DR test is warned about', () => {
    const { last } = after(twoClusterRun, [...writtenAtC0, { type: 'begin-dr-test' }, ...bothLinksDown, { type: 'set-takeover', at: 1, of: 0, mode: 'write' }]);
    expect(ofKind(last, 'warning')).toEqual([expect.objectContaining({ rule: 'OWN-9' })]);
    const readOnly = after(twoClusterRun, [...writtenAtC0, { type: 'begin-dr-test' }, ...bothLinksDown, { type: 'set-takeover', at: 1, of: 0, mode: 'read' }]);
    expect(ofKind(readOnly.last, 'warning')).toEqual([]);
  });

  it('OWN-10: volumes inserted through a cluster are owned by it; insertion needs the grid links up', () => {
    const { state } = after(twoClusterRun, [insertScratch(1, ['TST001'])]);
    expect(state.volumes.TST001?.ownership).toEqual([{ cluster: 1, access: 'full' }]);
    expect(Object.keys(state.volumes.TST001?.copies ?? {})).toEqual(['0', '1']);
    const cut = after(twoClusterRun, [...bothLinksDown, insertScratch(1, ['TST001'])]);
    expect(refusal(cut.last)).toBe('grid-not-connected');
  });

  it('OWN-11: write takeover while the owner is alive behind broken links gives two owners, and their writes split the volume', () => {
    const { state } = after(twoClusterRun, [
      ...writtenAtC0,
      ...bothLinksDown,
      { type: 'set-takeover', at: 1, of: 0, mode: 'write' },
      { type: 'specific-mount', host: 'HOST', cluster: 1, volser: A1 as string },
      { type: 'write', cluster: 1, volser: A1 as string },
      { type: 'specific-mount', host: 'HOST', cluster: 0, volser: A1 as string },
      { type: 'write', cluster: 0, volser: A1 as string },
    ]);
    expect(dualOwnedVolumes(state)).toEqual([{ volser: A1, owners: [0, 1] }]);
    expect(hasDiverged(state.volumes[A1 as string] as NonNullable<(typeof state.volumes)[string]>)).toBe(true);
  });

  it('OWN-11: the same events with read takeover leave one writer and no split', () => {
    const { state, last } = after(twoClusterRun, [
      ...writtenAtC0,
      ...bothLinksDown,
      { type: 'set-takeover', at: 1, of: 0, mode: 'read' },
      { type: 'specific-mount', host: 'HOST', cluster: 1, volser: A1 as string },
      { type: 'write', cluster: 1, volser: A1 as string },
    ]);
    expect(refusal(last)).toBe('read-only-takeover');
    expect(dualOwnedVolumes(state)).toEqual([]);
    expect(hasDiverged(state.volumes[A1 as string] as NonNullable<(typeof state.volumes)[string]>)).toBe(false);
  });

  it('OWN-12: read takeover can surface stale data when the owner changed the volume while the links were down', () => {
    const { last } = after(twoClusterRun, [
      ...writtenAtC0,
      ...bothLinksDown,
      { type: 'specific-mount', host: 'HOST', cluster: 0, volser: A1 as string },
      { type: 'write', cluster: 0, volser: A1 as string },
      { type: 'rewind-unload', cluster: 0, volser: A1 as string },
      { type: 'set-takeover', at: 1, of: 0, mode: 'read' },
      { type: 'specific-mount', host: 'HOST', cluster: 1, volser: A1 as string },
    ]);
    expect(ofKind(last, 'stale-read')).toEqual([{ kind: 'stale-read', volser: A1, cluster: 1, readVersion: 1, newestVersion: 2 }]);
  });

  it('OWN-12: write takeover with no consistent copy reachable is reported', () => {
    const { last } = after(twoClusterRun, [
      ...writtenAtC0,
      ...bothLinksDown,
      { type: 'specific-mount', host: 'HOST', cluster: 0, volser: A1 as string },
      { type: 'write', cluster: 0, volser: A1 as string },
      { type: 'rewind-unload', cluster: 0, volser: A1 as string },
      { type: 'cluster-fail', cluster: 0 },
      { type: 'set-takeover', at: 1, of: 0, mode: 'write' },
      { type: 'specific-mount', host: 'HOST', cluster: 1, volser: A1 as string },
    ]);
    expect(ofKind(last, 'no-consistent-copy')).toEqual([{ kind: 'no-consistent-copy', volser: A1, cluster: 1 }]);
  });

  it('OWN-12: a taker that knows its copy is stale refuses the mount instead of surfacing old data', () => {
    const { last } = after(twoClusterRun, [
      insertScratch(0, [A1 as string]),
      { type: 'scratch-mount', host: 'HOST', cluster: 0, managementClass: 'MCDEF' },
      { type: 'write', cluster: 0, volser: A1 as string },
      { type: 'rewind-unload', cluster: 0, volser: A1 as string },
      { type: 'deferred-copy' },
      { type: 'specific-mount', host: 'HOST', cluster: 0, volser: A1 as string },
      { type: 'write', cluster: 0, volser: A1 as string },
      { type: 'rewind-unload', cluster: 0, volser: A1 as string },
      { type: 'cluster-fail', cluster: 0 },
      { type: 'set-takeover', at: 1, of: 0, mode: 'write' },
      { type: 'specific-mount', host: 'HOST', cluster: 1, volser: A1 as string },
    ]);
    expect(refusal(last)).toBe('no-valid-copy');
  });
});

describe('AOTM details (OWN-8, 11.1)', () => {
  const withAotm = (mode: 'read' | 'write', peers?: number[]): GridSketch => ({
    clusters: [{}, {}, { aotm: { mode, graceMinutes: 20, retryMinutes: 5, tsscNetwork: 'independent', ...(peers === undefined ? {} : { peers }) } }],
    classes: { MC: { 0: 'RRR', 1: 'RRR', 2: 'RRR' } },
    hosts: [{ name: 'HOST', online: [0, 1, 2] }],
  });

  it('one grace period per lost peer: losing C0 and then C1 starts a timer for each; a second step starts no second timer for C0', () => {
    const { state, observations } = after(withAotm('write'), [{ type: 'cluster-fail', cluster: 0 }, { type: 'advance', minutes: 5 }, { type: 'cluster-fail', cluster: 1 }]);
    expect(state.aotmTimers.map((timer) => [timer.of, timer.nextCheckAt])).toEqual([[0, 20], [1, 25]]);
    expect(ofKind(observations, 'aotm-grace-started').map((started) => started.of)).toEqual([0, 1]);
  });

  it('a peer back before the grace period ends (links repaired) ends the timer: no check, no takeover', () => {
    const links: GridEvent[] = [0, 1].map((link) => ({ type: 'link-fail', between: [0, 2], link }) as GridEvent);
    const repaired: GridEvent[] = [0, 1].map((link) => ({ type: 'link-restore', between: [0, 2], link }) as GridEvent);
    const { state, observations } = after(withAotm('write'), [...links, { type: 'advance', minutes: 10 }, ...repaired, { type: 'advance', minutes: 30 }]);
    expect(state.takeovers).toEqual([]);
    expect(state.aotmTimers).toEqual([]);
    expect(ofKind(observations, 'aotm-no-takeover')).toEqual([]);
  });

  it('a takeover the operator already set starts no timer; one set during the grace period is replaced by AOTM\'s own setting, not doubled', () => {
    // After AOTM's own takeover, C0 still unreachable: no new grace period starts.
    const taken = after(withAotm('write'), [{ type: 'cluster-fail', cluster: 0 }, { type: 'advance', minutes: 20 }, { type: 'advance', minutes: 30 }]);
    expect(taken.state.aotmTimers).toEqual([]);
    expect(ofKind(taken.observations, 'aotm-grace-started')).toHaveLength(1);
    // A cluster that is down itself detects nothing.
    expect(after(withAotm('write'), [{ type: 'cluster-fail', cluster: 2 }]).state.aotmTimers).toEqual([]);
    const during = after(withAotm('write'), [{ type: 'cluster-fail', cluster: 0 }, { type: 'advance', minutes: 10 }, { type: 'set-takeover', at: 2, of: 0, mode: 'read' }, { type: 'advance', minutes: 10 }]);
    expect(during.state.takeovers).toEqual([{ at: 2, of: 0, mode: 'write', source: 'aotm' }]);
    // Only C2's own setting for C0 is replaced: a setting at C1 stays.
    const other = after(withAotm('write'), [{ type: 'cluster-fail', cluster: 0 }, { type: 'set-takeover', at: 1, of: 0, mode: 'read' }, { type: 'advance', minutes: 20 }]);
    expect(other.state.takeovers).toEqual([{ at: 1, of: 0, mode: 'read', source: 'operator' }, { at: 2, of: 0, mode: 'write', source: 'aotm' }]);
  });

  it('read mode: AOTM enables Read-Only takeover with message G0010; peers limits whom it covers', () => {
    const read = after(withAotm('read'), [{ type: 'cluster-fail', cluster: 0 }, { type: 'advance', minutes: 20 }]);
    expect(ofKind(read.observations, 'aotm-takeover')[0]?.message).toBe('G0010 Autonomic ownership takeover manager within library C2 determined that library C0 is unavailable. The Read-Only ownership takeover mode has been enabled.');
    const limited = after(withAotm('write', [1]), [{ type: 'cluster-fail', cluster: 0 }, { type: 'cluster-fail', cluster: 1 }]);
    expect(limited.state.aotmTimers.map((timer) => timer.of)).toEqual([1]);
  });

  it('a peer in service mode counts as down for the TSSC check (OWN-6)', () => {
    const { observations } = after(withAotm('write'), [{ type: 'service-prep', cluster: 0 }, { type: 'service-mode', cluster: 0 }, { type: 'advance', minutes: 20 }]);
    expect(ofKind(observations, 'aotm-takeover')).toEqual([expect.objectContaining({ at: 2, of: 0, ownerActuallyDown: true })]);
  });

  it('links down, owner alive: the check says so and tries again after the retry period', () => {
    const links: GridEvent[] = [0, 1].map((link) => ({ type: 'link-fail', between: [0, 2], link }) as GridEvent);
    const { state, observations } = after(withAotm('write'), [...links, { type: 'advance', minutes: 20 }]);
    expect(ofKind(observations, 'aotm-no-takeover')[0]?.message).toBe('AOTM at C2: the TSSC check found C0 alive; only the grid links are down, no takeover');
    expect(state.aotmTimers[0]?.nextCheckAt).toBe(25);
  });
});
