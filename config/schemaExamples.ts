/**
 * A realistic example for every field of the published JSON Schema that has none from its zod
 * definition (quantities, categories and names carry their own), so an editor shows one beside each
 * field's description (issue 19 item 4). Keyed by the field's path, `[]` standing for array items.
 * test/config/schemaValidator.test.ts checks that every field has an example and that each example
 * passes the field's own schema.
 */
export const fieldExamples: Readonly<Record<string, readonly unknown[]>> = {
  '.grid.description': ['Production at site A, DR cluster 800 km away at site B'],
  '.clusters': [[{ id: 0, name: 'PRODA', site: 'site-a', kind: 'tape-attached', cache: '100 TB', physical: { drives: 8, driveType: 'E08' } }]],
  '.clusters[].id': [0],
  '.clusters[].virtualDevices': [256],
  '.clusters[].tssc': ['TSSC-A'],
  '.clusters[].physical.drives': [8],
  '.clusters[].physical.pools': [[{ id: 1 }, { id: 9, role: 'secondary' }]],
  '.clusters[].physical.pools[].id': [9],
  '.clusters[].physical.pools[].reclaimPool': [9],
  '.clusters[].physical.codeLevel': ['8.21.0.100'],
  '.clusters[].copyExport.pools': [[9]],
  '.clusters[].copyExport.exportedLimit': [2000],
  '.clusters[].aotm.peers': [[1]],
  '.clusters[].copyPolicyOverride.runCopiesBeforeComplete': [1],
  '.gridLinks': [[{ between: [0, 1], links: '2 x 10 Gb/s', distance: '800 km' }]],
  '.gridLinks[].between': [[0, 1]],
  '.gridLinks[].streams': [8],
  '.gridLinks[].lossRate': [0.0001],
  '.hosts': [[{ name: 'PROD', site: 'site-a', role: 'production', online: [0], scratchCategory: '0002', privateCategory: '000F' }]],
  '.hosts[].online': [[0]],
  '.hosts[].standby': [[1]],
  '.hosts[].pathsPerCluster': [2],
  '.categories.scratch': [[{ id: '0002', name: 'MEDIA2', expireHold: '24 h' }]],
  '.categories.scratch[].clusters': [[0, 1]],
  '.managementClasses': [[{ name: 'MCPROD', copyModes: { '0': 'RD', '1': 'NR' } }]],
  '.managementClasses[].copyModes': [{ '0': 'RD', '1': 'NR' }],
  '.managementClasses[].secondaryPool': [{ '0': 9 }],
  '.workload[].managementClasses': [{ MCPROD: 0.7, MCTEST: 0.3 }],
  '.targets.rpo': [{ MCPROD: '6 h' }],
  '.managementClasses[].description': ['production data, copied to the DR site after the job'],
  '.runbook.takeover': [[{ mode: 'read', at: [1], of: [0], when: 'cluster-confirmed-down' }]],
  '.runbook.takeover[].at': [[1]],
  '.runbook.takeover[].of': [[0]],
  '.gdps.sites': [[{ site: 'east', cluster: 0 }, { site: 'west', cluster: 1 }]],
  '.gdps.sites.site': ['east'],
  '.gdps.sites.cluster': [0],
  '.gdps.production': ['east'],
  '.gdps.managementClasses': [['MCPROD']],
  '.gdps.replicatedAtJobEnd': [['MCPROD']],
  '.requirements': [[{ name: 'crit-at-dr-site', kind: 'copy-at-site', managementClass: 'MCCRIT', site: 'site-b', within: '0 min' }]],
  '.requirements[].kind': ['copy-at-site', 'no-write-takeover-during-dr-test'],
  '.requirements[].description': ['critical data must be at the DR site when its job ends'],
  '.requirements[].cluster': [1],
  '.workload': [[{ cluster: 0, dailyWrite: '10 TB/day', averageVolumeSize: '4000 MiB', managementClasses: { MCPROD: 1 } }]],
  '.workload[].cluster': [0],
  '.workload[].hourlyProfile': [[1, 1, 1, 1, 1, 1, 2, 3, 4, 4, 4, 4, 4, 4, 4, 4, 3, 3, 3, 6, 8, 8, 4, 2]],
  '.workload[].peakConcurrentMounts': [64],
  '.targets.survivesLossOfOneCluster': [['MCPROD']],
  '.targets.daysResident': [7],
  '.drTest.host': ['DRHOST'],
  '.drTest.clusters': [[1]],
  '.drTest.removeFastReady': [['0002']],
  '.drTest.testManagementClass': ['MCTEST'],
  '.drTest.tms.production.rejectAnyUse': [['TST*']],
  '.drTest.tms.test.rejectOutput': [['A*', 'B*']],
  '.growth.perYear': [0.3],
  '.recoveryTarget.cluster': [0],
  '.recoveryTarget.codeLevel': ['8.21.0.100'],
  '.recoveryTarget.slots': [500],
  '.verification.volumesPerHost': [1],
  '.verification.depth': [12],
  '.verification.maxStates': [10000],
  '.verification.failures': [2],
};

/** Adds `fieldExamples` to the JSON Schema's properties that have no examples of their own (in place). */
export function addFieldExamples(schema: Record<string, unknown>): void {
  const visit = (node: unknown, path: string): void => {
    if (typeof node !== 'object' || node === null) return;
    const record = node as Record<string, unknown>;
    for (const [key, child] of Object.entries((record.properties ?? {}) as Record<string, Record<string, unknown>>)) {
      const examples = fieldExamples[`${path}.${key}`];
      if (examples !== undefined && child.examples === undefined) child.examples = [...examples];
      visit(child, `${path}.${key}`);
    }
    for (const key of ['items', 'additionalProperties']) visit(record[key], `${path}[]`);
    for (const key of ['anyOf', 'oneOf', 'allOf', 'prefixItems']) for (const entry of (record[key] ?? []) as unknown[]) visit(entry, path);
  };
  visit(schema, '');
}
