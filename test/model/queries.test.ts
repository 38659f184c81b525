import { describe, expect, it } from 'vitest';
import { classDefinedOn, defineGrid, hasDiverged, nextDeadline, oldestUncopiedAge, readabilityThrough, type GridEvent, type GridSketch, type GridState, type VolumeState } from '../../model/index.js';
import { after, continueFrom, cutBoth, insertScratch, volsers } from './helpers.js';

/**
 * When time next changes something (OWN-8, CAT-2, CCP-2, CCP-9): the search jumps from deadline to
 * deadline, so a deadline missed here is a state the exhaustive search never reaches.
 */
const [A1, A2] = volsers(2) as [string, string];
const job = (volser: string, managementClass: string, sizeMB: number): GridEvent[] => [
  { type: 'scratch-mount', host: 'HOST', cluster: 0, managementClass },
  { type: 'write', cluster: 0, volser, sizeMB },
  { type: 'rewind-unload', cluster: 0, volser },
];

describe('the next deadline of the clock', () => {
  it('nothing pending: time changes nothing', () => {
    const sketch: GridSketch = { clusters: [{ kind: 'disk-only' }, { kind: 'disk-only' }], classes: { MC: { 0: 'RR' } }, copyRateMBPerMinute: 100 };
    expect(nextDeadline(after(sketch, [insertScratch(0, [A1]), ...job(A1, 'MC', 1000)]).state)).toBeNull();
  });

  it('a queued copy completes after its size over the pair\'s rate; a second copy on the same pair waits its turn', () => {
    const sketch: GridSketch = { clusters: 3, classes: { MCDEF: { 0: 'RDN' }, MCTWO: { 0: 'RND' } }, copyRateMBPerMinute: 100, pairs: { '0-2': { copyRateMBPerMinute: 50 } } };
    // A1 (1000 MB) to C1: 10 minutes. A2 (300 MB) to C1 behind it does not count; to C2 at 50 MB/min: 6 minutes.
    const one = after(sketch, [insertScratch(0, [A1, A2]), ...job(A1, 'MCDEF', 1000)]).state;
    expect(nextDeadline(one)).toBe(10);
    const same = after(sketch, [insertScratch(0, [A1, A2]), ...job(A1, 'MCDEF', 1000), ...job(A2, 'MCDEF', 300)]).state;
    expect(nextDeadline(same)).toBe(10);
    const other = after(sketch, [insertScratch(0, [A1, A2]), ...job(A1, 'MCDEF', 1000), ...job(A2, 'MCTWO', 300)]).state;
    expect(nextDeadline(other)).toBe(6);
    // With the pair's only rate gone (links down), the copy is no deadline.
    const cut = continueFrom(one, cutBoth()).state;
    expect(nextDeadline(cut)).toBeNull();
  });

  it('an AOTM check falls due at the end of the grace period, and the earliest deadline wins', () => {
    const aotm = { mode: 'write' as const, graceMinutes: 20, retryMinutes: 5, tsscNetwork: 'independent' as const };
    const sketch: GridSketch = { clusters: [{}, { aotm }], classes: { MCDEF: { 0: 'RD' } }, copyRateMBPerMinute: 10 };
    const lost = after(sketch, [insertScratch(0, [A1]), ...job(A1, 'MCDEF', 1000), ...cutBoth(0, 1)]).state;
    expect(nextDeadline(lost)).toBe(20);
    const later = continueFrom(lost, [{ type: 'advance', minutes: 7 }]).state;
    expect(nextDeadline(later)).toBe(13);
  });

  it('an expire hold ends: a volume returned to scratch may be reused once its hold is over (CAT-2)', () => {
    const sketch: GridSketch = { clusters: 1, classes: { MC: { 0: 'R' } }, categories: { scratch: [{ id: '0002', expireHoldMinutes: 60 }], private: ['000F'] } };
    const held = after(sketch, [insertScratch(0, [A1]), ...job(A1, 'MC', 10), { type: 'return-to-scratch', host: 'HOST', cluster: 0, volser: A1 }, { type: 'advance', minutes: 15 }]).state;
    expect(nextDeadline(held)).toBe(45);
    expect(nextDeadline(continueFrom(held, [{ type: 'advance', minutes: 45 }]).state)).toBeNull();
  });

  it('copies from peers left in a tape-attached cache (PG0) leave at the next minute; on a disk-only cluster they stay', () => {
    const pg0: GridSketch = { clusters: [{ kind: 'tape-attached' }, { kind: 'tape-attached' }], classes: { MC: { 0: 'RR' } } };
    // A2, only inserted, has nothing to move; one volume with a copy to move is enough.
    const state = after(pg0, [insertScratch(0, [A1, A2]), ...job(A1, 'MC', 10)]).state;
    expect(state.volumes[A1]?.copies[1]).toEqual(expect.objectContaining({ resident: true, preference: 'PG0' }));
    expect(nextDeadline(state)).toBe(1);
    // Once they have left (the next advance), nothing is pending.
    expect(nextDeadline(continueFrom(state, [{ type: 'advance', minutes: 1 }]).state)).toBeNull();
    const diskOnly: GridSketch = { ...pg0, clusters: [{ kind: 'disk-only' }, { kind: 'disk-only' }] };
    expect(nextDeadline(after(diskOnly, [insertScratch(0, [A1]), ...job(A1, 'MC', 10)]).state)).toBeNull();
  });
});

