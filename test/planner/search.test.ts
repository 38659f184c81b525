import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { adviceInputs, bruteForce, cheapestConfiguration, grown, judgedFigures, scaleWorkload, searchDimensions, type Catalog, type PlanInputs } from '../../planner/index.js';
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

describe('what there is to buy, and what each choice says (PLN-1, PLN-4)', () => {
  const withBigCache = { ...testCatalog, cacheOptions: [...testCatalog.cacheOptions, { name: '200 TB', bytes: 200e12, cost: 150, source: 'test' }] };
  /** 50 TB installed against a 15-day target (it holds 10 days), both clusters with E08 drives. */
  const smallCache = (): PlanInputs => {
    const base = twoSites({ catalog: withBigCache, targets: { rpoSeconds: { MCDEF: 3600 }, drTestSeconds: null, daysResident: 15 } });
    return { ...base, clusters: base.clusters.map((cluster) => ({ ...cluster, cacheBytes: 50e12, cacheText: '50 TB' })) };
  };
  const figure = (id: string) => ({ id }) as Parameters<ReturnType<typeof searchDimensions>[number]['owns']>[0];

  it('the links of each pair that carries copies, the cache of each writer with a target, the drive generation of each tape-attached cluster', () => {
    const dimensions = searchDimensions(smallCache());
    expect(dimensions.map((dimension) => [dimension.id, dimension.label, dimension.installed])).toEqual([
      ['links.0-1', 'grid links C0-C1', '2 x 10 Gb/s'],
      ['cache.0', 'cache of C0 (C0)', '50 TB'],
      ['media.0', 'drive generation of C0 (C0)', 'E08'],
      ['media.1', 'drive generation of C1 (C1)', 'E08'],
    ]);
    // Cache options only above what is installed, each "add"; drive generations priced by the cartridges
    // for 30 days of 5 TB stored a day: 150 TB at 80 % fill is 19 x 10 TB (2.5 each) or 10 x 20 TB (3.5 each).
    const options = (id: string) => dimensions.find((dimension) => dimension.id === id)?.options.map((option) => [option.name, option.cost, option.action]);
    expect(options('cache.0')).toEqual([
      ['50 TB', 0, 'keep'],
      ['100 TB', 90, 'add'],
      ['200 TB', 150, 'add'],
    ]);
    expect(options('media.0')).toEqual([
      ['E08', 47.5, 'keep'],
      ['60F', 35, 'replace'],
    ]);
    // C1 holds what it receives: the same 5 TB a day, deferred.
    expect(options('media.1')).toEqual(options('media.0'));
  });

  it('links: more of the installed speed is "add", another speed "replace", anything smaller is not offered', () => {
    const catalog = {
      ...testCatalog,
      linkOptions: [
        { name: '1 x 1 Gb/s', count: 1, bytesPerSecondEach: 125e6, cost: 5, whatIf: false, source: 'test' },
        { name: '2 x 1 Gb/s', count: 2, bytesPerSecondEach: 125e6, cost: 10, whatIf: false, source: 'test' },
        { name: '4 x 1 Gb/s', count: 4, bytesPerSecondEach: 125e6, cost: 18, whatIf: true, source: 'test' },
        { name: '2 x 10 Gb/s', count: 2, bytesPerSecondEach: 1250e6, cost: 40, whatIf: false, source: 'test' },
      ],
    };
    const inputs = twoSites({ catalog, links: [{ ...twoSites().links[0]!, count: 2, bytesPerSecondEach: 125e6, text: '2 x 1 Gb/s' }] });
    const links = searchDimensions(inputs).find((dimension) => dimension.id === 'links.0-1');
    expect(links?.options.map((option) => [option.name, option.cost, option.action, option.whatIf])).toEqual([
      ['2 x 1 Gb/s', 0, 'keep', false],
      ['4 x 1 Gb/s', 18, 'add', true],
      ['2 x 10 Gb/s', 40, 'replace', false],
    ]);
    // Applying an option changes that pair's links only, whichever way round the pair is written.
    const reversed = { ...inputs, links: [{ ...inputs.links[0]!, between: [1, 0] as [number, number] }, { ...inputs.links[0]!, between: [0, 2] as [number, number], text: 'other' }] };
    const applied = links?.options[2]?.apply(reversed);
    expect(applied?.links.map((link) => [link.text, link.count, link.bytesPerSecondEach])).toEqual([
      ['2 x 10 Gb/s', 2, 1250e6],
      ['other', 2, 125e6],
    ]);
    expect(links?.options[0]?.apply(reversed)).toBe(reversed);
  });

  it('each dimension owns the figures its choice decides, and no other', () => {
    const [links, cache, media] = searchDimensions(smallCache());
    for (const id of ['wan.rpo.0-1.MCDEF', 'wan.rpo.1-0.MCDEF', 'outage.catch-up.0-1', 'outage.catch-up.1-0', 'wan.utilisation.0-1']) expect(links?.owns(figure(id)), id).toBe(true);
    for (const id of ['wan.rpo.0-2.MCDEF', 'cache.days-resident.0', 'outage.cache-needed.0', 'media.copy-export.0', 'scratch.0-1']) expect(links?.owns(figure(id)), id).toBe(false);
    for (const id of ['cache.days-resident.0', 'outage.throttling.0', 'outage.cache-needed.0']) expect(cache?.owns(figure(id)), id).toBe(true);
    for (const id of ['cache.days-resident.1', 'outage.throttling.1', 'wan.rpo.0-1.MCDEF', 'media.copy-export.0']) expect(cache?.owns(figure(id)), id).toBe(false);
    expect(media?.owns(figure('media.copy-export.0'))).toBe(true);
    expect(media?.owns(figure('media.copy-export.1'))).toBe(false);
    expect(media?.owns(figure('cache.days-resident.0'))).toBe(false);
  });

  it('a cache is something to buy for a writer with a residency target, a disk-only cluster with one, or a writer whose DR test breaks the links; never otherwise', () => {
    const ids = (inputs: PlanInputs) => searchDimensions(inputs).map((dimension) => dimension.id).filter((id) => id.startsWith('cache.'));
    const noTarget = twoSites({ targets: { rpoSeconds: {}, drTestSeconds: null, daysResident: null } });
    expect(ids(noTarget)).toEqual([]);
    expect(ids({ ...noTarget, drTest: { clusters: [1], seconds: 86400, writesBytesPerDay: null, linksBroken: true } })).toEqual(['cache.0']);
    expect(ids({ ...noTarget, drTest: { clusters: [1], seconds: 86400, writesBytesPerDay: null, linksBroken: false } })).toEqual([]);
    const resident = twoSites({ targets: { rpoSeconds: {}, drTestSeconds: null, daysResident: 5 } });
    expect(ids(resident)).toEqual(['cache.0']);
    const diskOnly = { ...resident, clusters: resident.clusters.map((cluster) => (cluster.id === 1 ? { ...cluster, kind: 'disk-only' as const } : cluster)) };
    expect(ids(diskOnly)).toEqual(['cache.0', 'cache.1']);
    // A disk-only cluster has no drive generation to choose.
    expect(searchDimensions(diskOnly).map((dimension) => dimension.id).filter((id) => id.startsWith('media.'))).toEqual(['media.0']);
  });

  it('the whole answer: what each choice binds on, when it is needed, the total, the runner-up and how many options were judged', () => {
    const result = cheapestConfiguration(smallCache());
    expect(result.choices.map((choice) => [choice.dimension, choice.action, choice.option, choice.cost, choice.binds, choice.neededFrom])).toEqual([
      ['links.0-1', 'keep', '2 x 10 Gb/s', 0, 'what is installed meets every target it owns', null],
      ['cache.0', 'add', '100 TB', 90, '50 TB as installed fails: Days resident in C0 (C0) 10.0 d (target at least 15 d)', { kind: 'now' }],
      // E08 meets every target too: 60F is advice because its cartridges cost less, not because it is needed.
      ['media.0', 'replace', '60F', 35, 'E08 as installed meets every target it owns too; 60F costs 12.5 less', { kind: 'saving', saves: 12.5 }],
      ['media.1', 'replace', '60F', 35, 'E08 as installed meets every target it owns too; 60F costs 12.5 less', { kind: 'saving', saves: 12.5 }],
    ]);
    expect(result.totalCost).toBe(160);
    expect(result.feasible).toBe(true);
    // The second option that meets the targets with the smallest extra cost: E08 for media.0 (12.5 more; 200 TB is 60 more).
    expect(result.runnerUp).toEqual({ dimension: 'media.0', option: 'E08', totalCost: 172.5 });
    // links 1, cache 3 (keep fails, 100 TB and 200 TB meet: the search stops at two), media 2 + 2.
    expect(result.candidatesConsidered).toBe(8);
    expect(bruteForce(smallCache())).toEqual({ feasible: true, totalCost: 160, combinations: 12 });
  });

  it('of two options at one cost the installed one is kept; of two new ones the first by name is taken', () => {
    const tied = {
      ...testCatalog,
      drives: [
        { type: 'AAA', cartridgeBytes: 10e12, bytesPerSecond: 360e6, cartridgeCost: 2.5, source: 'test' },
        { type: 'E08', cartridgeBytes: 10e12, bytesPerSecond: 360e6, cartridgeCost: 2.5, source: 'test' },
      ],
      cacheOptions: [
        { name: 'B 200 TB', bytes: 200e12, cost: 90, source: 'test' },
        { name: 'A 150 TB', bytes: 150e12, cost: 90, source: 'test' },
      ],
    };
    const base = twoSites({ catalog: tied, targets: { rpoSeconds: {}, drTestSeconds: null, daysResident: 15 } });
    const inputs = { ...base, clusters: base.clusters.map((cluster) => ({ ...cluster, cacheBytes: 50e12, cacheText: '50 TB' })) };
    const choices = cheapestConfiguration(inputs).choices;
    expect(choices.find((choice) => choice.dimension === 'media.0')).toEqual(expect.objectContaining({ action: 'keep', option: 'E08', neededFrom: null }));
    expect(choices.find((choice) => choice.dimension === 'cache.0')).toEqual(expect.objectContaining({ action: 'add', option: 'A 150 TB' }));
  });

  it('a what-if catalog option chosen is marked as such', () => {
    const catalog = { ...testCatalog, linkOptions: [{ name: '2 x 100 Gb/s', count: 2, bytesPerSecondEach: 12.5e9, cost: 400, whatIf: true, source: 'test' }] };
    // 200 TB/day stored at 100 TB a day over 2.125 GB/s (183.6 TB a day) breaks a 1-hour RPO; 2 x 100 Gb/s meets it.
    const inputs = twoSites({ catalog, workloads: [workload({ hostBytesPerDay: 400e12 })], targets: { rpoSeconds: { MCDEF: 3600 }, drTestSeconds: null, daysResident: null } });
    expect(cheapestConfiguration(inputs).choices.find((choice) => choice.dimension === 'links.0-1')).toEqual(expect.objectContaining({ action: 'replace', option: '2 x 100 Gb/s', whatIf: true, cost: 400 }));
  });

  it('advice is judged at the end of the horizon with the headroom on top: 1.3^2 x 1.2 of the daily data', () => {
    const inputs = twoSites({ growth: { perYear: 0.3, horizonMonths: 24 }, headroom: { value: 0.2, defaulted: false } });
    const judged = adviceInputs(inputs);
    expect(judged.month).toBe(24);
    expect(judged.headroom).toBe(0.2);
    expect(judged.inputs.workloads[0]?.hostBytesPerDay).toBeCloseTo(10e12 * 1.69 * 1.2, 0);
    expect(grown(inputs, 6).workloads[0]?.hostBytesPerDay).toBeCloseTo(10e12 * Math.sqrt(1.3), 0);
    expect(grown(twoSites(), 12).workloads[0]?.hostBytesPerDay).toBe(10e12);
    expect(adviceInputs(twoSites()).inputs.workloads[0]?.hostBytesPerDay).toBe(10e12);
    expect(scaleWorkload(inputs, 3).workloads.map((entry) => entry.hostBytesPerDay)).toEqual([30e12]);
  });
});

