import { describe, expect, it } from 'vitest';
import type { GridEvent, GridSketch } from '../../model/index.js';
import { after, continueFrom, cutBoth, insertScratch, mounted, ofKind, volsers } from './helpers.js';

/**
 * Host I/O through a cluster (OWN-1, OWN-4, OWN-10, WP-1, CCP-1 to CCP-6, CAT-1): what a write, a
 * rewind-unload, an attribute change and an insertion do, and what each refusal names (operation,
 * reason, volume, cluster, detail), since the trace a user reads is made of these.
 */
const [A1, A2, A3] = volsers(3) as [string, string, string];
const scratchMount = (cluster: number, managementClass: string): GridEvent => ({ type: 'scratch-mount', host: 'HOST', cluster, managementClass });
const write = (cluster: number, volser = A1, sizeMB?: number): GridEvent => ({ type: 'write', cluster, volser, ...(sizeMB === undefined ? {} : { sizeMB }) });
const unload = (cluster: number, volser = A1): GridEvent => ({ type: 'rewind-unload', cluster, volser });
const refusals = (observations: readonly unknown[]) => ofKind(observations as Parameters<typeof ofKind>[0], 'refused');

describe('a write (WP-1, OWN-4, CCP-4)', () => {
  const twoRun: GridSketch = { clusters: 2, classes: { MCRUN: { 0: 'RR', 1: 'RR' } } };

  it('needs the volume mounted at that cluster: a mount at another cluster does not count', () => {
    const mountedAtC0 = after(twoRun, [insertScratch(0, [A1]), scratchMount(0, 'MCRUN'), write(1)]);
    expect(refusals(mountedAtC0.last)).toEqual([{ kind: 'refused', operation: 'write', reason: 'not-mounted', volser: A1, cluster: 1 }]);
    expect(refusals(after(twoRun, [insertScratch(0, [A1]), write(0)]).last)).toEqual([{ kind: 'refused', operation: 'write', reason: 'not-mounted', volser: A1, cluster: 0 }]);
  });

  it('a mount made read-only by write protect stays read-only after write protect is switched off (WP-1)', () => {
    const events: GridEvent[] = [
      insertScratch(0, [A1]),
      scratchMount(0, 'MCRUN'),
      write(0),
      unload(0),
      { type: 'set-write-protect', cluster: 1, enabled: true },
      { type: 'specific-mount', host: 'HOST', cluster: 1, volser: A1 },
    ];
    const protectedMount = after(twoRun, events);
    expect(mounted(protectedMount.last)).toMatchObject({ writable: false });
    const switchedOff = continueFrom(protectedMount.state, [{ type: 'set-write-protect', cluster: 1, enabled: false }, write(1)]);
    expect(refusals(switchedOff.last)).toEqual([{ kind: 'refused', operation: 'write', reason: 'write-protected', volser: A1, cluster: 1 }]);
  });

  it('a disk-only cache that is full refuses the write and names the full cluster (TVC-5)', () => {
    // Out of cache below 1,500 MB free: A1's first write leaves 1,000 MB, so the job's next write has no room.
    const small: GridSketch = { clusters: [{ kind: 'disk-only', cacheMB: 10_000, autoRemoval: { enabled: false, removalThresholdMB: 3_000, outOfCacheMB: 1_500 } }], classes: { MC: { 0: 'R' } } };
    const full = after(small, [insertScratch(0, [A1]), scratchMount(0, 'MC'), write(0, A1, 9_000), write(0, A1, 10)]);
    expect(refusals(full.last)).toEqual([{ kind: 'refused', operation: 'write', reason: 'cache-full', volser: A1, cluster: 0, detail: 'C0 is out of cache' }]);
  });

  it('Synchronous points it cannot reach are named; with sync-deferred the write goes on, duplexed only to the S points it reaches (CCP-4)', () => {
    const sync: GridSketch = { clusters: 3, classes: { MCSYNC: { 0: 'SSS' } } };
    const cut = [insertScratch(0, [A1]), scratchMount(0, 'MCSYNC'), ...cutBoth(0, 1), ...cutBoth(0, 2), write(0)];
    expect(refusals(after(sync, cut).last)).toEqual([{ kind: 'refused', operation: 'write', reason: 'sync-point-unreachable', volser: A1, cluster: 0, detail: 'C1,C2' }]);
    const lenient = after({ ...sync, options: { syncDeferredOnWriteFailure: true } }, [insertScratch(0, [A1]), scratchMount(0, 'MCSYNC'), ...cutBoth(0, 2), write(0)]);
    expect(ofKind(lenient.last, 'write')).toEqual([expect.objectContaining({ ioCluster: 0, syncCopies: [1] })]);
    expect(lenient.state.volumes[A1]?.copies[2]?.dataVersion).toBe(0);
    const unloaded = continueFrom(lenient.state, [unload(0)]);
    expect(ofKind(unloaded.last, 'rewind-unload')[0]?.immediateDeferred).toEqual([2]);
  });

  it('every S point reached while writing needs nothing more at rewind-unload (CCP-4)', () => {
    const sync: GridSketch = { clusters: 2, classes: { MCSYNC: { 0: 'SS' } } };
    const done = after(sync, [insertScratch(0, [A1]), scratchMount(0, 'MCSYNC'), write(0), unload(0)]);
    expect(ofKind(done.observations, 'write')[0]?.syncCopies).toEqual([1]);
    expect(ofKind(done.last, 'rewind-unload')[0]).toMatchObject({ runCopies: [], immediateDeferred: [], deferred: [] });
    expect(done.state.copyQueue).toEqual([]);
  });
});

