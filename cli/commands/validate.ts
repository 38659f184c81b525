// Direct module imports, not the folders' indexes: validate is the command that must start fast (bench/startup.mjs).
import { loadConfig } from '../../config/load.js';
import { renderGridSummary } from '../../reports/gridSummary.js';
import { renderProblems } from '../../reports/problems.js';
import { exitCodes, type CommandIO } from '../io.js';
import type { OutputChoice } from '../outputChoice.js';

/** Help text of `tapegrid validate`. */
export const validateHelp = `Usage: tapegrid validate <config.yaml|json> [--strict] [--json]

Checks a grid configuration and prints a summary of the grid (clusters, links,
hosts, copy policies as a matrix, categories, runbook), or every problem found,
each with its file position, field path, what was expected and what was found.
Rule-level findings (a GDPS override missing, one copy of a class that must
survive, ...) are warnings: the file is valid and the other commands run.

Options:
  --strict     exit 1 when there are warnings (a CI gate; the same as --fail-on warning)
  --format F   text, json, junit (a JUnit XML report) or sarif (SARIF 2.1.0: findings at the line
               and column of the field, for code review tools)
  --fail-on R  what exits 1: a comma-separated list of violation, target, warning
  --json       { ok, file, problems[], warnings[], summary }: problems are the errors,
               each with severity, code, path, message, line and column; summary
               counts clusters, sites, hosts, classes and link pairs (null when invalid)
  --no-color   plain text (also NO_COLOR=1)

Examples:
  tapegrid validate examples/three-cluster-ha-dr.yaml
  tapegrid validate my-grid.yaml --json | jq '.problems[].path'
  tapegrid validate examples/unsafe/gdps/override-missing.yaml --strict

Exit codes: 0 valid (warnings allowed), 1 warnings with --strict, 2 invalid or unreadable.`;

/** The summary \`validate --json\` gives of a valid configuration. */
export interface ValidateSummary {
  readonly grid: string;
  readonly clusters: number;
  readonly sites: readonly string[];
  readonly hosts: number;
  readonly managementClasses: number;
  readonly linkPairs: number;
  readonly drTest: boolean;
  readonly gdps: boolean;
  readonly warnings: number;
}

/** `tapegrid validate`: 0 when valid (warnings allowed), 2 when not. */
export async function runValidate(file: string, options: { json: boolean; strict?: boolean; output?: OutputChoice }, io: CommandIO): Promise<number> {
  const result = await loadConfig(file);
  const ci = options.output?.format === 'junit' || options.output?.format === 'sarif' ? options.output : null;
  if (ci !== null) {
    // Loaded only when asked for: validate is the command that must start fast (bench/startup.mjs).
    const [{ validateCases }, { writeCiReport }] = await Promise.all([import('../../reports/ciReport.js'), import('../ciOutput.js')]);
    writeCiReport(validateCases(file, result.ok ? result.warnings : result.problems), ci, io);
    if (!result.ok) return exitCodes.badInput;
    return (options.strict === true || ci.failOn.has('warning')) && result.warnings.length > 0 ? exitCodes.failed : exitCodes.ok;
  }
  if (!result.ok) {
    if (options.json) {
      const errors = result.problems.filter((problem) => problem.severity === 'error');
      io.out(JSON.stringify({ ok: false, file, problems: errors, warnings: result.problems.filter((problem) => problem.severity !== 'error'), summary: null }, null, 2));
    }
    else {
      const errors = result.problems.filter((problem) => problem.severity === 'error').length;
      io.err(`${io.style.red(`${file}: ${errors} error${errors === 1 ? '' : 's'}`)}${result.problems.length > errors ? `, ${result.problems.length - errors} warning(s)` : ''}`);
      io.err(renderProblems(file, result.problems, io.style));
    }
    return exitCodes.badInput;
  }
  const failsStrict = (options.strict === true || options.output?.failOn.has('warning') === true) && result.warnings.length > 0;
  if (options.json) {
    const summary: ValidateSummary = {
      grid: result.definition.name,
      clusters: result.definition.clusters.length,
      sites: [...new Set(result.definition.clusters.map((cluster) => cluster.site))],
      hosts: result.definition.hosts.length,
      managementClasses: result.definition.managementClasses.length,
      linkPairs: result.definition.links.length,
      drTest: result.config.drTest !== undefined,
      gdps: result.config.gdps !== undefined,
      warnings: result.warnings.length,
    };
    io.out(JSON.stringify({ ok: !failsStrict, file, problems: [], warnings: result.warnings, summary }, null, 2));
    return failsStrict ? exitCodes.failed : exitCodes.ok;
  }
  io.out(renderGridSummary(file, result.config, result.definition, io.style));
  if (result.warnings.length > 0) {
    io.out('');
    io.out(io.style.bold(`Warnings (${result.warnings.length})`));
    io.out(renderProblems(file, result.warnings, io.style));
  }
  io.out('');
  if (failsStrict) {
    io.out(io.style.yellow(`valid, but with ${result.warnings.length} warning${result.warnings.length === 1 ? '' : 's'} (--strict): ${file}`));
    return exitCodes.failed;
  }
  io.out(io.style.green(`valid: ${file}`));
  return exitCodes.ok;
}
