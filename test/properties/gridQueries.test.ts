import { describe, expect, it } from 'vitest';
import { gridQueries } from '../../properties/index.js';
import { after, insertScratch, twoClusterRun } from '../model/helpers.js';

/**
 * The questions an invariant written in code asks of a grid state (issue 19): each answer follows the
 * seed's rules for the state the model reached, so a user's invariant reads the grid as the built-in
 * ones do.
 */
const A1 = 'A00001';
const job = (managementClass: string): Parameters<typeof after>[1] => [
  insertScratch(0, [A1]),
  { type: 'scratch-mount', host: 'HOST', cluster: 0, managementClass },
  { type: 'write', cluster: 0, volser: A1, sizeMB: 1000 },
  { type: 'rewind-unload', cluster: 0, volser: A1 },
];

describe('grid queries', () => {
  it('before its first write a volume has no management class; after a RUN job both clusters hold its newest data (CCP-1)', () => {
    const inserted = gridQueries(after(twoClusterRun, [insertScratch(0, [A1])]).state);
    expect(inserted.managementClassOf(A1)).toBeNull();
    expect(inserted.volsers()).toEqual([A1]);
    const written = gridQueries(after(twoClusterRun, job('MCRUN')).state);
    expect(written.managementClassOf(A1)).toBe('MCRUN');
    expect(written.consistentCopies(A1).sort()).toEqual([0, 1]);
    expect(written.writeOwners(A1)).toEqual([0]);
  });

  it('a deferred copy not yet made leaves the newest data on the writing cluster only (CCP-2); a volume that does not exist has no answers', () => {
    const queries = gridQueries(after(twoClusterRun, job('MCDEF')).state);
    expect(queries.consistentCopies(A1)).toEqual([0]);
    expect(queries.managementClassOf(A1)).toBe('MCDEF');
    expect(queries.consistentCopies('ZZZZZZ')).toEqual([]);
    expect(queries.writeOwners('ZZZZZZ')).toEqual([]);
    expect(queries.managementClassOf('ZZZZZZ')).toBeNull();
  });

  it('reads sites from the definition; an unknown cluster has no site', () => {
    const queries = gridQueries(after({ ...twoClusterRun, clusters: [{ site: 'east' }, { site: 'west' }] }, []).state);
    expect(queries.siteOf(0)).toBe('east');
    expect(queries.siteOf(1)).toBe('west');
    expect(queries.siteOf(7)).toBe('');
  });

  it('sees takeover modes, write protect per cluster (WP-4) and a running DR test, and their absence', () => {
    const quiet = gridQueries(after(twoClusterRun, []).state);
    expect(quiet.takeovers()).toEqual([]);
    expect(quiet.writeProtected(1)).toBe(false);
    expect(quiet.drTestRunning()).toBe(false);
    const busy = gridQueries(
      after(twoClusterRun, [
        { type: 'cluster-fail', cluster: 0 },
        { type: 'set-takeover', at: 1, of: 0, mode: 'read' },
        { type: 'set-write-protect', cluster: 1, enabled: true },
        { type: 'begin-dr-test' },
      ]).state,
    );
    expect(busy.takeovers()).toEqual([{ at: 1, of: 0, mode: 'read' }]);
    expect(busy.writeProtected(1)).toBe(true);
    expect(busy.writeProtected(0)).toBe(false);
    expect(busy.drTestRunning()).toBe(true);
  });
});
