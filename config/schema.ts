import * as z from 'zod';
import type { Dimension, UnitParser } from './quantity.js';
import { configDefaults } from './defaults.js';
import { invariantIdPattern } from '../properties/invariantIds.js';
import { addFieldExamples } from './schemaExamples.js';
import { dimensionExamples } from './quantity.js';
import { linkCapacityPattern, quantityPattern } from './unitGrammar.js';

/** One realistic value per dimension, shown by editors beside the pattern. */
const quantityExamples: Readonly<Record<Dimension, string>> = { data: '442 TB', rate: '4 TB/day', length: '80 km', duration: '20 min' };

/**
 * The configuration file format, as zod schemas. One source for three things: validation of the
 * user's file, the TypeScript type of a parsed file, and the published JSON Schema
 * (`schema/tapegrid.schema.json`). Quantities carry the pattern of their dimension
 * (config/unitGrammar.ts) in the JSON Schema; validation parses them when a parser is given.
 */

/** Drive generations of the reference catalog (PLANNING.md). */
export const driveTypes = ['J1A', 'E05', 'E06', 'E07', 'E08', '55F', '60F', '70F'] as const;

const categoryPattern = /^[0-9A-F]{4}$/;

function category(description: string, fallback?: string) {
  return z
    .string()
    .regex(categoryPattern, { message: 'expected a category of 4 upper-case hex digits in quotes, such as "000F"' })
    .meta({ description, examples: ['0002', '000F', 'FF00'], ...(fallback === undefined ? {} : { default: fallback }) });
}

