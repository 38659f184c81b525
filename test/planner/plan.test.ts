import { describe, expect, it } from 'vitest';
import { buildPlan, type PlanInputs } from '../../planner/index.js';
import { link, twoSites } from './helpers.js';

/** The plan as a whole (PLN-1 to PLN-5): its verdict and the assumptions it states. */
const assumption = (inputs: PlanInputs, name: string) => buildPlan(inputs).assumptions.find((entry) => entry.name === name);

describe('the plan', () => {
  it('fails when growth breaks a target within the horizon, though every figure meets its target today (PLN-4)', () => {
    // 20 days resident at C0 today against a target of 10; doubling yearly, below 10 from month 13.
    const today = { ...twoSites(), targets: { ...twoSites().targets, daysResident: 10 } };
    expect(buildPlan(today).verdict).toBe('meets');
    expect(buildPlan({ ...today, growth: { perYear: 1, horizonMonths: 24 } }).verdict).toBe('fails');
    expect(buildPlan({ ...today, growth: { perYear: 1, horizonMonths: 12 } }).verdict).toBe('meets');
  });

  it('states the route factor only where a distance is site to site, and whether the headroom is the default', () => {
    expect(assumption(twoSites(), 'route factor')?.value).toBe('none: every distance is a fibre route, used as given');
    expect(assumption(twoSites({ links: [link({ distanceKind: 'site-to-site' })] }), 'route factor')?.value).toBe('1 on site-to-site distances; fibre routes as given');
    expect(assumption(twoSites({ headroom: { value: 0.2, defaulted: true } }), 'headroom')).toMatchObject({ value: '20 % more daily data than configured, for advice (default)', source: 'tapegrid default: the 20 % "at risk" margin of PLANNING.md' });
    expect(assumption(twoSites({ headroom: { value: 0.3, defaulted: false } }), 'headroom')).toMatchObject({ value: '30 % more daily data than configured, for advice', source: 'configured (targets.headroom)' });
  });

  it('is printed in decimal units unless the configuration chose binary ones, and carries no history unless one was given', () => {
    const plan = buildPlan(twoSites());
    expect(plan.notation).toBe('decimal');
    expect(plan.history).toBeNull();
    expect(buildPlan({ ...twoSites(), notation: 'binary' }).notation).toBe('binary');
  });

  it('states every assumption it rests on with a name, a value and a source, each named once', () => {
    const assumptions = buildPlan(twoSites()).assumptions;
    expect(assumptions.map((entry) => entry.name)).toEqual([
      'protocol efficiency',
      'route factor',
      'headroom',
      'cache at a break',
      'RPO of a volume',
      'devices in path',
      'copy streams',
      'compression',
      'cartridge fill',
      'recall time',
      'retention',
      'scratch safety',
      'hourly profile',
      'link throughput',
    ]);
    for (const entry of assumptions) {
      expect(entry.value.trim(), entry.name).not.toBe('');
      expect(entry.source.trim(), entry.name).not.toBe('');
    }
    // The catalog's figures, as the test catalog gives them.
    expect(Object.fromEntries(assumptions.map((entry) => [entry.name, entry.value]))).toMatchObject({
      'protocol efficiency': '0.85',
      'devices in path': '0',
      'copy streams': '8',
      compression: '2 : 1',
      'cartridge fill': '0.8',
      'recall time': '250 s',
      'scratch safety': '3 d',
    });
  });
});

