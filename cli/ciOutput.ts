import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { applyFailOn, type CiReport } from '../reports/ciReport.js';
import { renderJunit } from '../reports/junit.js';
import { renderSarif } from '../reports/sarif.js';
import type { CommandIO } from './io.js';
import { packageRoot } from './packageRoot.js';
import type { OutputChoice } from './outputChoice.js';

/** Writes the JUnit and SARIF output of the commands a CI job runs (loaded only when asked for). */

function packageVersion(): string {
  return (JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8')) as { version: string }).version;
}

/** Writes a CI report as JUnit XML or SARIF; returns whether any case failed (after --fail-on). */
export function writeCiReport(report: CiReport, choice: OutputChoice, io: CommandIO): boolean {
  const effective = applyFailOn(report, choice.failOn);
  io.out(choice.format === 'sarif' ? renderSarif(effective, packageVersion()) : renderJunit(effective));
  return effective.cases.some((entry) => entry.outcome === 'failed');
}
