import { builtInInvariantIds } from '../properties/invariantIds.js';
import { configError, configWarning, didYouMean, type ConfigProblem } from './problems.js';
import type { UnitParser } from './quantity.js';
import type { GridConfigFile } from './schema.js';
import { configDefaults } from './definition.js';
import { gdpsChecks } from './gdps.js';

/**
 * Checks that need more than one field: references between sections, the copy mode letters, the
 * grid's link mesh, write protect limits, and the rule-level warnings (TOP-4, CCP-5, OWN-9, WP-5).
 * Runs on whatever passed the structural check, so every error is reported at once.
 */

/**
 * Configuration of which some parts may have failed structural validation: missing sections, null in
 * place of each list element whose identity fields failed (so indexes still match the file), and
 * elements kept field by field. Checks therefore read fields other than the identity fields (see
 * `identityFields` in load.ts) as possibly absent.
 */
export type Salvaged = {
  [K in keyof GridConfigFile]?: NonNullable<GridConfigFile[K]> extends readonly (infer E)[] ? (E | null)[] | undefined : GridConfigFile[K];
};

/** Calls `visit` with each element that passed, and its index in the file. */
function each<T>(list: readonly (T | null)[] | undefined, visit: (item: T, index: number) => void): void {
  (list ?? []).forEach((item, index) => {
    if (item !== null) visit(item, index);
  });
}

/** The elements that passed. */
function present<T>(list: readonly (T | null)[] | undefined): T[] {
  return (list ?? []).filter((item): item is T => item !== null);
}

interface Context {
  /** True when the whole file passed structural validation (lists are complete). */
  readonly complete: boolean;
  readonly raw: unknown;
}

const copyLetters = new Set(['R', 'S', 'D', 'N']);
const defaultInsertCategory = 'FF00';
const maxExcludedCategories = 16;

/** All cluster ids the raw file mentions in `clusters[].id`, valid entries or not. */
function rawClusterIds(raw: unknown): number[] {
  const clusters = (raw as { clusters?: unknown } | null)?.clusters;
  if (!Array.isArray(clusters)) return [];
  return clusters.map((cluster) => (cluster as { id?: unknown } | null)?.id).filter((id): id is number => typeof id === 'number');
}

/** Runs every cross-field check. */
/** A data quantity in bytes, or null when absent or unreadable (the schema reports those). */
function bytesOf(units: UnitParser, text: unknown): number | null {
  if (typeof text !== 'string') return null;
  const parsed = units.quantity(text, 'data');
  return parsed.ok ? parsed.value.value : null;
}

/**
 * TVC-4 and the planner's cache figures: the auto-removal levels of a disk-only cluster lie inside its
 * cache (out-of-cache below removal threshold below cache), and data occupied at a break fits the
 * cache. A cache below the default 4 TB threshold would give a negative usable cache otherwise.
 */
function cacheLevelProblems(cluster: GridConfigFile['clusters'][number], index: number, units: UnitParser): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const cache = bytesOf(units, cluster.cache);
  if (cache === null) return problems;
  const occupied = bytesOf(units, cluster.cacheOccupied);
  if (occupied !== null && occupied > cache) {
    problems.push(configError('out-of-range', ['clusters', index, 'cacheOccupied'], `${String(cluster.cacheOccupied)} occupied is more than the cache of ${String(cluster.cache)}`, { expected: `at most the cache, ${String(cluster.cache)}`, found: String(cluster.cacheOccupied) }));
  }
  if (cluster.kind !== 'disk-only') return problems;
  const thresholdText = cluster.autoRemoval?.removalThreshold ?? configDefaults.removalThreshold;
  const outOfCacheText = cluster.autoRemoval?.outOfCache ?? configDefaults.outOfCache;
  const threshold = bytesOf(units, thresholdText);
  const outOfCache = bytesOf(units, outOfCacheText);
  const where = cluster.autoRemoval?.removalThreshold === undefined ? ['clusters', index, 'cache'] : ['clusters', index, 'autoRemoval', 'removalThreshold'];
  if (threshold !== null && threshold >= cache) {
    problems.push(
      configError('out-of-range', where, `the auto-removal threshold of ${thresholdText}${cluster.autoRemoval?.removalThreshold === undefined ? ' (default)' : ''} is not below the cache of ${String(cluster.cache)}: the disk-only cluster would have no usable cache (TVC-4)`, {
        rule: 'TVC-4',
        expected: `a cache above ${thresholdText}, or a smaller autoRemoval.removalThreshold`,
        found: String(cluster.cache),
      }),
    );
  } else if (threshold !== null && outOfCache !== null && outOfCache >= threshold) {
    problems.push(
      configError('out-of-range', ['clusters', index, 'autoRemoval', 'outOfCache'], `the out-of-cache level of ${outOfCacheText} is not below the removal threshold of ${thresholdText} (TVC-4)`, { rule: 'TVC-4', expected: `less than ${thresholdText}`, found: outOfCacheText }),
    );
  }
  return problems;
}

