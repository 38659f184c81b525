import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig, validateConfigText, type ConfigProblem } from '../../config/index.js';

const root = join(import.meta.dirname, '..', '..');
const minimal = `grid:
  name: minimal
clusters:
  - { id: 0, name: C0, site: a, kind: tape-attached, cache: "10 TB" }
  - { id: 1, name: C1, site: b, kind: disk-only, cache: "20 TB" }
gridLinks:
  - { between: [0, 1], links: "2 x 10 Gb/s", distance: "100 km" }
hosts:
  - { name: PROD, site: a, online: [0], scratchCategory: "0002", privateCategory: "000F" }
categories:
  scratch: [{ id: "0002", expireHold: "24 h" }]
  private: ["000F"]
managementClasses:
  - { name: MC, copyModes: { "0": "RD", "1": "DR" } }
workload:
  - { cluster: 0, dailyWrite: "4 TB/day", averageVolumeSize: "800 MiB", managementClasses: { MC: 1 } }
`;

async function problemsOf(text: string): Promise<ConfigProblem[]> {
  const result = await validateConfigText(text, 'test.yaml');
  return result.ok ? [...result.warnings] : [...result.problems];
}

function find(problems: readonly ConfigProblem[], code: string): ConfigProblem {
  const problem = problems.find((candidate) => candidate.code === code);
  expect(problem, `expected a ${code} problem in ${JSON.stringify(problems, null, 1)}`).toBeDefined();
  return problem as ConfigProblem;
}

