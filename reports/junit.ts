import type { CiReport } from './ciReport.js';

/**
 * A CI report as JUnit XML (the test report format CI servers show): one test suite for the command
 * run, one test case per check; a failed case carries its message and trace, a skipped one (an
 * invariant never put to the test) says why, a warning passes with its text in system-out.
 */
export function renderJunit(report: CiReport): string {
  const failures = report.cases.filter((entry) => entry.outcome === 'failed').length;
  const skipped = report.cases.filter((entry) => entry.outcome === 'skipped').length;
  const suite = `${report.command} ${report.subject}`;
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="tapegrid" tests="${report.cases.length}" failures="${failures}" errors="0" skipped="${skipped}">`,
    `  <testsuite name="${xml(suite)}" tests="${report.cases.length}" failures="${failures}" errors="0" skipped="${skipped}">`,
  ];
  for (const entry of report.cases) {
    const where = `${entry.location.file}${entry.location.line === undefined ? '' : `:${entry.location.line}${entry.location.column === undefined ? '' : `:${entry.location.column}`}`}`;
    const name = `${entry.title}${entry.rules.length === 0 ? '' : ` [${entry.rules.join(', ')}]`}`;
    const open = `    <testcase classname="${xml(report.command.replace(/\s+/g, '.'))}" name="${xml(name)}" file="${xml(entry.location.file)}"${entry.location.line === undefined ? '' : ` line="${entry.location.line}"`}>`;
    if (entry.outcome === 'failed') lines.push(open, `      <failure message="${xml(entry.message)}" type="${xml(entry.id)}">${xml(`${where}\n${entry.message}${entry.detail === undefined ? '' : `\n${entry.detail}`}`)}</failure>`, '    </testcase>');
    else if (entry.outcome === 'skipped') lines.push(open, `      <skipped message="${xml(entry.message)}"/>`, '    </testcase>');
    else if (entry.outcome === 'warning') lines.push(open, `      <system-out>${xml(`warning: ${where}\n${entry.message}`)}</system-out>`, '    </testcase>');
    else lines.push(`${open.slice(0, -1)}/>`);
  }
  lines.push('  </testsuite>', '</testsuites>');
  return lines.join('\n');
}

/** Text as XML character data or an attribute value; characters XML 1.0 cannot carry are dropped. */
function xml(text: string): string {
  return text
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}
