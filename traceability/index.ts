/**
 * Traceability: the rules of DOMAIN.md, where the source names them (read with ts-morph at build
 * time into a shipped JSON map), and their status in a run. The scanner itself (ts-morph) is not
 * exported here: only the build script and the tests load it.
 */
export { parseDomainRules, type DomainRule } from './domainRules.js';
export type { RuleReference } from './sourceIndex.js';
export { readRuleReferences, ruleReferencesFile } from './ruleReferences.js';
export { traceabilityMatrix, type CoverageStatus, type RunCoverage, type TraceabilityRow } from './matrix.js';
