import { configError, configWarning, type ConfigProblem } from './problems.js';
import type { GridConfigFile } from './schema.js';

/**
 * GDPS-1 (11.8.1) as configuration checks: for a grid that serves a GDPS two-site sysplex, all I/O
 * stays local to the site running production, and a site switch (which changes which cluster is
 * local) must not change that. Each finding names the rule, the field path and the fix; findings are
 * warnings, like the other rule-level checks, so `verify` and `plan` still run on the configuration.
 */

type Config = Partial<Pick<GridConfigFile, 'gdps' | 'clusters' | 'managementClasses' | 'hosts'>>;

const overrides = [
  { key: 'preferLocalForScratchMounts', words: 'prefer local cache for fast ready mounts', step: 2 },
  { key: 'preferLocalForPrivateMounts', words: 'prefer local cache for non-fast ready mounts', step: 3 },
  { key: 'forceLocalCopy', words: 'force volume copy to local', step: 4 },
] as const;

/** The GDPS checks of a configuration (nothing without a `gdps` section). */
export function gdpsChecks(config: Config): ConfigProblem[] {
  const gdps = config.gdps;
  if (gdps === undefined) return [];
  const problems: ConfigProblem[] = [];
  const clusters = (config.clusters ?? []).filter((cluster) => cluster !== null);
  const classes = (config.managementClasses ?? []).filter((mc) => mc !== null);
  const sites = gdps.sites;
  // The declaration itself: two different sites, each with a cluster that is really there.
  sites.forEach((entry, index) => {
    const cluster = clusters.find((candidate) => candidate.id === entry.cluster);
    if (cluster === undefined) problems.push(configError('unknown-reference', ['gdps', 'sites', index, 'cluster'], `cluster ${entry.cluster} is not defined in clusters`, { found: String(entry.cluster) }));
    else if (cluster.site !== entry.site) {
      problems.push(configError('unknown-reference', ['gdps', 'sites', index, 'site'], `cluster ${entry.cluster} is at site "${cluster.site}", not "${entry.site}"`, { expected: `site: ${cluster.site}, or the cluster at ${entry.site}`, found: entry.site }));
    }
  });
  if (sites[0]?.site === sites[1]?.site) problems.push(configError('duplicate', ['gdps', 'sites', 1, 'site'], 'a GDPS sysplex spans two different sites', { found: sites[1]?.site ?? '' }));
  if (!sites.some((entry) => entry.site === gdps.production)) {
    problems.push(configError('unknown-reference', ['gdps', 'production'], `production site "${gdps.production}" is not one of the GDPS sites`, { expected: sites.map((entry) => entry.site).join(' or '), found: gdps.production }));
  }
  if (problems.length > 0) return problems;
  const [first, second] = sites as unknown as readonly [{ site: string; cluster: number }, { site: string; cluster: number }];
  const production = new Set(gdps.managementClasses ?? classes.map((mc) => mc.name));
  const atJobEnd = new Set(gdps.replicatedAtJobEnd ?? []);

  classes.forEach((mc, index) => {
    if (!production.has(mc.name)) return;
    const pointAt = (definedAt: number, target: number): string | undefined => mc.copyModes[String(definedAt)]?.[target];
    for (const [local, remote] of [
      [first, second],
      [second, first],
    ] as const) {
      const path = ['managementClasses', index, 'copyModes', String(local.cluster)];
      const own = pointAt(local.cluster, local.cluster);
      if (own === undefined) {
        problems.push(configWarning('gdps-local-copy-point', path, `${mc.name} has no definition on C${local.cluster}, the cluster local to GDPS site ${local.site}: a mount there cannot be sure of the local cache (GDPS-1)`, { rule: 'GDPS-1', expected: `a definition on C${local.cluster} with a copy point other than N for C${local.cluster}` }));
        continue;
      }
      if (own === 'N') {
        problems.push(
          configWarning('gdps-local-copy-point', path, `${mc.name} as defined on C${local.cluster} gives its own, local cluster No Copy: production at ${local.site} would do its I/O in the remote cache (GDPS-1, 11.8.1 step 1)`, {
            rule: 'GDPS-1',
            expected: `${atJobEnd.has(mc.name) ? 'R or S' : 'R, S or D'} for C${local.cluster} in the class as defined on C${local.cluster}`,
            found: mc.copyModes[String(local.cluster)] ?? '',
          }),
        );
      }
      const toRemote = pointAt(local.cluster, remote.cluster);
      if (atJobEnd.has(mc.name) && (own !== 'R' && own !== 'S' ? true : toRemote !== 'R' && toRemote !== 'S')) {
        problems.push(
          configWarning('gdps-replication-at-job-end', path, `${mc.name} must be replicated when the job closes, but as defined on C${local.cluster} it is "${mc.copyModes[String(local.cluster)] ?? ''}": RUN or Sync at both clusters (GDPS-1, 11.8.1 step 1)`, {
            rule: 'GDPS-1',
            expected: `R or S for C${local.cluster} and C${remote.cluster}`,
            found: mc.copyModes[String(local.cluster)] ?? '',
          }),
        );
      }
    }
    // In a site switch the local cluster changes: each site must see the same modes for "local" and "remote".
    const firstLocal = pointAt(first.cluster, first.cluster);
    const firstRemote = pointAt(first.cluster, second.cluster);
    const secondLocal = pointAt(second.cluster, second.cluster);
    const secondRemote = pointAt(second.cluster, first.cluster);
    if (firstLocal !== undefined && secondLocal !== undefined && (firstLocal !== secondLocal || firstRemote !== secondRemote)) {
      problems.push(
        configWarning('gdps-copy-modes-differ', ['managementClasses', index, 'copyModes', String(second.cluster)], `${mc.name} gives the local cluster ${firstLocal} and the remote ${firstRemote ?? 'N'} at ${first.site}, but ${secondLocal} and ${secondRemote ?? 'N'} at ${second.site}: after a site switch the copy policy changes (GDPS-1, 11.8.1 step 1)`, {
          rule: 'GDPS-1',
          expected: `local ${firstLocal} and remote ${firstRemote ?? 'N'} as seen from C${second.cluster} too`,
          found: `local ${secondLocal}, remote ${secondRemote ?? 'N'}`,
        }),
      );
    }
  });

  for (const entry of [first, second]) {
    const index = (config.clusters ?? []).findIndex((cluster) => cluster?.id === entry.cluster);
    const cluster = clusters.find((candidate) => candidate.id === entry.cluster);
    for (const override of overrides) {
      if (cluster?.copyPolicyOverride?.[override.key] === true) continue;
      problems.push(
        configWarning('gdps-override-missing', ['clusters', index, 'copyPolicyOverride', override.key], `C${entry.cluster} (GDPS site ${entry.site}) does not set "${override.words}": both clusters need it for I/O to stay local (GDPS-1, 11.8.1 steps ${override.step} and 5)`, {
          rule: 'GDPS-1',
          expected: `${override.key}: true on C${first.cluster} and C${second.cluster}`,
        }),
      );
    }
  }

  (config.hosts ?? []).forEach((host, index) => {
    if (host === null) return;
    const local = [first, second].find((entry) => entry.site === host.site);
    const remote = [first, second].find((entry) => entry.site !== host.site);
    if (local === undefined || remote === undefined || !host.online.includes(remote.cluster)) return;
    problems.push(
      configWarning('gdps-remote-devices-online', ['hosts', index, 'online'], `GDPS host ${host.name} at ${host.site} has the devices of the remote cluster C${remote.cluster} online in normal running (GDPS-1, 11.8.1)`, {
        rule: 'GDPS-1',
        expected: `online: [${local.cluster}]; vary C${remote.cluster} online only when C${local.cluster} is down (GDPS-4)`,
        found: `[${host.online.join(', ')}]`,
      }),
    );
  });
  return problems;
}