/** An expire time in seconds, or null when absent, "none" or not a duration (the schema reports those). */
function expireSeconds(units: UnitParser, text: unknown): number | null {
  if (typeof text !== 'string' || text === 'none') return null;
  const parsed = units.quantity(text, 'duration');
  return parsed.ok ? parsed.value.value : null;
}

export function semanticChecks(config: Salvaged, units: UnitParser, context: Context): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const clusters = present(config.clusters);
  const knownIds = new Set<number>([...clusters.map((cluster) => cluster.id), ...rawClusterIds(context.raw)]);
  const clusterCount = Array.isArray((context.raw as { clusters?: unknown } | null)?.clusters)
    ? ((context.raw as { clusters: unknown[] }).clusters.length)
    : clusters.length;
  const mcNames = new Set(present(config.managementClasses).map((mc) => mc.name));
  const insertCategory = config.categories?.insert ?? defaultInsertCategory;

  const checkCluster = (id: number, path: (string | number)[]): void => {
    if (!knownIds.has(id)) problems.push(configError('unknown-reference', path, `cluster ${id} is not defined in clusters`, { expected: `one of ${[...knownIds].sort().join(', ')}`, found: String(id) }));
  };
  const checkClass = (name: string, path: (string | number)[]): void => {
    if (mcNames.size > 0 && !mcNames.has(name)) {
      const hint = didYouMean(name, [...mcNames]);
      problems.push(configError('unknown-reference', path, `management class "${name}" is not defined${hint === undefined ? '' : `; did you mean "${hint}"?`}`, { expected: `one of ${[...mcNames].join(', ')}`, found: `"${name}"` }));
    }
  };

  // Clusters: numbering, names, kinds (TOP-1).
  const seenIds = new Map<number, number>();
  const seenNames = new Map<string, number>();
  each(config.clusters, (cluster, index) => {
    const previous = seenIds.get(cluster.id);
    if (previous !== undefined) problems.push(configError('duplicate', ['clusters', index, 'id'], `cluster id ${cluster.id} is also used by clusters[${previous}]`, { found: String(cluster.id) }));
    seenIds.set(cluster.id, index);
    const previousName = cluster.name === undefined ? undefined : seenNames.get(cluster.name);
    if (previousName !== undefined) problems.push(configError('duplicate', ['clusters', index, 'name'], `cluster name "${cluster.name}" is also used by clusters[${previousName}]`));
    if (cluster.name !== undefined) seenNames.set(cluster.name, index);
    if (cluster.kind === 'disk-only' && cluster.physical !== undefined) {
      problems.push(configError('disk-only-physical', ['clusters', index, 'physical'], 'a disk-only cluster has no physical drives or pools', { expected: 'kind: tape-attached, or no physical section' }));
    }
    if (cluster.kind === 'disk-only' && cluster.copyExport !== undefined) {
      problems.push(configError('disk-only-physical', ['clusters', index, 'copyExport'], 'Copy Export needs a tape-attached cluster (CE-1)', { rule: 'CE-1', expected: 'kind: tape-attached' }));
    }
    problems.push(...cacheLevelProblems(cluster, index, units));
    if (cluster.aotm?.enabled === true && cluster.aotm.tsscNetwork === 'shared-with-grid-links') {
      problems.push(
        configWarning('aotm-shared-network', ['clusters', index, 'aotm', 'tsscNetwork'], 'the TSSC network shares the grid links: after a link failure AOTM cannot tell "peer down" from "links down" (TOP-4); run `tapegrid verify`', { rule: 'TOP-4' }),
      );
    }
    const grace = cluster.aotm?.gracePeriod;
    if (grace !== undefined) {
      const parsed = units.quantity(grace, 'duration');
      if (parsed.ok && (parsed.value.value < 600 || parsed.value.value > 60000)) {
        problems.push(configWarning('aotm-grace-period', ['clusters', index, 'aotm', 'gracePeriod'], 'later documentation allows a grace period of 10 to 1000 minutes', { rule: 'OWN-8', found: `"${grace}"` }));
      }
    }
    const excluded = new Set([...(cluster.writeProtect?.excludedCategories ?? []), insertCategory]);
    if (excluded.size > maxExcludedCategories) {
      problems.push(
        configError('too-many-excluded-categories', ['clusters', index, 'writeProtect', 'excludedCategories'], `${excluded.size} categories are excluded from write protect counting the insert category ${insertCategory}, which is always excluded`, {
          rule: 'WP-2',
          expected: `at most ${maxExcludedCategories} including ${insertCategory}`,
          found: String(excluded.size),
        }),
      );
    }
  });
  if (context.complete) {
    const ids = clusters.map((cluster) => cluster.id).sort((a, b) => a - b);
    // Assumption ASM-15 (README): ids 0..N-1, so copy-mode letters map to clusters by position.
    if (ids.some((id, position) => id !== position)) {
      problems.push(configError('cluster-numbering', ['clusters'], 'cluster ids must be 0 to N-1 without gaps, so that copy modes have one letter per cluster in id order', { expected: ids.map((_, position) => position).join(', '), found: ids.join(', ') }));
    }
  }

  // Categories (CAT, WP-2).
  const categories = config.categories;
  const scratchIds = new Set<string>();
  if (categories !== undefined) {
    const roles = new Map<string, string>();
    const claim = (category: string, role: string, path: (string | number)[]): void => {
      const previous = roles.get(category);
      if (previous !== undefined && previous !== role) problems.push(configError('category-role-conflict', path, `category ${category} is both ${previous} and ${role}`));
      else if (previous === role) problems.push(configError('duplicate', path, `category ${category} is listed twice as ${role}`));
      roles.set(category, role);
    };
    claim(insertCategory, 'insert', ['categories', 'insert']);
    categories.scratch.forEach((scratch, index) => {
      claim(scratch.id, 'scratch', ['categories', 'scratch', index, 'id']);
      scratchIds.add(scratch.id);
      // CAT-5: the MI sets one expire time per category; expire hold only says whether it also blocks mounts.
      const hold = expireSeconds(units, scratch.expireHold);
      const deletion = scratch.deleteExpire === 'none' ? 0 : expireSeconds(units, scratch.deleteExpire);
      if (hold !== null && deletion !== null && hold !== deletion) {
        problems.push(
          configError('expire-time-conflict', ['categories', 'scratch', index, 'deleteExpire'], `category ${scratch.id} has an expire hold of ${String(scratch.expireHold)} and a Delete Expire of ${String(scratch.deleteExpire)}, but a scratch category has one expire time, used by both`, {
            rule: 'CAT-5',
            expected: `deleteExpire equal to expireHold (${String(scratch.expireHold)}), or left out`,
            found: String(scratch.deleteExpire),
          }),
        );
      }
    });
    (categories.private ?? []).forEach((category, index) => claim(category, 'private', ['categories', 'private', index]));
    (categories.error ?? []).forEach((category, index) => claim(category, 'error', ['categories', 'error', index]));
  }

  // Grid links: every pair joined once, only existing clusters (TOP-2).
  const pairs = new Map<string, number>();
  each(config.gridLinks, (link, index) => {
    const [a, b] = link.between;
    checkCluster(a, ['gridLinks', index, 'between', 0]);
    checkCluster(b, ['gridLinks', index, 'between', 1]);
    if (a === b) problems.push(configError('invalid-value', ['gridLinks', index, 'between'], 'a grid link joins two different clusters', { found: `[${a}, ${b}]` }));
    const key = a < b ? `${a}-${b}` : `${b}-${a}`;
    const previous = pairs.get(key);
    if (previous !== undefined) problems.push(configError('duplicate', ['gridLinks', index, 'between'], `clusters ${a} and ${b} are already joined by gridLinks[${previous}]; give one entry per pair with its link count`));
    pairs.set(key, index);
  });
  if (context.complete && clusters.length > 1) {
    const ids = clusters.map((cluster) => cluster.id).sort((a, b) => a - b);
    for (const a of ids) {
      for (const b of ids) {
        if (a < b && !pairs.has(`${a}-${b}`)) {
          problems.push(configError('missing-link', ['gridLinks'], `no grid links join cluster ${a} and cluster ${b}; every pair of clusters in a grid needs a path`, { expected: `an entry with between: [${a}, ${b}]`, rule: 'TOP-2' }));
        }
      }
    }
  }

  // Hosts (TOP-3, PLN-3, WP-5).
  const hostNames = new Map<string, number>();
  each(config.hosts, (host, index) => {
    const previous = hostNames.get(host.name);
    if (previous !== undefined) problems.push(configError('duplicate', ['hosts', index, 'name'], `host name "${host.name}" is also used by hosts[${previous}]`));
    hostNames.set(host.name, index);
    host.online.forEach((id, position) => checkCluster(id, ['hosts', index, 'online', position]));
    (host.standby ?? []).forEach((id, position) => {
      checkCluster(id, ['hosts', index, 'standby', position]);
      if (host.online.includes(id)) problems.push(configError('duplicate', ['hosts', index, 'standby', position], `C${id} is both online and standby at ${host.name}: standby devices are the ones offline in normal running (GDPS-4)`, { found: String(id) }));
    });
    if (categories !== undefined && host.scratchCategory !== undefined && !scratchIds.has(host.scratchCategory)) {
      problems.push(configError('unknown-reference', ['hosts', index, 'scratchCategory'], `category ${host.scratchCategory} is not a scratch category`, { expected: `one of ${[...scratchIds].join(', ')}`, found: host.scratchCategory }));
    }
    if (categories !== undefined && host.privateCategory !== undefined && !(categories.private ?? []).includes(host.privateCategory)) {
      problems.push(configError('unknown-reference', ['hosts', index, 'privateCategory'], `category ${host.privateCategory} is not listed in categories.private`, { expected: `one of ${(categories.private ?? []).join(', ') || '(none listed)'}`, found: host.privateCategory }));
    }
  });
  each(config.clusters, (cluster, index) => {
    const excluded = cluster.writeProtect?.excludedCategories ?? [];
    for (const host of present(config.hosts)) {
      const production = host.role === 'production' || (host.role === undefined && cluster.site !== undefined && host.site !== undefined && host.site !== cluster.site);
      if (!production) continue;
      for (const category of [host.scratchCategory, host.privateCategory]) {
        if (category !== undefined && excluded.includes(category)) {
          problems.push(
            configWarning('write-protect-production-category', ['clusters', index, 'writeProtect', 'excludedCategories'], `category ${category} of production host ${host.name} is excluded from write protect on cluster ${cluster.id}: the DR host can change those volumes (WP-5)`, { rule: 'WP-5' }),
          );
        }
      }
    }
  });

  // Management classes: letters, length, Sync pairs (CCP-1..4).
  const seenClasses = new Map<string, number>();
  each(config.managementClasses, (mc, index) => {
    const previous = seenClasses.get(mc.name);
    if (previous !== undefined) problems.push(configError('duplicate', ['managementClasses', index, 'name'], `management class ${mc.name} is also defined by managementClasses[${previous}]`));
    seenClasses.set(mc.name, index);
    const definedAt = Object.entries(mc.copyModes);
    for (const [clusterKey, modes] of definedAt) {
      const path = ['managementClasses', index, 'copyModes', clusterKey];
      checkCluster(Number(clusterKey), path);
      if (modes.length !== clusterCount) {
        problems.push(configError('copy-mode-length', path, `copy modes need one letter per cluster (${clusterCount} clusters)`, { expected: `${clusterCount} letters of R, S, D, N`, found: `"${modes}" (${modes.length})`, rule: 'CCP-1' }));
      }
      const bad = [...modes].filter((letter) => !copyLetters.has(letter));
      if (bad.length > 0) {
        const lower = bad.every((letter) => copyLetters.has(letter.toUpperCase()));
        problems.push(configError('copy-mode-letter', path, lower ? 'copy mode letters are upper case' : `"${bad.join('')}" is not a copy consistency point`, { expected: 'R (rewind-unload), S (synchronous), D (deferred), N (no copy)', found: `"${modes}"`, rule: 'CCP-1' }));
      }
      const syncCount = [...modes].filter((letter) => letter === 'S').length;
      if (syncCount !== 0 && syncCount !== 2) {
        problems.push(configError('sync-point-count', path, 'Synchronous mode needs exactly two S clusters', { expected: '0 or 2 S letters', found: `${syncCount} in "${modes}"`, rule: 'CCP-4' }));
      }
      if (modes.length > 0 && [...modes].every((letter) => letter === 'N')) {
        problems.push(configWarning('no-copy-anywhere', path, 'every point is No Copy: data stays only in the I/O cache (CCP-3)', { rule: 'CCP-3' }));
      }
    }
    for (const host of present(config.hosts)) {
      for (const id of host.online) {
        if (knownIds.has(id) && mc.copyModes[String(id)] === undefined) {
          problems.push(
            configWarning('undefined-class-at-mount-cluster', ['managementClasses', index, 'copyModes'], `${mc.name} has no definition on cluster ${id}, where host ${host.name} mounts; the model keeps a RUN copy there only (modelOptions.undefinedClassOtherClusters)`),
          );
        }
      }
    }
  });

  // Copy Export set-up (CE-1, CE-5, CE-9).
  each(config.clusters, (cluster, index) => {
    const exportPools = cluster.copyExport?.pools ?? [];
    if (exportPools.length === 0) return;
    const pools = cluster.physical?.pools ?? [];
    exportPools.forEach((poolId, position) => {
      const pool = pools.find((candidate) => candidate.id === poolId);
      if (pool === undefined) {
        problems.push(configError('unknown-reference', ['clusters', index, 'copyExport', 'pools', position], `pool ${poolId} is not defined in physical.pools`, { rule: 'CE-1' }));
      } else if ((pool.reclaimPool ?? pool.id) !== pool.id) {
        problems.push(configWarning('invalid-value', ['clusters', index, 'physical', 'pools', pools.indexOf(pool), 'reclaimPool'], `Copy Export pool ${poolId} reclaims into pool ${pool.reclaimPool ?? '?'}: primary and backup copies can share a cartridge (CE-9)`, { rule: 'CE-9', expected: `reclaimPool: ${poolId}` }));
      }
    });
    if ((cluster.physical?.drives ?? 0) < 4) problems.push(configWarning('invalid-value', ['clusters', index, 'physical', 'drives'], 'Copy Export needs at least 4 physical drives (CE-5)', { rule: 'CE-5' }));
    if (cluster.physical?.ioStation === false) problems.push(configWarning('invalid-value', ['clusters', index, 'physical', 'ioStation'], 'Copy Export needs an I/O station (CE-5)', { rule: 'CE-5' }));
  });

  // Copy Policy Override weakening RUN (CCP-5).
  each(config.clusters, (cluster, index) => {
    const allowed = cluster.copyPolicyOverride?.runCopiesBeforeComplete;
    if (allowed === undefined) return;
    for (const mc of present(config.managementClasses)) {
      const modes = mc.copyModes[String(cluster.id)];
      const runPoints = modes === undefined ? 0 : [...modes].filter((letter) => letter === 'R').length;
      if (runPoints > allowed) {
        problems.push(
          configWarning('weakened-run', ['clusters', index, 'copyPolicyOverride', 'runCopiesBeforeComplete'], `RUN completes after ${allowed} copies while ${mc.name} on cluster ${cluster.id} promises ${runPoints}: fewer copies than the policy (CCP-5)`, { rule: 'CCP-5' }),
        );
      }
    }
  });

  // Runbook (OWN-3, OWN-9).
  (config.runbook?.takeover ?? []).forEach((rule, index) => {
    (rule.at ?? []).forEach((id, position) => checkCluster(id, ['runbook', 'takeover', index, 'at', position]));
    (rule.of ?? []).forEach((id, position) => checkCluster(id, ['runbook', 'takeover', index, 'of', position]));
    if (rule.mode === 'write' && rule.duringDrTest === true) {
      problems.push(configWarning('wot-during-dr-test', ['runbook', 'takeover', index], 'the runbook allows write ownership takeover during a DR test; the seed says never (OWN-9)', { rule: 'OWN-9' }));
    }
  });

  // Workload and targets (PLN-1..4).
  each(config.workload, (entry, index) => {
    checkCluster(entry.cluster, ['workload', index, 'cluster']);
    let sum = 0;
    for (const [name, share] of Object.entries(entry.managementClasses)) {
      checkClass(name, ['workload', index, 'managementClasses', name]);
      sum += share;
    }
    if (Math.abs(sum - 1) > 0.001) problems.push(configError('share-sum', ['workload', index, 'managementClasses'], 'management class shares must add up to 1', { expected: '1', found: sum.toFixed(3) }));
    if (entry.peakHourShare !== undefined && entry.hourlyProfile !== undefined) {
      problems.push(configError('invalid-value', ['workload', index], 'give peakHourShare or hourlyProfile, not both'));
    }
    if (entry.hourlyProfile !== undefined && entry.hourlyProfile.reduce((total, weight) => total + weight, 0) <= 0) {
      problems.push(configError('invalid-value', ['workload', index, 'hourlyProfile'], 'the hourly profile needs at least one positive weight'));
    }
    if (entry.peakHourShare !== undefined && entry.peakHourShare < 1 / 24) {
      problems.push(configError('out-of-range', ['workload', index, 'peakHourShare'], 'the peak hour carries at least an even share of the day', { expected: '1/24 (0.042) to 1', found: String(entry.peakHourShare) }));
    }
  });
  for (const name of Object.keys(config.targets?.rpo ?? {})) checkClass(name, ['targets', 'rpo', name]);

  // DR test (DRT-1..4, OWN-9).
  const test = config.drTest;
  if (test !== undefined) {
    const host = present(config.hosts).find((candidate) => candidate.name === test.host);
    if (host === undefined) {
      problems.push(configError('unknown-reference', ['drTest', 'host'], `host "${test.host}" is not defined in hosts`, { found: `"${test.host}"` }));
    } else if (host.role !== 'dr-test') {
      problems.push(configError('invalid-value', ['drTest', 'host'], `host "${test.host}" must have role: dr-test`, { expected: 'role: dr-test', found: host.role === undefined ? 'no role' : `role: ${host.role}` }));
    }
    test.clusters.forEach((id, position) => checkCluster(id, ['drTest', 'clusters', position]));
    if (test.testManagementClass !== undefined) checkClass(test.testManagementClass, ['drTest', 'testManagementClass']);
    if (test.takeoverWhenBroken === 'write') {
      problems.push(configWarning('wot-during-dr-test', ['drTest', 'takeoverWhenBroken'], 'write ownership takeover for a DR test: the seed says never, use read (OWN-9)', { rule: 'OWN-9' }));
    }
  }
  // Requirements: what they name must exist, and their names must not shadow a built-in invariant or each other.
  const builtInIds: readonly string[] = builtInInvariantIds;
  const sites = [...new Set(clusters.map((cluster) => cluster.site))];
  const requirementNames = new Set<string>();
  (config.requirements ?? []).forEach((requirement, index) => {
    if (requirement === undefined || requirement === null) return;
    if (builtInIds.includes(requirement.name) || requirementNames.has(requirement.name)) {
      problems.push(configError('invalid-value', ['requirements', index, 'name'], `requirement name "${requirement.name}" is already ${builtInIds.includes(requirement.name) ? 'a built-in invariant' : 'used by another requirement'}`, { expected: 'a name of its own', found: `"${requirement.name}"` }));
    }
    requirementNames.add(requirement.name);
    if (requirement.kind === 'copy-at-site') {
      checkClass(requirement.managementClass, ['requirements', index, 'managementClass']);
      if (!sites.includes(requirement.site)) problems.push(configError('unknown-reference', ['requirements', index, 'site'], `site "${requirement.site}" has no cluster`, { expected: `one of ${sites.join(', ')}`, found: `"${requirement.site}"` }));
    } else {
      checkCluster(requirement.cluster, ['requirements', index, 'cluster']);
    }
  });
  problems.push(...severalSurvivorWarnings(config, clusters.map((cluster) => cluster.id)));
  if (context.complete) problems.push(...gdpsChecks(config as Partial<GridConfigFile>));
  (config.targets?.survivesLossOfOneCluster ?? []).forEach((name, index) => {
    checkClass(name, ['targets', 'survivesLossOfOneCluster', index]);
    // CCP-3: a class that must survive the loss of a cluster needs copies on two clusters, as defined wherever it is mounted.
    const mcIndex = (config.managementClasses ?? []).findIndex((candidate) => candidate?.name === name);
    const mc = config.managementClasses?.[mcIndex] ?? null;
    for (const [definedAt, modes] of Object.entries(mc?.copyModes ?? {})) {
      const copies = [...modes.toUpperCase()].filter((letter) => letter === 'R' || letter === 'S' || letter === 'D').length;
      if (copies < 2) {
        problems.push(
          configWarning('single-copy-survival-class', ['managementClasses', mcIndex, 'copyModes', definedAt], `${name} must survive the loss of one cluster (targets.survivesLossOfOneCluster) but, as defined on cluster ${definedAt} ("${modes}"), keeps a copy on only ${copies} cluster; give a second cluster R, S or D`, { rule: 'CCP-3', expected: 'at least two of R, S, D', found: `"${modes}"` }),
        );
      }
    }
  });

  return problems;
}

