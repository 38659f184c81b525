import { describe, expect, it } from 'vitest';
import { namedStates, runScenario, seedScenarios } from '../../scenarios/index.js';

/**
 * The seed's eight failover scenarios (11.2.2 to 11.2.9). For each: every effect the seed lists, by
 * name, and exactly the grid states it lists (no unlisted state is raised).
 */
// Each test runs its scenario itself rather than sharing one run made while the suite is collected: the
// scenario takes milliseconds, and mutation testing can then tell which test exercises which code (a
// run outside any test makes every mutant it reaches "static", re-testing it with the whole suite).
describe.each(seedScenarios.map((scenario) => [scenario.id, scenario] as const))('%s', (id, scenario) => {
  it.each(scenario.effects.map((effect) => [effect.name, effect] as const))(`${id}: %s`, (_name, effect) => {
    const result = runScenario(scenario);
    expect(effect.check(result), `${effect.quote}\n${JSON.stringify(result.jobs, null, 1)}`).toBe(true);
  });

  it(`${id}: raises exactly the grid states the seed lists (${scenario.expectedStates.join(', ') || 'none'})`, () => {
    expect(namedStates(runScenario(scenario))).toEqual([...scenario.expectedStates].sort());
  });

  if (scenario.callHome !== undefined) {
    it(`${id}: call home ${scenario.callHome ? 'is' : 'is not'} invoked (GS-5)`, () => {
      expect(runScenario(scenario).callHome.length > 0).toBe(scenario.callHome);
    });
  }

  it(`${id}: is deterministic`, () => {
    expect(runScenario(scenario)).toEqual(runScenario(scenario));
  });
});

describe('effect checks fail when the effect is absent', () => {
  it.each([
    ['FS-7', 'copies to C2 stop'],
    ['FS-8', 'copies to C2 and C3 stop'],
  ])('%s: "%s" is false when nothing fails', (id, name) => {
    const scenario = seedScenarios.find((candidate) => candidate.id === id);
    const effect = scenario?.effects.find((candidate) => candidate.name === name);
    if (scenario === undefined || effect === undefined) throw new Error(`${id} lacks "${name}"`);
    expect(effect.check(runScenario(scenario))).toBe(true);
    expect(effect.check(runScenario({ ...scenario, failures: [] }))).toBe(false);
  });
});

describe('every seed scenario has its effects', () => {
  it('FS-1, FS-2, FS-3, FS-4, FS-5, FS-6, FS-7, FS-8 are all present, each with at least three effects', () => {
    expect(seedScenarios.map((scenario) => scenario.id)).toEqual(['FS-1', 'FS-2', 'FS-3', 'FS-4', 'FS-5', 'FS-6', 'FS-7', 'FS-8']);
    for (const scenario of seedScenarios) expect(scenario.effects.length, scenario.id).toBeGreaterThanOrEqual(3);
  });
});
