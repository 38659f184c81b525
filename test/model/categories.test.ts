import { describe, expect, it } from 'vitest';
import type { GridEvent, GridSketch } from '../../model/index.js';
import { after, continueFrom, cutBoth, insertScratch, mounted, ofKind, refusal, volsers } from './helpers.js';

const [A1, A2, A3] = volsers(3) as [string, string, string];

/**
 * Production host PROD on C0 (scratch 0002, private 000F); DR host DRHOST on C1 (scratch 0012,
 * private 001F). Scratch 0002 has a 24-hour expire hold. C1's write protect excludes the DR
 * categories.
 */
function drGrid(writeProtect: { enabled: boolean; ignoreFastReady?: boolean; excluded?: string[] }, holdMinutes = 1440): GridSketch {
  return {
    clusters: [
      { site: 'prod' },
      { site: 'dr', writeProtect: { enabled: writeProtect.enabled, excludedCategories: writeProtect.excluded ?? ['0012', '001F'], ignoreFastReady: writeProtect.ignoreFastReady ?? false } },
    ],
    classes: { MCPROD: { 0: 'RD', 1: 'NR' }, MCTEST: { 1: 'NR' } },
    hosts: [
      { name: 'PROD', site: 'prod', online: [0], scratchCategory: '0002', privateCategory: '000F' },
      { name: 'DRHOST', site: 'dr', online: [1], scratchCategory: '0012', privateCategory: '001F' },
    ],
    categories: {
      scratch: [
        { id: '0002', expireHoldMinutes: holdMinutes },
        { id: '0012', expireHoldMinutes: 0 },
      ],
      private: ['000F', '001F'],
    },
  };
}

/** A1 written by production through C0 and copied to C1. */
const productionWrite: GridEvent[] = [
  insertScratch(0, [A1, A2]),
  { type: 'scratch-mount', host: 'PROD', cluster: 0, managementClass: 'MCPROD' },
  { type: 'write', cluster: 0, volser: A1 },
  { type: 'rewind-unload', cluster: 0, volser: A1 },
  { type: 'deferred-copy' },
];

