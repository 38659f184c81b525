import * as z from 'zod';
import { reportFormatVersion } from './reportData.js';

/** The published JSON Schema of report.json (its top level; nested results are described in words). */
export function reportJsonSchema(): Record<string, unknown> {
  const verdict = z.enum(['meets', 'at-risk', 'fails', 'info']);
  const schema = z
    .object({
      format: z.literal('tapegrid-report'),
      version: z.literal(reportFormatVersion).meta({ description: 'report format version; changes when fields change meaning' }),
      tool: z.object({ name: z.literal('tapegrid'), version: z.string() }),
      configFile: z.string(),
      notation: z.enum(['decimal', 'binary']).meta({ description: 'data units of every formatted size: decimal (TB = 10^12 B) or binary (TiB = 2^40 B), as the configuration wrote its sizes; exact numbers stay in base units (bytes, seconds)' }),
      grid: z.record(z.string(), z.unknown()).meta({ description: 'the grid definition the model ran on (clusters, links, hosts, classes, categories, options)' }),
      warnings: z.array(z.object({ severity: z.enum(['error', 'warning']), code: z.string(), path: z.array(z.union([z.string(), z.number()])), message: z.string() })),
      verification: z.object({
        grid: z.string(),
        exhaustive: z.union([z.record(z.string(), z.unknown()), z.null()]).meta({ description: 'the exhaustive search: scope (volumesPerHost, maxDepth, maxStates, maxFailures, symmetry), end (fixpoint, depth, max-states), completeDepth, distinctStates, generatedStates, coverage' }),
        random: z.union([z.object({ runs: z.number(), maxSteps: z.number(), seed: z.number(), maxFailures: z.number(), stepsExplored: z.number(), swarm: z.literal(true) }), z.null()]),
        verdicts: z.array(z.object({ status: z.enum(['proven-within-scope', 'no-counterexample', 'not-exercised', 'violated']), id: z.string(), title: z.string(), rules: z.array(z.string()) })),
        maxUncopiedAgeMinutes: z.number(),
      }),
      traces: z.record(z.string(), z.array(z.string())).meta({ description: 'counterexample traces as numbered lines, per violated invariant' }),
      whatIfs: z.array(z.object({ failure: z.string(), takeover: z.union([z.enum(['read', 'write']), z.null()]), result: z.record(z.string(), z.unknown()), prescribedRecovery: z.array(z.string()) })),
      runbooks: z
        .array(
          z.object({
            failure: z.string(),
            lostClusters: z.array(z.number()),
            survivors: z.array(z.number()),
            steps: z.array(z.object({ step: z.number(), action: z.string(), detail: z.string(), rules: z.array(z.string()), section: z.string() })),
            inDoubt: z.array(z.object({ from: z.number(), to: z.number(), volumes: z.union([z.number(), z.string()]), bytes: z.union([z.number(), z.string()]), classes: z.array(z.string()) })),
            jobsToRerun: z.union([z.number(), z.string()]),
            runningJobs: z.union([z.number(), z.null()]),
          }),
        )
        .meta({ description: 'one recovery runbook per likely failure (each cluster, each site, each pair of clusters\' links), steps in order with rule ids and seed sections' }),
      plan: z.union([
        z.object({
          grid: z.string(),
          notation: z.enum(['decimal', 'binary']),
          sections: z.array(z.object({ id: z.string(), title: z.string(), figures: z.array(z.object({ id: z.string(), title: z.string(), value: z.union([z.number(), z.string()]), unit: z.string(), display: z.string(), formula: z.string(), verdict, rules: z.array(z.string()) })) })),
          charts: z.array(z.record(z.string(), z.unknown())),
          recommendation: z.record(z.string(), z.unknown()),
          verdict,
          assumptions: z.array(z.object({ name: z.string(), value: z.string(), source: z.string() })),
        }),
        z.null(),
      ]),
      traceability: z.array(z.object({ id: z.string(), text: z.string().meta({ description: 'the rule in words (docs/DOMAIN.md)' }), sections: z.array(z.string()), status: z.enum(['violated', 'proven-within-scope', 'random-runs', 'checked', 'scenario', 'not-exercised', 'tested', 'not-covered']) })),
      executive: z
        .object({
          verdict: z.object({ safe: z.boolean(), sentence: z.string() }),
          targets: z.array(z.object({ figure: z.string(), title: z.string(), value: z.string(), target: z.string(), verdict: z.enum(['meets', 'at-risk', 'fails']), margin: z.string() })),
          moreTargets: z.number(),
          actions: z.array(z.object({ what: z.string(), when: z.string(), cost: z.union([z.number(), z.null()]) })),
          risks: z.array(z.string()),
        })
        .meta({ description: 'the manager\'s summary: the verdict in one sentence (safe within what scope, or the shortest way it fails), targets worst first with their margin, what to buy or change and by when under the configured growth, and at most three risks' }),
      summary: z.object({ safe: z.boolean(), violated: z.array(z.string()), targetsMet: z.union([z.boolean(), z.null()]), failingFigures: z.array(z.string()), toBuy: z.array(z.string()), notCovered: z.array(z.string()) }),
    })
    .meta({ title: 'tapegrid report', description: 'report.json written by `tapegrid report`; infinite figures are the string "Infinity".' });
  return { ...(z.toJSONSchema(schema, { target: 'draft-2020-12' }) as Record<string, unknown>), $id: 'https://tapegrid.invalid/schema/report.schema.json' };
}
