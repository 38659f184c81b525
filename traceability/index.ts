/**
 * Traceability: the rules of DOMAIN.md, where the source names them (read with ts-morph), and their
 * status in a run. Only `tapegrid report` loads this (ts-morph is heavy).
 */
export { parseDomainRules, type DomainRule } from './domainRules.js';
export { scanSources, type RuleReference } from './sourceIndex.js';
export { traceabilityMatrix, type CoverageStatus, type RunCoverage, type TraceabilityRow } from './matrix.js';
