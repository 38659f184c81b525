import { describe, expect, it } from 'vitest';
import { defineGrid, initialState, step, type GridEvent } from '../../model/index.js';
import { insertScratch, twoClusterRun, volsers } from './helpers.js';

const [A1] = volsers(1) as [string];

describe('step is pure and deterministic', () => {
  const events: GridEvent[] = [
    insertScratch(0, [A1]),
    { type: 'scratch-mount', host: 'HOST', cluster: 0, managementClass: 'MCRUN' },
    { type: 'write', cluster: 0, volser: A1 },
    { type: 'link-fail', between: [0, 1], link: 0 },
    { type: 'rewind-unload', cluster: 0, volser: A1 },
    { type: 'advance', minutes: 30 },
  ];

  it('never changes the state it is given', () => {
    let state = initialState(defineGrid(twoClusterRun));
    for (const event of events) {
      const before = JSON.stringify(state);
      const next = step(state, event).state;
      expect(JSON.stringify(state)).toBe(before);
      expect(next).not.toBe(state);
      state = next;
    }
  });

  it('gives the same state and observations for the same events', () => {
    const run = () => {
      let state = initialState(defineGrid(twoClusterRun));
      const seen: unknown[] = [];
      for (const event of events) {
        const result = step(state, event);
        state = result.state;
        seen.push(result.observations);
      }
      return JSON.stringify({ state, seen });
    };
    expect(run()).toBe(run());
  });
});