describe('configuration validation', () => {
  it('accepts a minimal grid and builds the model definition with defaults and units', async () => {
    const result = await validateConfigText(minimal, 'minimal.yaml');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.definition.clusters.map((cluster) => [cluster.id, cluster.cacheMB, cluster.virtualDevices])).toEqual([
      [0, 10_000_000, 256],
      [1, 20_000_000, 256],
    ]);
    // 2 x 10 Gb/s x 0.85 efficiency = 17 Gb/s = 2125 MB/s = 127,500 MB/min.
    expect(result.definition.links[0]?.copyRateMBPerMinute).toBeCloseTo(127_500, 6);
    // CAT-5: the expire time of a category with hold also deletes the data when it passes.
    expect(result.definition.categories.scratch).toEqual([{ id: '0002', expireHoldMinutes: 1440, deleteExpireMinutes: 1440 }]);
    expect(result.definition.managementClasses[0]?.copyModes[1]).toEqual(['D', 'R']);
  });

  it('keeps decimal and binary units apart: "1 TiB" of cache is 1,099,511.627776 MB', async () => {
    const result = await validateConfigText(minimal.replace('cache: "10 TB"', 'cache: "1 TiB"'), 'binary.yaml');
    expect(result.ok && result.definition.clusters[0]?.cacheMB).toBeCloseTo(1_099_511.627776, 6);
  });

  it('mistake 1: an unknown key, with a "did you mean" hint', async () => {
    const problem = find(await problemsOf(minimal.replace('cache: "10 TB"', 'cahce: "10 TB"')), 'unknown-key');
    expect(problem.path).toEqual(['clusters', 0, 'cahce']);
    expect(problem.message).toContain('did you mean "cache"?');
    expect(problem.line).toBe(4);
  });

  it('mistake 2: a copy mode string of the wrong length', async () => {
    const problem = find(await problemsOf(minimal.replace('"0": "RD"', '"0": "RDD"')), 'copy-mode-length');
    expect(problem.path).toEqual(['managementClasses', 0, 'copyModes', '0']);
    expect(problem.expected).toBe('2 letters of R, S, D, N');
  });

  it('mistake 3: a copy mode letter that is not R, S, D or N', async () => {
    expect(find(await problemsOf(minimal.replace('"0": "RD"', '"0": "RX"')), 'copy-mode-letter').found).toBe('"RX"');
    expect(find(await problemsOf(minimal.replace('"0": "RD"', '"0": "rd"')), 'copy-mode-letter').message).toContain('upper case');
  });

  it('mistake 4: Synchronous mode with one S point instead of two (CCP-4)', async () => {
    const problem = find(await problemsOf(minimal.replace('"0": "RD"', '"0": "SD"')), 'sync-point-count');
    expect(problem.rule).toBe('CCP-4');
  });

  it('mistake 5: more than 16 categories excluded from write protect, counting insert (WP-2)', async () => {
    const sixteen = Array.from({ length: 16 }, (_, index) => `"${(0x100 + index).toString(16).toUpperCase().padStart(4, '0')}"`).join(', ');
    const text = minimal.replace('cache: "20 TB" }', `cache: "20 TB", writeProtect: { enabled: true, excludedCategories: [${sixteen}] } }`);
    const problem = find(await problemsOf(text), 'too-many-excluded-categories');
    expect(problem.found).toBe('17');
    expect(problem.rule).toBe('WP-2');
  });

  it('mistake 6: a grid link to a cluster that does not exist', async () => {
    const problem = find(await problemsOf(minimal.replace('between: [0, 1]', 'between: [0, 5]')), 'unknown-reference');
    expect(problem.path).toEqual(['gridLinks', 0, 'between', 1]);
  });

  it('mistake 7: a disk-only cluster with physical drives or Copy Export', async () => {
    const drives = find(await problemsOf(minimal.replace('cache: "20 TB" }', 'cache: "20 TB", physical: { drives: 4, driveType: E08 } }')), 'disk-only-physical');
    expect(drives.path).toEqual(['clusters', 1, 'physical']);
    const exporting = find(await problemsOf(minimal.replace('cache: "20 TB" }', 'cache: "20 TB", copyExport: { pools: [8] } }')), 'disk-only-physical');
    expect(exporting.rule).toBe('CE-1');
  });

  it('mistake 8: a quantity of the wrong dimension ("40 TB/day" as a cache size)', async () => {
    const problem = find(await problemsOf(minimal.replace('cache: "10 TB"', 'cache: "40 TB/day"')), 'dimension-mismatch');
    expect(problem.message).toBe('"40 TB/day" is a rate, not a data');
    expect(problem.expected).toContain('"442 TB"');
  });

  it('mistake 9: a quantity that is not a number with a unit', async () => {
    expect(find(await problemsOf(minimal.replace('distance: "100 km"', 'distance: "far"')), 'invalid-unit').path).toEqual(['gridLinks', 0, 'distance']);
    expect(find(await problemsOf(minimal.replace('links: "2 x 10 Gb/s"', 'links: "10 Gb/s"')), 'invalid-unit').message).toContain('count x speed');
  });

  it('mistake 10: a category that YAML read as a number because it was not quoted', async () => {
    const problem = find(await problemsOf(minimal.replace('scratchCategory: "0002"', 'scratchCategory: 0002')), 'invalid-type');
    expect(problem.message).toContain('in quotes');
    expect(problem.found).toBe('number 2');
  });

  it('mistake 11: a required field missing', async () => {
    const problem = find(await problemsOf(minimal.replace(', site: a, kind: tape-attached', ', kind: tape-attached')), 'missing');
    expect(problem.path).toEqual(['clusters', 0, 'site']);
  });

  it('mistake 12: an unknown management class in the workload, with a hint', async () => {
    const problem = find(await problemsOf(minimal.replace('managementClasses: { MC: 1 }', 'managementClasses: { MX: 1 }')), 'unknown-reference');
    expect(problem.message).toContain('did you mean "MC"?');
  });

  it('mistake 13: workload shares that do not add up to 1', async () => {
    expect(find(await problemsOf(minimal.replace('managementClasses: { MC: 1 }', 'managementClasses: { MC: 0.6 }')), 'share-sum').found).toBe('0.600');
  });

  it('CAT-5: Delete Expire without hold deletes but does not hold; "none" deletes nothing; an expire hold and a Delete Expire that differ are an error (one expire time per category)', async () => {
    const categoriesOf = async (scratch: string): Promise<unknown> => {
      const result = await validateConfigText(minimal.replace('scratch: [{ id: "0002", expireHold: "24 h" }]', `scratch: [${scratch}]`), 'test.yaml');
      return result.ok ? result.definition.categories.scratch : result.problems;
    };
    expect(await categoriesOf('{ id: "0002", deleteExpire: "7 d" }')).toEqual([{ id: '0002', expireHoldMinutes: 0, deleteExpireMinutes: 10080 }]);
    expect(await categoriesOf('{ id: "0002", deleteExpire: none }')).toEqual([{ id: '0002', expireHoldMinutes: 0 }]);
    expect(await categoriesOf('{ id: "0002", expireHold: "24 h", deleteExpire: "1 d" }')).toEqual([{ id: '0002', expireHoldMinutes: 1440, deleteExpireMinutes: 1440 }]);
    const conflict = find(await problemsOf(minimal.replace('expireHold: "24 h" }', 'expireHold: "24 h", deleteExpire: "7 d" }')), 'expire-time-conflict');
    expect(conflict).toEqual(expect.objectContaining({ rule: 'CAT-5', path: ['categories', 'scratch', 0, 'deleteExpire'], found: '7 d', expected: 'deleteExpire equal to expireHold (24 h), or left out' }));
    expect(find(await problemsOf(minimal.replace('expireHold: "24 h" }', 'expireHold: "24 h", deleteExpire: none }')), 'expire-time-conflict').found).toBe('none');
  });

  it('numbers that make no physical sense are refused with the field path and the range (issue 15)', async () => {
    const zeroVolume = find(await problemsOf(minimal.replace('averageVolumeSize: "800 MiB"', 'averageVolumeSize: "0 MiB"')), 'out-of-range');
    expect(zeroVolume).toEqual(expect.objectContaining({ path: ['workload', 0, 'averageVolumeSize'], expected: 'a volume size above zero and at most 1 TB, such as "4000 MiB"' }));
    const negative = (await problemsOf(minimal.replace('averageVolumeSize: "800 MiB"', 'averageVolumeSize: "-5 TB"'))).find((problem) => problem.path.join('.') === 'workload.0.averageVolumeSize');
    expect(negative?.message).toContain('"-5 TB" is negative; a data cannot be below zero');
    const efficiency = (await problemsOf(minimal.replace('distance: "100 km" }', 'distance: "100 km", efficiency: 0 }'))).find((problem) => problem.path.join('.') === 'gridLinks.0.efficiency');
    expect(efficiency).toBeDefined();
    // A disk-only cluster below the default 4 TB auto-removal threshold would have a negative usable cache.
    const small = find(await problemsOf(minimal.replace('kind: disk-only, cache: "20 TB"', 'kind: disk-only, cache: "1 TB"')), 'out-of-range');
    expect(small).toEqual(expect.objectContaining({ rule: 'TVC-4', path: ['clusters', 1, 'cache'], found: '1 TB', expected: 'a cache above 4 TB, or a smaller autoRemoval.removalThreshold' }));
    const occupied = find(await problemsOf(minimal.replace('cache: "10 TB" }', 'cache: "10 TB", cacheOccupied: "11 TB" }')), 'out-of-range');
    expect(occupied.path).toEqual(['clusters', 0, 'cacheOccupied']);
    const horizon = find(await problemsOf(`${minimal}growth: { perYear: 0.3, horizon: "1e9 years" }\n`), 'out-of-range');
    expect(horizon.path).toEqual(['growth', 'horizon']);
  });

  it('mistake 14: a pair of clusters with no grid link', async () => {
    const text = minimal
      .replace('  - { id: 1, name: C1, site: b, kind: disk-only, cache: "20 TB" }', '  - { id: 1, name: C1, site: b, kind: disk-only, cache: "20 TB" }\n  - { id: 2, name: C2, site: c, kind: disk-only, cache: "20 TB" }')
      .replace('"0": "RD", "1": "DR"', '"0": "RDD", "1": "DRD"');
    const missing = (await problemsOf(text)).filter((problem) => problem.code === 'missing-link');
    expect(missing.map((problem) => problem.message)).toEqual([expect.stringContaining('cluster 0 and cluster 2'), expect.stringContaining('cluster 1 and cluster 2')]);
  });

  it('mistake 15: duplicate cluster ids and a gap in the numbering', async () => {
    expect(find(await problemsOf(minimal.replace('{ id: 1, name: C1', '{ id: 0, name: C1')), 'duplicate').path).toEqual(['clusters', 1, 'id']);
    expect(find(await problemsOf(minimal.replace('{ id: 1, name: C1', '{ id: 2, name: C1').replace('between: [0, 1]', 'between: [0, 2]').replace('"1": "DR"', '"2": "DR"')), 'cluster-numbering').found).toBe('0, 2');
  });

  it('mistake 16: a value outside its set (kind: disk)', async () => {
    const problem = find(await problemsOf(minimal.replace('kind: disk-only', 'kind: disk')), 'invalid-value');
    expect(problem.expected).toBe('one of "disk-only", "tape-attached"');
  });

  it('mistake 17: YAML syntax errors are reported with their line', async () => {
    const problem = find(await problemsOf('grid:\n  name: [unclosed\nclusters: []\n'), 'syntax');
    expect(problem.line).toBeGreaterThan(0);
  });

  it('mistake 18: a file that cannot be read', async () => {
    const result = await loadConfig(join(root, 'no-such-file.yaml'));
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems[0]?.message).toContain('no such file');
  });

  it('reports every error at once, not only the first', async () => {
    const result = await loadConfig(join(root, 'test', 'fixtures', 'broken-grid.yaml'));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const codes = result.problems.filter((problem) => problem.severity === 'error').map((problem) => problem.code).sort();
    expect(codes).toEqual(['copy-mode-letter', 'copy-mode-length', 'dimension-mismatch', 'disk-only-physical', 'invalid-type', 'missing', 'sync-point-count', 'unknown-key', 'unknown-reference'].sort());
  });

  it('warns about rule-level risks without rejecting: AOTM on a shared TSSC network (TOP-4), weakened RUN (CCP-5), WOT during DR tests (OWN-9)', async () => {
    const text = minimal
      .replace('cache: "10 TB" }', 'cache: "10 TB", aotm: { enabled: true, mode: write, tsscNetwork: shared-with-grid-links }, copyPolicyOverride: { runCopiesBeforeComplete: 1 } }')
      .replace('"0": "RD"', '"0": "RR"')
      .concat('runbook:\n  takeover:\n    - { mode: write, when: owner-unreachable, duringDrTest: true }\n');
    const result = await validateConfigText(text, 'risky.yaml');
    expect(result.ok).toBe(true);
    const rules = (result.ok ? result.warnings : []).map((problem) => problem.rule);
    expect(rules).toEqual(expect.arrayContaining(['TOP-4', 'CCP-5', 'OWN-9']));
  });

  it('WP-5: warns when a write-protected cluster excludes a production host\'s category', async () => {
    const text = minimal.replace('cache: "20 TB" }', 'cache: "20 TB", writeProtect: { enabled: true, excludedCategories: ["000F"] } }');
    const result = await validateConfigText(text, 'wp.yaml');
    expect(result.ok && result.warnings.map((problem) => problem.rule)).toContain('WP-5');
  });

  it('CCP-3: warns when a class that must survive the loss of one cluster keeps a copy on one cluster only ("RN")', async () => {
    const text = minimal.replace('"0": "RD", "1": "DR"', '"0": "RN", "1": "DR"').concat('targets:\n  survivesLossOfOneCluster: [MC]\n');
    const warning = find(await problemsOf(text), 'single-copy-survival-class');
    expect(warning.path).toEqual(['managementClasses', 0, 'copyModes', '0']);
    expect(warning.rule).toBe('CCP-3');
    expect((await problemsOf(minimal.concat('targets:\n  survivesLossOfOneCluster: [MC]\n'))).some((problem) => problem.code === 'single-copy-survival-class')).toBe(false);
  });

  it('OWN-13: warns when the runbook allows write takeover of one cluster at two survivors hosts mount through; one designated survivor is clean', async () => {
    const three = `grid:
  name: three
clusters:
  - { id: 0, name: C0, site: a, kind: tape-attached, cache: "10 TB" }
  - { id: 1, name: C1, site: b, kind: tape-attached, cache: "10 TB" }
  - { id: 2, name: C2, site: c, kind: tape-attached, cache: "10 TB" }
gridLinks:
  - { between: [0, 1], links: "2 x 10 Gb/s", distance: "10 km" }
  - { between: [0, 2], links: "2 x 10 Gb/s", distance: "10 km" }
  - { between: [1, 2], links: "2 x 10 Gb/s", distance: "10 km" }
hosts:
  - { name: PROD, site: a, online: [0, 1, 2], scratchCategory: "0002", privateCategory: "000F" }
categories:
  scratch: [{ id: "0002", expireHold: "24 h" }]
  private: ["000F"]
managementClasses:
  - { name: MC, copyModes: { "0": "RRR", "1": "RRR", "2": "RRR" } }
runbook:
  takeover:
`;
    const everywhere = await problemsOf(`${three}    - { mode: write, when: cluster-confirmed-down }\n`);
    const warnings = everywhere.filter((problem) => problem.code === 'write-takeover-at-several-survivors');
    expect(warnings).toHaveLength(3);
    expect(warnings[0]?.rule).toBe('OWN-13');
    expect(warnings[0]?.path).toEqual(['runbook', 'takeover', 0]);
    expect(warnings[0]?.message).toContain('write ownership takeover of C0 is allowed at C1 and C2');
    const designated = await problemsOf(`${three}    - { mode: write, at: [1], of: [0], when: cluster-confirmed-down }\n    - { mode: write, at: [2], of: [1], when: cluster-confirmed-down }\n    - { mode: write, at: [0], of: [2], when: cluster-confirmed-down }\n`);
    expect(designated.filter((problem) => problem.code === 'write-takeover-at-several-survivors')).toEqual([]);
  });

  it('every bundled example validates', async () => {
    const examples = readdirSync(join(root, 'examples')).filter((name) => name.endsWith('.yaml'));
    expect(examples.length).toBeGreaterThanOrEqual(7);
    for (const name of examples) {
      const result = await loadConfig(join(root, 'examples', name));
      expect(result.ok ? [] : result.problems, name).toEqual([]);
    }
  });
});
