import type { ConfigProblem } from '../config/index.js';
import type { Style } from './style.js';

/** A field path as users read it: clusters[1].aotm.gracePeriod. */
export function formatPath(path: readonly (string | number)[]): string {
  if (path.length === 0) return '(file)';
  return path
    .map((key, index) => (typeof key === 'number' ? `[${key}]` : /^[A-Za-z_$][\w$]*$/.test(key) ? `${index === 0 ? '' : '.'}${key}` : `[${JSON.stringify(key)}]`))
    .join('');
}

/**
 * One line per problem: file:line:column, severity, field path, message, then what was expected and
 * what was found, and the stable code (and rule id) in brackets.
 */
export function renderProblems(file: string, problems: readonly ConfigProblem[], style: Style): string {
  return problems
    .map((problem) => {
      const position = problem.line === undefined ? file : `${file}:${problem.line}:${problem.column ?? 1}`;
      const severity = problem.severity === 'error' ? style.red('error') : style.yellow('warning');
      const detail = [problem.expected === undefined ? '' : `expected ${problem.expected}`, problem.found === undefined ? '' : `found ${problem.found}`].filter((part) => part !== '').join('; ');
      const tag = problem.rule === undefined ? problem.code : `${problem.code}, ${problem.rule}`;
      return `${position}  ${severity}  ${style.bold(formatPath(problem.path))}: ${problem.message}${detail === '' ? '' : `\n    (${detail})`}  [${tag}]`;
    })
    .join('\n');
}