describe('rewind-unload (CCP-1, CCP-5, CCP-6, CCP-7)', () => {
  it('needs a mount at that cluster, and ends only that cluster\'s mount of the volume', () => {
    const twoRun: GridSketch = { clusters: 2, classes: { MCRUN: { 0: 'RR', 1: 'RR' } } };
    expect(refusals(after(twoRun, [insertScratch(0, [A1]), unload(0)]).last)).toEqual([{ kind: 'refused', operation: 'rewind-unload', reason: 'not-mounted', volser: A1, cluster: 0 }]);
    // Cut off from C0, C1 reads A1 under read takeover while C0 still has it mounted.
    const both = after(twoRun, [
      insertScratch(0, [A1]),
      scratchMount(0, 'MCRUN'),
      write(0),
      unload(0),
      { type: 'specific-mount', host: 'HOST', cluster: 0, volser: A1 },
      ...cutBoth(0, 1),
      { type: 'set-takeover', at: 1, of: 0, mode: 'read' },
      { type: 'specific-mount', host: 'HOST', cluster: 1, volser: A1 },
    ]);
    expect(both.state.volumes[A1]?.mounts.map((mount) => mount.cluster).sort()).toEqual([0, 1]);
    expect(continueFrom(both.state, [unload(1)]).state.volumes[A1]?.mounts.map((mount) => mount.cluster)).toEqual([0]);
  });

  it('Copy Policy Override allowing two RUN copies (the I/O cache\'s and one more) makes one RUN copy and defers the rest (CCP-5)', () => {
    const override = { preferLocalForScratchMounts: false, preferLocalForPrivateMounts: false, forceLocalCopy: false, runCopiesBeforeComplete: 2 };
    const three: GridSketch = { clusters: [{ override }, {}, {}], classes: { MCRUN: { 0: 'RRR' } } };
    const done = after(three, [insertScratch(0, [A1]), scratchMount(0, 'MCRUN'), write(0, A1, 100), unload(0)]);
    expect(ofKind(done.last, 'rewind-unload')[0]).toMatchObject({ runCopies: [1], overrideDeferred: [2], runCopyMB: 100 });
  });

  it('copies suspended at the writing cluster defer its RUN copies, like suspended at the target (CCP-6, CCP-7)', () => {
    const twoRun: GridSketch = { clusters: 2, classes: { MCRUN: { 0: 'RR' } } };
    const suspended = after(twoRun, [insertScratch(0, [A1]), { type: 'suspend-copies', cluster: 0 }, scratchMount(0, 'MCRUN'), write(0), unload(0)]);
    expect(ofKind(suspended.last, 'rewind-unload')[0]).toMatchObject({ runCopies: [], immediateDeferred: [1] });
  });
});

