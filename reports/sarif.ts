import type { CiCase, CiReport } from './ciReport.js';

/**
 * A CI report as SARIF 2.1.0 (the format code review tools read to annotate files): one result per
 * failed or warning case, pointing at the configuration file, line and column of the field
 * responsible, with the rule ids of DOMAIN.md in its properties. Passed and skipped cases are not
 * results; every case's id is a rule of the run's tool.
 */
export function renderSarif(report: CiReport, version: string): string {
  const ruleIds = [...new Set(report.cases.map((entry) => entry.id))];
  const ruleIndex = new Map(ruleIds.map((id, index) => [id, index]));
  const results = report.cases
    .filter((entry) => entry.outcome === 'failed' || entry.outcome === 'warning')
    .map((entry: CiCase) => ({
      ruleId: entry.id,
      ruleIndex: ruleIndex.get(entry.id) ?? 0,
      level: entry.outcome === 'failed' ? 'error' : 'warning',
      message: { text: entry.detail === undefined ? entry.message : `${entry.message}\n${entry.detail}` },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: toUri(entry.location.file) },
            ...(entry.location.line === undefined ? {} : { region: { startLine: entry.location.line, ...(entry.location.column === undefined ? {} : { startColumn: entry.location.column }) } }),
          },
        },
      ],
      properties: { rules: [...entry.rules], title: entry.title },
    }));
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'tapegrid',
            version,
            rules: ruleIds.map((id) => {
              const first = report.cases.find((entry) => entry.id === id);
              return { id, shortDescription: { text: first?.title ?? id }, properties: { rules: [...(first?.rules ?? [])] } };
            }),
          },
        },
        automationDetails: { id: `${report.command}/${report.subject}` },
        results,
      },
    ],
  };
  return JSON.stringify(log, null, 2);
}

/** A file path as a relative URI reference (forward slashes, each segment percent-encoded). */
function toUri(file: string): string {
  return file
    .replace(/\\/g, '/')
    .split('/')
    .map((segment) => encodeURIComponent(segment))
    .join('/');
}
