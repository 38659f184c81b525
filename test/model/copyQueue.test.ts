import { describe, expect, it } from 'vitest';
import type { GridEvent, GridSketch } from '../../model/index.js';
import { after, continueFrom, cutBoth, insertScratch, ofKind, volsers } from './helpers.js';

/**
 * The deferred copy queue with several volumes, targets and links (CCP-2, CCP-6, CCP-7): which copy
 * a newer version replaces, the GS-4 mark a replaced RUN copy leaves, operator-driven copies to one
 * cluster, and the drain rate with some links down.
 */
const [A1, A2] = volsers(2) as [string, string];
const threeClusters: GridSketch = { clusters: 3, classes: { MCDEF: { 0: 'RDD' }, MCRUN: { 0: 'RRN' } } };
const queue = (events: readonly GridEvent[], sketch: GridSketch = threeClusters) => after(sketch, events).state.copyQueue.map((queued) => `${queued.volser}->C${queued.to} v${queued.dataVersion} ${queued.kind}`).sort();

function job(volser: string, managementClass = 'MCDEF', sizeMB?: number): GridEvent[] {
  return [
    { type: 'scratch-mount', host: 'HOST', cluster: 0, managementClass },
    { type: 'write', cluster: 0, volser, ...(sizeMB === undefined ? {} : { sizeMB }) },
    { type: 'rewind-unload', cluster: 0, volser },
  ];
}

const rewrite = (volser: string): GridEvent[] => [
  { type: 'specific-mount', host: 'HOST', cluster: 0, volser },
  { type: 'write', cluster: 0, volser },
  { type: 'rewind-unload', cluster: 0, volser },
];

