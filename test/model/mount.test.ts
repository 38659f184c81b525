import { describe, expect, it } from 'vitest';
import type { GridEvent, GridSketch } from '../../model/index.js';
import { after, continueFrom, cutBoth, insertScratch, mounted, ofKind, volsers } from './helpers.js';

/**
 * Mounts (TOP-1, TOP-3, OWN-2 to OWN-6, OWN-12, CAT-1 to CAT-3, WP-1): what every mount checks, which
 * scratch volume a scratch mount is given, and what a specific mount through a takeover reports. Each
 * refusal is checked whole (operation, reason, volume, cluster, host, detail): the trace shows them.
 */
const [A1, A2, A3] = volsers(3) as [string, string, string];
const grid: GridSketch = { clusters: 2, classes: { MC: { 0: 'RR', 1: 'RR' } } };
const scratchMount = (cluster: number, extra: Partial<{ managementClass: string; category: string; host: string }> = {}): GridEvent => ({
  type: 'scratch-mount',
  host: extra.host ?? 'HOST',
  cluster,
  managementClass: extra.managementClass ?? 'MC',
  ...(extra.category === undefined ? {} : { category: extra.category }),
});
const specificMount = (cluster: number, volser = A1): GridEvent => ({ type: 'specific-mount', host: 'HOST', cluster, volser });
const writeJob = (cluster: number, volser: string): GridEvent[] => [scratchMount(cluster), { type: 'write', cluster, volser }, { type: 'rewind-unload', cluster, volser }];
const refusals = (observations: Parameters<typeof ofKind>[0]) => ofKind(observations, 'refused');

describe('what every mount checks (TOP-1, TOP-3, OWN-6)', () => {
  it('a cluster that is down, in service preparation or in service takes no mount', () => {
    expect(refusals(after(grid, [insertScratch(0, [A1]), { type: 'cluster-fail', cluster: 1 }, scratchMount(1)]).last)).toEqual([{ kind: 'refused', operation: 'scratch-mount', reason: 'cluster-down', cluster: 1, host: 'HOST' }]);
    for (const mode of ['service-prep', 'service-mode'] as const) {
      const events: GridEvent[] = [insertScratch(0, [A1]), ...(mode === 'service-mode' ? [{ type: 'service-prep', cluster: 1 } as GridEvent] : []), { type: mode, cluster: 1 }, scratchMount(1)];
      expect(refusals(after(grid, events).last), mode).toEqual([{ kind: 'refused', operation: 'scratch-mount', reason: 'cluster-in-service', cluster: 1, host: 'HOST' }]);
    }
  });

  it('a host with no working path to the cluster cannot mount through it; one path is enough (TOP-3)', () => {
    const onePath: GridSketch = { ...grid, hosts: [{ name: 'HOST', pathsPerCluster: 1 }] };
    const noPath = after(onePath, [insertScratch(0, [A1]), { type: 'host-link-fail', host: 'HOST', cluster: 1 }, scratchMount(1)]);
    expect(refusals(noPath.last)).toEqual([{ kind: 'refused', operation: 'scratch-mount', reason: 'no-host-path', cluster: 1, host: 'HOST' }]);
    expect(mounted(after(onePath, [insertScratch(0, [A1]), scratchMount(1)]).last).cluster).toBe(1);
  });

  it('a cluster the grid does not have takes no mount', () => {
    expect(refusals(after(grid, [insertScratch(0, [A1]), scratchMount(7)]).last)).toEqual([{ kind: 'refused', operation: 'scratch-mount', reason: 'unknown-cluster', cluster: 7, host: 'HOST' }]);
  });

  it('virtual devices are counted per cluster: mounts at C0 do not use C1\'s only device (TOP-1)', () => {
    const oneDevice: GridSketch = { ...grid, clusters: [{}, { virtualDevices: 1 }] };
    const busyC0 = after(oneDevice, [insertScratch(0, [A1, A2, A3]), scratchMount(0), scratchMount(0), scratchMount(1)]);
    expect(mounted(busyC0.last).cluster).toBe(1);
    const busyC1 = continueFrom(busyC0.state, [scratchMount(1)]);
    expect(refusals(busyC1.last)).toEqual([{ kind: 'refused', operation: 'scratch-mount', reason: 'no-free-device', cluster: 1, host: 'HOST' }]);
  });
});

