import { describe, expect, it } from 'vitest';
import { nextDeadline, type GridEvent, type GridSketch } from '../../model/index.js';
import { after, continueFrom, insertScratch, volsers } from './helpers.js';

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
    const cut = continueFrom(one, [0, 1].map((link): GridEvent => ({ type: 'link-fail', between: [0, 1], link }))).state;
    expect(nextDeadline(cut)).toBeNull();
  });

  it('an AOTM check falls due at the end of the grace period, and the earliest deadline wins', () => {
    const aotm = { mode: 'write' as const, graceMinutes: 20, retryMinutes: 5, tsscNetwork: 'independent' as const };
    const sketch: GridSketch = { clusters: [{}, { aotm }], classes: { MCDEF: { 0: 'RD' } }, copyRateMBPerMinute: 10 };
    const lost = after(sketch, [insertScratch(0, [A1]), ...job(A1, 'MCDEF', 1000), { type: 'link-fail', between: [0, 1], link: 0 }, { type: 'link-fail', between: [0, 1], link: 1 }]).state;
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
