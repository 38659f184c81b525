import { expect } from 'vitest';
import { defineGrid, initialState, runEvents, type GridEvent, type GridSketch, type GridState, type Observation, type TapeLibraryDefinition } from '../../model/index.js';

/** A grid state after the given events, with every observation in order. */
export function after(sketch: GridSketch | GridState, events: readonly GridEvent[]): { state: GridState; observations: Observation[]; last: readonly Observation[] } {
  const start = 'definition' in sketch ? sketch : initialState(defineGrid(sketch));
  const { state, trace } = runEvents(start, events);
  return { state, observations: trace.flatMap((entry) => [...entry.observations]), last: trace.at(-1)?.observations ?? [] };
}

/** Continues from a state. */
export function continueFrom(state: GridState, events: readonly GridEvent[]): { state: GridState; observations: Observation[]; last: readonly Observation[] } {
  return after(state, events);
}

/** The refusal reason in a list of observations (fails the test when there is none). */
export function refusal(observations: readonly Observation[]): string {
  const found = observations.find((observation) => observation.kind === 'refused');
  expect(found, `expected a refusal in ${JSON.stringify(observations)}`).toBeDefined();
  return found?.kind === 'refused' ? found.reason : 'none';
}

/** The successful mount in a list of observations (fails the test when there is none). */
export function mounted(observations: readonly Observation[]): Extract<Observation, { kind: 'mount' }> {
  const found = observations.find((observation): observation is Extract<Observation, { kind: 'mount' }> => observation.kind === 'mount');
  expect(found, `expected a mount in ${JSON.stringify(observations)}`).toBeDefined();
  return found as Extract<Observation, { kind: 'mount' }>;
}

/** Observations of one kind. */
export function ofKind<K extends Observation['kind']>(observations: readonly Observation[], kind: K): Extract<Observation, { kind: K }>[] {
  return observations.filter((observation): observation is Extract<Observation, { kind: K }> => observation.kind === kind);
}

/** Two clusters, RUN both ways, one host with both online, volumes A00001..A0000n inserted at C0 as scratch. */
export const twoClusterRun: GridSketch = { clusters: 2, classes: { MCRUN: { 0: 'RR', 1: 'RR' }, MCDEF: { 0: 'RD', 1: 'DR' }, MCNONE: { 0: 'RN', 1: 'NR' } } };

/** Volume serials A00001.. */
export function volsers(count: number, prefix = 'A'): string[] {
  return Array.from({ length: count }, (_, index) => `${prefix}${String(index + 1).padStart(5, '0')}`);
}

/** Insert scratch volumes at a cluster. */
export function insertScratch(cluster: number, names: readonly string[]): GridEvent {
  return { type: 'insert', cluster, volsers: names, category: '0002' };
}

/** Both grid links (0 and 1) of a pair down: the two clusters can no longer communicate. */
export function cutBoth(a = 0, b = 1): GridEvent[] {
  return [0, 1].map((link): GridEvent => ({ type: 'link-fail', between: [a, b], link }));
}

/**
 * The seed's Copy Export library (11.5.2): cluster 1 exports pool 8, where MCCEDATA keeps its
 * secondary copy; eight drives, an I/O station, the default limit of 2,000 exported cartridges.
 */
export const seedExportLibrary: TapeLibraryDefinition = {
  cluster: 1,
  libraryName: 'LIB1',
  drives: 8,
  ioStation: true,
  pools: [
    { id: 1, role: 'primary', reclaimPool: 1 },
    { id: 8, role: 'secondary', reclaimPool: 8 },
  ],
  copyExportPools: [8],
  cartridgeMB: 8_000,
  exportedLimit: 2000,
  secondaryPools: { MCCEDATA: 8 },
};