describe('a scratch mount (CAT-2, CAT-3, WP-1)', () => {
  it('a category that is not a scratch category, an unknown class and write protect are refused and named', () => {
    expect(refusals(after(grid, [insertScratch(0, [A1]), scratchMount(0, { category: '000F' })]).last)).toEqual([
      { kind: 'refused', operation: 'scratch-mount', reason: 'unknown-category', cluster: 0, host: 'HOST', detail: '000F' },
    ]);
    expect(refusals(after(grid, [insertScratch(0, [A1]), scratchMount(0, { managementClass: 'MCNONE' })]).last)).toEqual([
      { kind: 'refused', operation: 'scratch-mount', reason: 'unknown-management-class', cluster: 0, host: 'HOST', detail: 'MCNONE' },
    ]);
    expect(refusals(after(grid, [insertScratch(0, [A1]), { type: 'set-write-protect', cluster: 1, enabled: true }, scratchMount(1)]).last)).toEqual([
      { kind: 'refused', operation: 'scratch-mount', reason: 'write-protected', cluster: 1, host: 'HOST', detail: '0002' },
    ]);
  });

  it('a scratch mount reads no data, so a volume whose copy at the I/O cluster is only on tape needs no recall (CAT-1, TVC-1)', () => {
    // Inserted through C0: C1's empty copy is not in its cache.
    const inserted = after(grid, [insertScratch(0, [A1])]);
    expect(inserted.state.volumes[A1]?.copies[1]?.resident).toBe(false);
    expect(mounted(continueFrom(inserted.state, [scratchMount(1)]).last)).toMatchObject({ ioCluster: 1, surfaced: 'empty', recall: false });
  });

  it('a volume the cluster owns comes before one it would have to get from a peer, and among equals the lowest volser', () => {
    // C0 inserts A3 and A1, C1 inserts A2: through C1, A2 (its own) is chosen; through C0, A1 before A3.
    const events: GridEvent[] = [insertScratch(0, [A3, A1]), insertScratch(1, [A2])];
    expect(mounted(after(grid, [...events, scratchMount(1)]).last).volser).toBe(A2);
    expect(mounted(after(grid, [...events, scratchMount(0)]).last).volser).toBe(A1);
  });

  it('with the owner lost, only a write takeover makes its scratch volumes usable; a read takeover does not, and the refusal counts them (CAT-3, OWN-4, OWN-5)', () => {
    const lost: GridEvent[] = [insertScratch(0, [A3, A1]), { type: 'cluster-fail', cluster: 0 }];
    expect(mounted(after(grid, [...lost, { type: 'set-takeover', at: 1, of: 0, mode: 'write' }, scratchMount(1)]).last).volser).toBe(A1);
    expect(refusals(after(grid, [...lost, { type: 'set-takeover', at: 1, of: 0, mode: 'read' }, scratchMount(1)]).last)).toEqual([
      { kind: 'refused', operation: 'scratch-mount', reason: 'no-scratch-owned', cluster: 1, host: 'HOST', detail: '2 volume(s) in category 0002, none owned by or obtainable for C1' },
    ]);
  });
});