function buildSchema(units: UnitParser | null) {
  /**
   * A quantity with units. Bounds are in the dimension's base unit (bytes, bytes per second, metres,
   * seconds): `positive` refuses zero where zero makes no physical sense (a volume of 0 bytes would
   * divide every count by zero), `max` caps what keeps a command bounded. The message names the range
   * in the user's terms.
   */
  const quantity = (dimension: Dimension, description: string, bounds: { readonly max?: number; readonly positive?: boolean; readonly range?: string; readonly default?: string } = {}) => {
    // The pattern is for editors (JSON Schema); validation parses the text, which says more than "no match".
    const base = z.string().meta({ description: `${description}: ${dimensionExamples[dimension]}`, pattern: quantityPattern(dimension), examples: [bounds.default ?? quantityExamples[dimension]], ...(bounds.default === undefined ? {} : { default: bounds.default }) });
    if (units === null) return base;
    return base.superRefine((text, context) => {
      const parsed = units.quantity(text, dimension);
      if (!parsed.ok) {
        context.addIssue({ code: 'custom', message: parsed.problem, params: { tapegridCode: parsed.foundDimension === undefined ? 'invalid-unit' : 'dimension-mismatch', expected: dimensionExamples[dimension] } });
      } else if (bounds.positive === true && parsed.value.value <= 0) {
        context.addIssue({ code: 'custom', message: `${text} is zero; ${description} must be above zero`, params: { tapegridCode: 'out-of-range', expected: bounds.range ?? `a ${dimension} above zero, such as ${dimensionExamples[dimension]}` } });
      } else if (bounds.max !== undefined && parsed.value.value > bounds.max) {
        context.addIssue({ code: 'custom', message: `${text} is more than allowed here`, params: { tapegridCode: 'out-of-range', expected: bounds.range ?? description } });
      }
    });
  };
  const linkCapacity = () => {
    const base = z.string().meta({ description: 'number of links (1 to 16) times the speed of each, such as "2 x 10 Gb/s" or "4 x 1 Gb/s"', pattern: linkCapacityPattern, examples: ['2 x 10 Gb/s'] });
    if (units === null) return base;
    return base.superRefine((text, context) => {
      const parsed = units.linkCapacity(text);
      if (!parsed.ok) context.addIssue({ code: 'custom', message: parsed.problem, params: { tapegridCode: 'invalid-unit', expected: '"count x speed", such as "2 x 10 Gb/s"' } });
    });
  };
  const clusterId = z.int().min(0).max(7).meta({ description: 'cluster number 0 to 7' });
  const fraction = z.number().min(0).max(1);

  const aotm = z.strictObject({
    enabled: z.boolean().meta({ description: 'AOTM configured by the SSR for this cluster (OWN-8)' }),
    mode: z.enum(['read', 'write']).meta({ description: 'takeover mode AOTM enables when the peer is found down' }),
    gracePeriod: quantity('duration', 'wait before the TSSC check (seed: 20 min; later documentation: 10 to 1000 min, default 25)', { default: configDefaults.aotmGracePeriod }).optional(),
    retryPeriod: quantity('duration', 'wait between later checks (later documentation: 5 to 100 min, default 5)', { default: configDefaults.aotmRetryPeriod }).optional(),
    peers: z.array(z.int().min(0).max(7)).optional().meta({ description: 'the peer clusters AOTM may take over (default: every peer); one survivor per peer avoids OWN-13' }),
    tsscNetwork: z
      .enum(['independent', 'same-tssc', 'shared-with-grid-links'])
      .meta({ description: 'how the TSSCs reach each other; the seed requires a network other than the grid links (TOP-4)' }),
  });

  const codeLevel = z.string().regex(/^\d+(\.\d+){0,4}$/, { message: 'expected a code level of dotted numbers, such as "8.21.0.100"' });

  const physical = z.strictObject({
    drives: z.int().min(0).max(16).meta({ description: 'physical tape drives' }),
    driveType: z.enum(driveTypes).meta({ description: 'drive generation (sets cartridge capacity in the catalog)' }),
    pools: z
      .array(
        z.strictObject({
          id: z.int().min(1).max(32).meta({ description: 'physical pool number 1 to 32' }),
          role: z.enum(['primary', 'secondary']).optional().meta({ description: 'primary pool, or secondary pool (a Copy Export pool is secondary, CE-1); default primary' }),
          reclaimPool: z.int().min(1).max(32).optional().meta({ description: 'pool that reclaimed data moves to (default: the pool itself; a Copy Export pool must reclaim into itself, CE-3)' }),
        }),
      )
      .optional()
      .meta({ description: 'physical volume pools of the library' }),
    ioStation: z.boolean().optional().meta({ description: 'the library has an I/O station (needed by Copy Export, CE-5)' }),
    codeLevel: codeLevel.optional().meta({ description: 'microcode level, e.g. "8.21.0.100" (a Copy Export Recovery target needs the same or later, CER-1)' }),
    encrypted: z.boolean().optional().meta({ description: 'cartridges written encrypted (a recovery target needs the key manager, CER-1)' }),
  });

  const cluster = z.strictObject({
    id: clusterId,
    name: z.string().min(1).max(32).meta({ description: 'cluster name as operators say it, e.g. "PROD-A"', examples: ['CL0'] }),
    site: z.string().min(1).max(64).meta({ description: 'site the cluster stands at; clusters with the same site are lost together in a site disaster', examples: ['production'] }),
    kind: z.enum(['disk-only', 'tape-attached']).meta({ description: 'disk-only (TS7720 style) or tape-attached (TS7740 style)' }),
    cache: quantity('data', 'usable tape volume cache', { positive: true }),
    cacheOccupied: quantity('data', 'data in this cluster\'s cache that cannot leave it while the grid links are broken, at the moment they break (default: a disk-only cluster full to its auto-removal threshold; a tape-attached one holding its deferred backlog)').optional(),
    virtualDevices: z.int().min(1).max(496).optional().meta({ description: 'virtual devices (TOP-1: 256 by default, 496 with the larger feature)', default: configDefaults.virtualDevices }),
    tssc: z.string().optional().meta({ description: 'name of the TSSC the cluster is attached to' }),
    physical: physical.optional().meta({ description: 'drives and pools of a tape-attached cluster' }),
    copyExport: z
      .strictObject({
        pools: z.array(z.int().min(1).max(32)).min(1).meta({ description: 'secondary physical pools that Copy Export takes out of the library (CE-1)' }),
        exportedLimit: z.int().min(1).max(10000).optional().meta({ description: 'exported physical volumes allowed (CE-6: 2,000 by default, up to 10,000)' }),
      })
      .optional()
      .meta({ description: 'secondary pools exported by Copy Export (tape-attached only, CE-1)' }),
    aotm: aotm.optional().meta({ description: 'Autonomic Ownership Takeover Manager of this cluster (OWN-8, OWN-13)' }),
    copyPolicyOverride: z
      .strictObject({
        preferLocalForScratchMounts: z.boolean().optional().meta({ description: 'scratch mounts use the local cache even when a peer would be chosen (TVC-1; default false)' }),
        preferLocalForPrivateMounts: z.boolean().optional().meta({ description: 'private mounts use the local cluster when it has a valid copy (TVC-1; default false)' }),
        forceLocalCopy: z.boolean().optional().meta({ description: 'always make a copy in the local cache at mount (TVC-1; default false)' }),
        runCopiesBeforeComplete: z.int().min(1).max(8).optional().meta({ description: 'allow fewer RUN copies before RUN completes (CCP-5: weakens RUN)' }),
      })
      .optional()
      .meta({ description: 'cluster settings that change which cache a mount uses (TVC-1, CCP-5)' }),
    writeProtect: z
      .strictObject({
        enabled: z.boolean().optional().meta({ description: 'write protect on at this cluster: hosts cannot write or change volumes outside the excluded categories (WP-1; default false)' }),
        excludedCategories: z.array(category('category excluded from write protect')).optional().meta({ description: 'categories the DR test host may still write (WP-2), e.g. its own scratch and private categories' }),
        ignoreFastReady: z.boolean().optional().meta({ description: 'ignore fast ready characteristics of write-protected categories (WP-3)' }),
      })
      .optional()
      .meta({ description: 'write protect of this cluster, set for a DR test (WP-1 to WP-3, 11.10.1)' }),
    autoRemoval: z
      .strictObject({
        enabled: z.boolean().meta({ description: 'disk-only auto-removal on: volumes with copies elsewhere leave the cache when it fills (default on)' }),
        removalThreshold: quantity('data', 'free space below which auto-removal starts (reference 4 TB)', { default: configDefaults.removalThreshold }).optional(),
        outOfCache: quantity('data', 'free space below which the cluster is out of cache (reference 1 TiB)', { default: configDefaults.outOfCache }).optional(),
      })
      .optional()
      .meta({ description: 'auto-removal of a disk-only cluster\'s cache (TVC-4)' }),
    keepCopiesInCache: z.boolean().optional().meta({ description: 'COPYFSC: keep copies from peers in cache as PG1 instead of PG0 (TVC-3, CCP-9)' }),
  });

  const gridLink = z.strictObject({
    between: z.tuple([clusterId, clusterId]).meta({ description: 'the two clusters the links join' }),
    links: linkCapacity(),
    distance: quantity('length', 'distance between the sites: the fibre route length, or the straight site-to-site distance when distanceKind is site-to-site', { max: 2e7, range: 'a distance of at most 20,000 km, such as "80 km"' }),
    distanceKind: z.enum(['fibre-route', 'site-to-site']).optional().meta({ description: 'fibre-route (default): the distance is the fibre length and is used as given; site-to-site: the planner multiplies it by the catalog route factor', default: 'fibre-route' }),
    roundTrip: quantity('duration', 'measured round-trip time (overrides the estimate from distance)', { positive: true, max: 10, range: 'a round trip above zero and at most 10 s, such as "12 ms"' }).optional(),
    efficiency: z.number().gt(0).max(1).optional().meta({ description: 'share of line rate that copies achieve, above 0 and at most 1 (default 0.85)', default: configDefaults.linkEfficiency, examples: [0.85] }),
    copyShare: z.number().gt(0).max(1).optional().meta({ description: 'share of the links available to grid copies, above 0 and at most 1 (default 1)', default: configDefaults.copyShare, examples: [0.5] }),
    tcpWindow: quantity('data', 'TCP window per copy stream', { positive: true }).optional(),
    streams: z.int().min(1).max(256).optional().meta({ description: 'concurrent copy streams' }),
    lossRate: z.number().min(0).max(0.5).optional().meta({ description: 'packet loss rate (Mathis bound)' }),
  });

  const host = z.strictObject({
    name: z.string().min(1).max(32).meta({ description: 'host (LPAR or sysplex) name, e.g. "SYSA"', examples: ['PROD'] }),
    site: z.string().min(1).max(64).meta({ description: 'site the host runs at; a site disaster takes it down with the site\'s clusters', examples: ['production'] }),
    online: z.array(clusterId).meta({ description: 'clusters whose virtual devices this host has online' }),
    standby: z
      .array(clusterId)
      .optional()
      .meta({ description: 'clusters this host is cabled to whose devices are offline in normal running: a GDPS host\'s remote cluster, varied online only when its local cluster is down (GDPS-4, 11.8.1)' }),
    pathsPerCluster: z.int().min(1).max(8).optional().meta({ description: 'host links (FICON paths) to each cluster; 2 or more give an alternate path (TOP-3)', default: configDefaults.pathsPerCluster }),
    scratchCategory: category('scratch (MEDIA) category this host mounts from'),
    privateCategory: category('private category this host files volumes in'),
    role: z.enum(['production', 'dr-test']).optional().meta({ description: 'production host, or the DR test host' }),
    takesOverProduction: z.boolean().optional().meta({ description: 'in a real disaster this host runs production from a copy of the production catalog (DRT-7); verify explores that phase' }),
  });

  const managementClass = z.strictObject({
    name: z.string().regex(/^[A-Z$#@][A-Z0-9$#@]{0,7}$/, { message: 'expected a construct name: 1 to 8 upper-case letters, digits, $, # or @' }).meta({ description: 'management class name as defined on the clusters (1 to 8 characters)', examples: ['MCPROD'] }),
    description: z.string().optional().meta({ description: 'what the class is for, shown in reports' }),
    copyModes: z
      .record(z.string().regex(/^[0-7]$/, { message: 'expected a cluster number 0 to 7' }), z.string())
      .meta({ description: 'copy consistency points per defining cluster, one letter per cluster: {"0": "RNDN", "1": "NRND"}' }),
    secondaryPool: z
      .record(z.string().regex(/^[0-7]$/, { message: 'expected a cluster number 0 to 7' }), z.int().min(1).max(32))
      .optional()
      .meta({ description: 'secondary physical pool per defining cluster (Copy Export: the pool exported, CE-1)' }),
  });

  const scratchCategory = z.strictObject({
    id: category('scratch (Fast Ready) category'),
    name: z.string().optional().meta({ description: 'name of the category, e.g. the MEDIA2 it stands for', examples: ['MEDIA2'] }),
    expireHold: z
      .union([quantity('duration', 'expire time with hold: a volume returned to this category can be neither mounted nor reused until it passes, and Delete Expire then deletes its data (CAT-2, CAT-5)'), z.literal('none')])
      .optional()
      .meta({ description: 'expire time with hold, or "none" (CAT-2, CAT-5)' }),
    deleteExpire: z
      .union([quantity('duration', 'expire time without hold: Delete Expire deletes the data of a volume this long after it was returned to this category; it can be reused at once (CAT-5)'), z.literal('none')])
      .optional()
      .meta({ description: 'expire time without hold, or "none" (CAT-5)' }),
    clusters: z.array(clusterId).min(1).optional().meta({ description: 'the clusters whose MI defines this category as Fast Ready (default: every cluster; CAT-1, 11.10.1 step 4)' }),
  });

  const categories = z.strictObject({
    insert: category('the insert category (always excluded from write protect, WP-2)', configDefaults.insertCategory).optional(),
    scratch: z.array(scratchCategory).min(1).max(64).meta({ description: 'scratch (Fast Ready) categories hosts mount scratch volumes from (CAT-1)' }),
    private: z.array(category('private category')).max(64).optional().meta({ description: 'private categories, where written volumes are filed' }),
    error: z.array(category('error category')).max(64).optional().meta({ description: 'error categories, where the TMS puts volumes it refuses' }),
  });

  const takeoverRule = z.strictObject({
    mode: z.enum(['read', 'write']).meta({ description: 'read takeover (volumes of the failed cluster can be read) or write takeover (also written and scratched; OWN-5, OWN-6)' }),
    at: z.array(clusterId).optional().meta({ description: 'clusters where operators may set it (default: all)' }),
    of: z.array(clusterId).optional().meta({ description: 'clusters it may be set for (default: all)' }),
    when: z
      .enum(['cluster-confirmed-down', 'owner-unreachable'])
      .meta({ description: 'confirmed down (safe), or as soon as the owner does not answer (allows the WOT-while-alive mistake)' }),
    duringDrTest: z.boolean().optional().meta({ description: 'also allowed while a DR test runs (OWN-9 forbids write)' }),
  });

  const workload = z.strictObject({
    cluster: clusterId,
    dailyWrite: quantity('rate', 'host data written per day through this cluster'),
    peakHourShare: fraction.optional().meta({ description: 'share of the day\'s data written in the busiest hour, 0 to 1 (default: the catalog\'s 0.1)', examples: [0.1] }),
    hourlyProfile: z.array(z.number().min(0)).length(24).optional().meta({ description: '24 hourly weights, hour 0 first' }),
    averageVolumeSize: quantity('data', 'average logical volume size', { positive: true, max: 1e12, range: 'a volume size above zero and at most 1 TB, such as "4000 MiB"' }),
    largestVolumeSize: quantity('data', 'largest logical volume size written here (default: the largest of the catalog reference sizes and the average); RPO is judged on it', { positive: true, max: 1e12, range: 'a volume size above zero and at most 1 TB, such as "25000 MiB"' }).optional(),
    compression: z.number().min(1).max(20).optional().meta({ description: 'host bytes per stored byte (default 2)', default: 2, examples: [2.5] }),
    managementClasses: z.record(z.string(), fraction).meta({ description: 'share of the data in each management class' }),
    peakConcurrentMounts: z.int().min(0).optional().meta({ description: 'most volumes mounted at once at the peak; checked against the cluster\'s virtual devices (TOP-1)' }),
  });

  const targets = z.strictObject({
    rpo: z.record(z.string(), quantity('duration', 'recovery point objective')).optional().meta({ description: 'recovery point objective per management class, e.g. {"MCPROD": "6 h"}: the most data (as time written) a disaster may lose (PLN-1, PLN-2)' }),
    survivesLossOfOneCluster: z.array(z.string()).optional().meta({ description: 'management classes whose data must survive the loss of any one cluster' }),
    drTestLength: quantity('duration', 'length of a DR test', { positive: true }).optional(),
    headroom: z.number().min(0).max(2).optional().meta({ description: 'plan for this much more daily data than configured, e.g. 0.2 for 20 % (default 0.2)', default: 0.2, examples: [0.2] }),
    daysResident: z.number().min(0).optional().meta({ description: 'days a volume should stay in cache after it is written, for the cache plan' }),
  });

  const drTest = z.strictObject({
    host: z.string().meta({ description: 'the DR test host (a host with role dr-test)' }),
    clusters: z.array(clusterId).min(1).meta({ description: 'the DR clusters the test uses' }),
    writeProtect: z.boolean().optional().meta({ description: 'enable write protect on those clusters for the test (their writeProtect settings; WP-1, 11.10.1)' }),
    links: z.enum(['kept', 'broken']).optional().meta({ description: 'links to production kept or broken during the test (DRT-1)' }),
    productionReturnToScratch: z.enum(['running', 'suspended']).optional().meta({ description: 'production return-to-scratch during the test (DRT-4, CAT-4)' }),
    removeFastReady: z.array(z.string().regex(/^[0-9A-F]{4}$/, { message: 'expected a category of 4 upper-case hex digits, such as "0002"' })).optional().meta({ description: 'production scratch categories whose Fast Ready attribute is removed at the DR clusters for the test (11.10.4 step 7, CAT-1)' }),
    takeoverWhenBroken: z.enum(['read', 'write', 'none']).optional().meta({ description: 'takeover set at the DR clusters when links are broken (11.9.9: read; never write, OWN-9)' }),
    length: quantity('duration', 'length of the DR test', { positive: true }).optional(),
    writesPerDay: quantity('rate', 'data the test host writes per day').optional(),
    procedure: z
      .enum(['two-cluster-swp', 'two-cluster-links-kept', 'two-cluster-links-broken', 'three-cluster-links-kept'])
      .optional()
      .meta({ description: 'the seed procedure the plan follows (11.10.1 to 11.10.4), for the checklist' }),
    testRange: z
      .strictObject({
        prefix: z.string().regex(/^[A-Z0-9]{1,3}$/, { message: 'expected 1 to 3 upper-case letters or digits, such as "TST"' }).meta({ description: 'first letters of the test VOLSERs', examples: ['TST'] }),
        insertBeforeBreak: z.boolean().optional().meta({ description: 'insert the range at the DR cluster before the links are broken (11.10.3 step 8; OWN-10)' }),
      })
      .optional()
      .meta({ description: 'the VOLSER range the test writes, inserted at the DR cluster (DRT-2)' }),
    testManagementClass: z.string().optional().meta({ description: 'management class of test writes; No Copy toward production (11.9.6, DRT-2)' }),
    tms: z
      .strictObject({
        production: z
          .strictObject({ rejectAnyUse: z.array(z.string()).optional().meta({ description: 'RMM REJECT ANYUSE(prefix*) on production, e.g. ["TST*"] (DRT-3)' }) })
          .optional()
          .meta({ description: 'rules of the production host\'s tape management system' }),
        test: z
          .strictObject({
            rejectOutput: z.array(z.string()).optional().meta({ description: 'RMM REJECT OUTPUT(prefix*) on the test host for production ranges (DRT-3)' }),
            returnToScratch: z.boolean().optional().meta({ description: 'return-to-scratch (HSKP EXPROC) runs on the test host (DRT-4: it must not)' }),
          })
          .optional()
          .meta({ description: 'rules of the DR test host\'s tape management system' }),
      })
      .optional()
      .meta({ description: 'tape management system rules on each side' }),
  });

  const requirementName = z
    .string()
    .regex(invariantIdPattern, { message: 'expected lower-case words joined by "-", such as "payroll-at-vault"' })
    .meta({ description: 'name of the requirement in verdicts, traces and replay strings', examples: ['payroll-at-vault'] });
  const requirement = z.discriminatedUnion('kind', [
    z.strictObject({
      name: requirementName,
      kind: z.literal('copy-at-site').meta({ description: 'every volume of the class has a consistent copy at a cluster of the site, at most a given time after its job ended' }),
      managementClass: z.string().meta({ description: 'the management class the requirement is about', examples: ['MCPROD'] }),
      site: z.string().min(1).max(64).meta({ description: 'the site that must hold a consistent copy', examples: ['vault'] }),
      within: quantity('duration', 'time after the job ends (rewind-unload) by which the copy must be there (default 0 min: when the job ends)').optional(),
      description: z.string().optional().meta({ description: 'why the requirement exists, shown in reports' }),
    }),
    z.strictObject({
      name: requirementName,
      kind: z.literal('no-write-takeover-during-dr-test').meta({ description: 'the cluster never takes write ownership of a production volume (one inserted for a production host) nor holds write takeover while a DR test runs (OWN-9)' }),
      cluster: clusterId.meta({ description: 'the cluster that must not take production volumes with write access during the test' }),
      description: z.string().optional().meta({ description: 'why the requirement exists, shown in reports' }),
    }),
  ]);

  const gdpsSite = z.strictObject({
    site: z.string().min(1).max(64).meta({ description: 'a site of the sysplex, as clusters and hosts name it' }),
    cluster: clusterId.meta({ description: 'the cluster local to that site' }),
  });

  return z
    .strictObject({
      $schema: z.string().optional().meta({ description: 'path or URL of this JSON Schema, for editors', examples: ['./node_modules/tapegrid/schema/tapegrid.schema.json'] }),
      grid: z
        .strictObject({
          name: z.string().min(1).meta({ description: 'name of the grid, shown in every output', examples: ['PRODGRID'] }),
          description: z.string().optional().meta({ description: 'one line on what the grid serves' }),
        })
        .meta({ description: 'the grid\'s name and purpose' }),
      clusters: z.array(cluster).min(1).max(8).meta({ description: 'the clusters of the grid, 1 to 8, each with a distinct id 0 to 7 (TOP-1)' }),
      // Upper bounds keep every command's time and memory bounded (issue 16); the limits are far above
      // any real grid (8 clusters, 28 link pairs) and named in the error message.
      gridLinks: z.array(gridLink).max(28).optional().meta({ description: 'WAN links between pairs of clusters (TOP-2)' }),
      hosts: z.array(host).max(64).optional().meta({ description: 'host systems and the clusters whose devices they have online (ASM-1)' }),
      categories: categories.meta({ description: 'volume categories: insert, scratch (Fast Ready), private and error (CAT-1 to CAT-5)' }),
      managementClasses: z.array(managementClass).min(1).max(256).meta({ description: 'management classes and their copy consistency points (CCP-1 to CCP-9)' }),
      runbook: z
        .strictObject({ takeover: z.array(takeoverRule).optional().meta({ description: 'takeovers operators may set, where, for whom and when (OWN-5 to OWN-7)' }) })
        .optional()
        .meta({ description: 'what operators may do in a failure; verify explores exactly these actions' }),
      gdps: z
        .strictObject({
          sites: z
            .tuple([
              gdpsSite,
              gdpsSite,
            ])
            .meta({ description: 'the two sites of the sysplex and the cluster local to each' }),
          production: z.string().min(1).max(64).meta({ description: 'the site that runs production now' }),
          managementClasses: z.array(z.string()).min(1).optional().meta({ description: 'classes of production data (default: every class)' }),
          replicatedAtJobEnd: z.array(z.string()).optional().meta({ description: 'classes whose data must be replicated when the job closes: RUN or Sync at both clusters (GDPS-1)' }),
        })
        .optional()
        .meta({ description: 'the grid serves a GDPS two-site sysplex (11.8, GDPS-1 to GDPS-5)' }),
      requirements: z
        .array(requirement)
        .max(64)
        .optional()
        .meta({ description: 'the team\'s own requirements, checked by verify like the built-in invariants in both layers, named in verdicts and traces' }),
      workload: z.array(workload).max(256).optional().meta({ description: 'host data written through each cluster, for the planner (PLN-1, PLN-4)' }),
      targets: targets.optional().meta({ description: 'what the plan must meet: RPO, survival of a cluster loss, DR test length, headroom' }),
      drTest: drTest.optional().meta({ description: 'a DR test run while production continues (11.9, 11.10)' }),
      growth: z
        .strictObject({
          perYear: z.number().min(-0.9).max(10).meta({ description: 'yearly growth of host data, e.g. 0.3 for 30 % a year' }),
          horizon: quantity('duration', 'planning horizon, e.g. "36 months"; at most 30 years', { max: 30 * 365.25 * 86400, positive: true, range: 'a horizon above zero and at most 30 years, such as "36 months"' }),
        })
        .optional()
        .meta({ description: 'growth of the workload over the planning horizon (PLN-4)' }),
      recoveryTarget: z
        .strictObject({
          cluster: clusterId.optional().meta({ description: 'cluster number the target is configured as (CER-1: must be 0; default 0)' }),
          kind: z.enum(['disk-only', 'tape-attached']).optional().meta({ description: 'default tape-attached (CER-1: it reads the cartridges)' }),
          standAlone: z.boolean().optional().meta({ description: 'not a member of a grid (CER-1; default true)' }),
          empty: z.boolean().optional().meta({ description: 'cache and database empty (CER-1; default true)' }),
          codeLevel: codeLevel.optional().meta({ description: 'microcode level: the same as the source cluster\'s or later (CER-1)' }),
          driveType: z.enum(driveTypes).optional().meta({ description: 'drive generation: must read the source\'s cartridges (CER-1)' }),
          keyManagerAccess: z.boolean().optional().meta({ description: 'reaches the key manager of encrypted cartridges (CER-1)' }),
          slots: z.int().min(0).max(100_000).optional().meta({ description: 'free cartridge slots in the target library (CER-1)' }),
        })
        .optional()
        .meta({ description: 'the cluster a Copy Export Recovery runs on (`tapegrid recover`, CER-1)' }),
      verification: z
        .strictObject({
          volumesPerHost: z.int().min(1).max(16).optional().meta({ description: 'scratch volumes per host in the exhaustive search (default 1)' }),
          depth: z.int().min(1).max(1000).optional().meta({ description: 'longest action sequence searched (default 12)' }),
          maxStates: z.int().min(1).max(50_000_000).optional().meta({ description: 'distinct states at most (default 10000)' }),
          failures: z.int().min(0).max(64).optional().meta({ description: 'components failed at once at most (default 2)' }),
        })
        .optional()
        .meta({ description: 'this grid\'s default scope for the exhaustive search of `tapegrid verify` and `report` (command-line options override it)' }),
      modelOptions: z
        .strictObject({
          syncDeferredOnWriteFailure: z.boolean().optional().meta({ description: 'when one Synchronous point cannot be written: true continues on the other and queues the copy (sync-deferred), false fails the write (CCP-4; default false, an assumption the seed leaves open)' }),
          undefinedClassOtherClusters: z.enum(['R', 'D', 'N']).optional().meta({ description: 'copy point the other clusters get when a class has no definition on the mount cluster, which keeps a RUN copy (default N, an assumption the seed leaves open)' }),
        })
        .optional()
        .meta({ description: 'choices where the seed leaves the model a choice (README, "Where the source is ambiguous")' }),
    })
    .meta({ title: 'tapegrid grid configuration', description: 'A virtual tape grid: clusters, links, hosts, policies, runbook and workload.' });
}

/** The schema that checks units with the given parser. */
export function configSchema(units: UnitParser) {
  return buildSchema(units);
}

/** The schema without unit checks, for the JSON Schema and for the types. */
export const structuralSchema = buildSchema(null);

/** A configuration file after structural validation (quantities still strings). */
export type GridConfigFile = z.infer<typeof structuralSchema>;

/** The JSON Schema of the configuration format, for editors. */
export function configJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(structuralSchema, { target: 'draft-2020-12' }) as Record<string, unknown>;
  addFieldExamples(schema);
  return { ...schema, $id: 'https://tapegrid.invalid/schema/tapegrid.schema.json' };
}