describe('attribute changes (OWN-1, OWN-4, WP-1, CAT-1)', () => {
  const grid: GridSketch = {
    clusters: 2,
    classes: { MC: { 0: 'RR', 1: 'RR' }, MCOTHER: { 0: 'RR' } },
    hosts: [{ name: 'HOST', privateCategory: '0100' }],
    categories: { scratch: [{ id: '0002', expireHoldMinutes: 0 }], private: ['000F'] },
  };
  const written: GridEvent[] = [insertScratch(0, [A1, A2]), scratchMount(0, 'MC'), write(0), unload(0)];
  const change = (extra: Partial<{ category: string; managementClass: string }>, cluster = 0): GridEvent =>
    extra.category !== undefined ? { type: 'change-category', host: 'HOST', cluster, volser: A1, category: extra.category } : { type: 'change-constructs', host: 'HOST', cluster, volser: A1, managementClass: extra.managementClass ?? '' };

  it('a category or class the grid does not define is refused and named', () => {
    expect(refusals(after(grid, [...written, change({ category: '0999' })]).last)).toEqual([{ kind: 'refused', operation: 'change-category', reason: 'unknown-category', volser: A1, cluster: 0, host: 'HOST', detail: '0999' }]);
    expect(refusals(after(grid, [...written, change({ managementClass: 'MCNONE' })]).last)).toEqual([
      { kind: 'refused', operation: 'change-constructs', reason: 'unknown-management-class', volser: A1, cluster: 0, host: 'HOST', detail: 'MCNONE' },
    ]);
    const changed = after(grid, [...written, change({ managementClass: 'MCOTHER' })]);
    expect(ofKind(changed.last, 'attributes-changed')).toEqual([expect.objectContaining({ managementClass: 'MCOTHER' })]);
  });

  it('a host\'s own private category is a known category, though the grid\'s list does not name it', () => {
    const moved = after(grid, [...written, change({ category: '000F' })]);
    expect(ofKind(moved.last, 'attributes-changed')).toEqual([expect.objectContaining({ previousCategory: '0100', category: '000F' })]);
    const back = continueFrom(moved.state, [change({ category: '0100' })]);
    expect(ofKind(back.last, 'attributes-changed')).toEqual([expect.objectContaining({ previousCategory: '000F', category: '0100' })]);
  });

  it('a volume mounted where the cluster can see it is in use; write protect names the protected category', () => {
    const inUse = after(grid, [...written, { type: 'specific-mount', host: 'HOST', cluster: 1, volser: A1 }, change({ category: '000F' })]);
    expect(refusals(inUse.last)).toEqual([{ kind: 'refused', operation: 'change-category', reason: 'volume-in-use', volser: A1, cluster: 0, host: 'HOST' }]);
    const protectedAtC1 = after(grid, [...written, { type: 'set-write-protect', cluster: 1, enabled: true }, change({ category: '000F' }, 1)]);
    expect(refusals(protectedAtC1.last)).toEqual([{ kind: 'refused', operation: 'change-category', reason: 'write-protected', volser: A1, cluster: 1, host: 'HOST', detail: '0100' }]);
  });

  it('a change needs no free virtual device: with every device busy, the category still changes (TOP-1 applies to mounts)', () => {
    const oneDevice: GridSketch = { ...grid, clusters: [{ virtualDevices: 1 }, {}] };
    const busy = after(oneDevice, [...written, { type: 'specific-mount', host: 'HOST', cluster: 0, volser: A2 }, change({ category: '000F' })]);
    expect(ofKind(busy.last, 'attributes-changed')).toEqual([expect.objectContaining({ volser: A1, category: '000F' })]);
  });

  it('return to scratch by a host the grid does not know is refused and names the host', () => {
    expect(refusals(after(grid, [...written, { type: 'return-to-scratch', host: 'NOBODY', cluster: 0, volser: A1 }]).last)).toEqual([
      { kind: 'refused', operation: 'return-to-scratch', reason: 'unknown-host', host: 'NOBODY' },
    ]);
  });
});

describe('insertion (OWN-10, CE-4, 11.10.3 step 8)', () => {
  const three: GridSketch = { clusters: 3, classes: { MC: { 0: 'RRR' } } };

  it('through a cluster that is not in the grid, or not up, is refused', () => {
    expect(refusals(after(three, [insertScratch(5, [A1])]).last)).toEqual([{ kind: 'refused', operation: 'insert', reason: 'unknown-cluster', cluster: 5 }]);
    expect(refusals(after(three, [{ type: 'service-prep', cluster: 0 }, insertScratch(0, [A1])]).last)).toEqual([{ kind: 'refused', operation: 'insert', reason: 'cluster-down', cluster: 0 }]);
  });

  it('needs every operational cluster in reach, service preparation included, and names those out of reach; clusters that are down learn later', () => {
    const cut = after(three, [{ type: 'service-prep', cluster: 1 }, ...cutBoth(0, 1), ...cutBoth(0, 2), insertScratch(0, [A1])]);
    expect(refusals(cut.last)).toEqual([{ kind: 'refused', operation: 'insert', reason: 'grid-not-connected', cluster: 0, detail: 'C1,C2' }]);
    const oneDown = after(three, [{ type: 'cluster-fail', cluster: 2 }, insertScratch(0, [A1])]);
    expect(refusals(oneDown.last)).toEqual([]);
    expect(oneDown.state.volumes[A1]?.ownership).toEqual([{ cluster: 0, access: 'full' }]);
  });

  it('is refused while a Copy Export runs, naming the export (CE-4)', () => {
    const exporting = after(three, [{ type: 'copy-export-begin', cluster: 1, listVolser: 'EXP000' }, insertScratch(0, [A1])]);
    expect(refusals(exporting.last)).toEqual([{ kind: 'refused', operation: 'insert', reason: 'copy-export-running', cluster: 0, detail: 'list volume EXP000 at C1' }]);
  });

  it('into a category the grid does not define is refused; a volume already known is refused on its own and the others go in', () => {
    expect(refusals(after(three, [{ type: 'insert', cluster: 0, volsers: [A1], category: '0999' }]).last)).toEqual([{ kind: 'refused', operation: 'insert', reason: 'unknown-category', cluster: 0, detail: '0999' }]);
    const again = after(three, [insertScratch(0, [A1]), insertScratch(1, [A2, A1, A3])]);
    expect(refusals(again.last)).toEqual([{ kind: 'refused', operation: 'insert', reason: 'duplicate-volume', volser: A1, cluster: 1 }]);
    expect(again.state.volumes[A1]?.ownership).toEqual([{ cluster: 0, access: 'full' }]);
    expect(again.state.volumes[A3]?.ownership).toEqual([{ cluster: 1, access: 'full' }]);
  });
});
