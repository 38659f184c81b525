import { describe, expect, it } from 'vitest';
import { growthOutlook, verdictAtLeast, verdictAtMost, worstVerdict } from '../../planner/index.js';
import { twoSites } from './helpers.js';

/**
 * Verdicts (docs/PLANNING.md "What a plan reports": at risk within 20 % of the target) and the growth
 * outlook (PLN-4: the first month a target stops being met).
 */
describe('verdicts against a target', () => {
  it('at most: meets up to 80 % of the limit, at risk up to the limit, fails above it or when the value is not a number', () => {
    expect([verdictAtMost(80, 100), verdictAtMost(80.1, 100), verdictAtMost(100, 100), verdictAtMost(100.1, 100), verdictAtMost(Number.NaN, 100), verdictAtMost(Number.POSITIVE_INFINITY, 100)]).toEqual([
      'meets',
      'at-risk',
      'at-risk',
      'fails',
      'fails',
      'fails',
    ]);
  });

  it('at least: meets from 120 % of the limit, at risk down to the limit, fails below it or when the value is not a number', () => {
    expect([verdictAtLeast(120, 100), verdictAtLeast(119.9, 100), verdictAtLeast(100, 100), verdictAtLeast(99.9, 100), verdictAtLeast(Number.NaN, 100), verdictAtLeast(Number.POSITIVE_INFINITY, 100)]).toEqual([
      'meets',
      'at-risk',
      'at-risk',
      'fails',
      'fails',
      'meets',
    ]);
  });

  it('the worst verdict: fails over at risk over meets; information alone stays information', () => {
    expect(worstVerdict(['meets', 'fails', 'at-risk'])).toBe('fails');
    expect(worstVerdict(['meets', 'at-risk', 'info'])).toBe('at-risk');
    expect(worstVerdict(['info', 'meets'])).toBe('meets');
    expect(worstVerdict(['info'])).toBe('info');
    expect(worstVerdict([])).toBe('info');
  });
});

describe('growth outlook (PLN-4)', () => {
  // C0 keeps 100 TB of cache for 5 TB/day stored: 20 days resident. Doubling each year, it holds
  // 20 / 2^(m/12) days in month m: exactly 10 days (at risk) in month 12, below 10 from month 13.
  const doubling = { ...twoSites(), targets: { ...twoSites().targets, rpoSeconds: {}, daysResident: 10 }, growth: { perYear: 1, horizonMonths: 24 } };

  it('names the first month a target that is met today fails', () => {
    const outlook = growthOutlook(doubling);
    expect(outlook?.firstFailure?.month).toBe(13);
    expect(outlook?.firstFailure?.figure.id).toBe('cache.days-resident.0');
    expect(outlook?.firstFailureMonth).toEqual({ 'cache.days-resident.0': 13 });
    expect(outlook?.atHorizon.find((figure) => figure.id === 'cache.days-resident.0')?.value).toBeCloseTo(5, 6);
  });

  it('a target that already fails today is not a failure of growth; no growth configured, no outlook', () => {
    const failing = growthOutlook({ ...doubling, targets: { ...doubling.targets, daysResident: 30 } });
    expect(failing?.firstFailure).toBeNull();
    expect(failing?.firstFailureMonth).toEqual({});
    expect(growthOutlook({ ...doubling, growth: null })).toBeNull();
    // A horizon shorter than the failure: nothing fails within it; a horizon ending in that month: it does.
    expect(growthOutlook({ ...doubling, growth: { perYear: 1, horizonMonths: 12 } })?.firstFailure).toBeNull();
    expect(growthOutlook({ ...doubling, growth: { perYear: 1, horizonMonths: 13 } })?.firstFailure?.month).toBe(13);
  });

  it('beside a target failing today, the first failure is still the one growth causes', () => {
    // An RPO target of 1 s fails today (the 2 GB stored volume alone takes 7.5 s to copy).
    const outlook = growthOutlook({ ...doubling, targets: { ...doubling.targets, rpoSeconds: { MCDEF: 1 } } });
    expect(outlook?.firstFailure).toMatchObject({ month: 13, figure: { id: 'cache.days-resident.0' } });
    expect(Object.keys(outlook?.firstFailureMonth ?? {})).toEqual(['cache.days-resident.0']);
  });

  it('each figure keeps the month it first fails, and the earliest is the first failure', () => {
    // The RPO target of 20 s fails once the daily data outgrows the link (183.6 TB/day), years after the cache.
    const outlook = growthOutlook({ ...doubling, targets: { ...doubling.targets, rpoSeconds: { MCDEF: 20 } }, growth: { perYear: 1, horizonMonths: 120 } });
    expect(outlook?.firstFailure?.month).toBe(13);
    expect(outlook?.firstFailureMonth['cache.days-resident.0']).toBe(13);
    expect(outlook?.firstFailureMonth['wan.rpo.0-1.MCDEF']).toBeGreaterThan(50);
  });
});