/**
 * OWN-13 (11.1): when the runbook or AOTM allows write takeover of one cluster at two or more
 * survivors, two survivors cut off from each other can both take the same volume. Warns once per
 * failed cluster, naming the survivors and the fix.
 */
function severalSurvivorWarnings(config: Salvaged, ids: readonly number[]): ConfigProblem[] {
  if (ids.length < 3) return [];
  const problems: ConfigProblem[] = [];
  const rules = config.runbook?.takeover ?? [];
  for (const failed of ids) {
    const takers = new Map<number, (string | number)[]>();
    rules.forEach((rule, index) => {
      if (rule.mode !== 'write' || (rule.of !== undefined && !rule.of.includes(failed))) return;
      for (const at of rule.at ?? ids) if (at !== failed && !takers.has(at)) takers.set(at, ['runbook', 'takeover', index]);
    });
    each(config.clusters, (cluster, index) => {
      const coversFailed = cluster.aotm?.peers === undefined || cluster.aotm.peers.includes(failed);
      if (cluster.id !== failed && cluster.aotm?.enabled === true && cluster.aotm.mode === 'write' && coversFailed && !takers.has(cluster.id)) takers.set(cluster.id, ['clusters', index, 'aotm', 'mode']);
    });
    // A survivor no host has devices on never receives a mount, so it never takes a volume.
    for (const taker of [...takers.keys()]) if (!present(config.hosts).some((host) => host.online.includes(taker))) takers.delete(taker);
    if (takers.size < 2) continue;
    const names = [...takers.keys()].sort((a, b) => a - b).map((id) => `C${id}`);
    const path = [...takers.values()][0] ?? ['runbook'];
    problems.push(
      configWarning(
        'write-takeover-at-several-survivors',
        path,
        `write ownership takeover of C${failed} is allowed at ${names.join(' and ')}: if C${failed} fails and those survivors lose their links to each other, each can take the same volume (split brain, OWN-13); designate one survivor per failed cluster (runbook "at"/"of"), or require the survivors' links up before a takeover`,
        { rule: 'OWN-13', expected: 'one survivor with write takeover per failed cluster', found: names.join(', ') },
      ),
    );
  }
  return problems;
}
