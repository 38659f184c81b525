import { describe, expect, it } from 'vitest';
import { analyseWan, directionVerdicts, linkSummaries, type DirectionAnalysis, type Figure, type PlanInputs } from '../../planner/index.js';
import { wanFigures } from '../../planner/wan.js';
import { link, testCatalog, twoSites, workload } from './helpers.js';

/**
 * The WAN and RPO figures (PLN-1, PLN-2, CCP-1, CCP-2, CCP-8), by hand from the test catalog: 2 x 10 Gb/s
 * at 0.85 efficiency is 2.125 GB/s, 8 streams of 265.6 MB/s; volumes of 4 GB stored at 2 : 1.
 */
const volumes = testCatalog.referenceVolumeBytes.value;
const direction = (inputs: PlanInputs = twoSites()): DirectionAnalysis => {
  const [first] = analyseWan(inputs, volumes);
  if (first === undefined) throw new Error('no direction');
  return first;
};
// The section's own function, not the whole plan (which adds the purchase search and sensitivities).
const wanSection = (inputs: PlanInputs): Figure[] => wanFigures(inputs, analyseWan(inputs, volumes));
const wanFigure = (inputs: PlanInputs, id: string): Figure | undefined => wanSection(inputs).find((figure) => figure.id === id);
const perStream = 2.125e9 / 8;

describe('RPO verdicts per class (CCP-1, CCP-2, PLN-2)', () => {
  it('Deferred: queueing plus the largest volume\'s own transfer; a target of 0 is met only by an RPO of 0, which a Deferred copy never has', () => {
    const [deferred] = directionVerdicts(direction(), { rpoSeconds: { MCDEF: 0 }, drTestSeconds: null, daysResident: null });
    expect(deferred).toMatchObject({ managementClass: 'MCDEF', point: 'D', queueSeconds: 0, target: 0, verdict: 'fails' });
    expect(deferred?.rpoSeconds).toBeCloseTo(2e9 / perStream, 6);
  });

  it('RUN: 0 while the link keeps up with the peak hour, meeting a target of 0; unbounded above it', () => {
    const run = twoSites({ workloads: [workload({ classShares: { MCRUN: 1 } })] });
    const targets = { rpoSeconds: { MCRUN: 0 }, drTestSeconds: null, daysResident: null };
    expect(directionVerdicts(direction(run), targets)).toEqual([{ managementClass: 'MCRUN', point: 'R', rpoSeconds: 0, queueSeconds: 0, averageVolumeRpoSeconds: 0, target: 0, verdict: 'meets' }]);
    const over = directionVerdicts({ ...direction(run), peakImmediateUtilisation: 1.5 }, { ...targets, rpoSeconds: { MCRUN: 3600 } });
    expect(over[0]).toMatchObject({ rpoSeconds: Number.POSITIVE_INFINITY, verdict: 'fails' });
    // Exactly full in the peak hour still keeps up.
    expect(directionVerdicts({ ...direction(run), peakImmediateUtilisation: 1 }, targets)[0]?.rpoSeconds).toBe(0);
  });

  it('a class without a target is information; a class written by two workloads is judged once; an unbounded queue is an unbounded RPO', () => {
    const two = twoSites({ workloads: [workload(), workload({ hostBytesPerDay: 1e12 })] });
    const verdicts = directionVerdicts(direction(two), { rpoSeconds: {}, drTestSeconds: null, daysResident: null });
    expect(verdicts.map((entry) => [entry.managementClass, entry.verdict])).toEqual([['MCDEF', 'info']]);
    const unbounded = { ...direction(), deferred: { kind: 'unbounded' as const, growthBytesPerDay: 1e12 } } as DirectionAnalysis;
    expect(directionVerdicts(unbounded, twoSites().targets)[0]).toMatchObject({ rpoSeconds: Number.POSITIVE_INFINITY, averageVolumeRpoSeconds: Number.POSITIVE_INFINITY, verdict: 'fails' });
  });
});

