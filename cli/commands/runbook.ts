import { buildPlanInputs } from '../../config/index.js';
import { buildVerifySetup } from '../../config/verifySetup.js';
import { failureRunbook, parseFailure } from '../../scenarios/index.js';
import { renderRunbook, runbookMarkdown } from '../../reports/index.js';
import { loadCatalogOrReport, loadConfigOrReport } from '../load.js';
import { exitCodes, toJson, type CommandIO } from '../io.js';

/** Help text of `tapegrid runbook`. */
export const runbookHelp = `Usage: tapegrid runbook <config> --fail FAILURE [--markdown] [--json]

Writes the operator's recovery steps for one failure of this grid, in order, each with its rule ids
and seed section: the ownership takeover to set and where (or that AOTM will do it), devices to vary
online, the volumes in doubt and the jobs to rerun (from the configured workload and link capacity),
classes to change for two copies of new data, and what to do when the lost clusters return.

Options:
  --fail FAILURE   C0, site:NAME, links:0-1, link:0-1:2 or hostlink:HOST:0
  --markdown       the runbook as a Markdown checklist
  --json           the runbook as data
  --catalog FILE   planning defaults for the in-doubt figures (default: catalog/reference.yaml)

Examples:
  tapegrid runbook examples/gdps-two-site.yaml --fail site:east
  tapegrid runbook examples/two-cluster-dr.yaml --fail C0 --markdown > runbook.md

Exit codes: 0 written, 2 bad input.`;

/** \`tapegrid runbook\`. */
export async function runRunbook(file: string, options: { json: boolean; markdown: boolean; fail?: string; catalog?: string }, io: CommandIO): Promise<number> {
  if (options.fail === undefined || options.fail.trim() === '') {
    io.err(`tapegrid runbook: --fail is required\n\n${runbookHelp}`);
    return exitCodes.badInput;
  }
  const loaded = await loadConfigOrReport(file, io, options.json);
  if (loaded === null) return exitCodes.badInput;
  const spec = parseFailure(options.fail, loaded.definition);
  if (typeof spec === 'string') {
    io.err(`tapegrid runbook: --fail ${options.fail}: ${spec}`);
    return exitCodes.badInput;
  }
  let inputs = null;
  if ((loaded.config.workload ?? []).length > 0) {
    const catalog = await loadCatalogOrReport(loaded, io, options.catalog);
    if (catalog === null) return exitCodes.badInput;
    inputs = buildPlanInputs(loaded.config, loaded.units, catalog.catalog);
  }
  const setup = buildVerifySetup(loaded);
  const runbook = failureRunbook(loaded.definition, setup.runbook, inputs, spec, setup.gdps);
  if (options.json) io.out(toJson({ file, ...runbook }));
  else if (options.markdown) io.out(runbookMarkdown(runbook, file));
  else io.out(renderRunbook(runbook, file, io.style));
  return exitCodes.ok;
}
