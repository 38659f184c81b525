import type { GridConfigFile } from './schema.js';

/** What `tapegrid init` asks for. */
export interface StarterAnswers {
  readonly name: string;
  readonly sites: readonly string[];
  readonly kinds: readonly ('disk-only' | 'tape-attached')[];
  readonly cache: string;
  readonly links: string;
  readonly localDistance: string;
  readonly remoteDistance: string;
  readonly dailyWrite: string;
  readonly rpo: string;
  /** Copy points of production clusters toward clusters at the same site: R (HA) or D. */
  readonly localCopy: 'R' | 'D' | 'N';
  /** Copy points toward clusters at other sites: D (DR) or R. */
  readonly remoteCopy: 'R' | 'D' | 'N';
}

/**
 * A starting configuration: the site of cluster 0 is production (a production host online to its
 * clusters), other sites are DR (a DR test host with its own categories, write protect configured to
 * exclude them, NNR-style classes so tests do not copy to production), a runbook that takes over only
 * clusters confirmed down, and a workload for the planner.
 */
export function starterConfig(answers: StarterAnswers): GridConfigFile {
  const count = answers.sites.length;
  const production = answers.sites[0] ?? 'production';
  const ids = Array.from({ length: count }, (_, id) => id);
  const productionIds = ids.filter((id) => answers.sites[id] === production);
  const drIds = ids.filter((id) => answers.sites[id] !== production);
  const modes = (definedAt: number): string =>
    ids
      .map((target) => {
        if (target === definedAt) return 'R';
        if (drIds.includes(definedAt)) return 'N';
        return answers.sites[target] === answers.sites[definedAt] ? answers.localCopy : answers.remoteCopy;
      })
      .join('');
  const gridLinks: NonNullable<GridConfigFile['gridLinks']> = [];
  for (const a of ids) for (const b of ids) if (a < b) gridLinks.push({ between: [a, b], links: answers.links, distance: answers.sites[a] === answers.sites[b] ? answers.localDistance : answers.remoteDistance });
  const config: GridConfigFile = {
    grid: { name: answers.name, description: `${count} cluster${count === 1 ? '' : 's'} at ${[...new Set(answers.sites)].join(', ')}` },
    clusters: ids.map((id) => ({
      id,
      name: `CL${id}`,
      site: answers.sites[id] ?? production,
      kind: answers.kinds[id] ?? answers.kinds.at(-1) ?? 'tape-attached',
      cache: answers.cache,
      ...((answers.kinds[id] ?? answers.kinds.at(-1) ?? 'tape-attached') === 'tape-attached' ? { physical: { drives: 8, driveType: 'E08' } } : {}),
      ...(drIds.includes(id) ? { writeProtect: { enabled: false, excludedCategories: ['0012', '001F', '001E'], ignoreFastReady: true } } : {}),
    })),
    gridLinks,
    hosts: [
      { name: 'PROD', site: production, role: 'production', online: productionIds, scratchCategory: '0002', privateCategory: '000F' },
      ...(drIds.length > 0 ? [{ name: 'DRHOST', site: answers.sites[drIds[0] ?? 0] ?? 'dr', role: 'dr-test' as const, online: drIds, scratchCategory: '0012', privateCategory: '001F' }] : []),
    ],
    categories: {
      insert: 'FF00',
      scratch: [{ id: '0002', name: 'MEDIA2', expireHold: '24 h' }, ...(drIds.length > 0 ? [{ id: '0012', name: 'DR-MEDIA2' }] : [])],
      private: drIds.length > 0 ? ['000F', '001F'] : ['000F'],
      error: drIds.length > 0 ? ['000E', '001E'] : ['000E'],
    },
    managementClasses: [
      { name: 'MCPROD', description: 'production data', copyModes: Object.fromEntries(ids.map((id) => [String(id), modes(id)])) },
      // Test writes stay at the DR site: defined on the DR clusters only, No Copy toward production (11.9.6).
      ...(drIds.length > 0 ? [{ name: 'MCTEST', description: 'DR test data, kept at the DR site', copyModes: Object.fromEntries(drIds.map((id) => [String(id), ids.map((target) => (drIds.includes(target) ? 'R' : 'N')).join('')])) }] : []),
    ],
    runbook: {
      takeover: [
        { mode: 'write', when: 'cluster-confirmed-down' },
        { mode: 'read', when: 'cluster-confirmed-down' },
      ],
    },
    workload: productionIds.map((cluster) => ({ cluster, dailyWrite: answers.dailyWrite, peakHourShare: 0.1, averageVolumeSize: '4000 MiB', compression: 2, managementClasses: { MCPROD: 1 } })),
    targets: { rpo: { MCPROD: answers.rpo }, ...(count > 1 ? { survivesLossOfOneCluster: ['MCPROD'] } : {}) },
    // A DR test with the links kept and Selective Write Protect at the DR clusters (11.10.1).
    ...(drIds.length > 0
      ? {
          drTest: {
            host: 'DRHOST',
            clusters: [...drIds],
            writeProtect: true,
            links: 'kept' as const,
            testRange: { prefix: 'TST' },
            testManagementClass: 'MCTEST',
            productionReturnToScratch: 'suspended' as const,
            tms: { production: { rejectAnyUse: ['TST*'] }, test: { returnToScratch: false } },
            length: '2 d',
          },
        }
      : {}),
  };
  return config;
}