describe('volume sizes on a direction (issue 15)', () => {
  it('the average stored volume is weighted by each writer\'s data; the largest is the largest of any writer', () => {
    // 10 TB/day of 4 GB and 30 TB/day of 8 GB, both 2 : 1: average 0.25 x 2 GB + 0.75 x 4 GB = 3.5 GB; largest 8 GB / 2 = 4 GB.
    const two = twoSites({ workloads: [workload(), workload({ hostBytesPerDay: 30e12, averageVolumeBytes: 8e9, largestVolumeBytes: 8e9 })] });
    expect(direction(two).volumeTransfer).toMatchObject({ averageStoredBytes: 3.5e9, largestStoredBytes: 4e9 });
    expect(direction(two).volumeTransfer.largestSeconds).toBeCloseTo(4e9 / perStream, 6);
  });

  it('a largest size given below the average is raised to the average', () => {
    const sizes = direction(twoSites({ workloads: [workload({ averageVolumeBytes: 4e9, largestVolumeBytes: 1e9 })] })).volumeTransfer;
    expect(sizes).toMatchObject({ averageStoredBytes: 2e9, largestStoredBytes: 2e9 });
  });

  it('a link written with its ends the other way round joins the same pair', () => {
    expect(analyseWan(twoSites({ links: [link({ between: [1, 0] })] }), volumes)).toHaveLength(1);
    expect(analyseWan(twoSites({ links: [] }), volumes)).toEqual([]);
  });
});

describe('what the WAN figures say about their inputs (PLN-1)', () => {
  it('the round trip says whether it was estimated, from what distance, and with which route factor; a measured one says so', () => {
    const roundTrip = (inputs: PlanInputs) => wanFigure(inputs, 'wan.capacity.0-1')?.inputs.find((input) => input.name === 'round trip');
    const siteToSite = roundTrip(twoSites({ links: [link({ distanceKind: 'site-to-site', distanceText: '800 km', distanceMeters: 800e3, routeFactor: 1.3 })] }));
    expect(siteToSite?.value).toMatch(/ estimated from 800 km site to site x route factor 1\.3 = 1040 km of fibre$/);
    expect(siteToSite?.defaultSource).toBe('test; test');
    const route = roundTrip(twoSites());
    expect(route?.value).toMatch(/ estimated from 1000 km of fibre route$/);
    expect(route?.defaultSource).toBe('test');
    const measured = roundTrip(twoSites({ links: [link({ roundTripSeconds: 0.02 })] }));
    expect(measured?.value).toMatch(/ measured$/);
    expect(measured?.defaultSource).toBeUndefined();
  });

  it('defaulted protocol efficiency and stream counts name their source; configured ones do not', () => {
    const run = (overrides: Parameters<typeof link>[0]) => twoSites({ links: [link(overrides)], workloads: [workload({ classShares: { MCRUN: 1 } })] });
    const efficiency = (inputs: PlanInputs) => wanFigure(inputs, 'wan.capacity.0-1')?.inputs.find((input) => input.name === 'protocol efficiency')?.defaultSource;
    expect(efficiency(run({ efficiencyDefaulted: true }))).toBe('test');
    expect(efficiency(run({}))).toBeUndefined();
    const streams = (inputs: PlanInputs) => wanFigure(inputs, 'wan.elongation.0-1')?.inputs[0]?.defaultSource;
    expect(streams(run({ streamsDefaulted: true }))).toBe('test');
    expect(streams(run({}))).toBeUndefined();
  });

  it('the capacity figure names the binding term and lists every term', () => {
    expect(wanFigure(twoSites({ links: [link({ tcpWindowBytes: 1e6 })] }), 'wan.capacity.0-1')?.binding).toMatch(/^TCP window binds \(line-rate [\d.]+ Gb\/s, tcp-window [\d.]+ Gb\/s\)$/);
  });

  it('RUN figures appear only with RUN traffic, backlog figures only with Deferred traffic; an unbounded backlog fails', () => {
    const deferredOnly = wanSection(twoSites()).map((figure) => figure.id.split('.')[1]);
    expect(deferredOnly).toEqual(['capacity', 'backlog', 'rpo']);
    const runOnly = wanSection(twoSites({ workloads: [workload({ classShares: { MCRUN: 1 } })] })).map((figure) => figure.id.split('.')[1]);
    expect(runOnly).toEqual(['capacity', 'run-utilisation', 'elongation', 'rpo']);
    // 100 TB/day deferred over 2 x 1 Gb/s (212.5 MB/s, 18.4 TB/day): the queue grows without bound.
    const flooded = twoSites({ links: [link({ bytesPerSecondEach: 125e6 })], workloads: [workload({ hostBytesPerDay: 100e12 })] });
    expect(wanFigure(flooded, 'wan.backlog.0-1')).toMatchObject({ value: Number.POSITIVE_INFINITY, verdict: 'fails' });
    expect(wanFigure(flooded, 'wan.backlog.0-1')?.display).toMatch(/^unbounded, grows /);
    expect(wanFigure(flooded, 'wan.rpo.0-1.MCDEF')?.display).toBe('unbounded');
  });
});