describe('the deferred copy queue', () => {
  it('CCP-2: a new version replaces the queued copy of the same volume to the same cluster, and nothing else', () => {
    const before = queue([insertScratch(0, [A1, A2]), ...job(A1), ...job(A2)]);
    expect(before).toEqual([`${A1}->C1 v1 deferred`, `${A1}->C2 v1 deferred`, `${A2}->C1 v1 deferred`, `${A2}->C2 v1 deferred`]);
    const rewritten = queue([insertScratch(0, [A1, A2]), ...job(A1), ...job(A2), ...rewrite(A1)]);
    expect(rewritten).toEqual([`${A1}->C1 v2 deferred`, `${A1}->C2 v2 deferred`, `${A2}->C1 v1 deferred`, `${A2}->C2 v1 deferred`]);
  });

  it('CCP-6: a RUN copy that could not be made keeps its GS-4 mark when a newer version replaces it; a deferred one stays deferred', () => {
    const cut = cutBoth(0, 1);
    const events = [insertScratch(0, [A1]), ...cut, ...job(A1, 'MCRUN'), ...rewrite(A1)];
    expect(queue(events)).toEqual([`${A1}->C1 v2 immediate-deferred`]);
    expect(queue([insertScratch(0, [A1]), ...cut, ...job(A1), ...rewrite(A1)])).toEqual([`${A1}->C1 v2 deferred`, `${A1}->C2 v2 deferred`]);
  });

  it('CCP-6: the GS-4 mark passes to the newer version of the same volume to the same cluster only, even when the newer copy is deferred', () => {
    const cut = cutBoth(0, 1);
    // A1 is written with RUN to C1 while C1 is cut off: the copy is deferred with the GS-4 mark. Then the
    // volume is moved to a deferred class and rewritten: the RUN promise for C1 is still unmet, the copy to
    // C2 was never a RUN copy.
    const events: GridEvent[] = [
      insertScratch(0, [A1, A2]),
      ...cut,
      ...job(A1, 'MCRUN'),
      { type: 'change-constructs', host: 'HOST', cluster: 0, volser: A1, managementClass: 'MCDEF' },
      ...rewrite(A1),
    ];
    expect(queue(events)).toEqual([`${A1}->C1 v2 immediate-deferred`, `${A1}->C2 v2 deferred`]);
    // Another volume's marked copy does not mark this one's.
    const other: GridEvent[] = [insertScratch(0, [A1, A2]), ...cut, ...job(A1), ...job(A2, 'MCRUN'), ...rewrite(A1)];
    expect(queue(other)).toEqual([`${A1}->C1 v2 deferred`, `${A1}->C2 v2 deferred`, `${A2}->C1 v1 immediate-deferred`]);
  });

  it('CCP-7: an operator-driven copy to one cluster moves the oldest copy to that cluster, and says so when none can move', () => {
    const written = after(threeClusters, [insertScratch(0, [A1, A2]), ...job(A1), ...job(A2)]);
    const toTwo = continueFrom(written.state, [{ type: 'deferred-copy', to: 2 }]);
    expect(ofKind(toTwo.last, 'copy')).toEqual([expect.objectContaining({ volser: A1, from: 0, to: 2 })]);
    const cut = continueFrom(written.state, [
      ...cutBoth(0, 2),
      ...cutBoth(1, 2),
      { type: 'deferred-copy', to: 2 },
    ]);
    expect(ofKind(cut.last, 'copy')).toEqual([]);
    expect(ofKind(cut.last, 'info')).toEqual([{ kind: 'info', message: 'no queued copy to C2 can move now' }]);
    const nothing = continueFrom(cut.state, [{ type: 'deferred-copy', to: 1 }, { type: 'deferred-copy', to: 1 }, { type: 'deferred-copy', to: 1 }]);
    expect(ofKind(nothing.last, 'info')).toEqual([{ kind: 'info', message: 'no queued copy to C1 can move now' }]);
  });

  it('CCP-7: copies drain at the pair\'s rate scaled by the share of its links that are up; a copy that needs exactly the time given completes', () => {
    // 1000 MB at 100 MB/min: 10 minutes with both links, 20 with one of two.
    const sketch: GridSketch = { clusters: 2, classes: { MCDEF: { 0: 'RD' } }, copyRateMBPerMinute: 100 };
    const both = after(sketch, [insertScratch(0, [A1]), ...job(A1, 'MCDEF', 1000), { type: 'advance', minutes: 10 }]);
    expect(ofKind(both.observations, 'copy')).toEqual([expect.objectContaining({ volser: A1, to: 1, ageMinutes: 10 })]);
    const one = after(sketch, [insertScratch(0, [A1]), { type: 'link-fail', between: [0, 1], link: 0 }, ...job(A1, 'MCDEF', 1000), { type: 'advance', minutes: 10 }]);
    expect(ofKind(one.observations, 'copy')).toEqual([]);
    expect(one.state.copyQueue[0]?.remainingMB).toBeCloseTo(500, 6);
    const later = continueFrom(one.state, [{ type: 'advance', minutes: 10 }]);
    expect(ofKind(later.observations, 'copy')).toEqual([expect.objectContaining({ volser: A1, ageMinutes: 20 })]);
    // With no rate the copy only moves on an explicit event, however long the wait.
    const still = after({ ...sketch, copyRateMBPerMinute: 0 }, [insertScratch(0, [A1]), ...job(A1, 'MCDEF', 1000), { type: 'advance', minutes: 600 }]);
    expect(still.state.copyQueue).toHaveLength(1);
  });

  it('CCP-7: one pair copies one volume at a time: the second waits for the first', () => {
    const sketch: GridSketch = { clusters: 2, classes: { MCDEF: { 0: 'RD' } }, copyRateMBPerMinute: 100 };
    const both = after(sketch, [insertScratch(0, [A1, A2]), ...job(A1, 'MCDEF', 1000), ...job(A2, 'MCDEF', 1000), { type: 'advance', minutes: 15 }]);
    expect(ofKind(both.observations, 'copy').map((copy) => [copy.volser, copy.ageMinutes])).toEqual([[A1, 10]]);
    expect(both.state.copyQueue[0]?.remainingMB).toBeCloseTo(500, 6);
  });

  it('CCP-2: each copy\'s age is from the volume\'s write to the moment that copy completes, the second after the first', () => {
    // Both written at minute 5; at 100 MB/min A1 is copied at minute 15 and A2 at minute 25.
    const sketch: GridSketch = { clusters: 2, classes: { MCDEF: { 0: 'RD' } }, copyRateMBPerMinute: 100 };
    const both = after(sketch, [insertScratch(0, [A1, A2]), { type: 'advance', minutes: 5 }, ...job(A1, 'MCDEF', 1000), ...job(A2, 'MCDEF', 1000), { type: 'advance', minutes: 30 }]);
    expect(ofKind(both.observations, 'copy').map((copy) => [copy.volser, copy.ageMinutes])).toEqual([
      [A1, 10],
      [A2, 20],
    ]);
  });

  it('CCP-7: each pair copies at its own rate: a fast pair and a slow pair drain side by side', () => {
    // 1000 MB to C1 over a 100 MB/min pair (10 min) and to C2 over a 25 MB/min pair (40 min), at the same time.
    const sketch: GridSketch = { clusters: 3, classes: { MCDEF: { 0: 'RDD' } }, copyRateMBPerMinute: 100, pairs: { '0-2': { copyRateMBPerMinute: 25 }, '1-2': { copyRateMBPerMinute: 1 } } };
    const ran = after(sketch, [insertScratch(0, [A1]), ...job(A1, 'MCDEF', 1000), { type: 'advance', minutes: 40 }]);
    expect(ofKind(ran.observations, 'copy').map((copy) => [copy.to, copy.ageMinutes])).toEqual([
      [1, 10],
      [2, 40],
    ]);
  });
});