const volumeOf = (state: GridState, volser: string): VolumeState => {
  const volume = state.volumes[volser];
  if (volume === undefined) throw new Error(`${volser} is not in the grid`);
  return volume;
};

describe('whether a read through a cluster gives the latest data (OWN-2 to OWN-5, OWN-12)', () => {
  const runBoth: GridSketch = { clusters: 2, classes: { MCRUN: { 0: 'RR', 1: 'RR' }, MCNONE: { 0: 'RN', 1: 'NR' } } };
  // Built inside each test, so mutation testing sees which test runs the model.
  const written = () => after(runBoth, [insertScratch(0, [A1, A2]), ...job(A1, 'MCRUN', 10)]).state;

  it('the owner reads its own copy; a cluster that is down reads nothing while the other still does', () => {
    expect(readabilityThrough(written(), A1, 0)).toEqual({ kind: 'readable', ioCluster: 0, viaTakeover: false });
    const down = continueFrom(written(), [{ type: 'cluster-fail', cluster: 1 }]).state;
    expect(readabilityThrough(down, A1, 1)).toEqual({ kind: 'unreadable', reason: 'cluster-not-up' });
    expect(readabilityThrough(down, A1, 0)).toEqual({ kind: 'readable', ioCluster: 0, viaTakeover: false });
  });

  it('a volume the grid does not know cannot be read', () => {
    expect(readabilityThrough(written(), 'Z99999', 0)).toEqual({ kind: 'unreadable', reason: 'unknown-volume' });
  });

  it('owner cut off: a consistent copy in reach needs a takeover, and with one it is read through the taker, marked as a takeover (OWN-3, OWN-4, OWN-5)', () => {
    const cut = continueFrom(written(), cutBoth()).state;
    expect(readabilityThrough(cut, A1, 1)).toEqual({ kind: 'needs-takeover', owner: 0 });
    for (const mode of ['read', 'write'] as const) {
      const taken = continueFrom(cut, [{ type: 'set-takeover', at: 1, of: 0, mode }]).state;
      expect(readabilityThrough(taken, A1, 1), mode).toEqual({ kind: 'readable', ioCluster: 1, viaTakeover: true });
    }
  });

  it('a cluster already holding the volume read-only under a read takeover still reads it as a takeover (OWN-4)', () => {
    const held = continueFrom(written(), [
      ...cutBoth(),
      { type: 'set-takeover', at: 1, of: 0, mode: 'read' },
      { type: 'specific-mount', host: 'HOST', cluster: 1, volser: A1 },
      { type: 'rewind-unload', cluster: 1, volser: A1 },
    ]).state;
    expect(volumeOf(held, A1).ownership).toContainEqual({ cluster: 1, access: 'read-only', takenFrom: 0 });
    expect(readabilityThrough(held, A1, 1)).toEqual({ kind: 'readable', ioCluster: 1, viaTakeover: true });
  });

  it('owner cut off and no copy in reach: no valid copy, and no takeover would help (CCP-1: a class with no copy to C1)', () => {
    const noCopy = after(runBoth, [insertScratch(0, [A1, A2]), ...job(A1, 'MCNONE', 10), ...cutBoth()]).state;
    expect(readabilityThrough(noCopy, A1, 1)).toEqual({ kind: 'unreadable', reason: 'no-valid-copy' });
  });
});

