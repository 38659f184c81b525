import { describe, expect, it } from 'vitest';
import type { GridEvent, GridSketch } from '../../model/index.js';
import { after, continueFrom, cutBoth, insertScratch, mounted, ofKind, volsers } from './helpers.js';

/**
 * The clusters' databases (11.9.2, OWN-7, OWN-10, OWN-12): metadata reaches every cluster in reach at
 * once; a cluster cut off keeps its older record; when two clusters can talk again the newer record
 * wins, and a volume taken over follows its taker.
 */
const [A1, A2] = volsers(2) as [string, string];
const grid: GridSketch = {
  clusters: 3,
  classes: { MC: { 0: 'RRR', 1: 'RRR', 2: 'RRR' } },
  categories: { scratch: [{ id: '0002', expireHoldMinutes: 0 }], private: ['000F', '0010'] },
};
const restore = (a: number, b: number): GridEvent[] => [0, 1].map((link): GridEvent => ({ type: 'link-restore', between: [a, b], link }));
const written: GridEvent[] = [
  insertScratch(0, [A1, A2]),
  { type: 'scratch-mount', host: 'HOST', cluster: 0, managementClass: 'MC' },
  { type: 'write', cluster: 0, volser: A1 },
  { type: 'rewind-unload', cluster: 0, volser: A1 },
];
/** C0 is cut off from both peers, alive; C1 takes A1 over with write access and mounts it once. */
const takenByC1: GridEvent[] = [
  ...written,
  ...cutBoth(0, 1),
  ...cutBoth(0, 2),
  { type: 'set-takeover', at: 1, of: 0, mode: 'write' },
  { type: 'specific-mount', host: 'HOST', cluster: 1, volser: A1 },
  { type: 'rewind-unload', cluster: 1, volser: A1 },
];
const infos = (observations: Parameters<typeof ofKind>[0]) => ofKind(observations, 'info').map((info) => info.message);

