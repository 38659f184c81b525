import { describe, expect, it } from 'vitest';
import { nextDeadline, type GridEvent, type GridSketch } from '../../model/index.js';
import { after, continueFrom, insertScratch, mounted, ofKind, refusal, volsers } from './helpers.js';

const [A1, A2] = volsers(2) as [string, string];

/**
 * Production host PROD on C0, DR host DRHOST on C1 (its own categories 0012/001F, excluded from
 * write protect). Scratch category 0002 deletes data 24 hours after a volume entered it (Delete
 * Expire, CAT-5), with or without an expire hold.
 */
function grid(options: { hold: boolean; ignoreFastReady?: boolean; deleteMinutes?: number }): GridSketch {
  const minutes = options.deleteMinutes ?? 1440;
  return {
    clusters: [{ site: 'prod' }, { site: 'dr', writeProtect: { enabled: false, excludedCategories: ['0012', '001F'], ignoreFastReady: options.ignoreFastReady ?? false } }],
    classes: { MCPROD: { 0: 'RD', 1: 'NR' } },
    hosts: [
      { name: 'PROD', site: 'prod', online: [0], scratchCategory: '0002', privateCategory: '000F' },
      { name: 'DRHOST', site: 'dr', online: [1], scratchCategory: '0012', privateCategory: '001F' },
    ],
    categories: {
      scratch: [
        { id: '0002', expireHoldMinutes: options.hold ? minutes : 0, deleteExpireMinutes: minutes },
        { id: '0012', expireHoldMinutes: 0 },
      ],
      private: ['000F', '001F'],
    },
  };
}

/** A1 written by production through C0, copied to C1; the DR host's catalog is taken; production returns A1 to scratch. */
const scratchedAfterSnapshot: GridEvent[] = [
  insertScratch(0, [A1, A2]),
  { type: 'scratch-mount', host: 'PROD', cluster: 0, managementClass: 'MCPROD' },
  { type: 'write', cluster: 0, volser: A1 },
  { type: 'rewind-unload', cluster: 0, volser: A1 },
  { type: 'deferred-copy' },
  { type: 'snapshot-catalog', from: 'PROD', to: 'DRHOST' },
  { type: 'return-to-scratch', host: 'PROD', cluster: 0, volser: A1 },
];

