import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RuleReference } from './sourceIndex.js';

/**
 * The map from rule ids to the code and tests that name them, as the build wrote it
 * (`scripts/traceability.mjs`, run by `npm run build`, reads the sources with ts-morph). It ships with
 * the package, so a report needs neither ts-morph nor the project's TypeScript sources at run time.
 */
export const ruleReferencesFile = join('dist', 'traceability', 'rule-references.json');

/** The rule references shipped in the package at `packageRoot`. */
export function readRuleReferences(packageRoot: string): RuleReference[] {
  return JSON.parse(readFileSync(join(packageRoot, ruleReferencesFile), 'utf8')) as RuleReference[];
}