describe('search details that change the advice', () => {
  const catalog = { ...testCatalog, cacheOptions: [...testCatalog.cacheOptions, { name: '200 TB', bytes: 200e12, cost: 150, source: 'test' }] };
  const today = () => twoSites({ catalog, targets: { rpoSeconds: {}, drTestSeconds: null, daysResident: 15 } });

  it('a failure in the last month of the horizon is within it: 15 days fail in month 14, and a 14-month horizon says so', () => {
    const choice = cheapestConfiguration({ ...today(), growth: { perYear: 0.3, horizonMonths: 14 } }).choices.find((entry) => entry.dimension === 'cache.0');
    expect(choice?.neededFrom).toEqual({ kind: 'month', month: 5, failsInMonth: 14 });
  });

  it('judged figures are those with a target verdict only', () => {
    const figures = judgedFigures(today());
    expect(figures.length).toBeGreaterThan(0);
    for (const entry of figures) expect(entry.verdict, entry.id).not.toBe('info');
  });

  it('a link option changes only the links of its pair: not a link that shares one of its clusters', () => {
    const inputs = twoSites({ links: [{ ...twoSites().links[0]!, count: 2, bytesPerSecondEach: 125e6, text: '2 x 1 Gb/s' }] });
    const upgrade = searchDimensions(inputs)[0]?.options.find((option) => option.name === '2 x 10 Gb/s');
    const others = (between: [number, number], text: string) => ({ ...inputs.links[0]!, between, text });
    const grid = { ...inputs, links: [others([2, 1], 'C2-C1'), others([1, 0], 'pair'), others([1, 3], 'C1-C3'), others([0, 2], 'C0-C2'), others([3, 0], 'C3-C0')] };
    expect(upgrade?.apply(grid).links.map((entry) => entry.text)).toEqual(['C2-C1', '2 x 10 Gb/s', 'C1-C3', 'C0-C2', 'C3-C0']);
  });

  it('a cache or drive option changes its own cluster only, and neither is ever a what-if', () => {
    const dimensions = searchDimensions(today());
    const cache = dimensions.find((dimension) => dimension.id === 'cache.0');
    const media = dimensions.find((dimension) => dimension.id === 'media.1');
    expect([...(cache?.options ?? []), ...(media?.options ?? [])].map((option) => option.whatIf)).toEqual([false, false, false, false]);
    const bigger = cache?.options.find((option) => option.name === '200 TB')?.apply(today());
    expect(bigger?.clusters.map((cluster) => [cluster.cacheBytes, cluster.cacheText])).toEqual([
      [200e12, '200 TB'],
      [100e12, '100 TB'],
    ]);
    const replaced = media?.options.find((option) => option.name === '60F')?.apply(today());
    expect(replaced?.clusters.map((cluster) => cluster.driveType)).toEqual(['E08', '60F']);
  });

  it('RUN copies count in what a cluster holds: C1 keeps 30 days of 5 TB a day received immediately', () => {
    const run = twoSites({ workloads: [workload({ classShares: { MCRUN: 1 } })] });
    expect(searchDimensions(run).find((dimension) => dimension.id === 'media.1')?.options.map((option) => option.cost)).toEqual([47.5, 35]);
  });

  it('the installed option wins a tie at equal cost whichever order the catalog lists them in', () => {
    for (const order of [
      ['AAA', 'E08'],
      ['E08', 'AAA'],
    ]) {
      const drives = order.map((type) => ({ type, cartridgeBytes: 10e12, bytesPerSecond: 360e6, cartridgeCost: 2.5, source: 'test' }));
      const choice = cheapestConfiguration(twoSites({ catalog: { ...testCatalog, drives } })).choices.find((entry) => entry.dimension === 'media.0');
      expect(choice, order.join(',')).toEqual(expect.objectContaining({ action: 'keep', option: 'E08' }));
    }
  });

  it('the search stops at the second option that meets the targets, and a cheaper generation listed first is still a saving', () => {
    const more = { ...catalog, cacheOptions: [...catalog.cacheOptions, { name: '400 TB', bytes: 400e12, cost: 250, source: 'test' }], drives: [...testCatalog.drives].reverse() };
    const base = twoSites({ catalog: more, targets: { rpoSeconds: {}, drTestSeconds: null, daysResident: 15 } });
    const small = { ...base, clusters: base.clusters.map((cluster) => ({ ...cluster, cacheBytes: 50e12, cacheText: '50 TB' })) };
    const result = cheapestConfiguration(small);
    // links 1; cache: 50 TB fails, 100 TB and 200 TB meet, 400 TB is not judged; media 2 + 2.
    expect(result.candidatesConsidered).toBe(8);
    expect(result.choices.find((entry) => entry.dimension === 'media.0')).toEqual(expect.objectContaining({ option: '60F', neededFrom: { kind: 'saving', saves: 12.5 }, binds: 'E08 as installed meets every target it owns too; 60F costs 12.5 less' }));
  });

  it('a dimension no option can satisfy is never a what-if', () => {
    const result = cheapestConfiguration({ ...today(), targets: { ...today().targets, daysResident: 100 } });
    expect(result.choices.find((entry) => entry.dimension === 'cache.0')?.whatIf).toBe(false);
  });
});

