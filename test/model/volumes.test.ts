import { describe, expect, it } from 'vitest';
import { step } from '../../model/index.js';
import { after, cutBoth, insertScratch, volsers } from './helpers.js';

/**
 * Copy-on-write of volumes (model/volumes.ts): a step copies only the volumes it changes and leaves the
 * state it was given untouched. The test suite runs with TAPEGRID_FREEZE=1, so every volume a step
 * produced is frozen, part by part, and a change that bypasses the copy fails loudly.
 */
const [A1, A2] = volsers(2) as [string, string];
const sketch = { clusters: 2, classes: { MC: { 0: 'RS' } }, options: { syncDeferredOnWriteFailure: true } };

describe('copy-on-write of volumes', () => {
  it('the suite freezes what a step produced (TAPEGRID_FREEZE=1)', () => {
    expect(process.env.TAPEGRID_FREEZE).toBe('1');
  });

  it('every part of a volume a step changed is frozen: the volume, its copies, mounts, sync list, tokens and lineage', () => {
    const cut = cutBoth();
    const { state } = after(sketch, [insertScratch(0, [A1]), { type: 'scratch-mount', host: 'HOST', cluster: 0, managementClass: 'MC' }, ...cut, { type: 'write', cluster: 0, volser: A1 }]);
    const volume = state.volumes[A1];
    const mount = volume?.mounts[0];
    expect(mount?.syncDeferred).toEqual([1]);
    const parts = [volume, volume?.copies, volume?.copies[0], volume?.copies[1], volume?.mounts, mount, mount?.syncDeferred, volume?.ownership, volume?.dataParent, volume?.metaParent];
    expect(parts.map((part) => Object.isFrozen(part))).toEqual(parts.map(() => true));
  });

  it('a step copies only the volumes it changes: the others stay the very same objects', () => {
    const start = after(sketch, [insertScratch(0, [A1, A2])]).state;
    const next = step(start, { type: 'scratch-mount', host: 'HOST', cluster: 0, managementClass: 'MC' }).state;
    expect(next.volumes[A2]).toBe(start.volumes[A2]);
    expect(next.volumes[A1]).not.toBe(start.volumes[A1]);
    expect(start.volumes[A1]?.mounts).toEqual([]);
  });
});