describe('categories, scratch and expire hold (CAT)', () => {
  it('CAT-1: a specific mount of a volume in a scratch category presents an empty volume', () => {
    const { last } = after(drGrid({ enabled: false }, 0), [...productionWrite, { type: 'return-to-scratch', host: 'PROD', cluster: 0, volser: A1 }, { type: 'specific-mount', host: 'PROD', cluster: 0, volser: A1 }]);
    expect(mounted(last).surfaced).toBe('empty');
  });

  it('CAT-1: Fast Ready is set per cluster: with it removed at the DR cluster (11.10.4 step 7), a production volume scratched during the test shows its data there and stays empty at production', () => {
    const scratched: GridEvent[] = [
      ...productionWrite,
      { type: 'snapshot-catalog', from: 'PROD', to: 'DRHOST' },
      { type: 'set-fast-ready', cluster: 1, category: '0002', enabled: false },
      { type: 'return-to-scratch', host: 'PROD', cluster: 0, volser: A1 },
    ];
    const atDr = after(drGrid({ enabled: false }), [...scratched, { type: 'specific-mount', host: 'DRHOST', cluster: 1, volser: A1 }]);
    expect(mounted(atDr.last)).toEqual(expect.objectContaining({ surfaced: 'data', cluster: 1 }));
    // At production the attribute is still on: empty (and in its expire hold there).
    const atProduction = after(drGrid({ enabled: false }, 0), [...scratched, { type: 'specific-mount', host: 'PROD', cluster: 0, volser: A1 }]);
    expect(mounted(atProduction.last).surfaced).toBe('empty');
    // Without the removal the DR host is shown a blank volume: the failure the step prevents.
    const kept = after(drGrid({ enabled: false }, 0), [...scratched.filter((event) => event.type !== 'set-fast-ready'), { type: 'specific-mount', host: 'DRHOST', cluster: 1, volser: A1 }]);
    expect(mounted(kept.last).surfaced).toBe('empty');
    // Set again after the test: empty at the DR cluster too.
    const restored = continueFrom(atDr.state, [{ type: 'rewind-unload', cluster: 1, volser: A1 }, { type: 'set-fast-ready', cluster: 1, category: '0002', enabled: true }, { type: 'advance', minutes: 1440 }, { type: 'specific-mount', host: 'DRHOST', cluster: 1, volser: A1 }]);
    expect(mounted(restored.last).surfaced).toBe('empty');
  });

  it('CAT-1: a scratch category defined only on the DR cluster is Fast Ready there and nowhere else; a scratch mount elsewhere is refused', () => {
    const grid = drGrid({ enabled: false });
    const dedicated: GridSketch = { ...grid, hosts: [{ name: 'PROD', site: 'prod', online: [0, 1], scratchCategory: '0012', privateCategory: '000F' }], categories: { scratch: [{ id: '0002', expireHoldMinutes: 0 }, { id: '0012', expireHoldMinutes: 0, fastReadyAt: [1] }], private: ['000F'] } };
    const events: GridEvent[] = [{ type: 'insert', cluster: 1, volsers: [A1, A2], category: '0012' }];
    expect(mounted(after(dedicated, [...events, { type: 'scratch-mount', host: 'PROD', cluster: 1, managementClass: 'MCTEST' }]).last).volser).toBe(A1);
    expect(refusal(after(dedicated, [...events, { type: 'scratch-mount', host: 'PROD', cluster: 0, managementClass: 'MCPROD' }]).last)).toBe('unknown-category');
    expect(refusal(after(dedicated, [{ type: 'set-fast-ready', cluster: 0, category: '0012', enabled: false }]).last)).toBe('unknown-category');
  });

  it('CAT-2: during its expire hold a scratched volume can be neither mounted nor reused; after it, it can', () => {
    const scratched = after(drGrid({ enabled: false }), [...productionWrite, { type: 'return-to-scratch', host: 'PROD', cluster: 0, volser: A1 }]);
    expect(refusal(continueFrom(scratched.state, [{ type: 'specific-mount', host: 'PROD', cluster: 0, volser: A1 }]).last)).toBe('expire-hold');
    const reuse = continueFrom(scratched.state, [{ type: 'scratch-mount', host: 'PROD', cluster: 0, managementClass: 'MCPROD' }]);
    expect(mounted(reuse.last).volser).toBe(A2);
    const later = continueFrom(scratched.state, [{ type: 'advance', minutes: 1440 }, { type: 'specific-mount', host: 'PROD', cluster: 0, volser: A1 }]);
    expect(mounted(later.last).surfaced).toBe('empty');
  });

  it('CAT-3: cut off from its peer, a cluster mounts scratch volumes it owns until they run out', () => {
    const grid: GridSketch = { clusters: 2, classes: { MC: { 0: 'RD', 1: 'DR' } } };
    const { observations, last } = after(grid, [
      insertScratch(0, [A1, A2]),
      insertScratch(1, [A3]),
      ...cutBoth(0, 1),
      { type: 'scratch-mount', host: 'HOST', cluster: 0, managementClass: 'MC' },
      { type: 'scratch-mount', host: 'HOST', cluster: 0, managementClass: 'MC' },
      { type: 'scratch-mount', host: 'HOST', cluster: 0, managementClass: 'MC' },
    ]);
    expect(ofKind(observations, 'mount').map((mount) => mount.volser)).toEqual([A1, A2]);
    expect(refusal(last)).toBe('no-scratch-owned');
  });

  it('CAT-4: the DR host works from a catalog snapshot; production may scratch and the test then sees an empty volume', () => {
    const { state, last } = after(drGrid({ enabled: false }, 0), [
      ...productionWrite,
      { type: 'snapshot-catalog', from: 'PROD', to: 'DRHOST' },
      { type: 'return-to-scratch', host: 'PROD', cluster: 0, volser: A1 },
      { type: 'specific-mount', host: 'DRHOST', cluster: 1, volser: A1 },
    ]);
    expect(state.catalogs.DRHOST?.[A1]).toBe('private');
    expect(state.catalogs.PROD?.[A1]).toBe('scratch');
    expect(mounted(last).surfaced).toBe('empty');
  });
});