describe('drive generations judged by the Copy Export limit (CE-6)', () => {
  /**
   * C1 exports pool 8 every day and keeps 30 days offsite, against a limit of 150 exported cartridges
   * (300 at most). C0 writes 100 TB/day at 2 : 1, so C1 receives 50 TB a day: E08 (8 TB a cartridge
   * at 80 % fill) exports 7 a day, 210 offsite (fails); 60F (16 TB) exports 4 a day, 120 offsite (meets).
   */
  const exporting = (drives: Catalog['drives']): PlanInputs => {
    const base = twoSites({ catalog: { ...testCatalog, drives, exportedLimitDefault: { value: 150, source: 'test' }, exportedLimitMax: { value: 300, source: 'test' } }, workloads: [workload({ hostBytesPerDay: 100e12 })], targets: { rpoSeconds: {}, drTestSeconds: null, daysResident: null } });
    return { ...base, clusters: base.clusters.map((cluster) => (cluster.id === 1 ? { ...cluster, copyExportPools: [8] } : cluster)) };
  };
  const small = { type: 'SMALL', cartridgeBytes: 1e12, bytesPerSecond: 300e6, cartridgeCost: 0.1, source: 'test' };

  it('the cheapest generation already meets the limit while the installed one fails: needed now, and nothing cheaper failed', () => {
    const choice = cheapestConfiguration(exporting(testCatalog.drives)).choices.find((entry) => entry.dimension === 'media.1');
    // 1,500 TB held: 94 x 60F at 3.5 = 329 against 188 x E08 at 2.5 = 470.
    expect(choice).toEqual(expect.objectContaining({ action: 'replace', option: '60F', cost: 329, binds: 'the cheapest option already meets every target', neededFrom: { kind: 'now' } }));
  });

  it('a cheaper generation that fails the limit is what binds, named as an option and not as what is installed', () => {
    // SMALL: 1 TB cartridges at 0.1, 1,875 for 1,500 TB (187.5), 63 a day, 1,890 offsite.
    const choice = cheapestConfiguration(exporting([small, ...testCatalog.drives])).choices.find((entry) => entry.dimension === 'media.1');
    expect(choice?.option).toBe('60F');
    expect(choice?.binds).toBe('SMALL fails: Copy Export from C1: cartridges per cycle and exported in steady state 63 per 24.00 h cycle; 1890 exported in steady state (limit 150, up to 300) (target at most 150 (CE-6 default limit))');
  });
});
