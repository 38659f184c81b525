import { join } from 'node:path';
import { assembleReport } from '../../api/report.js';
import { loadCatalogOrReport, loadConfigOrReport } from '../load.js';
import { renderHtml } from '../../reports/html.js';
import { renderMarkdown } from '../../reports/markdown.js';
import { exitCodes, toJson, type CommandIO } from '../io.js';
import { outputFolderProblem, writeFilesSafely } from '../safeWrite.js';
import { createProgress, verifyProgressBar } from '../progress.js';

/** Help text of `tapegrid report`. */
export const reportHelp = `Usage: tapegrid report <config> --out <dir> [--force] [--seed S] [--runs N] [--catalog FILE] [--json]

Runs validation, verification, a what-if for each cluster and each site lost, and the plan, and
writes three files to <dir>:
  report.html   one self-contained page (no network, no scripts): summary, grid diagram, safety
                verdicts with traces, what-ifs, WAN and RPO with charts, scratch and media,
                recommendations, assumptions, traceability matrix
  report.md     the same as Markdown (charts as tables)
  report.json   everything as data (schema/report.schema.json)
Markdown and JSON are byte-identical for the same configuration and seed; only report.html carries
the time it was generated, in its marked header. Nothing is written outside <dir>; an existing
report is not overwritten without --force.

Options:
  --out DIR      where to write (created if missing)
  --force        overwrite report.html, report.md and report.json in DIR (other files are left alone)
  --seed S       seed of the verification (default 1, so reports are reproducible)
  --runs N       random runs of the verification, after its exhaustive search (default 200)
  --catalog FILE planning catalog (default catalog/reference.yaml)
  --json         print the report data to stdout as well

Examples:
  tapegrid report examples/three-cluster-ha-dr.yaml --out report-out
  tapegrid report my-grid.yaml --out /tmp/grid-report --force --seed 7

Exit codes: 0 written (safe and targets met), 1 written but a violation or a failed target, 2 bad input.`;

const reportFiles = ['report.html', 'report.md', 'report.json'] as const;

/** `tapegrid report`. */
export async function runReport(file: string, options: { out?: string; force: boolean; seed?: string; runs?: string; catalog?: string; json: boolean; version: string }, io: CommandIO): Promise<number> {
  if (options.out === undefined) {
    io.err(`tapegrid report: --out <dir> is required\n\n${reportHelp}`);
    return exitCodes.badInput;
  }
  const seed = options.seed === undefined ? 1 : Number(options.seed);
  const runs = options.runs === undefined ? 200 : Number(options.runs);
  if (!Number.isInteger(seed) || !Number.isInteger(runs) || runs < 1 || runs > 1_000_000) {
    io.err('tapegrid report: --seed and --runs expect whole numbers (runs from 1 to 1,000,000)');
    return exitCodes.badInput;
  }
  // Checked before the long verification, and again when writing (a file may appear meanwhile).
  const outProblem = outputFolderProblem(options.out, reportFiles, options.force);
  if (outProblem !== null) {
    io.err(`tapegrid report: ${outProblem}`);
    return exitCodes.badInput;
  }
  const loaded = await loadConfigOrReport(file, io);
  if (loaded === null) return exitCodes.badInput;
  if (loaded.definition.hosts.length === 0) {
    io.err(`${file}: a report needs at least one host to verify and run what-ifs`);
    return exitCodes.badInput;
  }
  const catalog = await loadCatalogOrReport(loaded, io, options.catalog);
  if (catalog === null) return exitCodes.badInput;
  const progress = createProgress('verifying', process.stderr.isTTY === true);
  const data = assembleReport(loaded, catalog.catalog, { seed, runs, toolVersion: options.version, configFile: file, onProgress: verifyProgressBar(progress) });
  progress.finish();
  const json = `${toJson(data)}\n`;
  try {
    await writeFilesSafely(
      options.out,
      [
        { name: 'report.md', content: renderMarkdown(data) },
        { name: 'report.json', content: json },
        { name: 'report.html', content: renderHtml(data, new Date().toISOString()) },
      ],
      options.force,
    );
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    io.err(`tapegrid report: ${code === 'EEXIST' ? `a report file appeared in ${options.out} during the run; nothing was replaced (use --force)` : error instanceof Error ? error.message : String(error)}`);
    return exitCodes.badInput;
  }
  if (options.json) io.out(json);
  else {
    io.out(`wrote ${reportFiles.map((name) => join(options.out ?? '', name)).join(', ')}`);
    io.out(`safe: ${data.summary.safe ? 'yes' : `no (${data.summary.violated.join(', ')})`}; targets: ${data.summary.targetsMet === null ? 'no workload' : data.summary.targetsMet ? 'met' : 'not met'}; rules not covered: ${data.summary.notCovered.length}`);
  }
  return data.summary.safe && data.summary.targetsMet !== false ? exitCodes.ok : exitCodes.failed;
}