describe('write protect and Selective Write Protect (WP)', () => {
  it('WP-1: a write-protected cluster refuses new data, changed data and category or construct changes, except for excluded categories', () => {
    const base = after(drGrid({ enabled: true }), [...productionWrite, { type: 'insert', cluster: 1, volsers: ['TST001'] }, { type: 'change-category', host: 'DRHOST', cluster: 1, volser: 'TST001', category: '0012' }]);
    const mountProd = continueFrom(base.state, [{ type: 'specific-mount', host: 'DRHOST', cluster: 1, volser: A1 }]);
    expect(mounted(mountProd.last).writable).toBe(false);
    expect(refusal(continueFrom(mountProd.state, [{ type: 'write', cluster: 1, volser: A1 }]).last)).toBe('write-protected');
    expect(refusal(continueFrom(base.state, [{ type: 'change-category', host: 'DRHOST', cluster: 1, volser: A1, category: '0012' }]).last)).toBe('write-protected');
    expect(refusal(continueFrom(base.state, [{ type: 'change-constructs', host: 'DRHOST', cluster: 1, volser: A1, managementClass: 'MCTEST' }]).last)).toBe('write-protected');
    const test = continueFrom(base.state, [{ type: 'scratch-mount', host: 'DRHOST', cluster: 1, managementClass: 'MCTEST' }, { type: 'write', cluster: 1, volser: 'TST001' }]);
    expect(ofKind(test.last, 'write')).toHaveLength(1);
  });

  it('WP-1: a protected scratch category cannot be used for a scratch mount through the protected cluster', () => {
    const { last } = after(drGrid({ enabled: true }), [insertScratch(0, [A1]), { type: 'scratch-mount', host: 'DRHOST', cluster: 1, managementClass: 'MCTEST', category: '0002' }]);
    expect(refusal(last)).toBe('write-protected');
  });

  it('WP-2: the insert category is always excluded, so inserted volumes can be moved into an excluded category', () => {
    const { state, observations } = after(drGrid({ enabled: true, excluded: ['0012'] }), [
      { type: 'insert', cluster: 1, volsers: ['TST001'] },
      { type: 'change-category', host: 'DRHOST', cluster: 1, volser: 'TST001', category: '0012' },
    ]);
    expect(ofKind(observations, 'refused')).toEqual([]);
    expect(state.volumes.TST001?.copies[1]?.category).toBe('0012');
  });

  it('WP-3: "ignore fast ready" mounts a protected scratch volume as private: data surfaced, hold ignored, writes refused', () => {
    const { state, last } = after(drGrid({ enabled: true, ignoreFastReady: true }), [
      ...productionWrite,
      { type: 'return-to-scratch', host: 'PROD', cluster: 0, volser: A1 },
      { type: 'specific-mount', host: 'DRHOST', cluster: 1, volser: A1 },
    ]);
    const mount = mounted(last);
    expect(mount.surfaced).toBe('data');
    expect(mount.writable).toBe(false);
    expect(refusal(continueFrom(state, [{ type: 'write', cluster: 1, volser: A1 }]).last)).toBe('write-protected');
    // The mount stays read-only for the rest of the job, even once write protect is switched off.
    expect(refusal(continueFrom(state, [{ type: 'set-write-protect', cluster: 1, enabled: false }, { type: 'write', cluster: 1, volser: A1 }]).last)).toBe('read-only-mount');
  });

  it('WP-4: write protect is per cluster: the same change through an unprotected cluster is allowed', () => {
    const { observations } = after(drGrid({ enabled: true }), [...productionWrite, { type: 'change-category', host: 'PROD', cluster: 0, volser: A1, category: '000F' }]);
    expect(ofKind(observations, 'refused')).toEqual([]);
    const toggled = after(drGrid({ enabled: false }), [...productionWrite, { type: 'set-write-protect', cluster: 1, enabled: true }, { type: 'specific-mount', host: 'DRHOST', cluster: 1, volser: A1 }]);
    expect(mounted(toggled.last).writable).toBe(false);
  });

  it('WP-5: the DR host with its own excluded categories writes test data while production volumes stay protected', () => {
    const { observations } = after(drGrid({ enabled: true }), [
      ...productionWrite,
      { type: 'insert', cluster: 1, volsers: ['TST001', 'TST002'], category: '0012' },
      { type: 'scratch-mount', host: 'DRHOST', cluster: 1, managementClass: 'MCTEST' },
      { type: 'write', cluster: 1, volser: 'TST001' },
      { type: 'rewind-unload', cluster: 1, volser: 'TST001' },
      { type: 'specific-mount', host: 'DRHOST', cluster: 1, volser: A1 },
      { type: 'write', cluster: 1, volser: A1 },
    ]);
    expect(ofKind(observations, 'write').map((write) => write.volser)).toEqual([A1, 'TST001']);
    expect(ofKind(observations, 'refused').map((refused) => [refused.operation, refused.volser, refused.reason])).toEqual([['write', A1, 'write-protected']]);
  });
});

describe('which categories exist (CAT-1)', () => {
  it('a volume can be inserted into a scratch category the grid defines, not into one it does not', () => {
    const grid = drGrid({ enabled: false });
    expect(after(grid, [{ type: 'insert', cluster: 0, volsers: [A1], category: '0012' }]).state.volumes[A1]).toBeDefined();
    expect(refusal(after(grid, [{ type: 'insert', cluster: 0, volsers: [A1], category: '0099' }]).last)).toBe('unknown-category');
  });
});
