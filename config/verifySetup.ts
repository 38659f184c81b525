import type { LoadedConfig } from './load.js';
import { mustParse } from './quantity.js';
import type { Requirement } from '../properties/requirements.js';
import type { DrTestSetup, GdpsSetup, TakeoverRule, VerifySetup } from '../properties/setup.js';
import { defaultExhaustiveBounds, type ExhaustiveBounds } from '../properties/verify.js';
import type { GridConfigFile } from './schema.js';

/** Default number of scratch volumes each host starts with in an exploration. */
export const defaultVolumesPerHost = 4;

/** The verification setup of a loaded configuration: runbook, DR test, targets. */
export function buildVerifySetup(loaded: Pick<LoadedConfig, 'config' | 'definition' | 'units'>, volumesPerHost = defaultVolumesPerHost): VerifySetup {
  const { config, definition, units } = loaded;
  const runbook: TakeoverRule[] = (config.runbook?.takeover ?? []).map((rule) => ({
    mode: rule.mode,
    ...(rule.at === undefined ? {} : { at: rule.at }),
    ...(rule.of === undefined ? {} : { of: rule.of }),
    when: rule.when,
    duringDrTest: rule.duringDrTest ?? false,
  }));
  const drTest: DrTestSetup | null =
    config.drTest === undefined
      ? null
      : {
          host: config.drTest.host,
          clusters: config.drTest.clusters,
          writeProtect: config.drTest.writeProtect ?? false,
          links: config.drTest.links ?? 'kept',
          productionReturnToScratch: config.drTest.productionReturnToScratch ?? 'running',
          removeFastReady: config.drTest.removeFastReady ?? [],
          takeoverWhenBroken: config.drTest.takeoverWhenBroken ?? 'read',
          procedure: config.drTest.procedure ?? null,
          testRangePrefix: config.drTest.testRange?.prefix ?? null,
          insertBeforeBreak: config.drTest.testRange?.insertBeforeBreak ?? true,
          testManagementClass: config.drTest.testManagementClass ?? null,
          productionRejectAnyUse: config.drTest.tms?.production?.rejectAnyUse ?? [],
          testRejectOutput: config.drTest.tms?.test?.rejectOutput ?? [],
          testReturnToScratch: config.drTest.tms?.test?.returnToScratch ?? false,
          ...(config.drTest.length === undefined ? {} : { lengthMinutes: mustParse(units.quantity(config.drTest.length, 'duration')).value / 60 }),
        };
  const disasterHosts = (config.hosts ?? []).filter((host) => host.takesOverProduction === true).map((host) => host.name);
  const requirements: Requirement[] = (config.requirements ?? []).map((entry) =>
    entry.kind === 'copy-at-site'
      ? { kind: entry.kind, name: entry.name, managementClass: entry.managementClass, site: entry.site, withinMinutes: entry.within === undefined ? 0 : mustParse(units.quantity(entry.within, 'duration')).value / 60 }
      : { kind: entry.kind, name: entry.name, cluster: entry.cluster },
  );
  const gdpsSites = config.gdps?.sites.map((entry) => entry.site) ?? [];
  const gdps: GdpsSetup | null = config.gdps !== undefined && gdpsSites.length === 2 ? { sites: [gdpsSites[0] ?? '', gdpsSites[1] ?? ''], production: config.gdps.production } : null;
  return {
    definition,
    runbook,
    drTest,
    survivesLossOfOneCluster: config.targets?.survivesLossOfOneCluster ?? [],
    volumesPerHost,
    ...(disasterHosts.length === 0 ? {} : { disasterHosts }),
    ...(gdps === null ? {} : { gdps }),
    ...(requirements.length === 0 ? {} : { requirements }),
  };
}

/** The exhaustive search's default scope for this configuration: its `verification` section over the defaults. */
export function exhaustiveBoundsOf(config: GridConfigFile): ExhaustiveBounds {
  const own = config.verification;
  return {
    volumesPerHost: own?.volumesPerHost ?? defaultExhaustiveBounds.volumesPerHost,
    maxDepth: own?.depth ?? defaultExhaustiveBounds.maxDepth,
    maxStates: own?.maxStates ?? defaultExhaustiveBounds.maxStates,
    maxFailures: own?.failures ?? defaultExhaustiveBounds.maxFailures,
    symmetry: true,
  };
}