describe('the per-direction link summary (PLN-1, PLN-2)', () => {
  it('the month growth first breaks a target counts only this direction\'s WAN and catch-up figures', () => {
    const inputs = twoSites();
    const growth = {
      perYear: 1,
      horizonMonths: 60,
      atHorizon: [],
      firstFailure: null,
      firstFailureMonth: { 'wan.rpo.0-1.MCDEF': 22, 'outage.catch-up.0-1': 25, 'wan.capacity.0-1': 24, 'wan.rpo.0-12.MCDEF': 3, 'cache.days-resident.0-1': 5 },
    };
    expect(linkSummaries(inputs, analyseWan(inputs, volumes), growth)[0]?.growthFailsInMonth).toBe(22);
    expect(linkSummaries(inputs, analyseWan(inputs, volumes), { ...growth, firstFailureMonth: { 'outage.catch-up.0-1': 25, 'wan.capacity.0-1': 24 } })[0]?.growthFailsInMonth).toBe(24);
    expect(linkSummaries(inputs, analyseWan(inputs, volumes), { ...growth, firstFailureMonth: { 'outage.catch-up.0-1': 25 } })[0]?.growthFailsInMonth).toBe(25);
    expect(linkSummaries(inputs, analyseWan(inputs, volumes), { ...growth, firstFailureMonth: { 'wan.rpo.0-12.MCDEF': 3 } })[0]?.growthFailsInMonth).toBeNull();
    expect(linkSummaries(inputs, analyseWan(inputs, volumes), null)[0]?.growthFailsInMonth).toBeNull();
  });

  it('backlog figures only for Deferred traffic, bounded or growing; unbounded numbers become null for JSON', () => {
    const run = twoSites({ workloads: [workload({ classShares: { MCRUN: 1 } })] });
    expect(linkSummaries(run, analyseWan(run, volumes), null)[0]).toMatchObject({ peakBacklogBytes: null, backlogGrowthBytesPerDay: null, links: '2 x 10 Gb/s', routeFactor: 1, binding: 'line rate' });
    const flooded = twoSites({ links: [link({ bytesPerSecondEach: 125e6 })], workloads: [workload({ hostBytesPerDay: 100e12 })] });
    const summary = linkSummaries(flooded, analyseWan(flooded, volumes), null)[0];
    expect(summary?.peakBacklogBytes).toBeNull();
    expect(summary?.backlogGrowthBytesPerDay).toBeGreaterThan(0);
    expect(summary?.rpo[0]).toMatchObject({ rpoSeconds: null, queueSeconds: null, averageVolumeRpoSeconds: null, verdict: 'fails' });
    const bounded = linkSummaries(twoSites(), analyseWan(twoSites(), volumes), null)[0];
    expect(bounded?.peakBacklogBytes).toBe(0);
    expect(bounded?.backlogGrowthBytesPerDay).toBeNull();
  });
});