describe('keeping the databases in step', () => {
  it('a cluster that was down when volumes were inserted learns of them when it rejoins, and can then mount one (OWN-10)', () => {
    const inserted = after(grid, [{ type: 'cluster-fail', cluster: 2 }, insertScratch(0, [A1])]);
    expect(inserted.state.volumes[A1]?.copies[2]).toBeUndefined();
    const back = continueFrom(inserted.state, [{ type: 'cluster-restore', cluster: 2 }]);
    expect(back.state.volumes[A1]?.copies[2]).toMatchObject({ category: '0002', knownDataVersion: 0 });
    const mount = continueFrom(back.state, [{ type: 'scratch-mount', host: 'HOST', cluster: 2, managementClass: 'MC' }]);
    expect(mounted(mount.last)).toMatchObject({ volser: A1, cluster: 2 });
    expect(ofKind(mount.last, 'ownership-transfer')).toEqual([{ kind: 'ownership-transfer', volser: A1, from: 0, to: 2 }]);
  });

  it('a cluster down while volumes were inserted elsewhere learns of them too, whichever its number (OWN-10)', () => {
    const back = after(grid, [{ type: 'cluster-fail', cluster: 0 }, insertScratch(2, [A1]), { type: 'cluster-restore', cluster: 0 }]);
    expect(back.state.volumes[A1]?.copies[0]).toMatchObject({ category: '0002', knownDataVersion: 0 });
  });

  it('a category change made while a cluster is cut off reaches it when the links return: the newer record wins, whichever side of the pair it is on (11.9.2)', () => {
    // Written through C2, so C2 owns A1; C0 is cut off while C2 changes the category.
    const throughC2: GridEvent[] = [
      insertScratch(2, [A1, A2]),
      { type: 'scratch-mount', host: 'HOST', cluster: 2, managementClass: 'MC' },
      { type: 'write', cluster: 2, volser: A1 },
      { type: 'rewind-unload', cluster: 2, volser: A1 },
    ];
    const atC2 = after(grid, [...throughC2, ...cutBoth(0, 1), ...cutBoth(0, 2), { type: 'change-category', host: 'HOST', cluster: 2, volser: A1, category: '0010' }]);
    expect(atC2.state.volumes[A1]?.copies[0]?.category).toBe('000F');
    expect(continueFrom(atC2.state, restore(0, 1)).state.volumes[A1]?.copies[0]?.category).toBe('0010');
    const changed = after(grid, [...written, ...cutBoth(0, 2), ...cutBoth(1, 2), { type: 'change-category', host: 'HOST', cluster: 0, volser: A1, category: '0010' }]);
    expect(changed.state.volumes[A1]?.copies[1]?.category).toBe('0010');
    expect(changed.state.volumes[A1]?.copies[2]?.category).toBe('000F');
    const joined = continueFrom(changed.state, restore(1, 2));
    expect(joined.state.volumes[A1]?.copies[2]?.category).toBe('0010');
    // The older record never overwrites the newer one, whichever side of the pair it is on.
    const otherWay = continueFrom(changed.state, restore(0, 2));
    expect(otherWay.state.volumes[A1]?.copies[0]?.category).toBe('0010');
    expect(otherWay.state.volumes[A1]?.copies[2]?.category).toBe('0010');
  });

  it('a read-only takeover token is dropped once the owner answers again (OWN-4, OWN-7)', () => {
    const readOnly = after(grid, [...written, ...cutBoth(0, 1), { type: 'set-takeover', at: 1, of: 0, mode: 'read' }, { type: 'specific-mount', host: 'HOST', cluster: 1, volser: A1 }, { type: 'rewind-unload', cluster: 1, volser: A1 }]);
    expect(readOnly.state.volumes[A1]?.ownership).toEqual([
      { cluster: 0, access: 'full' },
      { cluster: 1, access: 'read-only', takenFrom: 0 },
    ]);
    expect(continueFrom(readOnly.state, restore(0, 1)).state.volumes[A1]?.ownership).toEqual([{ cluster: 0, access: 'full' }]);
  });

  it('a volume taken over with write access from a cluster that was only cut off follows the taker when they meet again: the old owner gives it up and discards what it wrote meanwhile (OWN-7, DRT-7)', () => {
    const split = after(grid, [
      ...takenByC1,
      { type: 'specific-mount', host: 'HOST', cluster: 0, volser: A1 },
      { type: 'write', cluster: 0, volser: A1 },
      { type: 'rewind-unload', cluster: 0, volser: A1 },
    ]);
    const met = continueFrom(split.state, restore(0, 1));
    expect(infos(met.observations)).toEqual([`C0 discards its changes to ${A1} made while cut off: C1 took the volume over (rerun those jobs)`, `C0 gives up ownership of ${A1}: C1 took it over`]);
    expect(met.state.volumes[A1]?.ownership).toEqual([{ cluster: 1, access: 'full', takenFrom: 0 }]);
    expect(met.state.volumes[A1]?.copies[0]).toMatchObject({ dataVersion: null, resident: false });
  });

  it('an old owner that changed only the category while cut off also discards that change when it meets the taker (OWN-7)', () => {
    const split = after(grid, [
      ...takenByC1,
      { type: 'change-category', host: 'HOST', cluster: 0, volser: A1, category: '0010' },
    ]);
    const met = continueFrom(split.state, restore(0, 1));
    expect(infos(met.observations)[0]).toBe(`C0 discards its changes to ${A1} made while cut off: C1 took the volume over (rerun those jobs)`);
    expect(met.state.volumes[A1]?.copies[0]).toMatchObject({ category: '000F', dataVersion: 1 });
  });

  it('a taker and an old owner that changed nothing meanwhile meet without anything discarded', () => {
    const split = after(grid, takenByC1);
    const met = continueFrom(split.state, restore(0, 1));
    expect(infos(met.observations)).toEqual([`C0 gives up ownership of ${A1}: C1 took it over`]);
    expect(met.state.volumes[A1]?.copies[0]?.dataVersion).toBe(1);
  });
});