describe('whether a volume\'s history split (OWN-11)', () => {
  const runBoth: GridSketch = { clusters: 2, classes: { MCDEF: { 0: 'RD', 1: 'DR' } }, copyRateMBPerMinute: 100, categories: { scratch: [{ id: '0002', expireHoldMinutes: 0 }], private: ['000F', '0010', '0011'] } };
  const takenOver = () => after(runBoth, [insertScratch(0, [A1]), ...job(A1, 'MCDEF', 10), { type: 'advance', minutes: 60 }, ...cutBoth(), { type: 'set-takeover', at: 1, of: 0, mode: 'write' }]).state;

  it('a copy behind the latest version (a deferred copy not yet made) is on the same line: no split', () => {
    const behind = continueFrom(takenOver(), [
      { type: 'link-restore', between: [0, 1], link: 0 },
      { type: 'clear-takeover', at: 1, of: 0 },
      { type: 'specific-mount', host: 'HOST', cluster: 0, volser: A1 },
      { type: 'write', cluster: 0, volser: A1 },
      { type: 'rewind-unload', cluster: 0, volser: A1 },
      ...cutBoth(),
    ]).state;
    const volume = volumeOf(behind, A1);
    expect(volume.copies[0]?.dataVersion).not.toBe(volume.copies[1]?.dataVersion);
    expect(hasDiverged(volume)).toBe(false);
  });

  it('both sides change only the category: the metadata split is a split, and leaving one side out of the question removes it', () => {
    const both = continueFrom(takenOver(), [
      { type: 'change-category', host: 'HOST', cluster: 0, volser: A1, category: '0010' },
      { type: 'change-category', host: 'HOST', cluster: 1, volser: A1, category: '0011' },
    ]).state;
    const volume = volumeOf(both, A1);
    expect(volume.copies[0]?.dataVersion).toBe(volume.copies[1]?.dataVersion);
    expect(hasDiverged(volume)).toBe(true);
    expect(hasDiverged(volume, [1])).toBe(false);
    expect(hasDiverged(volume, [0, 1])).toBe(true);
  });
});

describe('the age of the oldest data waiting for a copy (CCP-2)', () => {
  it('counts from when each copy was queued, and is 0 with nothing queued', () => {
    const sketch: GridSketch = { clusters: 2, classes: { MCDEF: { 0: 'RD' } } };
    const idle = after(sketch, [insertScratch(0, [A1, A2]), ...cutBoth()]).state;
    expect(oldestUncopiedAge(idle)).toBe(0);
    const queued = continueFrom(idle, [{ type: 'advance', minutes: 10 }, ...job(A1, 'MCDEF', 10), { type: 'advance', minutes: 20 }, ...job(A2, 'MCDEF', 10), { type: 'advance', minutes: 5 }]).state;
    expect(queued.copyQueue).toHaveLength(2);
    expect(oldestUncopiedAge(queued)).toBe(25);
  });
});

describe('the management class a generated job writes with (CCP-1)', () => {
  it('the first class defined on the mount cluster, else the first class', () => {
    const definition = defineGrid({ clusters: 3, classes: { MCONE: { 1: 'NRN' }, MCZERO: { 0: 'RNN' }, MCALSO: { 0: 'RRN' } } });
    expect(classDefinedOn(definition, 0)).toBe('MCZERO');
    expect(classDefinedOn(definition, 1)).toBe('MCONE');
    expect(classDefinedOn(definition, 2)).toBe('MCONE');
  });
});

describe('the next deadline ignores what cannot move', () => {
  it('copies waiting in the cache of a tape-attached cluster that is down do not leave (CCP-9)', () => {
    const pg0: GridSketch = { clusters: [{ kind: 'tape-attached' }, { kind: 'tape-attached' }, { kind: 'disk-only' }], classes: { MC: { 0: 'RRN' } } };
    const state = after(pg0, [insertScratch(0, [A1]), ...job(A1, 'MC', 10), { type: 'cluster-fail', cluster: 1 }, { type: 'advance', minutes: 1 }]).state;
    expect(nextDeadline(state)).toBeNull();
  });
});
