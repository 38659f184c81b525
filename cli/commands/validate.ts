import { loadConfig } from '../../config/index.js';
import { renderGridSummary, renderProblems } from '../../reports/index.js';
import { exitCodes, type CommandIO } from '../io.js';

/** Help text of `tapegrid validate`. */
export const validateHelp = `Usage: tapegrid validate <config.yaml|json> [--json]

Checks a grid configuration and prints a summary of the grid (clusters, links,
hosts, copy policies as a matrix, categories, runbook), or every problem found,
each with its file position, field path, what was expected and what was found.

Options:
  --json       print the result as JSON (the parsed grid, or the problems)
  --no-color   plain text (also NO_COLOR=1)

Examples:
  tapegrid validate examples/three-cluster-ha-dr.yaml
  tapegrid validate my-grid.yaml --json | jq '.problems[].path'

Exit codes: 0 valid (warnings allowed), 2 invalid or unreadable.`;

/** `tapegrid validate`: 0 when valid (warnings allowed), 2 when not. */
export async function runValidate(file: string, options: { json: boolean }, io: CommandIO): Promise<number> {
  const result = await loadConfig(file);
  if (!result.ok) {
    if (options.json) io.out(JSON.stringify({ file, valid: false, problems: result.problems }, null, 2));
    else {
      const errors = result.problems.filter((problem) => problem.severity === 'error').length;
      io.err(`${io.style.red(`${file}: ${errors} error${errors === 1 ? '' : 's'}`)}${result.problems.length > errors ? `, ${result.problems.length - errors} warning(s)` : ''}`);
      io.err(renderProblems(file, result.problems, io.style));
    }
    return exitCodes.badInput;
  }
  if (options.json) {
    io.out(JSON.stringify({ file, valid: true, problems: result.warnings, grid: result.definition, config: result.config }, null, 2));
    return exitCodes.ok;
  }
  io.out(renderGridSummary(file, result.config, result.definition, io.style));
  if (result.warnings.length > 0) {
    io.out('');
    io.out(io.style.bold(`Warnings (${result.warnings.length})`));
    io.out(renderProblems(file, result.warnings, io.style));
  }
  io.out('');
  io.out(io.style.green(`valid: ${file}`));
  return exitCodes.ok;
}
