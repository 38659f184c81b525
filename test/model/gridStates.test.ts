import { describe, expect, it } from 'vitest';
import { gridStateNames, gridStates, type GridEvent } from '../../model/index.js';
import { after, cutBoth, insertScratch, ofKind, twoClusterRun, volsers } from './helpers.js';

const [A1] = volsers(1) as [string];

describe('grid states (GS)', () => {
  it('GS-1: Grid Links Degraded while any grid link is down', () => {
    const { state } = after(twoClusterRun, [{ type: 'link-fail', between: [0, 1], link: 0 }]);
    expect(gridStates(state)).toContain('GS-1');
    expect(gridStateNames['GS-1']).toBe('Grid Links Degraded');
    expect(gridStates(after(twoClusterRun, [{ type: 'link-fail', between: [0, 1], link: 0 }, { type: 'link-restore', between: [0, 1], link: 0 }]).state)).toEqual([]);
  });

  it('GS-2: VTS Operations Degraded on a link or a cluster failure, not on a host link failure', () => {
    expect(gridStates(after(twoClusterRun, [{ type: 'link-fail', between: [0, 1], link: 1 }]).state)).toContain('GS-2');
    expect(gridStates(after(twoClusterRun, [{ type: 'cluster-fail', cluster: 1 }]).state)).toContain('GS-2');
    expect(gridStates(after(twoClusterRun, [{ type: 'host-link-fail', host: 'HOST', cluster: 0 }]).state)).not.toContain('GS-2');
  });

  it('GS-3: Copy Operation Disabled when a cluster cannot be reached for copies, not when one link of two is left', () => {
    const bothDown: GridEvent[] = [...cutBoth(0, 1)];
    expect(gridStates(after(twoClusterRun, bothDown).state)).toContain('GS-3');
    expect(gridStates(after(twoClusterRun, [{ type: 'cluster-fail', cluster: 0 }]).state)).toContain('GS-3');
    expect(gridStates(after(twoClusterRun, bothDown.slice(0, 1)).state)).not.toContain('GS-3');
  });

  it("GS-4: Immediate Mode Copy Completion's Deferred while a RUN copy waits in the queue", () => {
    const { state } = after(twoClusterRun, [
      insertScratch(0, [A1]),
      { type: 'cluster-fail', cluster: 1 },
      { type: 'scratch-mount', host: 'HOST', cluster: 0, managementClass: 'MCRUN' },
      { type: 'write', cluster: 0, volser: A1 },
      { type: 'rewind-unload', cluster: 0, volser: A1 },
    ]);
    expect(gridStates(state)).toEqual(['GS-2', 'GS-3', 'GS-4', 'GS-5']);
  });

  it('GS-5: Call Home on a grid component failure (link or cluster), not on a host link failure', () => {
    expect(ofKind(after(twoClusterRun, [{ type: 'link-fail', between: [0, 1], link: 0 }]).last, 'call-home')).toEqual([{ kind: 'call-home', component: 'grid link 1 C0-C1' }]);
    expect(ofKind(after(twoClusterRun, [{ type: 'cluster-fail', cluster: 1 }]).last, 'call-home')).toHaveLength(1);
    expect(ofKind(after(twoClusterRun, [{ type: 'host-link-fail', host: 'HOST', cluster: 0 }]).last, 'call-home')).toEqual([]);
    expect(gridStates(after(twoClusterRun, [{ type: 'cluster-fail', cluster: 1 }]).state)).toContain('GS-5');
  });

  it('the grid states carry the seed\'s names (11.2; the seed writes the apostrophe of GS-4 typeset)', () => {
    expect(gridStateNames).toEqual({
      'GS-1': 'Grid Links Degraded',
      'GS-2': 'VTS Operations Degraded',
      'GS-3': 'Copy Operation Disabled',
      'GS-4': "Immediate Mode Copy Completion's Deferred",
      'GS-5': 'Call Home',
    });
  });
});