describe('Delete Expire (CAT-5, 11.4.1, 11.9.7)', () => {
  it('before its expire time a scratched volume keeps its data at every cluster; once it passes, every cluster that treats the category as Fast Ready deletes its copy', () => {
    const early = after(grid({ hold: false }), [...scratchedAfterSnapshot, { type: 'advance', minutes: 1439 }]);
    expect(ofKind(early.observations, 'data-expired')).toEqual([]);
    expect(early.state.volumes[A1]?.copies[0]?.dataVersion).toBe(1);
    expect(early.state.volumes[A1]?.copies[1]?.dataVersion).toBe(1);
    const late = continueFrom(early.state, [{ type: 'advance', minutes: 1 }]);
    expect(ofKind(late.observations, 'data-expired').map((expired) => expired.cluster)).toEqual([0, 1]);
    expect(late.state.volumes[A1]?.copies[0]?.dataVersion).toBeNull();
    expect(late.state.volumes[A1]?.copies[1]?.dataVersion).toBeNull();
    // The record stays: the volume is still defined, in its scratch category.
    expect(late.state.volumes[A1]?.copies[1]?.category).toBe('0002');
  });

  it('the next deadline of the clock is the deletion, so a search that jumps to deadlines reaches it', () => {
    const { state } = after(grid({ hold: false }), [...scratchedAfterSnapshot, { type: 'advance', minutes: 1000 }]);
    expect(nextDeadline(state)).toBe(440);
  });

  it('a category without an expire time never deletes; the empty volume as inserted has nothing to delete', () => {
    const never: GridSketch = { ...grid({ hold: false }), categories: { scratch: [{ id: '0002', expireHoldMinutes: 0 }, { id: '0012', expireHoldMinutes: 0 }], private: ['000F', '001F'] } };
    const kept = after(never, [...scratchedAfterSnapshot, { type: 'advance', minutes: 100000 }]);
    expect(ofKind(kept.observations, 'data-expired')).toEqual([]);
    const inserted = after(grid({ hold: false }), [insertScratch(0, [A1]), { type: 'advance', minutes: 100000 }]);
    expect(ofKind(inserted.observations, 'data-expired')).toEqual([]);
  });

  it('a DR host that still records the volume private is refused with data-deleted when no copy is left (Fast Ready removed at the DR cluster, links kept)', () => {
    const events: GridEvent[] = [...scratchedAfterSnapshot.slice(0, 6), { type: 'set-fast-ready', cluster: 1, category: '0002', enabled: false }, scratchedAfterSnapshot[6] as GridEvent];
    // Removing Fast Ready at C1 stops C1 deleting its own copy: the DR host still reads the data.
    const protectedAtDr = after(grid({ hold: false }), [...events, { type: 'advance', minutes: 1440 }, { type: 'specific-mount', host: 'DRHOST', cluster: 1, volser: A1 }]);
    expect(mounted(protectedAtDr.last)).toEqual(expect.objectContaining({ surfaced: 'data', ioCluster: 1 }));
    // Production's cluster deleted its copy all the same.
    expect(protectedAtDr.state.volumes[A1]?.copies[0]?.dataVersion).toBeNull();
    // Restore the attribute before the expire time passes and C1 deletes too: the mount finds nothing.
    const restored = after(grid({ hold: false }), [...events, { type: 'set-fast-ready', cluster: 1, category: '0002', enabled: true }, { type: 'advance', minutes: 1440 }, { type: 'set-fast-ready', cluster: 1, category: '0002', enabled: false }, { type: 'specific-mount', host: 'DRHOST', cluster: 1, volser: A1 }]);
    expect(refusal(restored.last)).toBe('data-deleted');
  });

  it('a write-protected cluster that ignores fast ready characteristics ignores Delete Expire too (11.4.1): the DR host reads the data after the expire time', () => {
    const events: GridEvent[] = [...scratchedAfterSnapshot.slice(0, 6), { type: 'set-write-protect', cluster: 1, enabled: true }, scratchedAfterSnapshot[6] as GridEvent, { type: 'advance', minutes: 2880 }];
    const ignoring = after(grid({ hold: true, ignoreFastReady: true }), [...events, { type: 'specific-mount', host: 'DRHOST', cluster: 1, volser: A1 }]);
    expect(ofKind(ignoring.observations, 'data-expired').map((expired) => expired.cluster)).toEqual([0]);
    expect(mounted(ignoring.last)).toEqual(expect.objectContaining({ surfaced: 'data', writable: false, ioCluster: 1 }));
    // Without the option C1 deletes as well, and the mount presents a blank volume (Fast Ready, CAT-1).
    const plain = after(grid({ hold: true }), [...events, { type: 'specific-mount', host: 'DRHOST', cluster: 1, volser: A1 }]);
    expect(ofKind(plain.observations, 'data-expired').map((expired) => expired.cluster)).toEqual([0, 1]);
    expect(mounted(plain.last).surfaced).toBe('empty');
  });

  it('only the category the volume sits in counts: a volume the DR host returned to its own scratch category, which has no expire time, is never deleted', () => {
    const drWrite: GridEvent[] = [
      { type: 'insert', cluster: 1, volsers: ['T00001'], category: '0012' },
      { type: 'scratch-mount', host: 'DRHOST', cluster: 1, managementClass: 'MCPROD' },
      { type: 'write', cluster: 1, volser: 'T00001' },
      { type: 'rewind-unload', cluster: 1, volser: 'T00001' },
      { type: 'return-to-scratch', host: 'DRHOST', cluster: 1, volser: 'T00001' },
      { type: 'advance', minutes: 100000 },
    ];
    const kept = after(grid({ hold: false }), drWrite);
    expect(kept.state.volumes['T00001']?.copies[1]?.category).toBe('0012');
    expect(ofKind(kept.observations, 'data-expired')).toEqual([]);
    expect(kept.state.volumes['T00001']?.copies[1]?.dataVersion).toBe(1);
  });

  it('a deleted copy frees its cache: the data is no longer resident, and several volumes are deleted in one pass in volser order', () => {
    const two: GridEvent[] = [
      insertScratch(0, [A1, A2]),
      { type: 'scratch-mount', host: 'PROD', cluster: 0, managementClass: 'MCPROD' },
      { type: 'write', cluster: 0, volser: A1 },
      { type: 'rewind-unload', cluster: 0, volser: A1 },
      { type: 'scratch-mount', host: 'PROD', cluster: 0, managementClass: 'MCPROD' },
      { type: 'write', cluster: 0, volser: A2 },
      { type: 'rewind-unload', cluster: 0, volser: A2 },
      { type: 'return-to-scratch', host: 'PROD', cluster: 0, volser: A2 },
      { type: 'return-to-scratch', host: 'PROD', cluster: 0, volser: A1 },
      { type: 'advance', minutes: 1440 },
    ];
    const { state, observations } = after(grid({ hold: false }), two);
    expect(ofKind(observations, 'data-expired').filter((expired) => expired.cluster === 0).map((expired) => expired.volser)).toEqual([A1, A2]);
    expect(state.volumes[A1]?.copies[0]).toEqual(expect.objectContaining({ dataVersion: null, resident: false }));
  });

  it('data-deleted is reported only where the mount cluster\'s record sat in the category past its expire time: the same mount a minute earlier finds the copy at C1', () => {
    const events: GridEvent[] = [...scratchedAfterSnapshot.slice(0, 6), { type: 'set-fast-ready', cluster: 1, category: '0002', enabled: false }, scratchedAfterSnapshot[6] as GridEvent];
    const early = after(grid({ hold: false }), [...events, { type: 'advance', minutes: 1439 }, { type: 'specific-mount', host: 'DRHOST', cluster: 1, volser: A1 }]);
    expect(mounted(early.last)).toEqual(expect.objectContaining({ surfaced: 'data', ioCluster: 1 }));
  });

  it('a cluster that is down when the expire time passes keeps its copy until time passes again after it is back', () => {
    const down = after(grid({ hold: false }), [...scratchedAfterSnapshot, { type: 'cluster-fail', cluster: 1 }, { type: 'advance', minutes: 1440 }]);
    expect(ofKind(down.observations, 'data-expired').map((expired) => expired.cluster)).toEqual([0]);
    expect(down.state.volumes[A1]?.copies[1]?.dataVersion).toBe(1);
    const back = continueFrom(down.state, [{ type: 'cluster-restore', cluster: 1 }, { type: 'advance', minutes: 1 }]);
    expect(ofKind(back.observations, 'data-expired').map((expired) => expired.cluster)).toEqual([1]);
  });

  it('a mounted volume is not deleted under the job; a scratch mount after the deletion reuses the volume as a blank one', () => {
    const reused = after(grid({ hold: false }), [...scratchedAfterSnapshot, { type: 'advance', minutes: 1440 }, { type: 'scratch-mount', host: 'PROD', cluster: 0, managementClass: 'MCPROD' }]);
    expect(mounted(reused.last)).toEqual(expect.objectContaining({ mountKind: 'scratch', surfaced: 'empty' }));
    const inUse = after(grid({ hold: false, deleteMinutes: 60 }), [...scratchedAfterSnapshot.slice(0, 6), { type: 'return-to-scratch', host: 'PROD', cluster: 0, volser: A1 }, { type: 'set-fast-ready', cluster: 1, category: '0002', enabled: false }, { type: 'specific-mount', host: 'DRHOST', cluster: 1, volser: A1 }, { type: 'advance', minutes: 120 }]);
    expect(ofKind(inUse.observations, 'data-expired').filter((expired) => expired.volser === A1)).toEqual([]);
  });
});
