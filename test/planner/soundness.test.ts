import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defineGrid, initialState, step, type GridEvent, type GridState } from '../../model/index.js';
import { fluidQueue } from '../../planner/index.js';

/**
 * Soundness against the model (PLANNING.md): the model's own copy queue, stepped event by event
 * through the same workload and link rate, never shows uncopied data older than the planner's RPO.
 * The model copies whole volumes, the planner a fluid: a volume is copied only when its last byte is,
 * so the model may exceed the fluid RPO by one volume's transfer time at most (size / rate).
 */
describe('planner RPO is sound against the model\'s copy queue (CCP-2, PLN-2)', () => {
  it('property: the oldest copy age in the model <= planner RPO + one volume transfer time', () => {
    const sizeMB = 1000;
    const property =
      fc.property(fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 24, maxLength: 24 }), fc.integer({ min: 20, max: 200 }), (perHour, rateMBPerMinute) => {
        const dailyMB = perHour.reduce((total, count) => total + count, 0) * sizeMB;
        fc.pre(dailyMB < rateMBPerMinute * 60 * 24);
        const definition = defineGrid({ clusters: 2, classes: { MCDEF: { 0: 'RD' } }, copyRateMBPerMinute: rateMBPerMinute, hosts: [{ name: 'HOST', online: [0] }] });
        const names = Array.from({ length: 2 * 24 * 4 }, (_, index) => `V${String(index).padStart(5, '0')}`);
        let state: GridState = step(initialState(definition), { type: 'insert', cluster: 0, volsers: names, category: '0002' }).state;
        let next = 0;
        let now = 0;
        let oldest = 0;
        const advanceTo = (time: number): void => {
          if (time <= now) return;
          const result = step(state, { type: 'advance', minutes: time - now });
          state = result.state;
          now = time;
          for (const observation of result.observations) if (observation.kind === 'copy') oldest = Math.max(oldest, observation.ageMinutes);
        };
        for (let dayIndex = 0; dayIndex < 2; dayIndex += 1) {
          for (let hour = 0; hour < 24; hour += 1) {
            const count = perHour[hour] ?? 0;
            for (let k = 0; k < count; k += 1) {
              // Each volume is written at the end of its slice of the hour: no earlier than the fluid's bytes.
              advanceTo(dayIndex * 1440 + hour * 60 + ((k + 1) * 60) / count);
              const volser = names[next] as string;
              next += 1;
              for (const event of [
                { type: 'scratch-mount', host: 'HOST', cluster: 0, managementClass: 'MCDEF' },
                { type: 'write', cluster: 0, volser, sizeMB },
                { type: 'rewind-unload', cluster: 0, volser },
              ] as GridEvent[]) state = step(state, event).state;
            }
          }
        }
        advanceTo(now + 3 * 1440);
        const planned = fluidQueue(perHour.map((count) => count * sizeMB * 1e6), perHour.map(() => rateMBPerMinute * 60 * 1e6));
        if (planned.kind !== 'bounded') return false;
        const bound = planned.rpoSeconds / 60 + sizeMB / rateMBPerMinute;
        return state.copyQueue.length === 0 && oldest <= bound + 1e-6;
      });
    expect(() => fc.assert(property, { numRuns: 8, seed: 5 })).not.toThrow();
  });
});
