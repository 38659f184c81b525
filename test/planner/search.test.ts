import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bruteForce, cheapestConfiguration, judgedFigures, searchDimensions, type Catalog, type PlanInputs } from '../../planner/index.js';
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

  it('reports what binds: the installed cache and the target it fails, then the cheapest option that meets it ("add")', () => {
    const small = twoSites({ targets: { rpoSeconds: { MCDEF: 3600 }, drTestSeconds: null, daysResident: 15 } });
    const inputs = { ...small, clusters: small.clusters.map((cluster) => ({ ...cluster, cacheBytes: 50e12, cacheText: '50 TB' })) };
    const result = cheapestConfiguration(inputs);
    const cache = result.choices.find((choice) => choice.dimension === 'cache.0');
    // 50 TB holds 50 / 5 = 10 days < 15: fails; 100 TB holds 20 days.
    expect(cache).toEqual(expect.objectContaining({ installed: '50 TB', action: 'add', option: '100 TB' }));
    expect(cache?.binds).toContain('50 TB as installed fails: Days resident in C0');
    expect(result.feasible).toBe(true);
  });

  it('a generous installed grid gets "keep", never a downgrade to a cheaper, smaller catalog option', () => {
    // 10 TB/day over 2 x 10 Gb/s, and a 2 x 1 Gb/s option that would also meet a 4-hour RPO at a cost of 10.
    const inputs = twoSites({ workloads: [workload({ hostBytesPerDay: 1e12 })], targets: { rpoSeconds: { MCDEF: 4 * 3600 }, drTestSeconds: null, daysResident: 15 } });
    const result = cheapestConfiguration(inputs);
    const bought = result.choices.filter((choice) => !choice.dimension.startsWith('media.')).map((choice) => [choice.dimension, choice.action, choice.option]);
    expect(bought).toEqual([
      ['links.0-1', 'keep', '2 x 10 Gb/s'],
      ['cache.0', 'keep', '100 TB'],
    ]);
    // Media are priced by the cartridges a generation needs: 60F's are cheaper per byte here, so it is "replace", named as such.
    expect(result.choices.find((choice) => choice.dimension === 'media.0')).toEqual(expect.objectContaining({ installed: 'E08', action: 'replace', option: '60F' }));
    const links = searchDimensions(inputs).find((dimension) => dimension.id === 'links.0-1');
    expect(links?.options.map((option) => option.name)).toEqual(['2 x 10 Gb/s']);
  });

  it('an option "at risk" is not advice: days resident within 20 % of the target needs the next option', () => {
    // Installed 100 TB: 100 / 5 = 20 d against 18 d is at risk (below 21.6); a 200 TB option holds 40 d.
    const catalog = { ...testCatalog, cacheOptions: [...testCatalog.cacheOptions, { name: '200 TB', bytes: 200e12, cost: 150, source: 'test' }] };
    const result = cheapestConfiguration(twoSites({ catalog, targets: { rpoSeconds: {}, drTestSeconds: null, daysResident: 18 } }));
    const cache = result.choices.find((choice) => choice.dimension === 'cache.0');
    expect(cache).toEqual(expect.objectContaining({ action: 'add', option: '200 TB' }));
    expect(cache?.binds).toContain('100 TB as installed is at risk');
  });

  it('advice holds at the end of the growth horizon and with the headroom: 30 % a year for 24 months breaks a 15-day target the installed cache meets today', () => {
    const catalog = { ...testCatalog, cacheOptions: [...testCatalog.cacheOptions, { name: '200 TB', bytes: 200e12, cost: 150, source: 'test' }] };
    const today = twoSites({ catalog, targets: { rpoSeconds: {}, drTestSeconds: null, daysResident: 15 } });
    expect(cheapestConfiguration(today).choices.find((choice) => choice.dimension === 'cache.0')?.action).toBe('keep');
    // 5 TB/day x 1.3^2 = 8.45 TB/day: 100 TB holds 11.8 d; 200 TB holds 23.7 d.
    const grown = cheapestConfiguration({ ...today, growth: { perYear: 0.3, horizonMonths: 24 } });
    expect(grown.choices.find((choice) => choice.dimension === 'cache.0')).toEqual(expect.objectContaining({ action: 'add', option: '200 TB' }));
    expect(grown.judgedOn).toEqual({ headroom: 0, month: 24 });
    // 20 % headroom: 6 TB/day, 100 TB holds 16.7 d, at risk against 15 d.
    expect(cheapestConfiguration({ ...today, headroom: { value: 0.2, defaulted: true } }).choices.find((choice) => choice.dimension === 'cache.0')?.option).toBe('200 TB');
  });
});

describe('when a purchase becomes necessary (PLN-4)', () => {
  const catalog = { ...testCatalog, cacheOptions: [...testCatalog.cacheOptions, { name: '200 TB', bytes: 200e12, cost: 150, source: 'test' }] };
  const today = twoSites({ catalog, targets: { rpoSeconds: {}, drTestSeconds: null, daysResident: 15 } });
  const cacheChoice = (inputs: PlanInputs) => cheapestConfiguration(inputs).choices.find((choice) => choice.dimension === 'cache.0');

  it('now, when what is installed already fails or is at risk; never, when it is kept', () => {
    const small = { ...today, clusters: today.clusters.map((cluster) => ({ ...cluster, cacheBytes: 50e12, cacheText: '50 TB' })) };
    expect(cacheChoice(small)?.neededFrom).toEqual({ kind: 'now' });
    expect(cacheChoice(today)?.neededFrom).toBeNull();
  });

  it('from the month growth first puts a target at risk, with the month it fails: 20 d at 30 % a year is below 18 d from month 5 and below 15 d from month 14', () => {
    expect(cacheChoice({ ...today, growth: { perYear: 0.3, horizonMonths: 24 } })?.neededFrom).toEqual({ kind: 'month', month: 5, failsInMonth: 14 });
    // A horizon that ends before the failure: at risk from month 5, failing not within it; the headroom makes it advice.
    expect(cacheChoice({ ...today, growth: { perYear: 0.3, horizonMonths: 10 }, headroom: { value: 0.2, defaulted: false } })?.neededFrom).toEqual({ kind: 'month', month: 5, failsInMonth: null });
  });

  it('only for the headroom, when neither today nor growth breaks a target', () => {
    expect(cacheChoice({ ...today, headroom: { value: 0.2, defaulted: true } })?.neededFrom).toEqual({ kind: 'headroom', headroom: 0.2 });
  });

  it('no option meets the target: the dimension has no choice, the search is not feasible and offers no runner-up', () => {
    const result = cheapestConfiguration({ ...today, targets: { ...today.targets, daysResident: 100 } });
    const cache = result.choices.find((choice) => choice.dimension === 'cache.0');
    expect(cache).toMatchObject({ action: null, option: null, cost: Number.POSITIVE_INFINITY, neededFrom: { kind: 'now' } });
    expect(cache?.binds).toMatch(/^100 TB as installed fails: Days resident in C0/);
    expect(result.feasible).toBe(false);
    expect(result.runnerUp).toBeNull();
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
