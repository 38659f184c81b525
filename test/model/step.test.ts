import { describe, expect, it } from 'vitest';
import { defineGrid, initialState, step, type GridEvent, type GridSketch } from '../../model/index.js';
import { after, continueFrom, cutBoth, insertScratch, ofKind, twoClusterRun, volsers } from './helpers.js';

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

/**
 * Operator and host events that set a flag or a list (OWN-3 to OWN-5, OWN-9, WP-1, CE-4, CCP-7, CAT-1,
 * DRT-7, 11.9.1): each does what the MI or the host does, refuses what the MI would not offer, and
 * says why.
 */
describe('operator events', () => {

  it('a takeover is offered only for another cluster of the grid that does not answer; a second setting for the pair replaces the first (OWN-3 to OWN-5)', () => {
    const refusals = (events: GridEvent[]) => ofKind(after(twoClusterRun, events).last, 'refused');
    expect(refusals([{ type: 'set-takeover', at: 0, of: 0, mode: 'write' }])).toEqual([{ kind: 'refused', operation: 'set-takeover', reason: 'unknown-cluster', cluster: 0 }]);
    expect(refusals([{ type: 'set-takeover', at: 5, of: 0, mode: 'write' }])).toEqual([{ kind: 'refused', operation: 'set-takeover', reason: 'unknown-cluster', cluster: 5 }]);
    expect(refusals([{ type: 'set-takeover', at: 1, of: 5, mode: 'write' }])).toEqual([{ kind: 'refused', operation: 'set-takeover', reason: 'unknown-cluster', cluster: 1 }]);
    expect(refusals([{ type: 'set-takeover', at: 1, of: 0, mode: 'read' }])).toEqual([{ kind: 'refused', operation: 'set-takeover', reason: 'not-failed', cluster: 1, detail: 'C0 answers over the grid' }]);
    const twice = after(twoClusterRun, [...cutBoth(), { type: 'set-takeover', at: 1, of: 0, mode: 'read' }, { type: 'set-takeover', at: 1, of: 0, mode: 'write' }]);
    expect(twice.state.takeovers).toEqual([{ at: 1, of: 0, mode: 'write', source: 'operator' }]);
    const cleared = continueFrom(twice.state, [{ type: 'clear-takeover', at: 1, of: 0 }]);
    expect(cleared.state.takeovers).toEqual([]);
    // Clearing one pair's setting leaves the settings of other pairs, at the same cluster or for the same one.
    const three = after({ clusters: 3, classes: { MC: { 0: 'RRR' } } }, [
      ...[0, 1].flatMap((link): GridEvent[] => [
        { type: 'link-fail', between: [0, 1], link },
        { type: 'link-fail', between: [0, 2], link },
        { type: 'link-fail', between: [1, 2], link },
      ]),
      { type: 'set-takeover', at: 1, of: 0, mode: 'write' },
      { type: 'set-takeover', at: 2, of: 0, mode: 'write' },
      { type: 'set-takeover', at: 1, of: 2, mode: 'read' },
      { type: 'clear-takeover', at: 1, of: 0 },
    ]);
    expect(three.state.takeovers.map((setting) => `${setting.at}<-${setting.of}`)).toEqual(['2<-0', '1<-2']);
  });

  it('the takeover records whether the cluster taken over is really down or in service, or only cut off (OWN-3)', () => {
    const setting = (events: GridEvent[]) => ofKind(after(twoClusterRun, [...events, { type: 'set-takeover', at: 1, of: 0, mode: 'write' }]).last, 'takeover-set')[0]?.ownerActuallyDown;
    expect(setting([{ type: 'cluster-fail', cluster: 0 }])).toBe(true);
    expect(setting([{ type: 'service-prep', cluster: 0 }, { type: 'service-mode', cluster: 0 }])).toBe(true);
    expect(setting(cutBoth())).toBe(false);
  });

  it('write takeover during a DR test is warned about, read takeover is not (OWN-9)', () => {
    const warnings = (mode: 'read' | 'write', test: boolean) =>
      ofKind(after(twoClusterRun, [...(test ? [{ type: 'begin-dr-test' } as GridEvent] : []), ...cutBoth(), { type: 'set-takeover', at: 1, of: 0, mode }]).last, 'warning');
    expect(warnings('write', true)).toEqual([expect.objectContaining({ rule: 'OWN-9', message: expect.stringContaining('write ownership takeover of C0 set at C1 during a DR test') })]);
    expect(warnings('read', true)).toEqual([]);
    expect(warnings('write', false)).toEqual([]);
  });

  it('write protect can be set only on a cluster of the grid (WP-1)', () => {
    expect(ofKind(after(twoClusterRun, [{ type: 'set-write-protect', cluster: 4, enabled: true }]).last, 'refused')).toEqual([{ kind: 'refused', operation: 'set-write-protect', reason: 'unknown-cluster', cluster: 4 }]);
    expect(after(twoClusterRun, [{ type: 'set-write-protect', cluster: 1, enabled: true }]).state.writeProtect).toEqual([false, true]);
  });

  it('one Copy Export at a time: a second is refused and names the one running; after the end another may start (CE-4)', () => {
    const running = after(twoClusterRun, [{ type: 'copy-export-begin', cluster: 1, listVolser: 'EXP000' }, { type: 'copy-export-begin', cluster: 0, listVolser: 'EXP001' }]);
    expect(ofKind(running.last, 'refused')).toEqual([{ kind: 'refused', operation: 'copy-export-begin', reason: 'copy-export-running', cluster: 0, detail: 'list volume EXP000 at C1' }]);
    expect(running.state.copyExportRunning).toEqual({ cluster: 1, listVolser: 'EXP000' });
    const next = continueFrom(running.state, [{ type: 'copy-export-end' }, { type: 'copy-export-begin', cluster: 0, listVolser: 'EXP001' }]);
    expect(next.state.copyExportRunning).toEqual({ cluster: 0, listVolser: 'EXP001' });
  });

  it('copies suspended twice at one cluster are resumed by one resume, and only there (CCP-7)', () => {
    const twice = after(twoClusterRun, [{ type: 'suspend-copies', cluster: 1 }, { type: 'suspend-copies', cluster: 1 }, { type: 'suspend-copies', cluster: 0 }]);
    expect(twice.state.copiesSuspended).toEqual([1, 0]);
    expect(continueFrom(twice.state, [{ type: 'resume-copies', cluster: 1 }]).state.copiesSuspended).toEqual([0]);
  });

  it('a catalog snapshot adds the source host\'s view to the DR host\'s; clearing empties it (11.9.1, CAT-4)', () => {
    const hosts: GridSketch = { ...twoClusterRun, hosts: [{ name: 'PROD1' }, { name: 'PROD2' }, { name: 'DRHOST' }] };
    const written = (host: string, volser: string): GridEvent[] => [
      { type: 'scratch-mount', host, cluster: 0, managementClass: 'MCRUN' },
      { type: 'write', cluster: 0, volser },
      { type: 'rewind-unload', cluster: 0, volser },
    ];
    const [V1, V2] = volsers(2, 'B') as [string, string];
    const both = after(hosts, [insertScratch(0, [V1, V2]), ...written('PROD1', V1), ...written('PROD2', V2), { type: 'snapshot-catalog', from: 'PROD1', to: 'DRHOST' }, { type: 'snapshot-catalog', from: 'PROD2', to: 'DRHOST' }]);
    expect(both.state.catalogs.DRHOST).toEqual({ [V1]: 'private', [V2]: 'private' });
    expect(continueFrom(both.state, [{ type: 'clear-catalog', host: 'DRHOST' }]).state.catalogs.DRHOST).toEqual({});
  });

  it('a DR test of a given length ends at a known time; without a length it has no end time; ending it clears both (DRT-1)', () => {
    const timed = after(twoClusterRun, [{ type: 'advance', minutes: 30 }, { type: 'begin-dr-test', lengthMinutes: 120 }]);
    expect([timed.state.drTestActive, timed.state.drTestEndsAt]).toEqual([true, 150]);
    expect(after(twoClusterRun, [{ type: 'begin-dr-test', lengthMinutes: 0 }]).state.drTestEndsAt).toBeNull();
    expect(after(twoClusterRun, [{ type: 'begin-dr-test' }]).state.drTestEndsAt).toBeNull();
    const ended = continueFrom(timed.state, [{ type: 'end-dr-test' }]);
    expect([ended.state.drTestActive, ended.state.drTestEndsAt]).toEqual([false, null]);
  });

  it('declaring a disaster ends the DR test and makes the DR host production, once (DRT-7)', () => {
    const declared = after(twoClusterRun, [{ type: 'begin-dr-test', lengthMinutes: 60 }, { type: 'declare-disaster', host: 'HOST' }, { type: 'declare-disaster', host: 'HOST' }]);
    expect([declared.state.drTestActive, declared.state.drTestEndsAt, declared.state.disasterHosts]).toEqual([false, null, ['HOST']]);
  });

  it('Fast Ready can be removed only from a scratch category the cluster defines, on a cluster of the grid (CAT-1)', () => {
    const refusals = (event: GridEvent) => ofKind(after(twoClusterRun, [event]).last, 'refused');
    expect(refusals({ type: 'set-fast-ready', cluster: 3, category: '0002', enabled: false })).toEqual([{ kind: 'refused', operation: 'set-fast-ready', reason: 'unknown-cluster', cluster: 3 }]);
    expect(refusals({ type: 'set-fast-ready', cluster: 1, category: '000F', enabled: false })).toEqual([{ kind: 'refused', operation: 'set-fast-ready', reason: 'unknown-category', cluster: 1, detail: '000F' }]);
    const removed = after(twoClusterRun, [{ type: 'set-fast-ready', cluster: 1, category: '0002', enabled: false }, { type: 'set-fast-ready', cluster: 1, category: '0002', enabled: false }]);
    expect(removed.state.fastReadyRemoved).toEqual(['1:0002']);
    expect(continueFrom(removed.state, [{ type: 'set-fast-ready', cluster: 0, category: '0002', enabled: false }]).state.fastReadyRemoved).toEqual(['0:0002', '1:0002']);
    expect(continueFrom(removed.state, [{ type: 'set-fast-ready', cluster: 1, category: '0002', enabled: true }]).state.fastReadyRemoved).toEqual([]);
  });

  it('time that does not pass changes nothing: queued copies stay, copies in a tape-attached cache stay (CCP-9)', () => {
    const sketch: GridSketch = { clusters: 3, classes: { MC: { 0: 'RRD' } }, copyRateMBPerMinute: 100 };
    const start = after(sketch, [insertScratch(0, [A1]), { type: 'scratch-mount', host: 'HOST', cluster: 0, managementClass: 'MC' }, { type: 'write', cluster: 0, volser: A1 }, { type: 'rewind-unload', cluster: 0, volser: A1 }]);
    expect(start.state.copyQueue).toHaveLength(1);
    expect(start.state.volumes[A1]?.copies[1]).toMatchObject({ resident: true, preference: 'PG0' });
    for (const minutes of [0, -5]) expect(continueFrom(start.state, [{ type: 'advance', minutes }]).state).toEqual(start.state);
  });
});