describe('a specific mount through a takeover (OWN-4, OWN-5, OWN-12)', () => {
  it('a mount refused for want of the owner names it', () => {
    const cut = after(grid, [insertScratch(0, [A1, A2]), ...writeJob(0, A1), ...cutBoth(), specificMount(1)]);
    expect(refusals(cut.last)).toEqual([{ kind: 'refused', operation: 'specific-mount', reason: 'owner-unreachable', volser: A1, cluster: 1, host: 'HOST', detail: 'owner C0' }]);
  });

  it('read or write takeover of an up-to-date copy reads the newest data: no stale read, no missing consistent copy', () => {
    for (const mode of ['read', 'write'] as const) {
      const taken = after(grid, [insertScratch(0, [A1, A2]), ...writeJob(0, A1), ...cutBoth(), { type: 'set-takeover', at: 1, of: 0, mode }, specificMount(1)]);
      expect(mounted(taken.last), mode).toMatchObject({ ioCluster: 1, surfaced: 'data', writable: mode === 'write', dataVersion: 1 });
      expect(ofKind(taken.last, 'stale-read'), mode).toEqual([]);
      expect(ofKind(taken.last, 'no-consistent-copy'), mode).toEqual([]);
    }
  });

  it('write takeover where only an older copy is in reach: the taker reads stale data and the grid reports no consistent copy; read takeover reports only the stale read', () => {
    // Deferred copies: C1 holds version 1; C0, cut off from C1 in the middle of the next job, writes version
    // 2, which C1 never hears of.
    const deferred: GridSketch = { clusters: 2, classes: { MC: { 0: 'RD', 1: 'DR' } }, copyRateMBPerMinute: 100 };
    const behind: GridEvent[] = [
      insertScratch(0, [A1, A2]),
      ...writeJob(0, A1),
      { type: 'advance', minutes: 60 },
      specificMount(0),
      ...cutBoth(),
      { type: 'write', cluster: 0, volser: A1 },
      { type: 'rewind-unload', cluster: 0, volser: A1 },
    ];
    const written = after(deferred, [...behind, { type: 'set-takeover', at: 1, of: 0, mode: 'write' }, specificMount(1)]);
    expect(ofKind(written.last, 'stale-read')).toEqual([{ kind: 'stale-read', volser: A1, cluster: 1, readVersion: 1, newestVersion: 2 }]);
    expect(ofKind(written.last, 'no-consistent-copy')).toEqual([{ kind: 'no-consistent-copy', volser: A1, cluster: 1 }]);
    const read = after(deferred, [...behind, { type: 'set-takeover', at: 1, of: 0, mode: 'read' }, specificMount(1)]);
    expect(ofKind(read.last, 'stale-read')).toHaveLength(1);
    expect(ofKind(read.last, 'no-consistent-copy')).toEqual([]);
  });

  it('a taker cut off when a scratch volume was used elsewhere still sees it as scratch: its mount surfaces it empty, a stale read (OWN-12)', () => {
    // A1 leaves scratch at C0 (scratch mount, write) while C1 is cut off; C1, with write takeover, mounts A1 as scratch.
    const missed = after(grid, [insertScratch(0, [A1]), ...cutBoth(), ...writeJob(0, A1), { type: 'set-takeover', at: 1, of: 0, mode: 'write' }, specificMount(1)]);
    expect(mounted(missed.last)).toMatchObject({ cluster: 1, surfaced: 'empty' });
    expect(ofKind(missed.last, 'stale-read')).toEqual([{ kind: 'stale-read', volser: A1, cluster: 1, readVersion: 0, newestVersion: 1 }]);
    // Mounted as scratch where the record is current, nothing is stale.
    const current = after(grid, [insertScratch(0, [A1]), ...cutBoth(), { type: 'set-takeover', at: 1, of: 0, mode: 'write' }, specificMount(1)]);
    expect(ofKind(current.last, 'stale-read')).toEqual([]);
  });
});

describe('"force volume copy to local" (TVC-2)', () => {
  const noOverride = { preferLocalForScratchMounts: false, preferLocalForPrivateMounts: false, forceLocalCopy: false };
  const forced: GridSketch = { clusters: [{}, { override: { ...noOverride, forceLocalCopy: true } }], classes: { MCNONE: { 0: 'RN' } } };
  const written: GridEvent[] = [insertScratch(0, [A1]), { type: 'advance', minutes: 30 }, scratchMount(0, { managementClass: 'MCNONE' }), { type: 'write', cluster: 0, volser: A1 }, { type: 'rewind-unload', cluster: 0, volser: A1 }, { type: 'advance', minutes: 15 }];

  it('copies the data to the mount cluster\'s cache before the mount, with the copy\'s age since the write', () => {
    const copied = after(forced, [...written, specificMount(1)]);
    expect(ofKind(copied.last, 'copy')).toEqual([{ kind: 'copy', volser: A1, dataVersion: 1, from: 0, to: 1, ageMinutes: 15 }]);
    expect(copied.state.volumes[A1]?.copies[1]).toMatchObject({ dataVersion: 1, resident: true, preference: 'PG1' });
    expect(mounted(copied.last)).toMatchObject({ ioCluster: 1, recall: false });
  });

  it('copies nothing for a volume mounted empty (scratch): there is no data to read', () => {
    const scratch = after(forced, [...written, { type: 'return-to-scratch', host: 'HOST', cluster: 0, volser: A1 }, specificMount(1)]);
    expect(mounted(scratch.last).surfaced).toBe('empty');
    expect(ofKind(scratch.last, 'copy')).toEqual([]);
  });
});
