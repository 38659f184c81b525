import { buildPlanInputs, buildVerifySetup } from '../../config/index.js';
import { loadCatalogOrReport, loadConfigOrReport } from '../load.js';
import { buildPlan } from '../../planner/index.js';
import { checkDrPlan, whyEachStep } from '../../properties/index.js';
import { renderChecklist, renderDrTest } from '../../reports/index.js';
import { exitCodes, toJson, type CommandIO } from '../io.js';
import { createProgress, verifyProgressBar } from '../progress.js';

/** Help text of `tapegrid drtest`. */
export const drTestHelp = `Usage: tapegrid drtest <config> [--checklist] [--runs N] [--seed S] [--json]

Checks the DR test plan of a configuration (its drTest section): production and the test run
together through the model (both hosts mounting, writing, returning to scratch; the link break and
restore if the plan breaks them) and every guarantee is checked: the test never changes a production
volume, production never reuses or scratches a volume the test needs, no test data reaches
production, no dual ownership (OWN-9), the test can write its own data. Then each safeguard of the plan
is removed in turn ("why each step") to show the counterexample its removal allows, or that it was
not needed within this plan's scope. With --checklist it prints the ordered operator checklist (Markdown).

Examples:
  tapegrid drtest examples/drtest/two-cluster-swp.yaml
  tapegrid drtest examples/drtest/two-cluster-links-broken.yaml --checklist > checklist.md

Exit codes: 0 the plan is safe, 1 it is not, 2 bad input.`;

/** \`tapegrid drtest\`. */
export async function runDrTest(file: string, options: { json: boolean; checklist: boolean; runs?: string; seed?: string }, io: CommandIO): Promise<number> {
  const runs = options.runs === undefined ? 100 : Number(options.runs);
  const seed = options.seed === undefined ? 1 : Number(options.seed);
  if (!Number.isInteger(runs) || runs < 1 || !Number.isInteger(seed)) {
    io.err('tapegrid drtest: --runs and --seed expect whole numbers');
    return exitCodes.badInput;
  }
  const loaded = await loadConfigOrReport(file, io);
  if (loaded === null) return exitCodes.badInput;
  const setup = buildVerifySetup(loaded);
  if (setup.drTest === null) {
    io.err(`${file}: no drTest section: describe the DR test plan (host, clusters, links, write protect, test range, TMS rules)`);
    return exitCodes.badInput;
  }
  if (options.checklist) {
    io.out(renderChecklist(loaded.definition, setup.drTest));
    return exitCodes.ok;
  }
  const progress = createProgress('checking the plan', !options.json && process.stderr.isTTY === true);
  const check = checkDrPlan(setup, { runs, seed, maxSteps: 40, onProgress: verifyProgressBar(progress) });
  // "Why each step" explains a plan that holds; on a plan that is already unsafe every removal "breaks" it.
  const why = check.clean ? whyEachStep(setup, { runs, seed, maxSteps: 40 }) : [];
  progress.finish();
  let figures: ReturnType<typeof buildPlan>['sections'][number]['figures'] = [];
  if ((loaded.config.workload ?? []).length > 0) {
    const catalog = await loadCatalogOrReport(loaded, io);
    if (catalog !== null) {
      const plan = buildPlan(buildPlanInputs(loaded.config, loaded.units, catalog.catalog));
      figures = plan.sections.flatMap((section) => section.figures).filter((figure) => figure.id.startsWith('outage.') || figure.id.startsWith('scratch.pool') || figure.id === 'scratch.dr-test-range');
    }
  }
  if (options.json) io.out(toJson({ file, check, figures, why }));
  else io.out(renderDrTest(loaded.definition, file, check, figures, why, io.style));
  return check.clean ? exitCodes.ok : exitCodes.failed;
}
