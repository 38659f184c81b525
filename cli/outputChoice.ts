import type { FailOn } from '../reports/ciReport.js';

/**
 * `--format text|json|junit|sarif` and `--fail-on violation,target,warning` of the commands a CI job
 * runs (validate, verify, plan, diff), parsed once here; no heavy import, so `--help` stays fast.
 */

/** An output format. `--json` is `--format json`. */
export type OutputFormat = 'text' | 'json' | 'junit' | 'sarif';

/** What a command prints and what makes it exit 1. */
export interface OutputChoice {
  readonly format: OutputFormat;
  readonly failOn: ReadonlySet<FailOn>;
}

const formats: readonly OutputFormat[] = ['text', 'json', 'junit', 'sarif'];
const failReasons: readonly FailOn[] = ['violation', 'target', 'warning'];

/** The output choice of the command line, or a usage error. Default: text, fail on violations and missed targets. */
export function parseOutputChoice(format: string | undefined, json: boolean, failOn: string | undefined): OutputChoice | { error: string } {
  if (format !== undefined && !formats.includes(format as OutputFormat)) return { error: `--format expects one of ${formats.join(', ')}, found "${format}"` };
  if (json && format !== undefined && format !== 'json') return { error: `--json and --format ${format} ask for two formats; give one` };
  const reasons = failOn === undefined ? ['violation', 'target'] : failOn.split(',').map((reason) => reason.trim());
  const unknown = reasons.filter((reason) => !failReasons.includes(reason as FailOn));
  if (unknown.length > 0 || reasons.length === 0) return { error: `--fail-on expects a comma-separated list of ${failReasons.join(', ')}, found "${failOn ?? ''}"` };
  return { format: json ? 'json' : ((format as OutputFormat | undefined) ?? 'text'), failOn: new Set(reasons as FailOn[]) };
}

/** The exit decision of `--fail-on`: 1 when a listed reason happened. */
export function failsOn(choice: OutputChoice, happened: { readonly violation?: boolean; readonly target?: boolean; readonly warning?: boolean }): boolean {
  return (choice.failOn.has('violation') && happened.violation === true) || (choice.failOn.has('target') && happened.target === true) || (choice.failOn.has('warning') && happened.warning === true);
}
