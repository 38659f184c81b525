import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bruteForce, cheapestConfiguration, judgedFigures, type Catalog } from '../../planner/index.js';
import { testCatalog, twoSites, workload } from './helpers.js';

const catalogArbitrary: fc.Arbitrary<Catalog> = fc
  .record({
    linkCosts: fc.array(fc.integer({ min: 1, max: 100 }), { minLength: 3, maxLength: 3 }),
    linkSpeeds: fc.array(fc.integer({ min: 10, max: 5000 }), { minLength: 3, maxLength: 3 }),
    cacheCosts: fc.array(fc.integer({ min: 1, max: 200 }), { minLength: 3, maxLength: 3 }),
    cacheSizes: fc.array(fc.integer({ min: 10, max: 400 }), { minLength: 3, maxLength: 3 }),
  })
  .map(({ linkCosts, linkSpeeds, cacheCosts, cacheSizes }) => ({
    ...testCatalog,
    linkOptions: linkCosts.map((cost, index) => ({ name: `L${index}`, count: 2, bytesPerSecondEach: (linkSpeeds[index] ?? 10) * 1e6, cost, whatIf: false, source: 'test' })),
    cacheOptions: cacheCosts.map((cost, index) => ({ name: `K${index}`, bytes: (cacheSizes[index] ?? 10) * 1e12, cost, source: 'test' })),
  }));

describe('cheapest configuration search', () => {
  it('property: never returns an option that fails a target, and never misses a cheaper one (brute force on small catalogs)', () => {
    fc.assert(
      fc.property(catalogArbitrary, fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 24 }), fc.integer({ min: 1, max: 20 }), (catalog, dailyTB, rpoHours, resident) => {
        const inputs = twoSites({
          catalog,
          workloads: [workload({ hostBytesPerDay: dailyTB * 1e12, hourlyShare: Array.from({ length: 24 }, (_, h) => (h >= 20 ? 0.15 : 0.4 / 20)) })],
          targets: { rpoSeconds: { MCDEF: rpoHours * 3600 }, drTestSeconds: null, daysResident: resident },
        });
        const smart = cheapestConfiguration(inputs);
        const brute = bruteForce(inputs);
        if (smart.feasible !== brute.feasible) return false;
        if (!smart.feasible) return true;
        if (Math.abs(smart.totalCost - brute.totalCost) > 1e-9) return false;
        // Apply the chosen options and check no target fails.
        const chosen = applyChoices(inputs, smart);
        return judgedFigures(chosen).every((figure) => figure.verdict !== 'fails' || figure.id.startsWith('devices.'));
      }),
      { numRuns: 60, seed: 11 },
    );
  });

  it('reports what binds: the next cheaper option and the target it fails', () => {
    const inputs = twoSites({ targets: { rpoSeconds: { MCDEF: 3600 }, drTestSeconds: null, daysResident: 15 } });
    const result = cheapestConfiguration(inputs);
    const cache = result.choices.find((choice) => choice.dimension === 'cache.0');
    // 50 TB holds 50 / 5 = 10 days < 15: fails; 100 TB holds 20 days.
    expect(cache?.option).toBe('100 TB');
    expect(cache?.binds).toContain('50 TB fails: Days resident in C0');
    expect(result.feasible).toBe(true);
    expect(result.runnerUp).not.toBeNull();
  });
});

function applyChoices(inputs: ReturnType<typeof twoSites>, result: ReturnType<typeof cheapestConfiguration>): ReturnType<typeof twoSites> {
  let current = inputs;
  for (const choice of result.choices) {
    if (choice.dimension.startsWith('links.')) {
      const option = inputs.catalog.linkOptions.find((entry) => entry.name === choice.option);
      if (option !== undefined) current = { ...current, links: current.links.map((entry) => ({ ...entry, count: option.count, bytesPerSecondEach: option.bytesPerSecondEach })) };
    } else if (choice.dimension.startsWith('cache.')) {
      const option = inputs.catalog.cacheOptions.find((entry) => entry.name === choice.option);
      const id = Number(choice.dimension.split('.')[1]);
      if (option !== undefined) current = { ...current, clusters: current.clusters.map((cluster) => (cluster.id === id ? { ...cluster, cacheBytes: option.bytes } : cluster)) };
    }
  }
  return current;
}
