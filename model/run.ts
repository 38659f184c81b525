import type { GridEvent } from './events.js';
import type { Observation } from './observations.js';
import type { GridState } from './state.js';
import { step } from './step.js';

/** One step of a run: the event and what it produced. */
export interface TraceEntry {
  readonly event: GridEvent;
  readonly observations: readonly Observation[];
}

/** Feeds events through `step` in order; returns the final state and the trace. */
export function runEvents(start: GridState, events: readonly GridEvent[]): { state: GridState; trace: TraceEntry[] } {
  let state = start;
  const trace: TraceEntry[] = [];
  for (const event of events) {
    const result = step(state, event);
    state = result.state;
    trace.push({ event, observations: result.observations });
  }
  return { state, trace };
}
