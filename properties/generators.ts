import fc from 'fast-check';
import { defineGrid, type CopyPoint, type GridSketch } from '../model/index.js';
import type { VerifySetup } from './setup.js';

/**
 * Random grids for the model's own property tests: 1 to 8 clusters of either kind, random links,
 * hosts, classes (valid letters: 0 or 2 S points), AOTM on independent networks, write protect on
 * some clusters, and a runbook that only takes over clusters confirmed down. Every invariant must
 * hold on every such grid: that is what proves the model consistent.
 */

const letter = fc.constantFrom<CopyPoint>('R', 'D', 'N');

/** Copy modes for `count` clusters: R/D/N letters, or exactly two S points. */
export function copyModesArbitrary(count: number): fc.Arbitrary<string> {
  const plain = fc.array(letter, { minLength: count, maxLength: count }).map((letters) => letters.join(''));
  if (count < 2) return plain;
  const sync = fc
    .tuple(plain, fc.nat({ max: count - 1 }), fc.nat({ max: count - 2 }))
    .map(([letters, first, offset]) => {
      const chars = [...letters];
      const second = (first + 1 + offset) % count;
      chars[first] = 'S';
      chars[second] = 'S';
      return chars.join('');
    });
  return fc.oneof({ weight: 4, arbitrary: plain }, { weight: 1, arbitrary: sync });
}

/** A grid sketch of 1 to `maxClusters` clusters. */
export function gridSketchArbitrary(maxClusters = 8): fc.Arbitrary<GridSketch> {
  return fc.integer({ min: 1, max: maxClusters }).chain((count) =>
    fc.record({
      kinds: fc.array(fc.constantFrom('disk-only' as const, 'tape-attached' as const), { minLength: count, maxLength: count }),
      aotm: fc.array(fc.option(fc.constantFrom('read' as const, 'write' as const), { nil: undefined }), { minLength: count, maxLength: count }),
      writeProtect: fc.array(fc.boolean(), { minLength: count, maxLength: count }),
      linksPerPair: fc.integer({ min: 1, max: 4 }),
      copyRate: fc.constantFrom(0, 500, 5000),
      classes: fc.array(
        fc.array(fc.option(copyModesArbitrary(count), { nil: undefined }), { minLength: count, maxLength: count }),
        { minLength: 1, maxLength: 3 },
      ),
      hosts: fc.array(fc.uniqueArray(fc.nat({ max: count - 1 }), { minLength: 1, maxLength: count }), { minLength: 1, maxLength: 2 }),
      holdMinutes: fc.constantFrom(0, 60, 1440),
    }).map(({ kinds, aotm, writeProtect, linksPerPair, copyRate, classes, hosts, holdMinutes }): GridSketch => ({
      name: `generated-${count}`,
      clusters: kinds.map((kind, id) => ({
        kind,
        site: `site-${id}`,
        ...(aotm[id] === undefined ? {} : { aotm: { mode: aotm[id], graceMinutes: 20, retryMinutes: 5, tsscNetwork: 'independent' as const } }),
        writeProtect: { enabled: writeProtect[id] === true, excludedCategories: ['0012', '001F'], ignoreFastReady: id % 2 === 0 },
      })),
      linksPerPair,
      copyRateMBPerMinute: copyRate,
      classes: Object.fromEntries(
        classes.map((perCluster, index) => {
          const modes: Record<number, string> = {};
          perCluster.forEach((text, id) => {
            if (text !== undefined) modes[id] = text;
          });
          if (Object.keys(modes).length === 0) modes[0] = 'R'.padEnd(count, 'N');
          return [`MC${index}`, modes];
        }),
      ),
      hosts: hosts.map((online, index) => ({
        name: `HOST${index}`,
        site: `site-${online[0] ?? 0}`,
        online,
        scratchCategory: index === 0 ? '0002' : '0003',
        privateCategory: index === 0 ? '000F' : '001F',
      })),
      categories: {
        scratch: [
          { id: '0002', expireHoldMinutes: holdMinutes },
          { id: '0003', expireHoldMinutes: holdMinutes },
        ],
        private: ['000F', '001F'],
      },
    })),
  );
}

/** A verification setup on a generated grid with a safe runbook (takeover only of clusters confirmed down). */
export function safeSetupArbitrary(maxClusters = 8): fc.Arbitrary<VerifySetup> {
  return gridSketchArbitrary(maxClusters).map((sketch) => ({
    definition: defineGrid(sketch),
    runbook: [
      { mode: 'write', when: 'cluster-confirmed-down', duringDrTest: false },
      { mode: 'read', when: 'cluster-confirmed-down', duringDrTest: false },
    ],
    drTest: null,
    survivesLossOfOneCluster: [],
    volumesPerHost: 3,
  }));
}
